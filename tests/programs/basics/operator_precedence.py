# Operator precedence and associativity.
print(2 + 3 * 4, (2 + 3) * 4, 2 ** 3 ** 2, (2 ** 3) ** 2, -2 ** 2, (-2) ** 2, 2 ** -1)
print(10 - 4 - 3, 100 / 10 / 5, 2 * 3 % 4, 7 // 2 * 2, 1 + 2 << 3, 1 | 2 ^ 3 & 4, ~1 + 1)
print(not 1 == 2, not (1 == 2), 1 < 2 == True, (1 < 2) == True, True or False and False)
print(1 if 0 else 2 if 0 else 3, [1, 2][-1:] + [3] * 2, "a" + "b" * 2, -3 % 5, -(3 % 5))
x = 5
print(x > 3 and x < 10 or x == 0, x & 1 == 1, (x & 1) == 1, x + 1 if x else 0)
print(2 * -3, 2 - -3, - - 4, + - 5, not not [], 3 - 2 ** 2 * 2)
print((lambda: 1 if True else 2)(), 0 or 0.0 or "" or "last")
