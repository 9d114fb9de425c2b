"""The six benchmark programs as the host runs them natively, and their sizes.

Every prototype VM runs a hand-assembled version of each function here (its `main` takes the
same n) and must return the same checksum.
"""

from __future__ import annotations


def int_loop(n):
    total = 0
    i = 0
    while i < n:
        total += i * 2 % 7
        i += 1
    return total


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


class Counter:
    def incr(self):
        self.count += 1


def method_loop(n):
    c = Counter()
    c.count = 0
    i = 0
    while i < n:
        c.incr()
        i += 1
    return c.count


def float_loop(n):
    x = 0.0
    y = 1.0
    i = 0
    while i < n:
        x = x * 0.999 + y
        y = y + 0.25
        i += 1
    return x


def list_dict(n):
    items = []
    i = 0
    while i < n:
        items.append(i)
        i += 1
    total = 0
    for x in items:
        total += x
    counts = {}
    i = 0
    while i < n:
        k = i % 100
        counts[k] = counts.get(k, 0) + i
        i += 1
    return total + counts[7]


def exc_loop(n):
    total = 0
    i = 0
    while i < n:
        try:
            if i % 10 == 0:
                raise ValueError(i)
            total += i
        except ValueError:
            total += 1
        i += 1
    return total


# name -> (native function, n at default settings, n with --quick)
PROGRAMS = {
    "int_loop": (int_loop, 1_000_000, 100_000),
    "fib": (fib, 25, 20),
    "method_loop": (method_loop, 200_000, 20_000),
    "float_loop": (float_loop, 1_000_000, 100_000),
    "list_dict": (list_dict, 300_000, 30_000),
    "exc_loop": (exc_loop, 300_000, 30_000),
}
