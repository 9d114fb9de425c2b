# and/or short-circuit and return operands; not; truthiness.
print(0 or "x", "" or [] or 0, 1 and 2, 0 and 1/0, None or None)
print(not 0, not [1], not "", bool(()), bool({0}), bool(0.0), bool(0j))
class T:
    def __init__(self, v):
        self.v = v
    def __bool__(self):
        print("bool", self.v)
        return self.v
print((T(False) or T(True) or T(False)).v)
class L:
    def __len__(self):
        return 0
print(bool(L()), not L())
x = 3
print(x > 2 and x < 5 or x == 10)
print([] or {} or "last")
