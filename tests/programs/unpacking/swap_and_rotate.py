# Tuple packing/unpacking idioms: rotation, fibonacci, enumerate/zip unpacking.
a, b, c = 1, 2, 3
a, b, c = b, c, a
print(a, b, c)
x, y = 0, 1
seq = []
for _ in range(10):
    seq.append(x)
    x, y = y, x + y
print(seq)
pairs = list(zip("abc", range(3)))
letters, numbers = zip(*pairs)
print(pairs, letters, numbers)
for i, (ch, n) in enumerate(pairs, start=1):
    print(i, ch, n)
(a, b), c = "xy", "z"
print(a, b, c)
