"""Start-up of a program importing twenty stdlib modules under Ouro's importer: empty cache
against warm cache, in one run (issue #5's figure; not a test, speed is never asserted).

    python3 tests/importer/startup_figures.py [--repeat N]

Cold: a fresh ``-X pycache_prefix`` folder, so every module is compiled (and written there).
Warm: the same prefix again, every module read from its .pyc.  Each is a whole process; the
medians of N runs are printed, with the host CPython's time for the same program, Ouro's
time with the host's importer (the stdlib run by the host) and ``ouro -c pass`` (Ouro's own
start: the part of a warm start no cache can shorten) for scale.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
MODULES = [
    "json",
    "re",
    "collections",
    "dataclasses",
    "enum",
    "typing",
    "argparse",
    "textwrap",
    "functools",
    "itertools",
    "string",
    "pathlib",
    "datetime",
    "decimal",
    "fractions",
    "random",
    "heapq",
    "bisect",
    "copy",
    "pprint",
]
PROGRAM = f"import {', '.join(MODULES)}\nprint(len({MODULES!r}))\n"


def timed(command: list[str], env: dict[str, str], cwd: str) -> float:
    start = time.perf_counter()
    subprocess.run(command, env=env, cwd=cwd, check=True, capture_output=True)
    return time.perf_counter() - start


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT)
    with tempfile.TemporaryDirectory() as folder:
        Path(folder, "prog.py").write_text(PROGRAM)
        cold, warm = [], []
        for i in range(args.repeat):
            prefix = os.path.join(folder, f"cache{i}")
            ouro = [sys.executable, "-m", "ouro", "-X", "importer=ouro"]
            ouro += ["-X", f"pycache_prefix={prefix}", "prog.py"]
            cold.append(timed(ouro, env, folder))
            warm.append(timed(ouro, env, folder))
        host_importer = [
            timed(
                [sys.executable, "-m", "ouro", "-X", "importer=host", "prog.py"],
                env,
                folder,
            )
            for _ in range(args.repeat)
        ]
        cpython = [
            timed([sys.executable, "-B", "prog.py"], env, folder)
            for _ in range(args.repeat)
        ]
        own_start = [
            timed([sys.executable, "-m", "ouro", "-c", "pass"], env, folder)
            for _ in range(args.repeat)
        ]
    rows = {
        "Ouro importer, empty cache": statistics.median(cold),
        "Ouro importer, warm cache": statistics.median(warm),
        "Ouro, host's importer": statistics.median(host_importer),
        "CPython": statistics.median(cpython),
        "Ouro's own start (-c pass)": statistics.median(own_start),
    }
    print(f"{len(MODULES)} stdlib modules, host {sys.version.split()[0]}")
    for name, seconds in rows.items():
        print(f"  {name:30} {seconds:6.2f} s")
    ratio = rows["Ouro importer, empty cache"] / rows["Ouro importer, warm cache"]
    print(f"  cold / warm: {ratio:.1f}x")


if __name__ == "__main__":
    main()
