# typing runtime behaviour: TypeVar, Generic, Protocol, get_type_hints, Optional/Union reprs.
from typing import TypeVar, Generic, Protocol, Optional, Union, get_type_hints, runtime_checkable, Any, Literal
T = TypeVar("T")
class Box(Generic[T]):
    def __init__(self, v: T):
        self.v = v
print(Box[int], Box(3).v, Optional[int], Union[int, str], Union[int, int], Literal["a", 1], Any)
@runtime_checkable
class Closable(Protocol):
    def close(self) -> None: ...
class F:
    def close(self):
        pass
print(isinstance(F(), Closable), isinstance(1, Closable))
def f(a: int, b: "str" = "x") -> Optional[list[int]]:
    pass
print(get_type_hints(f))
print(int | str, Optional[int] == (int | None), T, T.__name__)
