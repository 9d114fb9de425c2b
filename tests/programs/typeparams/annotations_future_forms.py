# PEP 563: every annotation is kept as the text CPython's compiler writes back from the tree.
from __future__ import annotations

x: int | None = None
y: dict[str, list[tuple[int, ...]]]
z: Callable[[int], str] | Literal["a", 'b']
print(__annotations__)


def f(a: 1 + 2 * 3, b: (x, y), *args: *Ts, c: lambda *k: k = 0, **kw: f(g for g in h)) -> -1e400:
    pass


print(f.__annotations__)


class C:
    attr: not a or b and not c
    other: x if y else z
    text: f"{x!r:>{width}} and {y['k']}"
    slices: m[1:2, ::3]
    call: f(a, b=1, *c, **d)

    def method(self, v: "quoted", w: b"bytes", u: (lambda: (q := 1))) -> C:
        return self


print(C.__annotations__)
print(C.method.__annotations__)

