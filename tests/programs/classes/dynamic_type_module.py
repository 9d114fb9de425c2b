# Classes and type variables made by calls get the calling module's name.
A = type("A", (), {})
B = type("B", (A,), {"__module__": "mine"})
print(A, B, A.__module__)
from typing import TypeVar, ParamSpec
import typing
T = TypeVar("T")
P = ParamSpec("P")
U = typing.TypeVarTuple("U")
print(T.__module__, P.__module__, U.__module__)
def f():
    return type("Local", (), {})
print(f())
