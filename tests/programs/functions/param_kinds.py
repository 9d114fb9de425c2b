# Every parameter kind and how arguments bind to them.
def f(a, b, /, c, d=4, *args, e, f=6, **kwargs):
    return (a, b, c, d, args, e, f, kwargs)
print(f(1, 2, 3, e=5))
print(f(1, 2, c=3, e=5))
print(f(1, 2, 3, 40, 50, 60, e=5, f=7, g=8))
print(f(1, 2, 3, e=5, a="a in kwargs", b="b too"))
def kwonly(*, x, y=2):
    return x, y
print(kwonly(x=1), kwonly(y=0, x=1))
def posonly(x, y=10, /):
    return x + y
print(posonly(1), posonly(1, 2))
def star(*args, **kw):
    return args, kw
print(star(), star(1, *[2, 3], *(4,), k=1, **{"m": 2}, **{"n": 3}))
print(f.__code__.co_argcount, f.__code__.co_posonlyargcount, f.__code__.co_kwonlyargcount)
print(f.__defaults__, f.__kwdefaults__, f.__code__.co_varnames)
