# Set operations (ints only: string hashes vary between runs).
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(a | b, a & b, a - b, a ^ b, a <= b, {3} < a, a.isdisjoint({9}))
print(a.union([7]), a.intersection(b, {4}), a.difference(b), a.symmetric_difference(b))
s = set()
s.add(1)
s.update([2, 3], (4,))
s.discard(9)
s.remove(1)
print(s, len(s), 2 in s, sorted(s))
s -= {2}
s |= {10}
s &= {3, 4, 10}
s ^= {4, 99}
print(sorted(s))
f = frozenset([1, 2])
print(f, f | {3}, {f: "key"}[frozenset({2, 1})], set(), frozenset())
print({x % 3 for x in range(10)}, set("aaa"), {1, 1.0, True})
try:
    set().pop()
except KeyError as e:
    print("KeyError:", e)
try:
    s.remove(12345)
except KeyError as e:
    print("KeyError:", e)
print(sorted({"b", "a", "c"}))
