# decimal and fractions: exact arithmetic.
from decimal import Decimal, getcontext, ROUND_HALF_UP
from fractions import Fraction
print(Decimal("0.1") + Decimal("0.2"), Decimal(1) / Decimal(7), Decimal("1.30") * 2, Decimal(0.5))
getcontext().prec = 10
print(Decimal(2).sqrt(), Decimal("2.675").quantize(Decimal("0.01"), rounding=ROUND_HALF_UP), repr(Decimal("-0")))
print(Fraction(1, 3) + Fraction(1, 6), Fraction("3/4") * 2, Fraction(0.25), Fraction(10, -4), float(Fraction(1, 8)))
print(Fraction(1, 3) < 0.34, Fraction(355, 113).limit_denominator(10), Fraction(7, 2).as_integer_ratio(), round(Fraction(5, 2)))
try:
    Fraction(1, 0)
except ZeroDivisionError as e:
    print("ZeroDivisionError:", e)
