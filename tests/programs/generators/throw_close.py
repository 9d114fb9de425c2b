# throw() and close(): handling inside the generator, finally blocks, GeneratorExit.
def g():
    try:
        yield 1
        yield 2
    except ValueError as e:
        print("caught inside:", e)
        yield "recovered"
    finally:
        print("cleanup")
x = g()
print(next(x))
print(x.throw(ValueError("boom")))
try:
    next(x)
except StopIteration:
    print("done")
y = g()
next(y)
y.close()
print("closed", y.gi_frame is None)
def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refuse"
s = stubborn()
next(s)
try:
    s.close()
except RuntimeError as e:
    print("RuntimeError:", e)
z = g()
try:
    z.throw(KeyError("before start"))
except KeyError as e:
    print("KeyError from unstarted generator:", e)
w = g()
next(w)
try:
    w.throw(TypeError, "old-style type and value")
except TypeError as e:
    print("TypeError:", e)
def catcher():
    while True:
        try:
            yield
        except Exception as e:
            print("swallowed", type(e).__name__)
c = catcher()
next(c)
c.throw(IndexError)
c.throw(OSError("x"))
c.close()
print(c.gi_running, c.gi_frame)
