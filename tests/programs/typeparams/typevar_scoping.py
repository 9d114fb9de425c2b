# Annotation scopes: type params are visible in annotations and bounds, not outside.
class Base[T]:
    pass
class Derived[U](Base[U]):
    def method[V](self, a: U, b: V) -> tuple[U, V]:
        return (a, b)
print(Derived.__type_params__, Derived.method.__type_params__, Derived.method.__annotations__)
try:
    T
except NameError as e:
    print("NameError:", e)
def outer():
    x = "closure"
    def g[T](a: T) -> T:
        return x
    return g
print(outer()(1), outer().__type_params__)
class Lazy[T: Later]:
    pass
Later = float
print(Lazy.__type_params__[0].__bound__)
class Outer:
    attr = int
    def m[T: attr](self):
        pass
print(Outer.m.__type_params__[0].__bound__)
