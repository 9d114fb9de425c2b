# sorted and list.sort: key, reverse, stability, mixed types.
words = ["banana", "Apple", "cherry", "apple", "Banana"]
print(sorted(words), sorted(words, key=str.lower), sorted(words, key=len, reverse=True))
records = [("b", 2), ("a", 2), ("c", 1), ("d", 3)]
print(sorted(records, key=lambda r: r[1]), sorted(records, key=lambda r: (-r[1], r[0])))
nums = [3, -1, 2, -5]
nums.sort(key=abs)
print(nums, sorted("hello"), sorted({3: 0, 1: 0}), sorted((2, 1)), sorted([], reverse=True))
import operator
print(sorted(records, key=operator.itemgetter(1, 0)), min(records, key=operator.itemgetter(1)))
try:
    sorted([1, "a"])
except TypeError as e:
    print("TypeError:", e)
try:
    [3, 1].sort(lambda x: x)
except TypeError as e:
    print("TypeError:", e)
stable = sorted([(1, "x"), (0, "y"), (1, "a"), (0, "b")], key=lambda t: t[0])
print(stable, sorted([0.5, 1, True, -2.0]))
print(list(reversed(sorted(range(5)))), sorted([[2], [1, 5], [1]]))
