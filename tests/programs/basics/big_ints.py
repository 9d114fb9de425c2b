# Arbitrary precision integers.
f = 1
for i in range(1, 31):
    f *= i
print(f)
print(2 ** 200)
print(-(2 ** 100) // 3, -(2 ** 100) % 3)
print((10 ** 30 + 7) * (10 ** 30 - 7))
print(divmod(10 ** 40, 12345678901234567890))
print((1 << 100) >> 98, (1 << 100).bit_length(), (2 ** 64 - 1).bit_count())
print(int("123456789" * 5) % 1000003)
print(str(3 ** 150)[:20], len(str(3 ** 150)))
print(hex(2 ** 70), int("1" * 70, 2))
print(pow(2, 1000, 10 ** 9 + 7))
print((2 ** 64).to_bytes(9, "big"), int.from_bytes(b"\x01\x00", "little"))
print(abs(-(10 ** 25)), -(10 ** 25) < -(10 ** 24))
