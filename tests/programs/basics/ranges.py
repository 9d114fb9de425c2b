# range objects.
r = range(2, 20, 3)
print(r, list(r), len(r), r[2], r[-1], r[1:3], 11 in r, 12 in r, r.index(14), r.count(5))
print(list(range(5, 0, -2)), list(range(0)), range(0, 10)[::-1], range(10) == range(0, 10, 1))
print(reversed(range(3)).__class__.__name__, list(reversed(range(3))), sum(range(101)))
print(range(10 ** 20)[-1], range(0, 10 ** 20, 7)[-1])
try:
    range(1, 2, 0)
except ValueError as e:
    print("ValueError:", e)
