# dict operations and insertion ordering.
d = {"b": 1, "a": 2}
d["c"] = 3
d["b"] = 10
print(d, list(d), list(d.values()), list(d.items()))
del d["a"]
d["a"] = 4
print(d, len(d), "a" in d, d.get("z"), d.get("z", 0))
print(d.pop("b"), d.pop("q", None), d.setdefault("e", 5), d.setdefault("e", 6), d)
print(d.popitem(), d)
d.update({"x": 1}, y=2)
d.update([("z", 3)])
print(d, dict(a=1, b=2), dict([(1, 2)]), dict.fromkeys("ab", 0))
print({**d, "x": 100}, d | {"w": 0}, {1: "a"} | {1: "b"})
d |= {"x": -1}
print(d)
print({1: "int", 1.0: "float", True: "bool"})
print(sorted({3: "c", 1: "a"}.items()), {k: v for k, v in zip("abc", range(3))})
print(list(reversed({"p": 1, "q": 2})), d.keys() & {"x", "nope"}, {"x": 1}.keys() == {"x"})
try:
    d["missing"]
except KeyError as e:
    print("KeyError:", e, repr(e))
it = iter(d)
try:
    for k in d:
        d["new" + k] = 1
except RuntimeError as e:
    print("RuntimeError:", e)
