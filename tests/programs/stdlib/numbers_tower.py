# The numeric tower (numbers) with the types that join it: int, float, complex, Fraction,
# Decimal, and classes of the program's own, registered or derived.
import numbers
import math
import statistics
from decimal import Decimal, getcontext, localcontext, InvalidOperation
from fractions import Fraction
from collections.abc import MutableMapping

ABCS = [numbers.Number, numbers.Complex, numbers.Real, numbers.Rational, numbers.Integral]
VALUES = [True, 7, 2.5, 1j, Fraction(3, 4), Decimal("1.25")]
for value in VALUES:
    print(f"{type(value).__name__:9}", [abc.__name__ for abc in ABCS if isinstance(value, abc)])
print("Decimal is a Number:", issubclass(Decimal, numbers.Number), "not Real:", not issubclass(Decimal, numbers.Real))

# Decimal and Fraction compare exactly (Decimal's C code asks whether the other side is a
# numbers.Rational), in both orders; arithmetic between them is refused.
d, f = Decimal("0.75"), Fraction(3, 4)
print(d == f, f == d, d < Fraction(4, 5), Fraction(4, 5) > d, d >= f, d != Fraction(2, 3))
print(Decimal("0.5") == Fraction(1, 2), Decimal(1) == Fraction(1), sorted([Fraction(1, 3), Decimal("0.3"), 0.35, 1]))
print(hash(Decimal("1.5")) == hash(Fraction(3, 2)) == hash(1.5))
try:
    d + f
except TypeError as e:
    print("TypeError:", e)
print(Fraction(d), Fraction.from_decimal(Decimal("-2.5")), Decimal(f.numerator) / f.denominator)

# A class of the program's own joins the tower by registration or by inheritance.
class Meters:
    def __init__(self, value):
        self.value = value
numbers.Real.register(Meters)
print("registered:", isinstance(Meters(1), numbers.Real), isinstance(Meters(1), numbers.Complex), isinstance(Meters(1), numbers.Rational))

class Tenths(numbers.Rational):
    def __init__(self, n):
        self.n = n
    numerator = property(lambda self: self.n)
    denominator = property(lambda self: 10)
    def __float__(self): return self.n / 10
    def __repr__(self): return f"Tenths({self.n})"
    __abs__ = __add__ = __radd__ = __ceil__ = __floor__ = __floordiv__ = __rfloordiv__ = None
    __le__ = __lt__ = __mod__ = __rmod__ = __mul__ = __rmul__ = __neg__ = __pos__ = None
    __pow__ = __rpow__ = __round__ = __truediv__ = __rtruediv__ = __trunc__ = None
    def __eq__(self, other): return float(self) == float(other)
    __hash__ = None

t = Tenths(5)
print("derived:", isinstance(t, numbers.Rational), isinstance(t, numbers.Integral), float(t), Fraction(t))
try:
    numbers.Integral()
except TypeError as e:
    print("TypeError:", str(e).split(" with")[0])
print("Decimal vs own Rational:", Decimal("0.5") == t, Decimal("0.4") < Tenths(5))

# Decimal's context: flags and traps are mutable mappings of signals.
ctx = getcontext()
print(isinstance(ctx.flags, MutableMapping), isinstance(ctx.traps, MutableMapping), type(ctx.flags).__name__)
with localcontext() as local:
    local.prec = 5
    print(Decimal(1) / Decimal(3), sorted(s.__name__ for s, raised in local.flags.items() if raised))
    local.traps[InvalidOperation] = False
    print(Decimal("inf") - Decimal("inf"), local.flags[InvalidOperation])
t = Decimal("-3.140").as_tuple()
print(t, t.sign, t._fields, type(t).__name__, type(t).__module__, isinstance(t, tuple))

# Functions that work on any member of the tower.
print(math.floor(Fraction(7, 2)), math.ceil(Decimal("2.1")), round(Fraction(5, 2)), round(Decimal("2.675"), 2))
print(statistics.mean([Fraction(1, 2), Fraction(1, 3)]), statistics.median([Decimal("1.5"), Decimal("2.5"), Decimal("9")]))
print(sum([Fraction(1, 3)] * 3), sum([Decimal("0.1")] * 3), math.isclose(Fraction(1, 3), 1 / 3))
print(complex(Fraction(1, 2)), float(Decimal("1e-3")), int(Fraction(-7, 2)), Decimal(7).is_integer() if hasattr(Decimal, "is_integer") else "n/a")
