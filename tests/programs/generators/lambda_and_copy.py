# A generator lambda returns its body's value; generators and coroutines cannot be copied or pickled.
import copy, pickle
f = lambda: (yield 1)
def g(): return (yield 1)
f2 = lambda: (yield from g())
for gen_fun in (f, g, f2):
    gen = gen_fun()
    print(next(gen), end=" ")
    try:
        gen.send(2)
    except StopIteration as e:
        print("returned", e.value)
def h():
    yield 1
for op in (copy.copy, copy.deepcopy, pickle.dumps):
    try:
        op(h())
    except TypeError as e:
        print(op.__name__, "TypeError:", e)
async def co():
    pass
c = co()
try:
    copy.copy(c)
except TypeError as e:
    print("coroutine:", e)
c.close()
