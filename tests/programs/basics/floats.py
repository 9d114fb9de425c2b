# Float arithmetic and repr.
print(0.1 + 0.2, 1 / 3, 2 / 3, 1e16, 1e-5, 1.5e300 * 1e10, -1e400)
print(1.0, 100.0, 1e22, 1e15, 123456789012345678.0, 0.0001, 0.00001)
print(float("inf"), float("-inf"), float("nan") != float("nan"))
print(round(2.5), round(3.5), round(-0.5), round(2.675, 2), round(1234.5678, -2))
print(7.5 // 2, 7.5 % 2, -7.5 // 2, -7.5 % 2, divmod(-7.5, 2))
print(2 ** 0.5, 10 ** -2, (-8) ** (1 / 3) == (-8) ** (1 / 3))
print(int(3.99), int(-3.99), float(7), float("  2.5  "), float("1_0.5"))
print((0.5).as_integer_ratio(), (3.75).is_integer(), (4.0).is_integer())
print(-0.0, 0.0 == -0.0, str(-0.0))
print(1.1 * 3, 3.3 / 1.1, 1e308 * 10)
print(float.fromhex("0x1.8p1"), (1.5).hex())
print(max(1.5, 2), min(-1, -1.0), sum([0.1] * 10))
try:
    1.0 / 0
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
try:
    2.0 ** 10000
except OverflowError as e:
    print("OverflowError:", e)
