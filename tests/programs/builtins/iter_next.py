# iter and next: defaults, sentinels, exhausted iterators, non-iterables.
it = iter([1, 2])
print(next(it), next(it), next(it, "done"))
try:
    next(it)
except StopIteration as e:
    print("StopIteration", e.args)
try:
    iter(5)
except TypeError as e:
    print("TypeError:", e)
try:
    next([1])
except TypeError as e:
    print("TypeError:", e)
counter = [0]
def tick():
    counter[0] += 1
    return counter[0]
print(list(iter(tick, 4)))
d = {"a": 1, "b": 2}
di = iter(d)
print(next(di), list(di), type(iter("s")).__name__, type(iter(range(3))).__name__)
print(list(iter(iter(iter([7])))))
