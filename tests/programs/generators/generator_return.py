# StopIteration inside a generator becomes RuntimeError (PEP 479); return in generators.
def bad():
    yield 1
    raise StopIteration("explicit")
try:
    list(bad())
except RuntimeError as e:
    print("RuntimeError:", e, "| cause:", repr(e.__cause__))
def early(n):
    for i in range(n):
        if i == 2:
            return f"stopped at {i}"
        yield i
g = early(10)
print(list(g))
def capture():
    r = yield from early(5)
    yield r
print(list(capture()))
def nested_next():
    it = iter([])
    yield next(it)
try:
    list(nested_next())
except RuntimeError as e:
    print("RuntimeError:", e)
