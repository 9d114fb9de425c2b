"""Record what CPython 3.12 does with each program of tests/programs/ (stdout, stderr, exit status).

Runs every program (or the ones named on the command line, as paths or ``area/name``) under
CPython 3.12 the way tests/programs/harness.py describes, and writes ``<name>.expected`` next
to it, which tests/vm/test_programs.py compares Ouro against::

    PYENV_VERSION=3.12.1 python3.12 tools/regen_expected.py [PROGRAM ...]
    python3 tools/regen_expected.py --python /path/to/python3.12 [PROGRAM ...]

Invariants: only a CPython 3.12 interpreter writes expectations (anything else is refused);
a program that times out writes nothing and makes the exit status 1; rerunning on unchanged
programs changes no file.
"""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
harness = importlib.import_module("tests.programs.harness")

TIMEOUT = 10.0
VERSION_PROBE = (
    "import sys; print(sys.implementation.name, *sys.version_info[:2]); "
    "print(sys.executable)"
)


def resolve_interpreter(python: str) -> tuple[str, str | None]:
    """The real path of `python` (a pyenv shim needs the caller's environment to find it)
    and None if it is CPython 3.12, else a description of what it is instead."""
    try:
        out = subprocess.run(
            [python, "-c", VERSION_PROBE],
            capture_output=True,
            check=False,
            text=True,
            timeout=30,
        )
    except OSError as exc:
        return python, f"cannot run {python}: {exc}"
    lines = out.stdout.splitlines()
    if out.returncode != 0 or len(lines) != 2:
        error = (out.stderr.strip().splitlines() or ["no output"])[0]
        return python, f"cannot run {python}: {error}"
    found, executable = lines
    if found != "cpython 3 12":
        return executable, f"{python} is {found}"
    return executable, None


def select(names: list[str]) -> list[Path]:
    if not names:
        return harness.all_programs()
    chosen = []
    for name in names:
        path = Path(name)
        if not path.suffix:
            path = harness.PROGRAMS / (name + ".py")
        path = path.resolve()
        if not path.is_file() or path not in harness.all_programs():
            sys.exit(f"regen_expected: not a program of the corpus: {name}")
        chosen.append(path)
    return chosen


def regen(program: Path, python: str) -> str:
    """Run one program and write its expectation; return 'same', 'changed' or 'new'."""
    result = harness.run([python], program, TIMEOUT)
    target = harness.expected_path(program)
    text = result.to_json()
    old = target.read_text(encoding="utf-8") if target.exists() else None
    if old == text:
        return "same"
    target.write_text(text, encoding="utf-8")
    return "new" if old is None else "changed"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--python",
        help="a CPython 3.12 interpreter (default: the one running this script)",
    )
    parser.add_argument("programs", nargs="*", help="paths or area/name (default: all)")
    args = parser.parse_args(argv)
    python, problem = resolve_interpreter(args.python or sys.executable)
    if problem is not None:
        print(
            f"regen_expected: expectations come from CPython 3.12 only; {problem}.\n"
            "Run it as `PYENV_VERSION=3.12.1 python3.12 tools/regen_expected.py` "
            "or pass --python PATH to a 3.12 interpreter.",
            file=sys.stderr,
        )
        return 2
    programs = select(args.programs)
    live = (
        sys.stdout.isatty()
    )  # a progress line rewritten in place; logs get changes only
    counts = {"same": 0, "changed": 0, "new": 0, "timeout": 0}
    for i, program in enumerate(programs, 1):
        name = harness.program_id(program)
        try:
            status = regen(program, python)
        except subprocess.TimeoutExpired:
            status = "timeout"
        counts[status] += 1
        line = f"[{i}/{len(programs)}] {name}"
        if status != "same":
            print(f"\r\033[K{line}: {status}" if live else f"{line}: {status}")
        elif live:
            print(f"\r\033[K{line}", end="", flush=True)
    summary = f"{len(programs)} programs, {counts['changed'] + counts['new']} changed"
    if counts["new"]:
        summary += f" ({counts['new']} new)"
    if counts["timeout"]:
        summary += f", {counts['timeout']} timed out (after {TIMEOUT:g} s)"
    print(f"\r\033[K{summary}" if live else summary)
    orphans = sorted(
        set(map(harness.program_id, harness.all_expectations()))
        - set(map(harness.program_id, harness.all_programs()))
    )
    for name in orphans:
        print(f"regen_expected: {name}.expected has no program; delete it")
    return 1 if counts["timeout"] or orphans else 0


if __name__ == "__main__":
    sys.exit(main())
