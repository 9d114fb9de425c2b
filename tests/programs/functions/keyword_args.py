# Keyword arguments: order of **kwargs, duplicates, non-identifier keys through **.
def show(**kw):
    return list(kw.items())
print(show(b=1, a=2, **{"c": 3}, d=4))
print(show(**{"not an identifier": 1, "": 2}))
def f(a, b=2, *, c):
    return a, b, c
args = {"c": 3, "b": 20}
print(f(1, **args), f(c=0, a=5))
try:
    show(**{1: 2})
except TypeError as e:
    print("TypeError:", e)
try:
    f(1, **{"a": 2}, c=3)
except TypeError as e:
    print("TypeError:", e)
try:
    show(a=1, **{"a": 2})
except TypeError as e:
    print("TypeError:", e)
