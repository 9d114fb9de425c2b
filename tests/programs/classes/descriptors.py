# Descriptor protocol: data vs non-data descriptors and lookup precedence.
class NonData:
    def __get__(self, obj, owner):
        return f"nondata get (obj is None: {obj is None}, owner {owner.__name__})"
class Data:
    def __get__(self, obj, owner):
        return "data get"
    def __set__(self, obj, value):
        print("data set", value)
    def __delete__(self, obj):
        print("data delete")
class C:
    nd = NonData()
    d = Data()
c = C()
print(c.nd)
print(C.nd)
c.__dict__["nd"] = "instance wins over non-data"
print(c.nd)
c.__dict__["d"] = "instance loses to data"
print(c.d)
c.d = 5
del c.d
class Typed:
    def __init__(self, kind):
        self.kind = kind
    def __set_name__(self, owner, name):
        self.name = name
    def __get__(self, obj, owner=None):
        return self if obj is None else obj.__dict__[self.name]
    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError(f"{self.name} must be {self.kind.__name__}")
        obj.__dict__[self.name] = value
class Person:
    age = Typed(int)
    def __init__(self, age):
        self.age = age
p = Person(30)
print(p.age)
try:
    p.age = "old"
except TypeError as e:
    print("TypeError:", e)
def plain(self):
    return "function is a non-data descriptor"
print(plain.__get__(c, C)(), type(plain.__get__(c, C)).__name__)
