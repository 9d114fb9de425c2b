# yield from: delegation of values, send, throw, return values.
def inner():
    x = yield "inner 1"
    print("inner got", x)
    y = yield "inner 2"
    print("inner got", y)
    return "inner result"
def outer():
    result = yield from inner()
    print("outer got result", result)
    yield "outer done"
o = outer()
print(next(o))
print(o.send("A"))
print(o.send("B"))
def flatten(x):
    for item in x:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item
print(list(flatten([1, [2, [3, [4]], 5], [[6]]])))
def delegate_iterables():
    yield from range(3)
    yield from "ab"
    yield from {"k": 1}
    return (yield from (i * 10 for i in range(2)))
print(list(delegate_iterables()))
def thrower():
    try:
        yield 1
    except KeyError:
        yield "inner handled KeyError"
def wrap():
    yield from thrower()
w = wrap()
next(w)
print(w.throw(KeyError))
def closing_inner():
    try:
        yield 1
    finally:
        print("inner finally")
def closing_outer():
    try:
        yield from closing_inner()
    finally:
        print("outer finally")
c = closing_outer()
next(c)
c.close()
