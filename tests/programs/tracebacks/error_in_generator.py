# A traceback through a generator, a lambda and a comprehension.
def gen():
    yield 1
    yield (lambda v: v["key"])({})
total = sum(x for x in gen())
