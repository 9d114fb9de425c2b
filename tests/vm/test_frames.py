"""Frames as Ouro code sees them: sys._getframe, f_back across nested loops, live f_lineno,
gi_frame, warnings blamed on the Ouro caller, and CPython 3.12's version numbers."""

from __future__ import annotations

import io
import sys
import warnings
from contextlib import redirect_stdout

import pytest

from ouro.compiler import compile_source
from ouro.vm import execute


def run(source: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        execute(compile_source(source, "<test>"), {"__name__": "__main__"})
    return out.getvalue()


def test_getframe_names_lines_and_identity() -> None:
    source = (
        "import sys\n"
        "def inner():\n"
        "    f = sys._getframe()\n"
        "    back = sys._getframe(1)\n"
        "    print(f.f_code.co_name, back.f_code.co_name, f.f_back is back)\n"
        "    print(f.f_lineno, back.f_lineno, f.f_lasti >= 0)\n"
        "    print(sys._getframe() is f, back.f_back.f_code.co_name, back.f_back.f_back)\n"
        "def outer():\n"
        "    inner()\n"
        "outer()\n"
    )
    assert run(source) == "inner outer True\n6 9 True\nTrue <module> None\n"


def test_not_deep_enough() -> None:
    source = (
        "import sys\n"
        "try:\n"
        "    sys._getframe(5)\n"
        "except ValueError as e:\n"
        "    print(e)\n"
    )
    assert run(source) == "call stack is not deep enough\n"


def test_locals_globals_builtins() -> None:
    source = (
        "import sys, builtins\n"
        "def f(a):\n"
        "    b = a + 1\n"
        "    snap = sys._getframe().f_locals\n"
        "    b = 10\n"
        "    return snap, sys._getframe().f_locals['b']\n"
        "snap, now = f(1)\n"
        "print(sorted(snap), snap['b'], now)\n"
        "top = sys._getframe()\n"
        "print(top.f_locals is globals(), top.f_globals is globals())\n"
        "print(top.f_builtins is builtins.__dict__)\n"
    )
    assert run(source) == "['a', 'b'] 2 10\nTrue True\nTrue\n"


def test_f_back_crosses_host_code() -> None:
    # sorted() (host code) calls key() in a nested loop; its caller is still outer().
    source = (
        "import sys\n"
        "seen = []\n"
        "def key(x):\n"
        "    seen.append(sys._getframe(1).f_code.co_name)\n"
        "    return -x\n"
        "def outer():\n"
        "    return sorted([1, 2], key=key)\n"
        "print(outer(), seen)\n"
    )
    assert run(source) == "[2, 1] ['outer', 'outer']\n"


def test_generator_frames() -> None:
    source = (
        "import sys\n"
        "def gen():\n"
        "    me = sys._getframe()\n"
        "    yield me, me.f_back.f_code.co_name\n"
        "    yield 2\n"
        "def drive():\n"
        "    g = gen()\n"
        "    me, caller = next(g)\n"
        "    print(me is g.gi_frame, caller, g.gi_frame.f_back, g.gi_frame.f_lineno)\n"
        "drive()\n"
    )
    assert run(source) == "True drive None 4\n"


def test_frame_type_for_inspect() -> None:
    source = (
        "import inspect, sys, types\n"
        "def f():\n"
        "    frame = sys._getframe()\n"
        "    return isinstance(frame, types.FrameType), inspect.getframeinfo(frame)[2]\n"
        "print(f(), inspect.isfunction(f), inspect.iscode(f.__code__))\n"
    )
    assert run(source) == "(True, 'f') True True\n"


def test_clear_executing_frame() -> None:
    source = (
        "import sys\n"
        "try:\n"
        "    sys._getframe().clear()\n"
        "except RuntimeError as e:\n"
        "    print(e)\n"
    )
    assert run(source) == "cannot clear an executing frame\n"


def test_version_is_312() -> None:
    source = (
        "import sys\n"
        "print(sys.version_info[:2], sys.version_info.major, sys.version_info.minor)\n"
        "print(sys.version.startswith('3.12'), hex(sys.hexversion)[:6])\n"
        "print(sys.version_info >= (3, 12), sys.implementation.name)\n"
    )
    assert run(source) == "(3, 12) 3 12\nTrue 0x30c0\nTrue ouro\n"


def test_warn_blames_the_ouro_caller() -> None:
    source = (
        "import warnings\n"
        "def old():\n"
        "    warnings.warn('old is old', DeprecationWarning, stacklevel=2)\n"
        "def user():\n"
        "    old()\n"
        "user()\n"
        "warnings.warn('here')\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run(source)
    assert [(w.filename, w.lineno, str(w.message)) for w in caught] == [
        ("<test>", 5, "old is old"),
        ("<test>", 7, "here"),
    ]
    assert caught[0].category is DeprecationWarning


def test_warn_checks_its_arguments() -> None:
    source = (
        "import warnings\n"
        "try:\n"
        "    warnings.warn('x', category=int)\n"
        "except TypeError as e:\n"
        "    print(e)\n"
    )
    assert run(source) == "category must be a Warning subclass, not 'type'\n"


@pytest.mark.parametrize(
    ("source", "hint"),
    [
        ("counter_value = 3\ncounter_valeu\n", ". Did you mean: 'counter_value'?"),
        ("print(sys)\n", ". Did you forget to import 'sys'?"),
        (
            (
                "class A:\n    def __init__(self):\n        self.blech = 1\n"
                "    def f(self):\n        return blech\nA().f()\n"
            ),
            ". Did you mean: 'self.blech'?",
        ),
        (
            "xyzw = 1\ndef f():\n    xyzv = 1\n    return xyzW\nf()\n",
            ". Did you mean: 'xyzv'?",  # the frame's locals come before the globals
        ),
        ("import math\nmath.PI\n", ". Did you mean: 'pi'?"),
        ("''.uper()\n", ". Did you mean: 'upper'?"),
        ("from os import pathh\n", ". Did you mean: 'path'?"),
        ("zzzz = 1\nqqqq\n", ""),
    ],
)
def test_suggestions(source: str, hint: str) -> None:
    from ouro.vm.traceback import format_exception_only

    try:
        run(source)
    except (NameError, AttributeError, ImportError) as exc:
        line = format_exception_only(exc)[0]
    else:
        raise AssertionError("no error")
    assert line.endswith(hint + "\n"), line
    assert line.count("Did you") == hint.count("Did you")


def test_edit_distance_weights() -> None:
    from ouro.vm.traceback import closest, edit_distance

    assert edit_distance(b"abc", b"abd", 10) == 2
    assert edit_distance(b"abc", b"aBc", 10) == 1
    assert edit_distance(b"abc", b"abcd", 10) == 2
    assert edit_distance(b"abcdef", b"uvwxyz", 3) == 4  # past the limit: limit + 1
    assert (
        closest("pritn", ["print", "prin"]) == "prin"
    )  # a swap costs two replacements
    assert closest("lenn", ["len", "lent"]) == "len"  # the first of equals
    assert closest("x", ["y"]) is None


def test_sys_keeps_host_identity_for_the_rest() -> None:
    assert run("import sys\nprint(sys.maxsize)\n") == f"{sys.maxsize}\n"
