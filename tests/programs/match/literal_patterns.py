# Value patterns: literals, negative numbers, complex, strings, bytes, singletons.
def m(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case 2 + 3j:
            return "complex"
        case -2 - 1j:
            return "negative complex"
        case "hello" "world":
            return "concatenated string"
        case b"raw":
            return "bytes"
        case True:
            return "True"
        case None:
            return "None"
        case False:
            return "False"
        case _:
            return "other"
for v in [0, -1, 1.5, 2 + 3j, -2 - 1j, "helloworld", b"raw", True, None, False, 0.0, 1, "x"]:
    print(repr(v), "->", m(v))
