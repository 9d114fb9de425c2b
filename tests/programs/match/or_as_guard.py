# Or-patterns, as-patterns, guards and the order of evaluation.
def m(x):
    match x:
        case 1 | 2 | 3 as small:
            return f"small {small}"
        case [1, _] | [_, 1] as pair:
            return f"pair with a one {pair}"
        case (int() | float()) as num if num < 0:
            return f"negative {num}"
        case str(s) if s.startswith("a") and len(s) > 2:
            return "long a-word"
        case {"k": (1 | 2) as v}:
            return f"k is {v}"
        case _:
            return "no match"
for v in [2, [1, 9], [9, 1], -3.5, -1, 5, "abc", "ab", {"k": 2}, {"k": 3}]:
    print(repr(v), m(v))
log = []
def guard(tag, result):
    log.append(tag)
    return result
match 5:
    case 1 if guard("g1", True):
        pass
    case int() if guard("g2", False):
        pass
    case n if guard("g3", True):
        print("third case, n =", n)
print(log)
