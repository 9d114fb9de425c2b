# Generators: yield, StopIteration, return value, state.
def gen():
    print("start")
    yield 1
    print("middle")
    yield 2
    print("end")
    return "result"
g = gen()
print(g.__class__.__name__, next(g), next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value, e.args)
try:
    next(g)
except StopIteration as e:
    print("again:", e.value)
def counter(n):
    i = 0
    while i < n:
        yield i
        i += 1
print(list(counter(5)), sum(counter(101)), list(zip(counter(3), "abc")))
import inspect
g2 = counter(1)
print(inspect.getgeneratorstate(g2))
next(g2)
print(inspect.getgeneratorstate(g2))
list(g2)
print(inspect.getgeneratorstate(g2))
