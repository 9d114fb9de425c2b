# int <-> str conversions in bases, and the errors.
print(int("42"), int(" -7 "), int("ff", 16), int("0x1F", 0), int("0b101", 0), int("z", 36), int("1_000"))
print(str(255), bin(-5), oct(64), hex(-255), f"{255:o}", int(12.9), int("+0"))
for bad in ["", "1.5", "abc", "0x1F", "1__0"]:
    try:
        int(bad)
    except ValueError as e:
        print("ValueError:", e)
try:
    int("9", 8)
except ValueError as e:
    print("ValueError:", e)
try:
    int([1])
except TypeError as e:
    print("TypeError:", e)
try:
    int("5", 1)
except ValueError as e:
    print("ValueError:", e)
print(float("1e3"), float("-inf"), str(1e100), repr(0.1), str(10 ** 20 * 1.0))
print(int("٣"), float("  ٣.٥ "))
import sys
print(sys.get_int_max_str_digits())
try:
    int("1" * 5000)
except ValueError as e:
    print("ValueError:", str(e)[:60])
