"""Every corpus program runs from serialized code exactly as it runs from the compiler.

Each program runs through tests/cache/roundtrip_boot.py (``ouro`` with every code object passed
through ``loads(dumps(...))``).  On a 3.12 host a program of passing.txt must print CPython's
expectation; any other program must print what plain ``ouro`` prints (run again to compare).
"""

from __future__ import annotations

import re
import sys
from pathlib import Path

import pytest

from tests.programs import harness

BOOT = [
    sys.executable,
    "-c",
    "import tests.cache.roundtrip_boot as boot; boot.main()",
]
OURO = [sys.executable, "-m", "ouro"]
TIMEOUT = 300
PASSING = {
    line.strip()
    for line in (harness.PROGRAMS / "passing.txt").read_text().splitlines()
    if line.strip() and not line.startswith("#")
}
ADDRESS = re.compile(r" at 0x[0-9a-fA-F]+")


def normal(result: harness.Result) -> tuple[int, str, str]:
    return (
        result.returncode,
        ADDRESS.sub(" at 0x?", result.stdout),
        ADDRESS.sub(" at 0x?", result.stderr),
    )


@pytest.mark.parametrize("program", harness.all_programs(), ids=harness.program_id)
def test_program_from_serialized_code(program: Path) -> None:
    actual = harness.run(BOOT, program, TIMEOUT, pythonpath=str(harness.ROOT))
    if sys.version_info[:2] == (3, 12) and harness.program_id(program) in PASSING:
        expected = harness.Result.from_json(
            harness.expected_path(program).read_text(encoding="utf-8")
        )
    else:
        expected = harness.run(OURO, program, TIMEOUT, pythonpath=str(harness.ROOT))
    assert normal(actual) == normal(expected), actual.to_json()
