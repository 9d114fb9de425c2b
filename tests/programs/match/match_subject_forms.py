# Subjects: tuples without parentheses, expressions; match as a soft keyword.
match = 1
case = 2
print(match, case)
def f(a, b):
    match a, b:
        case 0, 0:
            return "both zero"
        case 0, _:
            return "a zero"
        case x, y if x == y:
            return "equal"
        case _:
            return "other"
print(f(0, 0), f(0, 1), f(2, 2), f(1, 2))
match [x * 2 for x in range(3)]:
    case [0, *others]:
        print("doubled", others)
match (None,):
    case (None,):
        print("tuple of None")
def no_match(v):
    match v:
        case 1:
            return "one"
    return "fell through"
print(no_match(2))
