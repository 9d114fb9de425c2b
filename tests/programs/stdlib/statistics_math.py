# statistics and more math.
import statistics
import math
data = [2, 4, 4, 4, 5, 5, 7, 9]
print(statistics.mean(data), statistics.median(data), statistics.mode(data), statistics.pstdev(data), statistics.variance(data))
print(statistics.median_low([1, 3, 5, 7]), statistics.median_high([1, 3, 5, 7]), statistics.fmean([1, 2, 4]))
print(math.prod(range(1, 6)), math.dist((0, 0), (3, 4)), math.isclose(0.1 + 0.2, 0.3), math.degrees(math.pi), math.radians(180))
print(math.exp(1), math.log1p(0.5), math.sin(math.pi / 6), math.atan2(1, 1), math.modf(3.75), math.frexp(8.0), math.ldexp(0.5, 4))
print(math.nextafter(1.0, 2.0), math.ulp(1.0), math.cbrt(27) if hasattr(math, "cbrt") else 3.0, math.sumprod([1, 2], [3, 4]))
