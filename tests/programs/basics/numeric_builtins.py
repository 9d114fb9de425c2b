# abs, round, divmod, pow, sum, min, max, int methods.
print(abs(-3.5), abs(-7), abs(3 - 4j), round(3.14159, 3), round(-2.5), round(7), round(7, -1))
print(divmod(17, 5), divmod(-17, 5), pow(2, 10), pow(2.0, -2), pow(-8, 1 / 3).__class__.__name__)
print(sum([1, 2, 3], 10), sum([[1], [2]], []), sum(x / 10 for x in range(5)))
print(min(3, 1, 2), max([4, 9, 2]), min("b", "a"), max([], default=None), min([(1, "b"), (1, "a")]))
print(max([1, -5, 3], key=abs), min({"x": 3, "y": 1}, key={"x": 3, "y": 1}.get))
print((42).bit_length(), (-1).bit_length(), (10).to_bytes(2, "little"), int.from_bytes(b"\xff", "big", signed=True))
print((3).conjugate(), (5).numerator, (5).denominator, (7).real, (2.5).imag)
print(round(0.5), round(1.5), round(2.5), round(-1.5), round(1e300), type(round(2.5, 0)).__name__)
import math
print(math.floor(-2.5), math.ceil(-2.5), math.trunc(-2.5), math.gcd(12, 18), math.lcm(4, 6), math.isqrt(99))
print(math.pi, math.e, math.sqrt(2), math.fsum([0.1] * 10), math.factorial(20), math.comb(10, 3), math.perm(5, 2))
print(math.inf, -math.inf, math.isnan(math.nan), math.copysign(1, -0.0), math.hypot(3, 4), math.log(8, 2), math.log10(1000))
