# Complex numbers.
z = 3 + 4j
print(z, abs(z), z.real, z.imag, z.conjugate())
print(z * (1 - 2j), z / 2, z ** 2, -z, 1j * 1j)
print(complex(1, -1), complex("2+3j"), complex(2), 0j, -0j)
print((1 + 2j) == complex(1, 2), 2j + 1.5, type(1j).__name__)
print(repr(1e20j), repr(complex(0, -0.0)))
try:
    (1 + 1j) < (2 + 2j)
except TypeError as e:
    print("TypeError:", e)
