# Introspection helpers: __class__, __dict__, __mro__, __name__, __module__ of builtins.
class A:
    "doc of A"
    x = 1
    def m(self):
        return 1
a = A()
print(a.__class__.__name__, A.__doc__, sorted(k for k in A.__dict__ if not k.startswith("__")))
print(A.__mro__, type(A.__dict__["m"]).__name__, A.m.__qualname__, a.m.__name__)
print(int.__module__, len.__module__, A.__module__, type(a.m).__module__)
print([c.__name__ for c in bool.__mro__], object.__bases__, type.__bases__, type(object))
print(str.__dict__["upper"].__name__, type(str.__dict__["upper"]).__name__, type(int.__dict__["real"]).__name__)
print(hasattr(A, "__weakref__"), A.__init__ is object.__init__, A.__repr__ is object.__repr__)
