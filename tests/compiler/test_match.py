"""The match statement (ouro/compiler/patterns.py): behaviour against the host, the shape of
the code where the lookups it makes are the point, and the positions tracebacks show.

Compile-time errors are recorded from CPython in codegen_errors.json (test_codegen.py).
"""

from __future__ import annotations

import builtins
import contextlib
import io
import unittest

from ouro.bytecode.code import Code
from ouro.bytecode.opcodes import BY_NUMBER
from ouro.compiler import compile_source

try:
    from ouro.vm import execute
except ImportError:  # pragma: no cover - the VM is being written in parallel
    execute = None  # type: ignore[assignment]

# Each snippet prints what it computes; the host (3.11 or 3.12) must print the same.
SNIPPETS: dict[str, str] = {
    "kinds": """
class P:
    __match_args__ = ("x", "y")
    def __init__(self, x, y): self.x, self.y = x, y
    def __repr__(self): return f"P({self.x}, {self.y})"
def f(v):
    match v:
        case None: return "none"
        case True: return "true"
        case 0 | 1 as z: return ("small", z)
        case -2 | 3.5 | 1+2j | "s" | b"b": return ("literal", v)
        case [a, *rest]: return ("seq", a, rest)
        case {"k": k, **kw}: return ("map", k, kw)
        case P(0, y=yy): return ("P0", yy)
        case P(x, y) if x > y: return ("Pgt", x, y)
        case str() | bytes(): return "strish"
        case int(n) | float(n): return ("num", n)
        case _: return "other"
for v in [None, True, False, 0, 1, -2, 3.5, 1+2j, "s", b"b", [1, 2, 3], (), [],
          {"k": 1, "j": 2}, {"j": 1}, P(0, 5), P(3, 1), P(1, 3), "t", 7, 2.5, object]:
    print(repr(v), f(v))
""",
    "captures_after_success": """
match [1, 2, 3]:
    case [a, b, 4]:
        pass
    case [c, *d] if False:
        pass
print("a" in globals(), "c" in globals(), c, d)
def g(v):
    match v:
        case [x, 0]:
            pass
    try:
        return x
    except UnboundLocalError:
        return "unbound"
print(g([5, 0]), g([5, 1]))
""",
    "or_orders": """
def f(v):
    match v:
        case [x, y, 0] | [0, y, x] | {"y": y, "x": x}:
            return x, y
print(f([1, 2, 0]), f([0, 2, 1]), f({"x": 1, "y": 2}), f("no"))
""",
    "subject_copied": """
def f(x):
    match x:
        case [x, 1] if x == "never":
            return 1
        case [_, y]:
            return y, x
print(f(["a", 1]))
""",
    "lookups": """
import collections.abc
class S(collections.abc.Sequence):
    def __init__(self, *items): self.items = items
    def __len__(self):
        print("len"); return len(self.items)
    def __getitem__(self, i):
        print("getitem", i); return self.items[i]
match S(1, 2, 3):
    case [a, *_, b]:
        print(a, b)
match S(1, 2):
    case [a, b]:
        print(a, b)
class M(collections.abc.Mapping):
    def __init__(self, **kw): self.d = kw
    def __len__(self):
        print("len"); return len(self.d)
    def __iter__(self):
        print("iter"); return iter(self.d)
    def __getitem__(self, k):
        print("getitem", k); return self.d[k]
match M(a=1, b=2):
    case {"a": a, **rest}:
        print(a, rest)
""",
    "closures_and_scopes": """
def outer():
    fs = []
    for v in ([1], [2]):
        match v:
            case [n]:
                fs.append(lambda: n)
    return [f() for f in fs]
print(outer())
class C:
    match (1, 2):
        case (a, b):
            pass
print(C.a, C.b)
""",
}


def run_host(source: str) -> str:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        code = compile(
            source, "<snippet>", "exec", dont_inherit=True
        )  # host-ok: reference
        exec(code, {"__name__": "__main__"})  # noqa: S102  # host-ok: the reference run
    return out.getvalue()


def run_ouro(source: str) -> str:
    code = compile_source(source, "<snippet>")
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        execute(code, {"__name__": "__main__", "__builtins__": builtins})
    return out.getvalue()


def ops(code: Code) -> list[str]:
    return [BY_NUMBER[instr[0]].name for instr in code.co_code]


@unittest.skipIf(execute is None, "ouro.vm is not importable yet")
class RunsLikeTheHost(unittest.TestCase):
    def test_snippets(self) -> None:
        for name, source in SNIPPETS.items():
            with self.subTest(name):
                self.assertEqual(run_ouro(source), run_host(source))


class Shape(unittest.TestCase):
    """CPython's lookups are observable, so the kind of access is pinned here."""

    def test_star_wildcard_indexes(self) -> None:
        code = compile_source("match s:\n case [a, *_, b]: pass\n", "<test>")
        self.assertIn("LOAD_SUBSCR", ops(code))
        self.assertNotIn("UNPACK_EX", ops(code))

    def test_named_star_unpacks(self) -> None:
        code = compile_source("match s:\n case [a, *b, c]: pass\n", "<test>")
        self.assertIn("UNPACK_EX", ops(code))
        self.assertEqual(ops(code).count("GET_LEN"), 1)

    def test_only_wildcards_read_nothing(self) -> None:
        code = compile_source("match s:\n case [_, *_, _]: pass\n", "<test>")
        self.assertNotIn("LOAD_SUBSCR", ops(code))
        self.assertNotIn("UNPACK_SEQUENCE", ops(code))

    def test_single_star_has_no_length_check(self) -> None:
        code = compile_source("match s:\n case [*b]: pass\n", "<test>")
        self.assertNotIn("GET_LEN", ops(code))

    def test_final_wildcard_tests_nothing(self) -> None:
        code = compile_source("match s:\n case 1: pass\n case _: x = 1\n", "<test>")
        self.assertEqual(ops(code).count("COMPARE_EQ"), 1)

    def test_constant_keys_are_one_constant(self) -> None:
        code = compile_source("match s:\n case {'a': 1, 2: _}: pass\n", "<test>")
        self.assertIn(("a", 2), code.co_consts)
        self.assertNotIn("BUILD_TUPLE", ops(code))


class Positions(unittest.TestCase):
    def position_of(self, source: str, opname: str) -> tuple[object, ...]:
        code = compile_source(source, "<test>")
        positions = list(code.co_positions())
        return tuple(positions[ops(code).index(opname)])

    def test_class_pattern_span(self) -> None:
        source = "match s:\n    case C(1, x=2):\n        pass\n"
        self.assertEqual(self.position_of(source, "MATCH_CLASS"), (2, 2, 9, 18))

    def test_mapping_pattern_span(self) -> None:
        source = "match s:\n    case {'a': b}:\n        pass\n"
        self.assertEqual(self.position_of(source, "MATCH_KEYS"), (2, 2, 9, 17))

    def test_subject_span(self) -> None:
        source = "match f(\n  x):\n    case 1:\n        pass\n"
        self.assertEqual(self.position_of(source, "CALL1"), (1, 2, 6, 4))  # a CALL of one


if __name__ == "__main__":
    unittest.main()
