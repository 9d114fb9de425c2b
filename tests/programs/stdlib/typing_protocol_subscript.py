# Subscripting protocols, generics and PEP 695 classes, and substituting ParamSpecs: the
# C typing objects call back into the typing module the program uses.
from typing import Protocol, TypeVar, Generic, Callable, Concatenate, ParamSpec
T = TypeVar("T")
P = ParamSpec("P")
class P1(Protocol[T]):
    def m(self) -> T: ...
print(P1[int], P1.__parameters__)
class Box(Generic[T]): pass
print(Box[int], Box[int].__origin__ is Box)
class C[X]: pass
print(C[int])
print(Callable[Concatenate[int, P], int][[str]])
