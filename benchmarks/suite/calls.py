"""Function calls: recursion, positional and keyword arguments, defaults, *args and **kwargs.

Usage: calls.py [N]. Prints one result per kind of call and a combined checksum.
"""

import sys


def fib(n):
    if n < 2:
        return n
    return fib(n - 1) + fib(n - 2)


def tak(x, y, z):
    if y < x:
        return tak(tak(x - 1, y, z), tak(y - 1, z, x), tak(z - 1, x, y))
    return z


def add3(a, b, c):
    return a + b + c


def scaled(value, factor=3, offset=1):
    return value * factor + offset


def keyword_only(a, *, lo, hi):
    if a < lo:
        return lo
    if a > hi:
        return hi
    return a


def total(*args):
    s = 0
    for x in args:
        s += x
    return s


def options(**kwargs):
    return len(kwargs) + kwargs.get("extra", 0)


def plain_calls(n):
    acc = 0
    for i in range(n):
        acc = (acc + add3(i, 1, 2)) % 1_000_003
        acc = (acc + scaled(i)) % 1_000_003
        acc = (acc + scaled(i, 5)) % 1_000_003
        acc = (acc + scaled(i, offset=7)) % 1_000_003
        acc = (acc + keyword_only(i % 100, lo=10, hi=90)) % 1_000_003
    return acc


def varargs_calls(n):
    acc = 0
    values = (1, 2, 3, 4)
    for i in range(n):
        acc += total(i, i, i)
        acc += total(*values)
        acc += options(a=1, b=2, extra=i % 5)
    return acc


def main(n):
    f = fib(17 + n // 50_000)
    t = tak(18, 12, 6)
    p = plain_calls(n)
    v = varargs_calls(n)
    print("fib", f)
    print("tak", t)
    print("plain", p)
    print("varargs", v)
    print("checksum", (f + t + p + v) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 400_000)
