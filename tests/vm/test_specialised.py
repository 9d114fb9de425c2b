"""Issue #7's peephole pass and specialised instructions: what they compile to, that programs
using them behave as on the host, and that failures inside them report CPython's position."""

from __future__ import annotations

import io
from contextlib import redirect_stdout

import pytest

from ouro.bytecode import opcodes as O
from ouro.bytecode.code import Code
from ouro.compiler import compile_source
from ouro.vm import execute


def code_of(source: str, name: str) -> Code:
    module = compile_source(source, "<test>")
    for const in module.co_consts:
        if isinstance(const, Code) and const.co_name == name:
            return const
    raise AssertionError(name)


def ops(code: Code) -> list[str]:
    return [O.BY_NUMBER[instr[0]].name for instr in code.co_code]


def run(source: str) -> str:
    out = io.StringIO()
    with redirect_stdout(out):
        execute(compile_source(source, "<test>"), {"__name__": "__main__"})
    return out.getvalue()


def host(source: str) -> str:
    out = io.StringIO()
    code = compile(source, "<test>", "exec")  # host-ok: the reference run
    with redirect_stdout(out):
        exec(code, {"__name__": "__main__"})  # noqa: S102  # host-ok: the reference run
    return out.getvalue()


def test_every_specialisation_names_generic_instructions() -> None:
    for name, generic in O.SPECIALISES.items():
        assert name in O.BY_NAME
        assert all(g in O.BY_NAME and g not in O.SPECIALISES for g in generic)
    assert {i.name for i in O.OPS if i.number >= 160} <= set(O.SPECIALISES)


def test_checks_dropped_where_the_local_is_bound_on_every_path() -> None:
    f = code_of(
        "def f(n):\n    t = 0\n    i = 0\n    while i < n:\n        t += i\n"
        "        i += 1\n    return t\n",
        "f",
    )
    assert "CHECK_LOCAL" not in ops(f)
    g = code_of("def g(a):\n    if a:\n        x = 1\n    return x\n", "g")
    assert "CHECK_LOCAL" in ops(g)  # unbound when a is false
    h = code_of(
        "def h(a):\n    x = 1\n    try:\n        del x\n        a()\n"
        "    except Exception:\n        pass\n    return x\n",
        "h",
    )
    assert "CHECK_LOCAL" in ops(h)  # the handler is reached with x deleted


def test_fused_and_specialised_forms_are_emitted() -> None:
    f = code_of(
        "def f(xs, n):\n    t = 0\n    for x in xs:\n        if x < n:\n            t += x\n"
        "        t -= 1\n    return len(xs) + max(t, 0)\n",
        "f",
    )
    names = ops(f)
    for name in ("FOR_ITER_BACK", "JUMP_UNLESS_LT", "INPLACE_ADD", "INPLACE_SUBTRACT"):
        assert name in names
    assert "CALL1" in names and "CALL2" in names
    g = code_of("def g(f, x, y):\n    return f(x, y, 1)\n", "g")
    assert "MOVE2" in ops(g)  # two of the three arguments lined up in one dispatch


PROGRAMS = {
    "loops": """
def f(n):
    out = []
    for i in range(n):
        if i == 3:
            continue
        if i > 7:
            break
        out.append(i)
    else:
        out.append("else")
    for j in []:
        out.append(j)
    else:
        out.append("empty")
    k = 0
    while k < n:
        k += 3
    while not k >= 20:
        k += 1
    return out, k
print(f(10), f(5))
""",
    "comparisons": """
class Odd:
    def __lt__(self, other):
        return [1]
    def __eq__(self, other):
        return 0
def g(a, b):
    r = []
    if a < b: r.append("lt")
    if a == b: r.append("eq")
    if not a < b: r.append("nlt")
    if a != b: r.append("ne")
    return r
print(g(1, 2), g(2, 2), g(Odd(), 1), g(float("nan"), 1.0))
""",
    "calls": """
def one(x): return x + 1
def two(x, y=5): return x * y
class C:
    def m(self, v): return v - 1
    def n(self, v, w): return v + w
c = C()
print(one(1), two(2), two(2, 3), c.m(4), c.n(1, 2), len("ab"), max(1, 2))
print(two(y=2, x=3), sorted([3, 1], key=one))
""",
    "inplace": """
class Box:
    def __init__(self):
        self.v = [1]
    def __iadd__(self, other):
        self.v.append(other)
        return self
b = Box()
b += 2
x = 10
x -= 3
print(b.v, x)
""",
}


@pytest.mark.parametrize("name", sorted(PROGRAMS))
def test_programs_behave_as_on_the_host(name: str) -> None:
    assert run(PROGRAMS[name]) == host(PROGRAMS[name])


def test_a_fused_compare_reports_the_comparison() -> None:
    source = "def f(a, b):\n    if a < b:\n        return 1\n    return 2\n"
    f = code_of(source, "f")
    i = ops(f).index("JUMP_UNLESS_LT")
    assert f.co_positions_table[i] == (2, 2, 7, 12)  # `a < b`, as CPython's COMPARE_OP
    namespace: dict[str, object] = {"__name__": "m"}
    execute(compile_source(source, "<test>"), namespace)
    with pytest.raises(TypeError) as caught:
        namespace["f"](1, "x")  # type: ignore[operator]
    entries = caught.value.__ouro_traceback__  # type: ignore[attr-defined]
    code, index = entries[0]
    assert code.co_positions_table[index][0] == 2


def test_for_iter_back_keeps_the_loops_position() -> None:
    f = code_of("def f(xs):\n    for x in xs:\n        pass\n", "f")
    i = ops(f).index("FOR_ITER_BACK")
    head = ops(f).index("FOR_ITER")
    assert f.co_positions_table[i] == f.co_positions_table[head]
