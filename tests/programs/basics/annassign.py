# Variable annotations: module __annotations__, class annotations, annotations without value.
x: int = 5
y: "str"
z: list[int] = []
print(__annotations__)
class C:
    a: int
    b: str = "s"
    c: "C"
print(C.__annotations__, C.b, hasattr(C, "a"))
def f():
    q: int = 1
    r: int
    return q
print(f(), f.__annotations__)
def g(a: int, b: "x" = 2, *c: str, d: float, **e: bool) -> None:
    pass
print(g.__annotations__)
obj = C()
obj.attr: int = 3
print(obj.attr)
