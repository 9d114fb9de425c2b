# Nested function definitions: each call makes a new function object; recursion via the enclosing name.
def make_ops():
    def add(a, b):
        return a + b
    def fact(n):
        return 1 if n < 2 else n * fact(n - 1)
    return add, fact
a1, f1 = make_ops()
a2, f2 = make_ops()
print(a1 is a2, a1.__code__ is a2.__code__, a1(2, 3), f1(10))
def counter_factory():
    def inner():
        inner.calls += 1
        return inner.calls
    inner.calls = 0
    return inner
c = counter_factory()
c(); c()
print(c(), c.calls)
def conditional_def(flag):
    if flag:
        def impl():
            return "first"
    else:
        def impl():
            return "second"
    return impl()
print(conditional_def(True), conditional_def(False))
