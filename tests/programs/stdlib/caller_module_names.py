# Classes made by library functions are named after the calling module (namedtuple, NamedTuple, Enum, make_dataclass, NewType).
from collections import namedtuple
import typing, enum, dataclasses
P = namedtuple("P", "x y")
print(P, P(1, 2), P.__module__)
class E(typing.NamedTuple):
    a: int
print(E, E.__module__)
Color = enum.Enum("Color", "RED GREEN")
print(Color, Color.__module__, list(Color))
D = dataclasses.make_dataclass("D", ["a"])
print(D, D.__module__)
U = typing.NewType("U", int)
print(U, U.__module__)
TD = typing.TypedDict("TD", {"a": int})
print(TD.__module__)
def f():
    Q = namedtuple("Q", "a")
    return Q
print(f())
