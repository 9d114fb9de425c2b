# from __future__ import annotations makes annotations strings.
from __future__ import annotations
def f(x: UndefinedType, y: list[int] = []) -> dict[str, int]:
    return {}
print(f.__annotations__)
class C:
    attr: SomethingElse
    other: int = 3
print(C.__annotations__)
