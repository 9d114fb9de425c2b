"""The corpus's import and stdlib programs (tests/programs/imports, stdlib) with the host's
importer: Ouro's importer is the default (the corpus run, tests/vm/test_programs.py), and
``-X importer=host`` is the fallback that tells an importer bug from a VM bug, so on a 3.12
host every one of them on the passing list must give CPython's output that way too."""

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
OURO = [sys.executable, "-m", "ouro", "-X", "importer=host"]


@pytest.mark.skipif(sys.version_info[:2] != (3, 12), reason="expectations are 3.12's")
@pytest.mark.parametrize("program", PROGRAMS, ids=harness.program_id)
def test_program_with_host_importer(program: Path) -> None:
    result = harness.run(OURO, program, 300, pythonpath=str(harness.ROOT))
    expected = harness.Result.from_json(harness.expected_path(program).read_text())
    assert result.stdout == expected.stdout
    assert result.stderr == expected.stderr
    assert result.returncode == expected.returncode
