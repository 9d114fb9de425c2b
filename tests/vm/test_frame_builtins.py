"""globals, locals, vars, dir, exec, eval and compile see the calling Ouro frame and run
through Ouro's own pipeline (never the host's compiler)."""

from __future__ import annotations

import builtins
import io
from contextlib import redirect_stdout

from ouro.bytecode.code import Code
from ouro.compiler import compile_source
from ouro.vm import execute


def run(source: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        execute(compile_source(source, "<test>"), {"__name__": "__main__"})
    return out.getvalue()


def test_exec_and_eval_use_the_callers_namespaces() -> None:
    source = "x = 5\nprint(eval('x + 1'))\nexec('y = x * 2')\nprint(y)\n"
    assert run(source) == "6\n10\n"


def test_locals_of_a_function_and_globals() -> None:
    source = (
        "def f(a):\n    b = 2\n    return sorted(locals().items())\n"
        "print(f(1))\nprint('f' in globals(), sorted(vars())[0])\n"
    )
    assert run(source) == "[('a', 1), ('b', 2)]\nTrue __builtins__\n"


def test_exec_with_its_own_globals_and_keywords() -> None:
    source = "g = {}\nexec('def h(): return 42', globals=g)\nprint(g['h']())\n"
    assert run(source) == "42\n"


def test_compile_makes_ouro_code() -> None:
    namespace: dict[str, object] = {}
    execute(compile_source("c = compile('1 + 2', 's', 'eval')", "<test>"), namespace)
    assert isinstance(namespace["c"], Code)


def test_builtins_module_is_the_programs_own() -> None:
    """A program changes its builtins module, never the host's (which runs Ouro itself)."""
    from ouro.vm.ourobuiltins import NAMESPACE

    source = (
        "import builtins\nbuiltins.ouro_test_helper = lambda: 'seen'\n"
        "print(ouro_test_helper())\nlen = None\nbuiltins.len = lambda x: 7\n"
        "del len\nprint(len([1, 2]))\n"
    )
    saved = NAMESPACE["len"]
    try:
        assert run(source) == "seen\n7\n"
        assert not hasattr(builtins, "ouro_test_helper")
        assert builtins.len is saved
    finally:
        NAMESPACE.pop("ouro_test_helper", None)
        NAMESPACE["len"] = saved


def test_zero_argument_super_outside_an_attribute() -> None:
    source = (
        "class A:\n    def m(self):\n        return 'A'\n"
        "class B(A):\n    def m(self):\n        s = super()\n        return 'B>' + s.m()\n"
        "print(B().m())\n"
        "def f():\n    return super()\n"
        "try:\n    f()\nexcept RuntimeError as e:\n    print(e)\n"
    )
    assert run(source) == "B>A\nsuper(): no arguments\n"


COMPREHENSION_LOCALS = """\
def f():
    i = "outer"
    r = [(i, sorted(locals())) for i in range(2)]
    return r, i, sorted(locals())
print(f())
def g():
    fs = [lambda: i for i in range(2)]
    return [sorted(locals()) for i in range(1)], [h() for h in fs]
print(g())
def k():
    i = "kept"
    try:
        [1 / 0 for i in range(1)]
    except ZeroDivisionError:
        pass
    return i, [[sorted(locals()) for b in range(1)] for a in range(1)]
print(k())
"""


def test_inlined_comprehension_variables_are_locals_inside_only() -> None:
    # PEP 709: a comprehension's variables live in the function's own slots (locals()
    # inside it sees them, a cell variable's too); the values outside come back after,
    # also when an exception leaves the comprehension.
    assert run(COMPREHENSION_LOCALS) == (
        "([(0, ['i']), (1, ['i'])], 'outer', ['i', 'r'])\n"
        "([['fs', 'i']], [1, 1])\n"
        "('kept', [[['a', 'b', 'i']]])\n"
    )
