# Functions as values: map/filter/reduce, returning functions, partial application.
from functools import reduce, partial
def compose(*fns):
    def run(x):
        for fn in reversed(fns):
            x = fn(x)
        return x
    return run
inc = lambda x: x + 1
dbl = lambda x: x * 2
print(compose(inc, dbl)(5), compose(dbl, inc)(5), compose()(5))
print(list(map(inc, [1, 2, 3])), list(filter(None, [0, 1, "", "a"])), reduce(lambda a, b: a * b, range(1, 8)))
pow2 = partial(pow, 2)
print(pow2(10), partial(int, base=2)("1010"), pow2.func is pow, pow2.args)
ops = {"+": lambda a, b: a + b, "-": lambda a, b: a - b}
print(ops["+"](2, 3), ops["-"](2, 3))
def apply(fn, *args, **kwargs):
    return fn(*args, **kwargs)
print(apply(max, 3, 9, 2), apply(sorted, [3, 1], reverse=True))
