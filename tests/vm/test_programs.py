"""The program corpus (tests/programs/) run under Ouro and compared with CPython 3.12's result.

Each program runs as ``python3 -m ouro name.py`` in its own folder, with the environment and
output normalisation of tests/programs/harness.py, and its stdout, stderr and exit status must
equal ``name.expected`` (written by tools/regen_expected.py under CPython 3.12).

Running the programs needs the compiler and the VM (issue #4). Until ``ouro`` can run a probe
program, those tests skip; ``OURO_RUN_PROGRAMS=1`` runs them anyway. The checks on the corpus
itself (every program has its expectation, every AST node type is used, nothing host-specific
in the expectations) run on every host.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest

from ouro import syntax
from ouro.syntax import nodes
from tests.programs import harness

PROGRAMS = harness.all_programs()
# Ouro is far slower than CPython; this guards against hangs, it does not measure speed.
TIMEOUT = float(os.environ.get("OURO_PROGRAM_TIMEOUT", "300"))
OURO = [sys.executable, "-m", "ouro"]
PROBE = "print(6*7)\n"
# Node types a module parsed in "exec" mode can never contain: the roots of the other modes
# and type comments (only with type_comments=True).
MODE_ONLY_NODES = {"Expression", "Interactive", "FunctionType", "TypeIgnore"}
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


@functools.cache
def ouro_runs_programs() -> bool:
    """True if OURO_RUN_PROGRAMS=1 or `ouro` prints 42 for a probe program."""
    if os.environ.get("OURO_RUN_PROGRAMS") == "1":
        return True
    with tempfile.TemporaryDirectory() as folder:
        probe = Path(folder, "probe.py")
        probe.write_text(PROBE, encoding="utf-8")
        try:
            result = harness.run(OURO, probe, 60, pythonpath=str(harness.ROOT))
        except subprocess.TimeoutExpired:
            return False
    return result.stdout == "42\n" and result.returncode == 0


# The programs known to pass on a 3.12 host, which must keep passing there; the others (and
# every program on other hosts, whose stdlib differs from 3.12's) are expected failures that
# may pass.
PASSING = {
    line.strip()
    for line in (harness.ROOT / "tests" / "programs" / "passing.txt")
    .read_text()
    .splitlines()
    if line.strip() and not line.startswith("#")
}
ON_312 = sys.version_info[:2] == (3, 12)


def as_param(program: Path) -> object:
    enforced = ON_312 and harness.program_id(program) in PASSING
    marks = (
        []
        if enforced
        else [pytest.mark.xfail(reason="not yet conformant", strict=False)]
    )
    return pytest.param(program, id=harness.program_id(program), marks=marks)


@pytest.mark.parametrize("program", [as_param(program) for program in PROGRAMS])
def test_program(program: Path) -> None:
    if not ouro_runs_programs():
        pytest.skip(
            "ouro cannot run programs yet (issue #4); OURO_RUN_PROGRAMS=1 forces"
        )
    expected_file = harness.expected_path(program)
    expected = harness.Result.from_json(expected_file.read_text(encoding="utf-8"))
    actual = harness.run(OURO, program, TIMEOUT, pythonpath=str(harness.ROOT))
    mismatches = [
        field
        for field in ("returncode", "stdout", "stderr")
        if getattr(actual, field) != getattr(expected, field)
    ]
    assert not mismatches, (
        f"{harness.program_id(program)}: {', '.join(mismatches)} differ from CPython 3.12\n"
        f"--- expected ---\n{expected.to_json()}--- ouro ---\n{actual.to_json()}"
    )


# --- the corpus itself (any host, no VM needed) ---


def test_passing_list_names_programs() -> None:
    ids = {harness.program_id(program) for program in PROGRAMS}
    assert PASSING <= ids, sorted(PASSING - ids)


def test_corpus_size() -> None:
    assert len(PROGRAMS) >= 200


def test_every_program_has_an_expectation_and_back() -> None:
    programs = {harness.program_id(p) for p in PROGRAMS}
    expectations = {harness.program_id(p) for p in harness.all_expectations()}
    assert sorted(programs - expectations) == [], "run tools/regen_expected.py"
    assert sorted(expectations - programs) == [], "expectations without a program"


def test_program_names_are_safe() -> None:
    # pytest must not collect a program, and a program or helper named like a stdlib module
    # would shadow it for the host running Ouro (the program's folder is sys.path[0]).
    stdlib = set(sys.stdlib_module_names)
    for path in harness.PROGRAMS.glob("*/*.py"):
        assert not path.name.startswith("test_"), path
        assert not path.stem.endswith("_test"), path
        assert path.stem not in stdlib, path


def test_expectations_are_host_independent() -> None:
    for path in harness.all_expectations():
        result = harness.Result.from_json(path.read_text(encoding="utf-8"))
        text = result.stdout + result.stderr
        assert not ADDRESS.search(text), f"{path}: a memory address in the output"
        assert str(harness.ROOT) not in text, (
            f"{path}: the checkout's path in the output"
        )
        assert path.read_text(encoding="utf-8") == result.to_json(), (
            f"{path}: not in the regen script's format (edited by hand?)"
        )


def _node_types() -> set[str]:
    """Every concrete node class of the 3.12 AST (leaves of the class tree)."""
    found, todo = set(), [nodes.AST]
    while todo:
        cls = todo.pop()
        subclasses = cls.__subclasses__()
        if not subclasses and cls is not nodes.AST:
            found.add(cls.__name__)
        todo.extend(subclasses)
    return found


def test_programs_cover_every_ast_node_type() -> None:
    # Ouro's parser, not the host's ast: a 3.11 host cannot parse 3.12 syntax.
    seen: set[str] = set()
    for program in PROGRAMS:
        try:
            tree = syntax.parse(program.read_bytes(), program.name)
        except SyntaxError:
            expected = harness.expected_path(program).read_text(encoding="utf-8")
            assert "SyntaxError" in expected, f"{program}: CPython accepts it"
            continue
        seen.update(type(node).__name__ for node in syntax.walk(tree))
    missing = _node_types() - MODE_ONLY_NODES - seen
    assert sorted(missing) == [], "node types no program uses"
