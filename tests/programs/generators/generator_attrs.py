# Generator attributes: gi_frame, gi_running, gi_code, gi_yieldfrom, __name__.
def g():
    yield 1
    yield 2
x = g()
print(x.__name__, x.__qualname__, x.gi_code.co_name, x.gi_running, x.gi_yieldfrom)
print(x.gi_frame.f_lineno, x.gi_frame.f_code.co_name)
next(x)
print(x.gi_frame.f_lineno)
def outer():
    yield from g()
o = outer()
next(o)
print(o.gi_yieldfrom.__name__)
def self_running():
    yield gen.gi_running
gen = self_running()
print(next(gen))
def reentrant():
    yield next(r)
r = reentrant()
try:
    next(r)
except ValueError as e:
    print("ValueError:", e)
print(iter(x) is x, hasattr(x, "__next__"))
