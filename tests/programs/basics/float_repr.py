# repr of floats: shortest round-trip, exponent thresholds.
vals = [0.1, 0.5, 1 / 3, 2 / 3, 1e15, 1e16, 1e-4, 1e-5, 123456789.123, 5e-324, 1.7976931348623157e308,
        2.5e-7, 100.0, 1e21, 1e22, 9007199254740993.0, 0.30000000000000004, -1.5, 3.0e-10]
for v in vals:
    print(repr(v), str(v))
print([0.1, 0.2], (1.0,), {1.5: 2.5})
print(1.0 * 10 ** 16, float(2 ** 53 + 1), 1 / 7)
