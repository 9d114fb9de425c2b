# Assignment expressions inside comprehensions bind in the containing scope.
def f():
    data = [3, 8, 1, 9, 4]
    big = [last := v for v in data if v > 3]
    return big, last
print(f())
values = [1, 2, 3, 4]
running = 0
sums = [running := running + v for v in values]
print(sums, running)
print([y for x in range(5) if (y := x * x) > 4], y)
def first_match(words):
    if any((found := w).startswith("q") for w in words):
        return found
    return None
print(first_match(["apple", "quince", "queen"]), first_match(["x"]))
class K:
    stuff = [z := 5]
print(K.stuff, K.z)
