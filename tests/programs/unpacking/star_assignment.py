# Starred assignment targets in every position; errors for wrong counts.
a, *b = [1, 2, 3]
*c, d = "xyz"
e, *f, g = range(5)
h, *i = (1,)
print(a, b, c, d, e, f, g, h, i)
(j, k), *rest = [(1, 2), 3, 4]
print(j, k, rest)
[l, [m, *n]] = [1, [2, 3, 4]]
print(l, m, n)
*everything, = {1: "a", 2: "b"}
print(everything)
for x, *y in [(1, 2, 3), (4,)]:
    print(x, y)
for bad in ([1], [1, 2, 3, 4]):
    try:
        p, q, r = bad
    except ValueError as err:
        print("ValueError:", err)
try:
    s, *t, u = [1]
except ValueError as err:
    print("ValueError:", err)
try:
    v, w = 5
except TypeError as err:
    print("TypeError:", err)
def gen():
    yield from range(3)
x1, x2, x3 = gen()
print(x1, x2, x3)
