# Nested comprehensions and comprehensions over comprehensions.
print([[c for c in w] for w in ["ab", "cd"]])
print({w: {c: w.count(c) for c in w} for w in ["aab", "xyz"]})
print([x for row in [[1, 2], [3]] for x in row if x != 2])
grid = [[(r, c) for c in range(3)] for r in range(2)]
print(grid, len([cell for row in grid for cell in row]))
pascal = [[1]]
for _ in range(5):
    prev = pascal[-1]
    pascal.append([a + b for a, b in zip([0] + prev, prev + [0])])
print(pascal[-1])
print([(i, j, k) for i in range(3) for j in range(i) for k in range(j)])
