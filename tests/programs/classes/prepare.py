# __prepare__: the class namespace object, and the order of definitions.
class Recording(dict):
    def __init__(self):
        super().__init__()
        self.order = []
    def __setitem__(self, key, value):
        self.order.append(key)
        super().__setitem__(key, value)
class Meta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kw):
        print("__prepare__", name, kw)
        return Recording()
    def __new__(mcls, name, bases, ns, **kw):
        cls = super().__new__(mcls, name, bases, dict(ns))
        cls.order = ns.order
        return cls
class C(metaclass=Meta, option=1):
    b = 1
    a = 2
    def z(self):
        pass
    b = 3
print(C.order, C.b)
class Defaulting(dict):
    def __missing__(self, key):
        if key.startswith("auto_"):
            return key.upper()
        raise KeyError(key)
class M(type):
    @classmethod
    def __prepare__(mcls, name, bases):
        return Defaulting()
class D(metaclass=M):
    value = auto_thing
print(D.value)
