# property: getter, setter, deleter, read-only, docstring, inheritance.
class Temp:
    def __init__(self):
        self._c = 0
    @property
    def celsius(self):
        "temperature in C"
        return self._c
    @celsius.setter
    def celsius(self, v):
        if v < -273.15:
            raise ValueError("below absolute zero")
        self._c = v
    @celsius.deleter
    def celsius(self):
        print("deleting")
        self._c = None
    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32
t = Temp()
t.celsius = 100
print(t.celsius, t.fahrenheit, Temp.celsius.__doc__, type(Temp.celsius).__name__)
try:
    t.celsius = -300
except ValueError as e:
    print("ValueError:", e)
try:
    t.fahrenheit = 5
except AttributeError as e:
    print("AttributeError:", e)
del t.celsius
print(t.celsius)
class Old:
    def get(self):
        return "via property()"
    x = property(get, doc="old style")
print(Old().x, Old.x.__doc__, Old.x.fset)
class Sub(Temp):
    @Temp.celsius.getter
    def celsius(self):
        return f"sub: {self._c}"
s = Sub()
s.celsius = 5
print(s.celsius)
