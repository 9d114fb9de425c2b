# format() and str.format with format specs.
print(format(42, "08b"), format(255, "#x"), format(255, "X"), format(1234567, ","), format(1234567, "_"))
print(format(3.14159, ".2f"), format(0.25, "%"), format(0.256, ".1%"), format(1e6, "e"), format(1e6, ".3g"))
print(format("abc", ">6"), format("abc", "<6") + "|", format("abc", "^7"), format("abc", "*^7"))
print(format(-42, "+"), format(42, "+"), format(42, " "), format(-42, "=8"), format(42, "=+8"))
print("{:>{w}.{p}f}".format(3.14159, w=10, p=3))
print("{0!r:>8} {0!s:<5}|".format("hi"))
print("{[1]} {.real} {x[k]}".format([1, 2], 3 + 4j, x={"k": "v"}))
print(format(1234.5, ",.2f"), format(10 ** 20, ","), format(123, "c") if False else format(97, "c"))
print(format(True, "d"), format(3, ".2f"), format(2.0, "g"), format(1.0, ""), format(1e16, ""))
print(format(12.5, "n"), format(-0.0, ".1f"), format(float("inf"), "f"), format(float("nan"), "F"))
print("{{}} {}".format("braces"))
try:
    format("abc", "d")
except ValueError as e:
    print("ValueError:", e)
