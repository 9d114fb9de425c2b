# Searching a grid with nested loops, for/else to break out of two levels, while with complex conditions.
grid = [[1, 2, 3], [4, 42, 6], [7, 8, 9]]
for r, row in enumerate(grid):
    for c, v in enumerate(row):
        if v == 42:
            break
    else:
        continue
    break
print("found at", r, c)
a, b = 0, 100
steps = 0
while a < b and steps < 50 or steps == 0:
    a += 7
    b -= 3
    steps += 1
print(a, b, steps)
count = 0
for i in range(5):
    for j in range(5):
        if (i + j) % 2:
            continue
        if j > i:
            break
        count += 1
print(count)
