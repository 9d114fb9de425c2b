"""Ouro code sees Ouro's sys: its recursion limit, handled exception and implementation;
everything else, and every assignment, is the host's sys."""

from __future__ import annotations

import io
import sys
from contextlib import redirect_stdout

from ouro.compiler import compile_source
from ouro.vm import execute, getrecursionlimit, setrecursionlimit


def run(source: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        execute(compile_source(source, "<test>"), {"__name__": "__main__"})
    return out.getvalue()


def test_implementation_and_recursion_limit() -> None:
    before = getrecursionlimit()
    try:
        source = (
            "import sys\nsys.setrecursionlimit(200_000)\n"
            "def d(n):\n    return 0 if n == 0 else 1 + d(n - 1)\n"
            "print(sys.implementation.name, sys.getrecursionlimit(), d(100_000))\n"
        )
        assert run(source) == "ouro 200000 100000\n"
        assert sys.getrecursionlimit() < 200_000  # the host's limit is left alone
    finally:
        setrecursionlimit(before)


def test_exception_being_handled() -> None:
    source = (
        "import sys\ntry:\n    raise KeyError(1)\nexcept KeyError:\n"
        "    print(sys.exc_info()[0].__name__, repr(sys.exception()))\n"
        "print(sys.exc_info())\n"
    )
    assert run(source) == "KeyError KeyError(1)\n(None, None, None)\n"


def test_assignments_reach_the_host_sys() -> None:
    saved = sys.argv
    try:
        run("import sys\nsys.argv = ['x', 'y']\n")
        assert sys.argv == ["x", "y"]
    finally:
        sys.argv = saved
