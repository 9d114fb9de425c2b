# hash of numbers, id-free identity checks, callable, dir, help-free introspection, divmod, format.
print(hash(1) == hash(1.0) == hash(True), hash(-1), hash(0), hash((1, 2)) == hash((1, 2)), hash(2 ** 61 - 1))
print(callable(print), callable(lambda: 0), callable(5), callable(int))
print([n for n in dir([]) if not n.startswith("_")])
print("append" in dir(list), sorted(set(dir(object())) - set(dir(object)))[:3])
print(abs(-0.0), max("abc", "abd"), min([[2], [1, 9]]), pow(10, -2), divmod(7.5, 2))
print(format(0.1, ".20f"), format(2 ** 0.5, ".10e"), round(1e-5, 7))
print(repr(print), repr(len), repr(int), repr(type), repr(object), repr(None.__class__))
print(int.__name__, int.__qualname__, list.append.__qualname__, print.__name__, len.__doc__.splitlines()[0])
try:
    hash([])
except TypeError as e:
    print("TypeError:", e)
o = object()
p = o
print(o is p, o == p, o is not object(), type(o).__name__)
