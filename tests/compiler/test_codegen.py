"""The code generator and assembler (issue #4): shapes that are the point of the register
format, invariants of every Code object, and compile-time errors compared with CPython 3.12.

Behaviour (running the code) is checked in test_codegen_run.py, through ``ouro.vm`` when it
exists and through a small reference interpreter kept with the tests.
"""

from __future__ import annotations

import json
import pathlib
import unittest

from ouro.bytecode import opcodes
from ouro.bytecode.code import CO_GENERATOR, CO_NESTED, CO_VARARGS, Code
from ouro.compiler import compile_source

OP = {info.name: info.number for info in opcodes.OPS}
NAME = {info.number: info.name for info in opcodes.OPS}
HERE = pathlib.Path(__file__).parent


def ops_of(code: Code) -> list[str]:
    return [NAME[instr[0]] for instr in code.co_code]


def function(source: str, name: str = "f") -> Code:
    module = compile_source(source, "<test>")
    for const in module.co_consts:
        if isinstance(const, Code) and const.co_name == name:
            return const
    raise AssertionError(f"no function {name}")


def all_codes(code: Code) -> list[Code]:
    found, work = [], [code]
    while work:
        item = work.pop()
        found.append(item)
        work.extend(c for c in item.co_consts if isinstance(c, Code))
    return found


def run_lengths(
    info: opcodes.OpInfo, instr: tuple[int, int, int, int]
) -> dict[str, int]:
    """How many registers from each register operand the instruction reads or writes."""
    c = instr[3]
    sizes = {"a": 1, "b": 1, "c": 1}
    before, after = opcodes.picture_sides(info)
    for item in before + after:
        if item.startswith("r[") and ":" in item:
            slot = item[2]
            sizes[slot] = -1  # a run: checked by its own rule below
    name = info.name
    if name in (
        "BUILD_TUPLE",
        "BUILD_LIST",
        "BUILD_SET",
        "BUILD_STRING",
        "BUILD_SLICE",
    ):
        sizes["b"] = c
    elif name == "BUILD_MAP":
        sizes["b"] = 2 * c
    elif name == "FORMAT_VALUE":
        sizes["b"] = 2 if c & 4 else 1
    elif name == "UNPACK_SEQUENCE":
        sizes["a"] = c
    elif name == "UNPACK_EX":
        sizes["a"] = (c & 255) + 1 + (c >> 8)
    elif name == "CALL":
        sizes["b"] = 1 + c
    elif name == "INTRINSIC":
        sizes["b"] = 2
    elif name == "CALL_KW":
        sizes["b"] = 2 + c
    elif name == "CALL_EX":
        sizes["b"] = 3 if c else 2
    elif name == "MAKE_FUNCTION":
        sizes["b"] = 1 + c.bit_count()
    elif name in ("IMPORT_NAME", "WITH_ENTER"):
        sizes["c" if name == "IMPORT_NAME" else "a"] = 2
    elif name == "LOAD_SUPER_ATTR" or name == "MATCH_CLASS":
        sizes["b"] = 3
    elif name == "CHECK_EG_MATCH":
        sizes["a"] = 2
    return sizes


SAMPLE = '''
import os.path as p
from collections import OrderedDict as OD, deque
x = [1, 2.0, *range(3)]
y = {k: v for k, v in zip("ab", x) if v}
def f(a, b=1, *args, c, d=2, **kw) -> int:
    """doc"""
    global x
    s = 0
    for i in range(a):
        if i % 2:
            continue
        s += i
    else:
        s -= 1
    while s > 10:
        s //= 2
        if s == 3:
            break
    try:
        z = 1 / a
    except ZeroDivisionError as e:
        z = e
    except (TypeError, ValueError):
        raise
    else:
        z = None
    finally:
        x = s
    with open(p.join("a", "b")) as fh, open("c"):
        data = fh.read()
    g = lambda q, *r: q + len(r) + s
    gen = (i * 2 for i in range(a) if i)
    assert a, f"{a!r:>{b}} and {c}"
    return f(*args, c=c, **kw) + g(1) + sum(gen)
class C(OD, metaclass=type):
    """A class."""
    n: int = 3
    def m(self):
        return super().m() + __class__.n
async def co(it):
    async with it as v:
        async for q in v:
            await q
    return [w async for w in it]
def gen():
    x = yield 1
    y = yield from x
    return y
'''


class Invariants(unittest.TestCase):
    """Every Code object of a varied sample is well formed."""

    def setUp(self) -> None:
        self.codes = all_codes(compile_source(SAMPLE, "<sample>"))

    def test_opcodes_exist(self) -> None:
        for code in self.codes:
            for instr in code.co_code:
                self.assertIn(instr[0], NAME)

    def test_jump_targets_in_range(self) -> None:
        for code in self.codes:
            for instr in code.co_code:
                info = opcodes.BY_NUMBER[instr[0]]
                for kind, value in zip(info.operands, instr[1:]):
                    if kind == "jump":
                        self.assertTrue(0 <= value < len(code.co_code), (code, instr))

    def test_register_operands_in_range(self) -> None:
        for code in self.codes:
            for instr in code.co_code:
                info = opcodes.BY_NUMBER[instr[0]]
                sizes = run_lengths(info, instr)
                for slot, kind, value in zip("abc", info.operands, instr[1:]):
                    if kind != "reg":
                        continue
                    size = max(sizes[slot], 1)
                    self.assertGreaterEqual(value, 0, (code, info.name, instr))
                    self.assertLessEqual(
                        value + size, code.co_nregs, (code, info.name, instr)
                    )

    def test_exception_table(self) -> None:
        for code in self.codes:
            for start, end, handler, register in code.co_exceptiontable:
                self.assertTrue(0 <= start < end <= len(code.co_code))
                self.assertTrue(0 <= handler < len(code.co_code))
                self.assertTrue(code.temp_base <= register < code.const_base)

    def test_positions(self) -> None:
        for code in self.codes:
            self.assertEqual(len(code.co_positions_table), len(code.co_code))
            for lineno, _, _, _ in code.co_positions_table:
                self.assertTrue(lineno is None or lineno >= 1)

    def test_ends_with_a_terminator(self) -> None:
        for code in self.codes:
            self.assertIn(code.co_code[-1][0], opcodes.TERMINATORS)


class Shapes(unittest.TestCase):
    """The few golden shapes: what the register format is for."""

    def test_add_of_locals_is_one_instruction(self) -> None:
        f = function("def f(a, b):\n    x = a + b\n    return x\n")
        self.assertEqual(ops_of(f), ["ADD", "RETURN"])
        self.assertEqual(f.co_code[0][1:], (2, 0, 1))

    def test_no_check_local_for_parameters(self) -> None:
        f = function("def f(a):\n    if a:\n        a = 1\n    return a\n")
        self.assertNotIn("CHECK_LOCAL", ops_of(f))

    def test_check_local_where_maybe_unbound(self) -> None:
        f = function("def f(a):\n    if a:\n        x = 1\n    return x\n")
        self.assertIn("CHECK_LOCAL", ops_of(f))
        g = function("def f(a):\n    x = 1\n    return x + a\n")
        self.assertNotIn("CHECK_LOCAL", ops_of(g))

    def test_check_local_after_del(self) -> None:
        f = function("def f(a):\n    del a\n    return a\n")
        self.assertIn("CHECK_LOCAL", ops_of(f))

    def test_constants_deduplicated_by_type(self) -> None:
        code = compile_source(
            "a = (1, 1, 1.0, True, 0.0, -0.0, 1, 'x', 'x', b'x')\nb = 1", "<t>"
        )
        self.assertEqual(code.co_consts.count(1), 1)  # the folded tuple, then b's 1
        f = function("def f():\n    return [1, 1.0, True, 0.0, -0.0, 1, 1.0]\n")
        kinds = [(type(c), repr(c)) for c in f.co_consts if c is not None]
        self.assertEqual(len(kinds), len(set(kinds)))
        self.assertEqual(len(kinds), 5)

    def test_augmented_local_is_one_instruction(self) -> None:
        f = function("def f(i):\n    i += 1\n    return i\n")
        self.assertEqual(ops_of(f), ["INPLACE_ADD", "RETURN"])  # INPLACE specialised

    def test_for_target_written_by_for_iter(self) -> None:
        f = function("def f(n):\n    for i in n:\n        n = i\n")
        names = ops_of(f)
        self.assertEqual(names[:2], ["GET_ITER", "FOR_ITER"])
        self.assertEqual(f.co_code[1][1], f.co_varnames.index("i"))

    def test_docstring_first_constant(self) -> None:
        self.assertEqual(function("def f():\n    'doc'\n").co_consts[0], "doc")
        self.assertIsNone(function("def f():\n    return 1\n").co_consts[0])
        module = compile_source("def f():\n    'doc'\n", "<t>", optimize=2)
        f = next(c for c in module.co_consts if isinstance(c, Code))
        self.assertIsNone(f.co_consts[0])

    def test_constant_folding(self) -> None:
        f = function("def f():\n    return -1 + 2 * 3, 'ab' * 2, 1 / 0\n")
        self.assertIn(5, f.co_consts)
        self.assertIn("abab", f.co_consts)
        self.assertIn("TRUE_DIVIDE", ops_of(f))

    def test_names_and_flags(self) -> None:
        module = compile_source(SAMPLE, "<sample>")
        by_qualname = {c.co_qualname: c for c in all_codes(module)}
        for qualname in (
            "f",
            "f.<locals>.<lambda>",
            "f.<locals>.<genexpr>",
            "C",
            "C.m",
            "co",
        ):
            self.assertIn(qualname, by_qualname)
        f = by_qualname["f"]
        self.assertEqual((f.co_argcount, f.co_kwonlyargcount), (2, 2))
        self.assertEqual(f.co_varnames[:6], ("a", "b", "c", "d", "args", "kw"))
        self.assertTrue(f.co_flags & CO_VARARGS)
        self.assertTrue(by_qualname["f.<locals>.<genexpr>"].co_flags & CO_GENERATOR)
        self.assertTrue(by_qualname["f.<locals>.<lambda>"].co_flags & CO_NESTED)
        self.assertEqual(by_qualname["f"].co_firstlineno, 6)

    def test_jump_threading_and_dead_code(self) -> None:
        f = function(
            "def f(a):\n    while a:\n        if a:\n            return 1\n        else:\n"
            "            return 2\n        a = 3\n"
        )
        self.assertNotIn(("JUMP",), [(n,) for n in ops_of(f)[-1:]])
        for instr in f.co_code:
            if instr[0] == OP["JUMP"]:
                self.assertNotEqual(f.co_code[instr[1]][0], OP["JUMP"])


def _host_error_cases() -> list[dict[str, object]]:
    return json.loads((HERE / "codegen_errors.json").read_text())


class Errors(unittest.TestCase):
    """Compile-time errors of CPython's compiler, recorded from CPython 3.12.1 by
    record_codegen_errors.py into codegen_errors.json."""

    def test_errors_match_cpython(self) -> None:
        for case in _host_error_cases():
            source = str(case["source"])
            with self.subTest(source=source):
                with self.assertRaises(SyntaxError) as caught:
                    compile_source(source, "<string>")
                err = caught.exception
                self.assertEqual(
                    [err.msg, err.lineno, err.offset, err.end_lineno, err.end_offset],
                    case["expected"],
                )


if __name__ == "__main__":
    unittest.main()
