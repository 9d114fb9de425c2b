# Conversions: bool, str, repr, ascii, chr, ord, bin/oct/hex, list/tuple/set/dict constructors.
print(str(b"bytes"), str(b"\xc3\xa9", "utf-8"), repr("x"), ascii("ü"), chr(65), ord("A"), ord("€"))
print(list("abc"), tuple([1, 2]), set([1, 1, 2]), dict([("a", 1), ["b", 2]]), dict(zip("xy", (1, 2))))
print(list({"k": 1}), list({"k": 1}.items()), tuple(range(3)), frozenset("aa"))
print(float(" 1.5\n"), complex("1j"), bool("False"), bool(0.0), int(b"12"), float(b"2.5"))
print(round(2.567, 1), str(2.50), repr(2.50), f"{2.50}", str(1e-7), str(1e16), str(-0.0))
try:
    chr(-1)
except ValueError as e:
    print("ValueError:", e)
try:
    ord("ab")
except TypeError as e:
    print("TypeError:", e)
try:
    dict([(1, 2, 3)])
except ValueError as e:
    print("ValueError:", e)
try:
    float("abc")
except ValueError as e:
    print("ValueError:", e)
print(list(b"ab"), bytes([1, 2]), bytearray(2), str(bytearray(b"x")), memoryview(b"ab").tolist())
