# A list comprehension inlined inside a generator expression iterates its own iterable.
g = ([x for x in range(3)] for x in range(2))
print(next(g), next(g))
print(list({y for y in "ab"} for _ in range(2)))
print([[c for c in w] for w in ("hi", "yo")])
print(sum(sum(v for v in range(n)) for n in range(5)))
print(list((k, {k2: v for k2, v in d.items()}) for k, d in {"a": {"b": 1}}.items()))
