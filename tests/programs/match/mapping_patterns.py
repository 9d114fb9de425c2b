# Mapping patterns: keys, values, **rest, extra keys ignored.
def m(x):
    match x:
        case {"type": "point", "x": px, "y": py}:
            return f"point {px},{py}"
        case {"type": "circle", **rest}:
            return f"circle with {rest}"
        case {1: one, **kw}:
            return f"int key {one} {kw}"
        case {}:
            return "some mapping"
        case _:
            return "not a mapping"
print(m({"type": "point", "x": 1, "y": 2, "z": 9}))
print(m({"type": "circle", "r": 3, "c": (0, 0)}))
print(m({1: "a", 2: "b"}))
print(m({"other": 1}), m({}), m([("type", "point")]))
import collections
print(m(collections.OrderedDict(type="circle")))
class Getter(dict):
    def get(self, key, default=None):
        print("get", key)
        return super().get(key, default)
print(m(Getter(type="point", x=0, y=0)))
