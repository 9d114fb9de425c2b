# Capture patterns, wildcard, and the binding after a match.
def m(x):
    match x:
        case 1:
            return "one"
        case other:
            return f"captured {other!r}"
print(m(1), m("z"))
match 42:
    case _:
        print("wildcard matches anything")
match (1, 2):
    case (a, _):
        print("a =", a)
match [1, 2, 3]:
    case [_, _, last]:
        pass
print("last is still bound:", last)
