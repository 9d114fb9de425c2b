"""Machine instructions per unit of work, counted by valgrind: a measure the machine's load
does not change (issue #7's before/after figures for small changes).

    python3 benchmarks/instructions.py [--tree DIR]... [--host]

Runs each micro-program below twice under ``valgrind --tool=callgrind`` (n and 2n units of
work), with Ouro from each ``--tree`` (a checkout; default: this one) and, with ``--host``,
with the host CPython alone (a fixed PYTHONHASHSEED: str hashes move the counts by ~1%); the difference of the two counts divided by n is the cost of one
unit, start-up and compiling cancelled out.  Needs valgrind; slow (each run ~50x).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent

# name: (source with {n}, n, what one unit is)
PROGRAMS = {
    "fib": (
        (
            "def fib(n):\n    if n < 2:\n        return n\n    return fib(n - 1) + fib(n - 2)\n"
            "fib({n})\n"
        ),
        (20, 22),
        35_422,  # calls of fib(22) minus those of fib(20)
        "call",
    ),
    "generator": (
        (
            "def numbers(n):\n    i = 0\n    while i < n:\n        yield i\n        i += 1\n"
            "def consume(n):\n    s = 0\n    for x in numbers(n):\n        s += x\n    return s\n"
            "consume({n})\n"
        ),
        (20_000, 40_000),
        20_000,
        "item",
    ),
    "method": (
        (
            "class P:\n    def __init__(self):\n        self.x = 0\n"
            "    def step(self, d):\n        self.x += d\n"
            "def run(n):\n    p = P()\n    for i in range(n):\n        p.step(i)\n    return p.x\n"
            "run({n})\n"
        ),
        (20_000, 40_000),
        20_000,
        "call",
    ),
}


def count(command: list[str], env: dict[str, str], folder: str) -> int:
    """Instructions valgrind counted for the whole process, run in ``folder`` (``-m``
    puts the working folder first on sys.path: it must not hold another checkout)."""
    result = subprocess.run(
        ["valgrind", "--tool=callgrind", "--callgrind-out-file=/dev/null", *command],
        env=env,
        cwd=folder,
        capture_output=True,
        text=True,
        check=True,
    )
    match = re.search(r"Collected : (\d+)", result.stderr)
    if match is None:
        raise SystemExit(f"valgrind printed no count:\n{result.stderr[-2000:]}")
    return int(match.group(1))


def per_unit(command: list[str], env: dict[str, str], name: str) -> float:
    source, sizes, units, _ = PROGRAMS[name]
    counts = []
    with tempfile.TemporaryDirectory() as folder:
        for size in sizes:
            path = Path(folder) / f"{name}_{size}.py"
            path.write_text(source.format(n=size))
            counts.append(count([*command, str(path)], env, folder))
    return (counts[1] - counts[0]) / units


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--tree", action="append", type=Path, default=[])
    parser.add_argument("--host", action="store_true", help="also the host CPython")
    options = parser.parse_args(argv)
    python = os.path.realpath(
        sys.executable
    )  # not a pyenv shim: valgrind runs the binary
    runs: list[tuple[str, list[str], dict[str, str]]] = []
    for tree in options.tree or [REPO]:
        env = dict(os.environ, PYTHONPATH=str(tree.resolve()), PYTHONHASHSEED="0")
        runs.append((f"Ouro {tree}", [python, "-m", "ouro"], env))
    if options.host:
        runs.append(("CPython", [python], dict(os.environ, PYTHONHASHSEED="0")))
    for name, (_, _, _, unit) in PROGRAMS.items():
        for label, command, env in runs:
            cost = per_unit(command, env, name)
            print(
                f"{name:>10} {label:<40} {cost:10,.0f} instructions per {unit}",
                flush=True,
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
