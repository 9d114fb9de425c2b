# * and ** in calls, multiple unpackings, merges in displays.
def f(*args, **kwargs):
    return args, kwargs
print(f(*[1, 2], 3, *(4, 5), *"ab"))
print(f(**{"a": 1}, b=2, **{"c": 3}))
print(f(*range(2), *{}, **{}))
print([*range(3), *"xy", *[None]], (*[1, 2], 3), {*[1, 1, 2], *(3,)})
print({**{"a": 1, "b": 2}, "b": 20, **{"c": 3, "a": 10}})
print({"x": 1, **{"x": 2}}, dict(**{"k": "v"}, z=1))
first, *middle, last = *"hello", "!"
print(first, middle, last)
print(*[1, 2, 3], sep=" | ")
nested = [[1, 2], [3]]
print([*nested[0], *nested[1]], max(*nested[0], *nested[1]))
