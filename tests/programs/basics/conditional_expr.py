# Conditional expressions.
for n in range(-1, 3):
    print(n, "neg" if n < 0 else "zero" if n == 0 else "pos")
x = 1 if True else 1 / 0
y = (lambda: 1) if x else None
print(x, y(), [a if a % 2 else -a for a in range(5)])
print((1 if 0 else 2) + 3, 1 if 0 else 2 + 3)
