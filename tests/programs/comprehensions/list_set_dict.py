# List, set and dict comprehensions with conditions and nesting.
print([x * x for x in range(6) if x % 2 == 0])
print({x % 4 for x in range(20)})
print({k: v for k, v in enumerate("abc") if k != 1})
print([(x, y) for x in range(3) for y in range(x)])
print([[x * y for y in range(1, 4)] for x in range(1, 4)])
print([x for x in range(20) if x % 2 if x % 3])
print({c: ord(c) for c in "hello"})
print([s.upper() for s in ["a", "b"]], [c for word in ["ab", "cd"] for c in word])
matrix = [[1, 2, 3], [4, 5, 6]]
print([list(row) for row in zip(*matrix)], [[row[i] for row in matrix] for i in range(3)])
print([i if i % 2 else -i for i in range(5)], [(lambda v: v * 10)(i) for i in range(3)])
print(sum(x for x in range(101)), max(len(w) for w in "a bb ccc".split()))
