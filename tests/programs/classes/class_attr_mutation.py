# Adding and removing methods on classes at runtime affects existing instances.
class C:
    pass
c = C()
C.greet = lambda self: f"hi from {type(self).__name__}"
print(c.greet())
def shout(self):
    return self.greet().upper()
C.shout = shout
print(c.shout())
del C.greet
try:
    c.shout()
except AttributeError as e:
    print("AttributeError:", e)
C.__str__ = lambda self: "patched str"
print(str(c), f"{c}")
class D(C):
    pass
C.late = "inherited late"
print(D().late, D.__bases__[0].__name__)
class E:
    other = "from E"
D.__bases__ = (E,)
print(hasattr(D(), "late"), D().other, [k.__name__ for k in D.__mro__])
