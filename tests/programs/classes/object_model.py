# __new__ vs __init__, __init__ returning non-None, __call__, __del__-free lifecycle, __eq__/__hash__.
class Pt:
    def __new__(cls, *a):
        print("__new__", cls.__name__, a)
        return super().__new__(cls)
    def __init__(self, x):
        print("__init__", x)
        self.x = x
p = Pt(3)
class Other:
    def __new__(cls):
        return 42
print(Other())
class BadInit:
    def __init__(self):
        return 1
try:
    BadInit()
except TypeError as e:
    print("TypeError:", e)
class Adder:
    def __init__(self, n):
        self.n = n
    def __call__(self, x):
        return x + self.n
print(Adder(5)(10), callable(Adder(1)))
class Key:
    def __init__(self, k):
        self.k = k
    def __eq__(self, o):
        return isinstance(o, Key) and self.k == o.k
    def __hash__(self):
        return hash(self.k)
print(len({Key(1), Key(1), Key(2)}), {Key("a"): 1}[Key("a")])
class EqOnly:
    def __eq__(self, o):
        return True
print(EqOnly.__hash__ is None)
try:
    object().x = 1
except AttributeError as e:
    print("AttributeError:", e)
try:
    object(1)
except TypeError as e:
    print("TypeError:", e)
class Empty:
    pass
try:
    Empty(1)
except TypeError as e:
    print("TypeError:", e)
