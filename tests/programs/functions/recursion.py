# Recursion: factorial, mutual recursion, Ackermann, flattening.
def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)
print(fact(25))
def is_even(n):
    return True if n == 0 else is_odd(n - 1)
def is_odd(n):
    return False if n == 0 else is_even(n - 1)
print(is_even(100), is_odd(7))
def ack(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ack(m - 1, 1)
    return ack(m - 1, ack(m, n - 1))
print(ack(2, 3))
def flatten(x):
    if isinstance(x, list):
        return [y for item in x for y in flatten(item)]
    return [x]
print(flatten([1, [2, [3, [4, [5]]]], 6]))
def depth():
    try:
        return 1 + depth()
    except RecursionError:
        return 1
import sys
print(depth() > 100, sys.getrecursionlimit())
