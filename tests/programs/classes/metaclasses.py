# Metaclasses: __new__, __init__, __call__, class keyword arguments, attributes of the metaclass.
class Meta(type):
    def __new__(mcls, name, bases, ns, **kw):
        print("Meta.__new__", name, [b.__name__ for b in bases], sorted(k for k in ns if not k.startswith("__")), kw)
        ns["added"] = "by meta"
        return super().__new__(mcls, name, bases, ns)
    def __init__(cls, name, bases, ns, **kw):
        print("Meta.__init__", name)
        super().__init__(name, bases, ns)
    def __call__(cls, *a, **k):
        print("Meta.__call__", cls.__name__, a)
        return super().__call__(*a, **k)
    def meta_method(cls):
        return f"meta method of {cls.__name__}"
class A(metaclass=Meta, flag=True):
    x = 1
    def method(self):
        pass
class B(A):
    pass
print(A.added, B.meta_method(), type(A).__name__, type(B).__name__)
b = B()
print(hasattr(b, "meta_method"), isinstance(A, Meta))
class Singleton(type):
    _instances = {}
    def __call__(cls, *a):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*a)
        return cls._instances[cls]
class Conf(metaclass=Singleton):
    def __init__(self, v):
        self.v = v
print(Conf(1).v, Conf(2).v, Conf(3) is Conf(4))
Dyn = type("Dyn", (object,), {"val": 3, "get": lambda self: self.val})
print(Dyn().get(), Dyn.__name__, type(Dyn))
class M1(type): pass
class M2(type): pass
class C1(metaclass=M1): pass
class C2(metaclass=M2): pass
try:
    class C3(C1, C2): pass
except TypeError as e:
    print("TypeError:", e)
