# __slots__: no __dict__, fixed attributes, inheritance with and without slots.
class P:
    __slots__ = ("x", "y")
    def __init__(self, x, y):
        self.x, self.y = x, y
p = P(1, 2)
print(p.x, p.y, hasattr(p, "__dict__"), P.__slots__, type(P.x).__name__)
try:
    p.z = 3
except AttributeError as e:
    print("AttributeError:", e)
q = P.__new__(P)
try:
    q.x
except AttributeError as e:
    print("AttributeError:", e)
class Q(P):
    pass
r = Q(1, 2)
r.z = 3
print(r.z, hasattr(r, "__dict__"))
class S(P):
    __slots__ = ("w",)
s = S(1, 2)
s.w = 9
print(s.w, hasattr(s, "__dict__"))
try:
    class Conflict:
        __slots__ = ("a",)
        a = 1
except ValueError as e:
    print("ValueError:", e)
class WithDict:
    __slots__ = ("a", "__dict__")
w = WithDict()
w.a = 1
w.b = 2
print(w.a, w.b, vars(w))
