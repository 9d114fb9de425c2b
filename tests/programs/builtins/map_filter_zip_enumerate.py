# map, filter, zip (strict too), enumerate, reversed, all, any, len.
print(list(map(lambda x: x * 2, [1, 2])), list(map(pow, [2, 3], [3, 2])), list(map(str.upper, "ab")))
print(list(filter(lambda x: x > 1, [0, 1, 2, 3])), list(filter(None, [0, "", None, 1, "a"])))
print(list(zip("abc", [1, 2])), list(zip()), list(zip("ab", "cd", "ef")))
try:
    list(zip([1, 2], [1], strict=True))
except ValueError as e:
    print("ValueError:", e)
print(list(enumerate("xy")), list(enumerate("xy", 10)), list(reversed("abc")))
print(all([]), any([]), all([1, 0]), any([0, 3]), all(x > 0 for x in [1, 2]))
m = map(int, ["1", "2", "3"])
print(next(m), list(m), list(m))
print(len([1, 2]), len("héllo"), len({}), len(range(0, 100, 7)))
print(type(map(str, [])).__name__, type(zip()).__name__, type(enumerate([])).__name__, type(filter(None, [])).__name__)
