"""The disassembler: CPython 3.12's listing layout on Ouro's register instructions, the
Instruction tuples, nested code, the exception table, ``import dis`` in Ouro code and the
command line."""

from __future__ import annotations

import io
import os
import re
import subprocess
import sys
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from ouro.bytecode import dis
from ouro.bytecode import opcodes as O
from ouro.bytecode.code import Code
from ouro.compiler import compile_source

ROOT = Path(__file__).resolve().parents[2]


def listing(x: object, **options: object) -> str:
    out = io.StringIO()
    dis.dis(x, file=out, **options)  # type: ignore[arg-type]
    return out.getvalue()


def sample() -> Code:
    # Registers: [x | $0 $1 | 0 's'].
    return Code(
        co_code=(
            (O.LOAD_GLOBAL, 1, 0, 0),
            (O.JUMP_IF_FALSE, 0, 4, 0),
            (O.MOVE, 2, 4, 0),
            (O.CALL, 1, 1, 1),
            (O.RETURN, 3, 0, 0),
        ),
        co_consts=(0, "s"),
        co_names=("print",),
        co_varnames=("x",),
        co_ntemps=2,
        co_argcount=1,
        co_name="f",
        co_filename="s.py",
        co_positions_table=(
            (1, 1, 0, 5),
            (1, 1, 0, 5),
            (2, 2, 4, 9),
            (2, 2, 0, 10),
            (3, 3, 0, 8),
        ),
        co_exceptiontable=((2, 4, 4, 2),),
    )


# One golden listing: the layout is the point (line column, blank line per new line, jump
# target marker, offsets two apart, operand column, pictures, the exception table).
SAMPLE_LISTING = """\
  1           0 LOAD_GLOBAL            1   0     (print -> $0)
              2 JUMP_IF_FALSE          0   4     (x -> to 8)

  2           4 MOVE                   2   4     ('s' -> $1)
              6 CALL                   1   1   1 ($0, $1 -> $0)

  3     >>    8 RETURN                 3         (0 -> -)
ExceptionTable:
  4 to 6 -> 8 [$1]
"""


def test_listing_layout() -> None:
    assert listing(sample()) == SAMPLE_LISTING
    assert dis.Bytecode(sample()).dis() == SAMPLE_LISTING


def test_current_instruction_and_first_line() -> None:
    text = dis.Bytecode(sample(), first_line=10, current_offset=6).dis()
    lines = text.splitlines()
    assert lines[0].startswith(" 10 ")
    assert lines[4] == "    -->       6 CALL                   1   1   1 ($0, $1 -> $0)"
    out = io.StringIO()
    dis.disassemble(sample(), 8, file=out)
    assert "  3 --> >>    8 RETURN" in out.getvalue()


def test_no_line_numbers_leaves_the_column_out() -> None:
    co = Code(co_code=((O.RETURN, 0, 0, 0),), co_consts=(None,))
    assert listing(co) == "          0 RETURN                 0         (None -> -)\n"


def test_wide_line_numbers_and_offsets() -> None:
    co = Code(
        co_code=((O.NOP, 0, 0, 0),) * 5002 + ((O.JUMP, 5001, 0, 0),),
        co_positions_table=((1234, 1234, 0, 1),) * 5003,
    )
    lines = listing(co).splitlines()
    assert lines[0] == "1234            0 NOP"
    assert (
        lines[-1]
        == "            10004 JUMP                 5001         (- -> to 10002)"
    )
    assert lines[-2] == "         >> 10002 NOP"


def test_raw_instructions() -> None:
    # A bare co_code has no register layout or names: operands show as rN and indices.
    text = listing(sample().co_code)
    assert text.splitlines()[0] == (
        "          0 LOAD_GLOBAL            1   0     (<names[0]> -> r1)"
    )
    assert ">>    8 RETURN" in text


def test_instruction_fields() -> None:
    instructions = list(dis.get_instructions(sample()))
    first, jump, move, call, ret = instructions
    assert first.opname == "LOAD_GLOBAL" and first.opcode == O.LOAD_GLOBAL
    assert first.arg == (1, 0, 0)
    assert first.argval == ("$0", "print", None)
    assert first.argrepr == "print -> $0"
    assert (first.offset, first.starts_line, first.is_jump_target) == (0, 1, False)
    assert first.positions == dis.Positions(1, 1, 0, 5)
    assert jump.argval == ("x", 8, None) and jump.starts_line is None
    assert move.argval == ("$1", "s", None)  # a constant register resolves to the value
    assert call.argval == ("$0", "$0", 1)
    assert ret.is_jump_target and ret.offset == 8
    nop = Code(co_code=((O.NOP, 0, 0, 0),))
    (only,) = dis.get_instructions(nop)
    assert (only.arg, only.argval, only.argrepr) == (None, None, "")


def test_every_row_of_the_table_lists() -> None:
    # Operands 0..2 everywhere: registers, names and jump targets all exist.
    for info in O.OPS:
        co = Code(
            co_code=((info.number, 1, 1, 1), (O.NOP, 0, 0, 0)),
            co_names=("n0", "n1", "n2"),
            co_varnames=("v",),
            co_ntemps=8,
        )
        (instruction, _) = dis.get_instructions(co)
        assert instruction.opname == info.name
        line = listing(co).splitlines()[0]
        assert info.name in line
        if any(kind != O.NONE for kind in info.operands):
            assert " -> " in instruction.argrepr, info.name


def test_flag_words_are_decoded() -> None:
    for name in dis._FLAG_WORDS:
        assert O.FLAGS in O.BY_NAME[name].operands, name
    # (INPLACE with += and -= is specialised: INPLACE_ADD, INPLACE_SUBTRACT)
    co = compile_source("def g(a=1):\n    a *= f'{a!r:>4}'\n", "x.py")
    text = listing(co)
    assert "; defaults)" in text
    assert "; *=)" in text
    assert "; repr, with format)" in text


def test_tables_are_derived_from_opcodes() -> None:
    assert dis.opname[O.ADD] == "ADD" and dis.opmap["ADD"] == O.ADD
    assert len(dis.opname) == 256 and dis.opname[255] == "<255>"
    assert set(dis.hasjabs) == set(O.JUMPS) and dis.hasjrel == []
    assert O.LOAD_GLOBAL in dis.hasname and O.MOVE not in dis.hasname
    assert dis.opmap.keys() == O.BY_NAME.keys()


def test_nested_code_is_disassembled_recursively() -> None:
    source = "def f(x):\n    def g():\n        return x\n    return g\n"
    co = compile_source(source, "x.py")
    text = listing(co)
    headers = re.findall(r"^Disassembly of (.*):$", text, re.MULTILINE)
    assert [h.split()[2] for h in headers] == ["f", "g"]
    assert re.fullmatch(
        r'<code object f at 0x[0-9a-f]+, file "x.py", line 1>', headers[0]
    )
    assert "\n\nDisassembly of <code object f" in text
    assert len(re.findall("^Disassembly", listing(co, depth=1), re.MULTILINE)) == 1
    assert "Disassembly" not in listing(co, depth=0)


def test_jump_targets_are_marked() -> None:
    co = compile_source("for i in x:\n    if i:\n        break\n", "x.py")
    instructions = list(dis.get_instructions(co))
    targets = {
        value
        for ins in instructions
        for kind, value in zip(O.BY_NUMBER[ins.opcode].operands, ins.argval or ())
        if kind == O.TARGET
    }
    assert targets
    for ins in instructions:
        assert ins.is_jump_target == (ins.offset in targets)
    for line in filter(None, listing(co).splitlines()):
        offset = int(line[11:15])
        assert (line[8:10] == ">>") == (offset in targets)


def test_exception_table_section() -> None:
    source = "try:\n    f()\nexcept E:\n    pass\n"
    co = compile_source(source, "x.py")
    text = listing(co)
    table = text.split("ExceptionTable:\n")[1].splitlines()
    assert len(table) == len(co.co_exceptiontable)
    for line, (start, end, handler, register) in zip(table, co.co_exceptiontable):
        name = co.register_name(register)
        assert line == f"  {2 * start} to {2 * end - 2} -> {2 * handler} [{name}]"
        assert f">> {2 * handler:4d} " in text


def test_source_text_functions_classes_and_modules() -> None:
    # An expression compiles in eval mode (no STORE), statements in exec mode.
    assert "RETURN" in listing("a + b") and "STORE_NAME" not in listing("a + b")
    assert "STORE_NAME" in listing("a = b")
    namespace = run_ouro(
        "class C:\n    def m(self):\n        return 1\n    @staticmethod\n"
        "    def s():\n        pass\n    x = 3\n"
        "def gen():\n    yield 1\n"
    )
    text = listing(namespace["C"])
    assert text.startswith("Disassembly of m:\n")
    assert "\nDisassembly of s:\n" in text and "Disassembly of x" not in text
    assert "YIELD_VALUE" in listing(namespace["gen"]())
    module_text = listing(_module(namespace))
    assert "Disassembly of C:\nDisassembly of m:" in module_text
    assert "\nDisassembly of gen:\n" in module_text
    with pytest.raises(TypeError, match="don't know how to disassemble int objects"):
        dis.dis(42)


def _module(namespace: dict[str, object]) -> object:
    import types

    module = types.ModuleType("m")
    module.__dict__.update(namespace)
    return module


def test_code_info() -> None:
    info = dis.code_info(sample())
    assert info.splitlines()[:8] == [
        "Name:              f",
        "Filename:          s.py",
        "Argument count:    1",
        "Positional-only arguments: 0",
        "Kw-only arguments: 0",
        "Number of locals:  1",
        "Stack size:        2",
        "Flags:             0x0",
    ]
    assert "Constants:\n   0: 0\n   1: 's'\nNames:\n   0: print" in info
    assert dis.pretty_flags(3) == "OPTIMIZED, NEWLOCALS"
    assert list(dis.findlinestarts(sample())) == [(0, 1), (4, 2), (8, 3)]


def run_ouro(source: str) -> dict[str, object]:
    from ouro.vm import execute

    namespace: dict[str, object] = {"__name__": "__main__"}
    execute(compile_source(source, "<test>"), namespace)
    return namespace


def test_import_dis_in_ouro_code() -> None:
    source = (
        "import dis\nfrom dis import get_instructions\n"
        "def add(x, y):\n    return x + y\n"
        "print(dis.__name__)\ndis.dis(add)\n"
        "print([i.opname for i in get_instructions(add)])\n"
        "import sys\nprint(sys.implementation.name)\n"
    )
    out = io.StringIO()
    with redirect_stdout(out):
        run_ouro(source)
    assert out.getvalue() == (
        "dis\n"
        "  4           0 ADD                    2   0   1 (x, y -> $0)\n"
        "              2 RETURN                 2         ($0 -> -)\n"
        "['ADD', 'RETURN']\n"
        "ouro\n"
    )


def test_a_replaced_import_still_sees_ouros_modules() -> None:
    source = (
        "import builtins\nreal = builtins.__import__\n"
        "def hook(*args):\n    return real(*args)\n"
        "builtins.__import__ = hook\n"
        "try:\n    import dis, sys\nfinally:\n    builtins.__import__ = real\n"
        "print(dis.__name__, sys.implementation.name)\n"
    )
    out = io.StringIO()
    with redirect_stdout(out):
        run_ouro(source)
    assert out.getvalue() == "dis ouro\n"


# --- the command line: `ouro -m dis`, which runs main() --------------------------------------


def run_main(*args: str, stdin: str = "") -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    return subprocess.run(
        [sys.executable, "-m", "ouro", "-m", "dis", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=ROOT,
        env=env,
        check=False,
    )


def test_main_in_process(tmp_path: Path) -> None:
    path = tmp_path / "prog.py"
    path.write_text("x = 1\n")
    out = io.StringIO()
    with redirect_stdout(out):
        dis.main([str(path)])
    assert out.getvalue() == (
        "  1           0 STORE_NAME             0   0     (1 -> x)\n"
        "              2 RETURN                 1         (None -> -)\n"
    )


def test_main_disassembles_a_file(tmp_path: Path) -> None:
    path = tmp_path / "prog.py"
    path.write_text("def f():\n    return 1\n")
    result = run_main(str(path))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0].startswith("  1           0 MOVE ")
    assert "Disassembly of <code object f at 0x" in result.stdout
    assert f'file "{path}", line 1>:' in result.stdout


def test_main_reads_stdin() -> None:
    result = run_main(stdin="x = 1\n")
    assert result.returncode == 0
    assert "STORE_NAME" in result.stdout and "(1 -> x)" in result.stdout


def test_main_usage_and_errors_as_cpython() -> None:
    result = run_main("-h")
    assert result.returncode == 0
    assert result.stdout.startswith(
        "usage: dis.py [-h] [infile]\n\npositional arguments:\n"
    )
    result = run_main("/no/such/file")
    assert result.returncode == 2
    assert result.stderr == (
        "usage: dis.py [-h] [infile]\ndis.py: error: argument infile: can't open "
        "'/no/such/file': [Errno 2] No such file or directory: '/no/such/file'\n"
    )
    result = run_main("-x")
    assert result.returncode == 2
    assert result.stderr.endswith("dis.py: error: unrecognized arguments: -x\n")
