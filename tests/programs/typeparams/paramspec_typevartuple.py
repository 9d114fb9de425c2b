# ParamSpec and TypeVarTuple declared with PEP 695 syntax.
from typing import Callable
def decorate[**P, R](fn: Callable[P, R]) -> Callable[P, R]:
    return fn
P, R = decorate.__type_params__
print(P, R, type(P).__name__, P.args, P.kwargs, P.__name__)
class Array[*Shape]:
    pass
Shape = Array.__type_params__[0]
print(Shape, type(Shape).__name__, Shape.__name__, Array[int, str])
@decorate
def add(a: int, b: int) -> int:
    return a + b
print(add(1, 2))
