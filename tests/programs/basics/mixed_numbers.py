# Mixed int/float/complex arithmetic and comparisons, huge int to float, true division.
print(1 + 2.0, 3 * 1j, 1 + True, 2 ** 0.5 * 2 ** 0.5, 10 ** 20 / 10 ** 10, (10 ** 400) // (10 ** 399))
print(10 ** 400 / 10 ** 399, 7 / 2, -7 / 2, 1 / 3 * 3 == 1, 2 ** 53 + 1.0 == 2 ** 53)
print(10 ** 18 == 1e18, 10 ** 23 == 1e23, 2 ** 1023 < float("inf"), 1 < 1.5 < 2, 1 == 1 + 0j)
try:
    float(10 ** 400)
except OverflowError as e:
    print("OverflowError:", e)
try:
    10 ** 400 / 3.0
except OverflowError as e:
    print("OverflowError:", e)
print(int(1e20), int(-2.5e-3), round(10 ** 30 / 7), (3).__truediv__(2), (3).__rtruediv__(2))
print(divmod(2 ** 70, 2.5), 5 % -0.5, 0 ** 0, 0.0 ** 0, pow(0, 0, 1))
try:
    0 ** -1
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    5 % 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    divmod(1, 0.0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
