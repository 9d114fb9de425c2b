# Generator expressions: laziness, single iteration, first iterable evaluated early.
gen = (x * 2 for x in range(4))
print(next(gen), list(gen), list(gen))
def source():
    print("source evaluated")
    return [1, 2]
g = (x for x in source())
print("created")
print(list(g))
log = []
def noisy(v):
    log.append(v)
    return v
lazy = (noisy(i) for i in range(5))
print(log, next(lazy), next(lazy), log)
print(sum(i * i for i in range(10)), tuple(c for c in "abc"), "-".join(str(i) for i in range(3)))
nested = ((i, j) for i in range(2) for j in (i, i + 10))
print(list(nested))
try:
    g2 = (x for x in 5)
except TypeError as e:
    print("TypeError:", e)
print(type(g).__name__, g.__name__, g.__qualname__)
