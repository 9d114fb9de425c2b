# Special methods are looked up on the type, not the instance.
class C:
    def __len__(self):
        return 1
c = C()
c.__len__ = lambda: 99
print(len(c), c.__len__())
class D:
    pass
d = D()
d.__repr__ = lambda: "instance repr"
print(repr(d).startswith("<__main__.D object"), d.__repr__())
D.__repr__ = lambda self: "class repr"
print(repr(d))
class E:
    def __getattr__(self, name):
        return lambda *a: "from getattr"
try:
    len(E())
except TypeError as e:
    print("TypeError:", e)
print(E().__len__())
class Meta(type):
    def __len__(cls):
        return 7
    def __getitem__(cls, k):
        return f"Meta getitem {k}"
class F(metaclass=Meta):
    pass
print(len(F), F[3])
