# Order and duplicate keys in dict displays with ** and in keyword arguments.
base = {"b": 1, "a": 2}
merged = {"z": 0, **base, "a": 99, **{"c": 3}}
print(merged, list(merged))
class KeysOnly:
    def keys(self):
        return ["p", "q"]
    def __getitem__(self, k):
        return k * 2
print({**KeysOnly()}, dict(KeysOnly()))
def kw(**k):
    return k
print(kw(**KeysOnly(), r=1))
try:
    {**[1, 2]}
except TypeError as e:
    print("TypeError:", e)
