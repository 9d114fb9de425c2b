# Function decorators: order of application, arguments, functools.wraps.
import functools
def trace(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        print("call", fn.__name__, args, kwargs)
        return fn(*args, **kwargs)
    return wrapper
def tag(name):
    def deco(fn):
        def wrapper(*a):
            return f"<{name}>{fn(*a)}</{name}>"
        return wrapper
    return deco
@tag("b")
@tag("i")
def text(s):
    return s
@trace
def add(a, b=2):
    "adds"
    return a + b
print(text("hi"), add(1, b=5), add.__name__, add.__doc__, add.__wrapped__(1))
order = []
def d(n):
    order.append(("made", n))
    def apply(f):
        order.append(("applied", n))
        return f
    return apply
@d(1)
@d(2)
def target():
    pass
print(order)
