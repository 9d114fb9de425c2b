# isinstance, issubclass, type(), with tuples, unions, and __instancecheck__.
print(isinstance(1, int), isinstance(1, (str, float)), isinstance(True, int), isinstance(1, int | str))
print(issubclass(bool, (str, int)), issubclass(int, object), isinstance(int, type), isinstance(type, type))
print(type(1), type("s"), type(None), type(type), type(len), type([].append).__name__)
print(type(1) == int, type(True) is int, int | None, (int | str).__args__)
class Meta(type):
    def __instancecheck__(cls, obj):
        return obj == "magic"
    def __subclasscheck__(cls, sub):
        return sub is float
class Magic(metaclass=Meta):
    pass
print(isinstance("magic", Magic), isinstance("other", Magic), issubclass(float, Magic), issubclass(int, Magic))
try:
    isinstance(1, "int")
except TypeError as e:
    print("TypeError:", e)
try:
    issubclass(1, int)
except TypeError as e:
    print("TypeError:", e)
