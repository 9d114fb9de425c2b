# Dicts keep insertion order through updates, deletions, copies and comprehensions.
d = {}
for k in ["zeta", "alpha", "mid"]:
    d[k] = len(k)
d["alpha"] = 0
print(list(d))
del d["zeta"]
d["zeta"] = 1
print(list(d), list(d.copy()), list(dict(d)), list({k: v for k, v in d.items()}))
print(list(reversed(d)), list(d.items())[0], next(iter(d.values())))
print({"b": 1, "a": 2} == {"a": 2, "b": 1}, list({"b": 1, "a": 2} | {"c": 3, "b": 0}))
print(list(dict.fromkeys("mississippi")), list(sorted(d)) == sorted(d))
