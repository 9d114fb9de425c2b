# *args and **kwargs: forwarding, mixing with explicit arguments, generators as *args.
def inner(a, b, c=0, *rest, key=None, **extra):
    return a, b, c, rest, key, extra
def outer(*args, **kwargs):
    return inner(*args, **kwargs)
print(outer(1, 2))
print(outer(*range(5), key="k", other=1))
print(inner(*"ab", *[3], *(x for x in (4, 5))))
print(inner(1, *(), b=2))
print(max(*[3, 1, 2]), print(*"abc", sep="-"))
def count(*a, **k):
    return len(a), len(k)
print(count(*[], **{}), count(*[[]], **{"x": {}}))
