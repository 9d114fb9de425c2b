# Recursion limit: get/set, RecursionError, and a 50,000-deep recursion after raising the limit.
import sys
print(sys.getrecursionlimit())
def depth(n):
    return 0 if n == 0 else 1 + depth(n - 1)
try:
    depth(10 ** 5)
except RecursionError as e:
    print("RecursionError:", e)
sys.setrecursionlimit(60000)
print(sys.getrecursionlimit(), depth(50000))
def sum_to(n):
    if n == 0:
        return 0
    return n + sum_to(n - 1)
print(sum_to(50000))
try:
    sys.setrecursionlimit(0)
except ValueError as e:
    print("ValueError:", e)
sys.setrecursionlimit(1000)
try:
    depth(5000)
except RecursionError:
    print("limit lowered again")
