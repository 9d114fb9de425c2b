# Patterns nested in patterns: sequences of mappings of classes, or-patterns inside
# sequences, as-patterns at every level, and captures taken in order.
from dataclasses import dataclass


@dataclass
class Point:
    x: int
    y: int


@dataclass
class Line:
    start: Point
    end: Point


def describe(shape):
    match shape:
        case Line(Point(0, 0), Point(x, y) as end) if x == y:
            return f"diagonal from the origin to {end}"
        case Line(Point(x1, y1), Point(x2, y2)) if y1 == y2:
            return f"horizontal at y={y1} from {x1} to {x2}"
        case Line(start=Point(x=0) as s, end=e):
            return f"starts on the y axis at {s.y}, ends at {e}"
        case [Point(x=0, y=y0), *rest] if rest:
            return f"polyline from (0, {y0}) with {len(rest)} more"
        case [Point() as p]:
            return f"one point {p}"
        case {"line": Line(start=Point(x=a), end=Point(x=b))} if a < b:
            return f"mapping with a rightward line {a}->{b}"
        case {"points": [Point(x=a, y=b), Point(x=c, y=d)]}:
            return f"two points: {(a, b)} {(c, d)}"
        case [[1 | 2 as first, *_], [*_, 3 | 4 as last]]:
            return f"nested lists first={first} last={last}"
        case ((int() | float()) as n, (str() | bytes()) as s):
            return f"number {n} and text {s!r}"
        case [(a, b), (c, d)] | [[a, b], [c, d]]:
            return f"pairs {a}{b}{c}{d}"
        case {"a": {"b": {"c": deep}}}:
            return f"deep {deep}"
        case _:
            return "unknown"


samples = [
    Line(Point(0, 0), Point(3, 3)),
    Line(Point(1, 5), Point(4, 5)),
    Line(Point(0, 2), Point(4, 7)),
    [Point(0, 1), Point(2, 3), Point(4, 5)],
    [Point(0, 1)],
    [Point(7, 1)],
    {"line": Line(Point(1, 2), Point(5, 6))},
    {"line": Line(Point(5, 2), Point(1, 6))},
    {"points": [Point(1, 2), Point(3, 4)], "extra": True},
    [[2, 9, 9], [8, 4]],
    [[5, 9], [8, 4]],
    (1.5, b"x"),
    (2, "y"),
    ((1, 2), (3, 4)),
    [[1, 2], [3, 4]],
    ([1, 2], (3, 4)),
    {"a": {"b": {"c": 42}}},
    {"a": {"b": 42}},
]
for s in samples:
    print(describe(s))


# The same name bound in each alternative, in different positions.
def swap(v):
    match v:
        case (x, 0) | (0, x):
            return x
        case [x, y, *_] | {"x": x, "y": y}:
            return x, y
    return None


for v in [(5, 0), (0, 6), (0, 0), [1, 2, 3], {"y": 4, "x": 3}, "ab", 9]:
    print(repr(v), swap(v))


# Or-patterns nested in an or-pattern's alternatives and under as-patterns.
def tag(v):
    match v:
        case ((1 | 2) | (3 | 4)) as small:
            return f"small {small}"
        case [(("a" | "b") as letter), ((1 | 2) as digit)] | [digit, letter, _]:
            return f"letter={letter} digit={digit}"
    return "none"


for v in [1, 4, 5, ["a", 2], ["b", 3], [9, 8, 7]]:
    print(repr(v), tag(v))
