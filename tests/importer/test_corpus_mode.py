"""The corpus's import and stdlib programs (tests/programs/imports, stdlib) under Ouro's own
importer: on a 3.12 host, every one of them on the passing list must give CPython's output
with ``-X importer=ouro`` too (the stdlib modules they use compiled and run by Ouro)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.programs import harness

AREAS = ("imports", "stdlib")
PASSING = {
    line.strip()
    for line in (harness.ROOT / "tests/programs/passing.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
PROGRAMS = [
    program
    for program in harness.all_programs()
    if harness.program_id(program).split("/")[0] in AREAS
    and harness.program_id(program) in PASSING
]
OURO = [sys.executable, "-m", "ouro", "-X", "importer=ouro"]


@pytest.mark.skipif(sys.version_info[:2] != (3, 12), reason="expectations are 3.12's")
@pytest.mark.parametrize("program", PROGRAMS, ids=harness.program_id)
def test_program_with_ouro_importer(program: Path) -> None:
    result = harness.run(OURO, program, 300, pythonpath=str(harness.ROOT))
    expected = harness.Result.from_json(harness.expected_path(program).read_text())
    assert result.stdout == expected.stdout
    assert result.stderr == expected.stderr
    assert result.returncode == expected.returncode
