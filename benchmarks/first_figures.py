"""A first figure for the VM (issue #4): how many times slower than the host Ouro runs a few
small programs (benchmarks/programs/*.py), whole processes timed, median of several runs.

    python3 benchmarks/first_figures.py [--runs N] [--record]

Each program runs under the host CPython and under ``python3 -m ouro`` alternately; the
outputs must agree. The ratio includes start-up (Ouro compiles each program from source on
every run; bytecode caching is issue #5). The speed work itself is issue #7's benchmark suite.
"""

from __future__ import annotations

import argparse
import datetime
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
REPO = HERE.parent


def timed(command: list[str], program: Path) -> tuple[float, str]:
    env = dict(os.environ, PYTHONPATH=str(REPO), PYTHONHASHSEED="0")
    start = time.perf_counter()
    done = subprocess.run(
        command + [str(program)], check=False, capture_output=True, text=True, env=env
    )
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise SystemExit(f"{program.name} failed under {command}:\n{done.stderr}")
    return elapsed, done.stdout


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--record", action="store_true")
    options = parser.parse_args()
    host = [sys.executable]
    ouro = [sys.executable, "-m", "ouro"]
    rows = []
    for program in sorted((HERE / "programs").glob("*.py")):
        host_times, ouro_times = [], []
        for _ in range(options.runs):
            t, host_out = timed(host, program)
            host_times.append(t)
            t, ouro_out = timed(ouro, program)
            ouro_times.append(t)
            if ouro_out != host_out:
                raise SystemExit(
                    f"{program.name}: Ouro's output differs from the host's"
                )
        h, o = statistics.median(host_times), statistics.median(ouro_times)
        rows.append((program.stem, h, o, o / h))
        print(
            f"{program.stem:12} host {h * 1000:7.0f} ms   ouro {o * 1000:7.0f} ms   {o / h:6.1f}x"
        )
    geo = statistics.geometric_mean(r[3] for r in rows)
    print(f"geometric mean: {geo:.1f}x")
    if options.record:
        version = ".".join(map(str, sys.version_info[:3]))
        line = ", ".join(f"{name} {ratio:.1f}x" for name, _, _, ratio in rows)
        with open(HERE / "RESULTS.md", "a", encoding="utf-8") as f:
            f.write(
                f"\n### First VM figures ({datetime.date.today()}, CPython {version}, "
                f"median of {options.runs}, whole processes)\n\n{line}; geometric mean {geo:.1f}x\n"
            )


if __name__ == "__main__":
    main()
