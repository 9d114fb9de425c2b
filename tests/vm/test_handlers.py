"""The table-dispatched opcodes not covered elsewhere: imports, pattern matching, except*,
coroutines, annotations; messages compared with CPython where the host can show them."""

from __future__ import annotations

import asyncio
import dataclasses

import pytest

from ouro.bytecode.code import CO_COROUTINE
from ouro.vm import execute
from ouro.vm.state import thread_state
from tests.vm.test_loop import K, asm, func


def test_import_name_and_from() -> None:
    listing = [
        ("MOVE", "$2", K(0)),
        ("MOVE", "$3", K(("sep", "path"))),
        ("IMPORT_NAME", "$0", "os", "$2"),
        ("IMPORT_FROM", "$1", "$0", "sep"),
        ("STORE_NAME", "$1", "sep"),
        ("RETURN", "$0"),
    ]
    ns: dict[str, object] = {}
    import os

    assert execute(asm(listing), ns) is os and ns["sep"] == os.sep
    bad = [("MOVE", "$2", K(0)), ("MOVE", "$3", K(("nope",))), ("IMPORT_NAME", "$0", "sys", "$2"),
           ("IMPORT_FROM", "$1", "$0", "nope"), ("RETURN", "$1")]  # fmt: skip
    with pytest.raises(ImportError) as info:
        execute(asm(bad), {})
    assert str(info.value) == "cannot import name 'nope' from 'sys' (unknown location)"


def test_import_star_binds_public_names() -> None:
    listing = [("MOVE", "$2", K(0)), ("MOVE", "$3", K(("*",))), ("IMPORT_NAME", "$0", "colorsys", "$2"),
               ("IMPORT_STAR", 0, "$0"), ("RETURN", K(None))]  # fmt: skip
    ns: dict[str, object] = {}
    execute(asm(listing), ns)
    import colorsys

    assert set(ns) - {"__builtins__"} == set(colorsys.__all__)


@dataclasses.dataclass
class Point:
    x: int
    y: int


def test_match_class_and_keys() -> None:
    # match_class(subject, Point, 2 positional, names ("y",)) -> attributes or None
    listing = [("MOVE", "$0", "s"), ("LOAD_GLOBAL", "$1", "Point"), ("MOVE", "$2", K(())),
               ("MATCH_CLASS", "$3", "$0", 2), ("RETURN", "$3")]  # fmt: skip
    f = func(listing, {"Point": Point}, params=("s",))
    assert f(Point(1, 2)) == (1, 2)
    assert f(3) is None
    listing[2] = ("MOVE", "$2", K(()))
    too_many = func(
        [*listing[:3], ("MATCH_CLASS", "$3", "$0", 3), ("RETURN", "$3")],
        {"Point": Point},
        params=("s",),
    )
    with pytest.raises(TypeError) as info:
        too_many(Point(1, 2))
    assert str(info.value) == "Point() accepts 2 positional sub-patterns (3 given)"
    keys = func(
        [("MATCH_KEYS", "$0", "s", K(("a", "b"))), ("RETURN", "$0")], params=("s",)
    )
    assert keys({"a": 1, "b": 2, "c": 3}) == (1, 2)
    assert keys({"a": 1}) is None
    flags = func([("MATCH_MAPPING", "$0", "s"), ("MATCH_SEQUENCE", "$1", "s"), ("BUILD_TUPLE", "$0", "$0", 2),
                  ("RETURN", "$0")], params=("s",))  # fmt: skip
    assert [flags(v) for v in ({}, [], "ab", 1)] == [
        (True, False),
        (False, True),
        (False, False),
        (False, False),
    ]
    with pytest.raises(TypeError, match="^called match pattern must be a class$"):
        func([("MOVE", "$0", K(1)), ("MOVE", "$1", K(1)), ("MOVE", "$2", K(())), ("MATCH_CLASS", "$3", "$0", 0),
              ("RETURN", "$3")])()  # fmt: skip


def test_check_eg_match() -> None:
    state = thread_state()
    saved = state.handled
    try:
        check_eg_match()
    finally:  # CHECK_EG_MATCH makes the match the handled exception, as CPython does
        state.handled = saved


def check_eg_match() -> None:
    listing = [("LOAD_GLOBAL", "$1", "ValueError"), ("CHECK_EG_MATCH", "$2", "s", "$1"), ("BUILD_TUPLE", "$0", "$2", 2),
               ("RETURN", "$0")]  # fmt: skip
    f = func(listing, params=("s",))
    group = ExceptionGroup("g", [ValueError(1), KeyError(2)])
    rest, match = f(group)
    assert [type(e) for e in match.exceptions] == [ValueError]
    assert [type(e) for e in rest.exceptions] == [KeyError]
    rest, match = f(ValueError(3))
    assert rest is None and isinstance(match, ExceptionGroup)


def test_coroutine_runs_under_asyncio() -> None:
    # async def coro(): await asyncio.sleep(0); return 7
    coro = func(
        [
            ("RETURN_GENERATOR",),
            ("LOAD_GLOBAL", "$0", "asyncio"),
            ("LOAD_ATTR", "$0", "$0", "sleep"),
            ("MOVE", "$1", K(0)),
            ("CALL", "$0", "$0", 1),
            ("GET_AWAITABLE", "$0", "$0", 0),
            ("MOVE", "$1", K(None)),
            "send:",
            ("SEND", "$0", "$1", "@done"),
            ("YIELD_VALUE", "$1", "$1"),
            ("JUMP", "@send"),
            "done:",
            ("RETURN", K(7)),
        ],
        {"asyncio": asyncio},
        flags=CO_COROUTINE,
        name="coro",
    )
    assert asyncio.run(coro()) == 7


def test_setup_annotations_and_load_locals() -> None:
    ns: dict[str, object] = {}
    assert (
        execute(
            asm([("SETUP_ANNOTATIONS",), ("LOAD_LOCALS", "$0"), ("RETURN", "$0")]),
            {},
            ns,
        )
        is ns
    )
    assert ns == {"__annotations__": {}}
