# functools decorators: lru_cache, cache, singledispatch, total_ordering, cached_property.
import functools
calls = 0
@functools.lru_cache(maxsize=None)
def slow_square(n):
    global calls
    calls += 1
    return n * n
print([slow_square(i % 3) for i in range(9)], calls, slow_square.cache_info())
@functools.singledispatch
def kind(x):
    return "object"
@kind.register
def _(x: int):
    return "int"
@kind.register(list)
def _(x):
    return "list"
print(kind(1), kind([]), kind("s"), kind(True))
@functools.total_ordering
class V:
    def __init__(self, v):
        self.v = v
    def __eq__(self, o):
        return self.v == o.v
    def __lt__(self, o):
        return self.v < o.v
print(V(1) <= V(2), V(3) >= V(2), V(1) > V(1))
class P:
    @functools.cached_property
    def value(self):
        print("computing")
        return 42
p = P()
print(p.value, p.value, "value" in vars(p))
