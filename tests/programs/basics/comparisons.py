# Chained comparisons, identity and membership.
x = 5
print(1 < x < 10, 1 < x > 10, 1 < 2 < 3 < 4 < 5, 3 > 2 == 2 != 1)
calls = []
def v(n):
    calls.append(n)
    return n
print(v(1) < v(0) < v(5), calls)
calls.clear()
print(v(1) < v(2) < v(3), calls)
print(None is None, [] is not [], 3 in [1, 2, 3], "a" not in "bcd")
print([1, 2] < [1, 3], (1, 2, 3) > (1, 2), "abc" < "abd", [1] == [1.0])
print(1 == 1.0 == True, 0 == False, "" == b"")
a = [1, 2]
b = a
print(a is b, a == a[:], a is a[:])
print(float("nan") in [float("nan")])
n = float("nan")
print(n in [n], n == n)
