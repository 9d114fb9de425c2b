"""Before/after figures of one optimisation: two checkouts of Ouro, alternately, on the suite.

    python3 benchmarks/pairs.py BEFORE AFTER [--runs N] [--scale K] [-k NAME]...

BEFORE and AFTER are folders holding a checkout each (``git worktree add --detach /tmp/base
HEAD~1``); each program of benchmarks/suite/ runs at K times its quick size (run.QUICK_SIZES)
under ``python3 -m ouro`` of BEFORE, then of AFTER, N times.  Printed: the median CPU time
(user + system) of each, the ratio after/before, and the geometric mean of the ratios.  CPU
time, because the machine is shared and wall time swings with its load.  Compile both trees'
host caches first (``python3 -m compileall -q TREE/ouro``), or the first runs pay for them.
"""

from __future__ import annotations

import argparse
import math
import os
import resource
import statistics
import subprocess
import sys
from pathlib import Path

from run import QUICK_SIZES, SUITE


def cpu_seconds(tree: Path, program: Path, size: int) -> float:
    env = dict(os.environ, PYTHONPATH=str(tree))
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    command = [sys.executable, "-m", "ouro", str(program), str(size)]
    # Run in the suite's folder: ``-m`` puts the working folder first on sys.path, and a
    # checkout there would shadow the tree under test.
    subprocess.run(command, env=env, cwd=SUITE, stdout=subprocess.DEVNULL, check=True)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    return (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("before", type=Path)
    parser.add_argument("after", type=Path)
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--scale", type=int, default=10)
    parser.add_argument("-k", action="append", default=[], help="programs matching")
    options = parser.parse_args(argv)
    names = [
        n
        for n in sorted(QUICK_SIZES)
        if not options.k or any(k in n for k in options.k)
    ]
    ratios = []
    print(f"{'program':>12} {'before':>7} {'after':>7} {'ratio':>6}")
    for name in names:
        program = SUITE / f"{name}.py"
        size = QUICK_SIZES[name] * options.scale
        before, after = [], []
        for _ in range(options.runs):
            before.append(cpu_seconds(options.before, program, size))
            after.append(cpu_seconds(options.after, program, size))
        b, a = statistics.median(before), statistics.median(after)
        ratios.append(a / b)
        print(f"{name:>12} {b:7.2f} {a:7.2f} {a / b:6.3f}", flush=True)
    mean = math.exp(sum(map(math.log, ratios)) / len(ratios))
    print(f"geometric mean of after/before: {mean:.3f} ({len(ratios)} programs)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
