# Rich comparisons: reflected operands, subclass priority, __eq__ default identity, __ne__ inverse.
class A:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        print(f"A.__eq__({self.v}, {getattr(o, 'v', o)})")
        return NotImplemented if not isinstance(o, A) else self.v == o.v
    def __lt__(self, o):
        print("A.__lt__")
        return self.v < o.v
class B(A):
    def __eq__(self, o):
        print("B.__eq__")
        return True
    def __gt__(self, o):
        print("B.__gt__")
        return True
print(A(1) == A(1))
print(A(1) == B(2))
print(A(1) < B(2))
print(A(1) == 5)
print(A(1) != A(2))
class Plain:
    pass
p = Plain()
print(p == p, p == Plain(), p != Plain())
