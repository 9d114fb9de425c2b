# super is the builtin type: subclassable, comparable, and zero-argument anywhere in a method.
class A:
    def f(self):
        return "A"
class B(A):
    def f(self):
        s = super()
        return "B>" + s.f() + " " + type(s).__name__ + " " + str(super().__class__ is super)
    def g(self):
        return super(B, self).f(), isinstance(super(), super)
print(B().f(), B().g(), super.__name__, super.__module__)
class mysuper(super):
    pass
class C(A):
    def f(self):
        return mysuper(C, self).f(), type(mysuper(C, self)).__name__
print(C().f())
for args in [(int, int, int), (1, int)]:
    try:
        super(*args)
    except TypeError as e:
        print(e)
class D(A):
    def f(self):
        return [super().f() for _ in range(2)]
print(D().f())
def no_class():
    return super()
try:
    no_class()
except RuntimeError as e:
    print(e)
