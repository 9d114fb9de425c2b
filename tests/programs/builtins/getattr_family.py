# getattr, setattr, hasattr, delattr, with defaults and errors.
class O:
    cls_attr = "c"
o = O()
setattr(o, "dynamic", 1)
setattr(o, "with space", 2)
print(getattr(o, "dynamic"), getattr(o, "with space"), getattr(o, "nope", None), hasattr(o, "cls_attr"))
delattr(o, "dynamic")
print(hasattr(o, "dynamic"), vars(o))
try:
    getattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
try:
    getattr(o, 5)
except TypeError as e:
    print("TypeError:", e)
try:
    delattr(o, "missing")
except AttributeError as e:
    print("AttributeError:", e)
print(getattr([], "append").__name__, getattr(1, "real"), getattr(str, "upper")("x"))
class Raising:
    @property
    def p(self):
        raise ValueError("not an AttributeError")
try:
    hasattr(Raising(), "p")
except ValueError as e:
    print("hasattr propagates:", e)
