# Lambdas: defaults, closures, immediately called, in sort keys, with every parameter kind.
sq = lambda x: x * x
print(sq(7), (lambda: "no args")(), (lambda *a, **k: (a, k))(1, z=2))
print((lambda a, /, b=2, *c, d, e=5, **f: (a, b, c, d, e, f))(1, d=4))
adders = [lambda x, n=n: x + n for n in range(3)]
print([a(10) for a in adders])
late = [lambda x: x + n for n in range(3)]
print([a(10) for a in late])
pairs = [(1, "b"), (3, "a"), (2, "c")]
print(sorted(pairs, key=lambda p: p[1]), max(pairs, key=lambda p: -p[0]))
compose = lambda f, g: lambda x: f(g(x))
print(compose(str, sq)(5) + "!", (lambda: (yield))().__class__.__name__)
print((lambda x: (lambda y: x + y))(1)(2), sq.__name__, sq.__qualname__)
