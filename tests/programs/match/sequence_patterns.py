# Sequence patterns: lists, tuples, star, nested; strings are not sequences here.
def m(x):
    match x:
        case []:
            return "empty"
        case [a]:
            return f"one: {a}"
        case [a, b]:
            return f"two: {a} {b}"
        case (a, b, *rest) if len(rest) > 2:
            return f"many: {a} {b} +{len(rest)}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
print(m([]), m(()), m([1]), m((1, 2)), m([1, 2, 3]), m(range(7)), sep="\n")
print(m("ab"), m(b"ab"), m(bytearray(b"ab")))
match [1, [2, [3, 4]]]:
    case [x, [y, [z, w]]]:
        print(x, y, z, w)
match (1, 2, 3):
    case [*_, 3]:
        print("ends with 3")
match {"not": "a sequence"}:
    case [*_]:
        print("no")
    case _:
        print("a dict is not a sequence")
import collections
match collections.deque([1, 2]):
    case [a, b]:
        print("deque matched", a, b)
match [1, 2, 3]:
    case [1, *rest]:
        print(type(rest).__name__, rest)
match (1, 2, 3):
    case (1, *rest):
        print(type(rest).__name__, rest)
