"""How a corpus program is run and what is recorded: one place for tools/regen_expected.py
(which runs CPython 3.12) and tests/vm/test_programs.py (which runs Ouro).

A program is ``tests/programs/<area>/<name>.py`` whose name does not start with ``_``; files
starting with ``_`` and anything in a subfolder are helpers the programs import. Next to each
program, ``<name>.expected`` holds CPython's result as a JSON object
``{"returncode": int, "stderr": str, "stdout": str}``.

Invariants: both sides run a program the same way (its folder as the working directory, its
bare file name as the script, the environment from ``environment()``), and both apply
``normalize()`` to what it printed, so the expectation is a pure function of the program and
the CPython version.
"""

from __future__ import annotations

import json
import os
import shlex
import subprocess
from dataclasses import dataclass
from pathlib import Path

PROGRAMS = Path(__file__).resolve().parent
ROOT = PROGRAMS.parent.parent
SUFFIX = ".expected"
ARGS_PREFIX = "# args:"


@dataclass(slots=True)
class Result:
    stdout: str
    stderr: str
    returncode: int

    def to_json(self) -> str:
        record = {
            "returncode": self.returncode,
            "stderr": self.stderr,
            "stdout": self.stdout,
        }
        return json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n"

    @classmethod
    def from_json(cls, text: str) -> Result:
        record = json.loads(text)
        return cls(record["stdout"], record["stderr"], record["returncode"])


def all_programs() -> list[Path]:
    """Every program of the corpus, sorted by area and name."""
    return sorted(
        path for path in PROGRAMS.glob("*/*.py") if not path.name.startswith("_")
    )


def all_expectations() -> list[Path]:
    return sorted(PROGRAMS.glob(f"*/*{SUFFIX}"))


def expected_path(program: Path) -> Path:
    return program.with_suffix(SUFFIX)


def program_id(program: Path) -> str:
    """``area/name``: the program's name in progress lines and test ids."""
    return f"{program.parent.name}/{program.stem}"


def program_args(program: Path) -> list[str]:
    """The extra command-line arguments, from a leading ``# args: ...`` comment line."""
    for line in program.read_text(encoding="utf-8").splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(ARGS_PREFIX):
            return shlex.split(line[len(ARGS_PREFIX) :])
    return []


def environment(pythonpath: str | None = None) -> dict[str, str]:
    """A clean environment: nothing from the caller but PATH (and PYTHONPATH if given)."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "PYTHONHASHSEED": "0",
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "PYTHONNOUSERSITE": "1",
        "PYTHON_COLORS": "0",
        "LC_ALL": "C.UTF-8",
    }
    if pythonpath is not None:
        env["PYTHONPATH"] = pythonpath
    return env


def normalize(text: str, program: Path) -> str:
    """Drop the program folder's absolute path, so tracebacks say ``File "name.py"``.

    CPython makes the script path absolute (``__file__``, tracebacks) even when given as a
    bare name; without this the expectations would depend on where the checkout lives.
    """
    return text.replace(str(program.parent) + os.sep, "")


def run(
    command: list[str], program: Path, timeout: float, pythonpath: str | None = None
) -> Result:
    """Run ``command + [name.py, *args]`` in the program's folder; raises TimeoutExpired."""
    proc = subprocess.run(
        [*command, program.name, *program_args(program)],
        cwd=program.parent,
        env=environment(pythonpath),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=timeout,
    )
    return Result(
        normalize(proc.stdout.decode("utf-8", "backslashreplace"), program),
        normalize(proc.stderr.decode("utf-8", "backslashreplace"), program),
        proc.returncode,
    )
