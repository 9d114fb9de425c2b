# Integer arithmetic: floor division and modulo signs, powers, bit operations.
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 5)]:
    print(a, b, a // b, a % b, divmod(a, b), a / b)
print(2 ** 10, 2 ** -1, (-2) ** 3, -2 ** 2, pow(3, 4, 5), pow(3, -1, 7))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, -16 >> 2, 255 >> 4)
print(abs(-12), +7, -(-7), int(True) + True, True * 3)
x = 17
x //= 3
print(x)
x **= 3
print(x)
x %= 7
print(x)
x <<= 4
x >>= 1
x |= 1
x &= 0xFF
x ^= 0b1010
print(x, bin(x), oct(x), hex(x))
print(0x_ff, 0o17, 0b_1010, 1_000_000)
