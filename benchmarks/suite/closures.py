"""Closures: function factories, counters with nonlocal state, lambdas, decorators and
composed functions.

Usage: closures.py [N]. Prints each part's result and a checksum.
"""

import sys


def make_counter(step):
    count = 0

    def counter():
        nonlocal count
        count += step
        return count

    return counter


def make_adder(k):
    return lambda x: x + k


def compose(f, g):
    def composed(x):
        return f(g(x))

    return composed


def logged(calls):
    def decorate(func):
        def wrapper(*args):
            calls.append(1)
            return func(*args)

        return wrapper

    return decorate


def counters(n):
    made = [make_counter(s) for s in range(1, 6)]
    total = 0
    for i in range(n):
        total += made[i % 5]()
    return total % 1_000_003


def pipelines(n):
    inc = make_adder(1)
    double = lambda x: x * 2
    pipeline = compose(inc, compose(double, make_adder(-3)))
    total = 0
    for i in range(n):
        total = (total + pipeline(i)) % 1_000_003
    return total


def decorated(n):
    calls = []

    @logged(calls)
    def area(w, h):
        return w * h

    total = 0
    for i in range(n):
        total += area(i % 13, 7)
    return total + len(calls)


def accumulators(n):
    def outer(seed):
        state = [seed]

        def push(x):
            state.append(state[-1] ^ x)
            if len(state) > 64:
                del state[:32]
            return state[-1]

        return push

    push = outer(7)
    total = 0
    for i in range(n):
        total += push(i)
    return total


def main(n):
    a = counters(n)
    b = pipelines(n)
    c = decorated(n)
    d = accumulators(n)
    print("counters", a)
    print("pipelines", b)
    print("decorated", c)
    print("accumulators", d)
    print("checksum", (a + b * 3 + c * 5 + d * 7) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600_000)
