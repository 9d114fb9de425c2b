"""What stdlib introspection reads from Ouro functions and generators."""

from __future__ import annotations

import inspect

from ouro.compiler import compile_source
from ouro.vm import execute


def namespace(source: str) -> dict[str, object]:
    names: dict[str, object] = {"__name__": "__main__"}
    execute(compile_source(source, "<test>"), names)
    return names


def test_signature_of_every_parameter_kind() -> None:
    source = "def f(a, b=1, /, c=2, *args, d, e=3, **kw) -> int:\n    pass\n"
    f = namespace(source)["f"]
    assert str(inspect.signature(f)) == "(a, b=1, /, c=2, *args, d, e=3, **kw) -> int"  # type: ignore[arg-type]


def test_generator_state_and_delegation() -> None:
    names = namespace(
        "def inner():\n    yield 1\ndef outer():\n    yield from inner()\ng = outer()\n"
    )
    g = names["g"]
    assert inspect.getgeneratorstate(g) == inspect.GEN_CREATED  # type: ignore[arg-type]
    assert next(g) == 1  # type: ignore[call-overload]
    assert inspect.getgeneratorstate(g) == inspect.GEN_SUSPENDED  # type: ignore[arg-type]
    assert g.gi_yieldfrom.__name__ == "inner"  # type: ignore[attr-defined]
    assert g.gi_frame.f_code.co_name == "outer"  # type: ignore[attr-defined]
    g.close()  # type: ignore[attr-defined]
    assert inspect.getgeneratorstate(g) == inspect.GEN_CLOSED  # type: ignore[arg-type]
