# CPython's TypeError messages for bad calls.
def f(a, b, /, c, d=4, *, e, f=6):
    pass
def g(x):
    pass
def h(*, k):
    pass
def p(a, /):
    pass
class C:
    def m(self, x):
        pass
cases = [
    lambda: g(),
    lambda: g(1, 2),
    lambda: g(1, x=2),
    lambda: g(y=1),
    lambda: f(1, 2, 3),
    lambda: f(1, 2),
    lambda: f(1, b=2, c=3, e=5),
    lambda: f(1, 2, 3, 4, 5, e=1),
    lambda: h(1),
    lambda: h(),
    lambda: p(a=1),
    lambda: C().m(),
    lambda: C().m(1, 2),
    lambda: C.m(),
    lambda: g(**{"x": 1}, x=2),
    lambda: g(*1),
    lambda: g(**[1]),
    lambda: (lambda: 0)(1),
    lambda: len(),
    lambda: len(1, 2),
    lambda: 5(),
    lambda: "x".upper(1),
    lambda: int(x=1),
    lambda: sorted([1], reverse=1, foo=2),
    lambda: divmod(1),
    lambda: f(1, 2, 3, e=1, zz=3),
    lambda: g(1, **{"y": 2}),
]
for i, case in enumerate(cases):
    try:
        case()
    except TypeError as e:
        print(i, e)
    else:
        print(i, "no error")
