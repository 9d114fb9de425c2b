# A keyword argument named self reaches an Ouro function called from host code.
def f(**kw): return kw
print(f(self=1))
import functools
print(functools.partial(f, self=2)())
print(list(map(lambda self: self, [1])))
