# functools and operator.
import functools
import operator
print(functools.reduce(operator.mul, range(1, 6)), functools.reduce(lambda a, b: a + b, [], "init"))
getter = operator.itemgetter(1)
print(getter("abc"), operator.attrgetter("real")(3 + 4j), operator.methodcaller("upper")("x"))
print(operator.add(1, 2), operator.neg(5), operator.contains([1], 1), operator.index(7), operator.truth([]))
cmp = functools.cmp_to_key(lambda a, b: (a > b) - (a < b))
print(sorted([3, 1, 2], key=cmp))
@functools.wraps(print)
def wrapper(*a):
    pass
print(wrapper.__name__, wrapper.__wrapped__ is print)
p = functools.partial(int, "ff")
print(p(16), functools.partial(p, base=16)())
