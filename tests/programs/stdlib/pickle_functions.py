# Functions pickle and copy by reference (module and qualified name), as in CPython.
import pickle, copy, functools
def f(x): return x + 1
class C:
    def m(self): return 1
print(pickle.loads(pickle.dumps(f)) is f, copy.copy(f) is f, copy.deepcopy(f) is f)
print(pickle.loads(pickle.dumps(C.m)) is C.m)
p = functools.partial(f, 1)
q = pickle.loads(pickle.dumps(p))
print(q(), q.func is f)
try:
    pickle.dumps(lambda: 1)
except Exception as e:
    print(type(e).__name__, str(e).split(">")[-1])
def outer():
    def inner(): pass
    return inner
try:
    pickle.dumps(outer())
except Exception as e:
    print(type(e).__name__, str(e).split(">")[-1])
