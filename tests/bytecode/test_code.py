"""Code objects: the register layout, CPython's co_* views, replace and equality."""

from __future__ import annotations

import inspect

from ouro.bytecode import code as C
from ouro.bytecode import opcodes as O


def sample() -> C.Code:
    return C.Code(
        co_code=((O.ADD, 4, 0, 5), (O.RETURN, 4, 0, 0)),
        co_consts=(1, None),
        co_varnames=("x", "y"),
        co_cellvars=("y", "z"),
        co_freevars=("w",),
        co_ntemps=1,
        co_argcount=1,
        co_name="f",
        co_qualname="g.<locals>.f",
        co_positions_table=((3, 3, 4, 9), (4, 4, 4, 12)),
    )


def test_register_layout() -> None:
    co = sample()
    # [x y | z | w | $0 | 1 None]: y is a parameter-slot cell, z an own cell.
    assert (co.cell_base, co.free_base, co.temp_base, co.const_base) == (2, 3, 4, 5)
    assert co.co_nregs == 7
    assert co.co_template == [C.UNBOUND] * 5 + [1, None]
    names = [co.register_name(r) for r in range(co.co_nregs)]
    assert names == ["x", "y", "z", "w", "$0", "1", "None"]


def test_lines_and_positions() -> None:
    co = sample()
    assert list(co.co_lines()) == [(0, 2, 3), (2, 4, 4)]
    assert list(co.co_positions()) == [(3, 3, 4, 9), (4, 4, 4, 12)]


def test_replace_and_equality() -> None:
    co = sample()
    assert co.replace() == co and co.replace() is not co
    other = co.replace(co_name="h")
    assert other.co_name == "h" and other != co
    assert co.co_qualname == "g.<locals>.f"


def test_flags_are_cpythons() -> None:
    for name in (
        "OPTIMIZED",
        "NEWLOCALS",
        "VARARGS",
        "VARKEYWORDS",
        "NESTED",
        "GENERATOR",
        "NOFREE",
        "COROUTINE",
        "ITERABLE_COROUTINE",
        "ASYNC_GENERATOR",
    ):
        assert getattr(C, "CO_" + name) == getattr(inspect, "CO_" + name), name
