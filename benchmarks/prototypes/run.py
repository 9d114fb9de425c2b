"""Time the prototype VMs against the host running the same programs natively, in one run.

    python3 benchmarks/prototypes/run.py [--runs R] [--quick] [--count] [--variants ABCD]

Each of R rounds (default 5) runs every program natively and on every variant, interleaved so
that a noisy neighbour hits all of them alike; the median round counts. The table gives the
host's median time and, per variant, median variant time / median host time; the last row is
the geometric mean of the ratios. Checksums must agree or the run stops. `--quick` uses small
sizes (a smoke test, not a measurement). `--count` also counts dispatches (instructions run)
per program and variant at the quick sizes, next to the host's own bytecode count (by
sys.settrace opcode events), and prints them per loop iteration (per call for fib).
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import math
import os
import platform
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import programs

VARIANTS = {
    "A": ("stack_vm", "stack, if/elif"),
    "B": ("register_vm", "register, if/elif"),
    "C": ("handler_vm", "register, handler table"),
    "D": ("super_vm", "B + superinstructions, pooled calls"),
    "E": ("closure_vm", "register, closure per instruction"),
}


class CountingList(list):
    """An instruction list that counts reads: each dispatch fetches its instruction once."""

    count = 0

    def __getitem__(self, index):
        CountingList.count += 1
        return list.__getitem__(self, index)


def units(name, n):
    """Loop iterations (calls for fib) at size n, to give counts per unit."""
    return _fib_calls(n) if name == "fib" else n


def _fib_calls(n):
    return 1 if n < 2 else 1 + _fib_calls(n - 1) + _fib_calls(n - 2)


def count_host(func, n):
    """Bytecode instructions the host runs for func(n) (traced frames only: not builtins)."""
    seen = 0

    def tracer(frame, event, arg):
        nonlocal seen
        frame.f_trace_opcodes = True
        if event == "opcode":
            seen += 1
        return tracer

    for _ in range(2):  # on 3.12.1 the first traced run may report no opcode events
        seen = 0
        sys.settrace(tracer)
        try:
            func(n)
        finally:
            sys.settrace(None)
    return seen


def count_variant(module, name, n):
    main, codes = module.build(name)
    for code in codes:
        code.insts = CountingList(code.insts)
    CountingList.count = 0
    module.run(main, [n])
    return CountingList.count


def geomean(values):
    return math.exp(sum(math.log(v) for v in values) / len(values))


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="rounds; the median counts (5)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes: a smoke test"
    )
    parser.add_argument("--count", action="store_true", help="also count dispatches")
    parser.add_argument("--variants", default="ABCDE", help="which variants (ABCDE)")
    opts = parser.parse_args(argv)

    here = Path(__file__).resolve().parent
    letters = [v for v in opts.variants if (here / f"{VARIANTS[v][0]}.py").exists()]
    modules = {v: importlib.import_module(VARIANTS[v][0]) for v in letters}
    sizes = {
        name: (quick if opts.quick else n)
        for name, (_, n, quick) in programs.PROGRAMS.items()
    }

    print(
        f"host: Python {platform.python_version()} ({platform.python_implementation()}),"
    )
    print(
        f"      {platform.machine()}, {os.cpu_count()} cores, load {os.getloadavg()[0]:.2f},"
    )
    print(f"      {datetime.date.today()}, {opts.runs} rounds, median")
    for v in letters:
        print(f"  {v}: {VARIANTS[v][1]}")

    times = {name: {v: [] for v in ["host", *letters]} for name in sizes}
    start = time.perf_counter()
    for _ in range(opts.runs):
        for name, n in sizes.items():
            native = programs.PROGRAMS[name][0]
            t0 = time.perf_counter()
            expected = native(n)
            times[name]["host"].append(time.perf_counter() - t0)
            for v in letters:
                func, _ = modules[v].build(name)
                t0 = time.perf_counter()
                got = modules[v].run(func, [n])
                times[name][v].append(time.perf_counter() - t0)
                if got != expected:
                    sys.exit(f"{v} {name}: checksum {got!r}, host says {expected!r}")

    print()
    print("| program | n | host ms | " + " | ".join(letters) + " |")
    print("| --- | ---: | ---: | " + " | ".join("---:" for _ in letters) + " |")
    ratios = {v: [] for v in letters}
    for name, n in sizes.items():
        host = statistics.median(times[name]["host"])
        row = [name, f"{n:,}", f"{host * 1000:.1f}"]
        for v in letters:
            ratio = statistics.median(times[name][v]) / host
            ratios[v].append(ratio)
            row.append(f"{ratio:.1f}")
        print("| " + " | ".join(row) + " |")
    print(
        "| geometric mean | | | "
        + " | ".join(f"**{geomean(ratios[v]):.1f}**" for v in letters)
        + " |"
    )
    print(f"\n({time.perf_counter() - start:.0f} s; ratio = variant time / host time)")
    for name, what in (("fib", "fib call"), ("method_loop", "method-loop iteration")):
        per = units(name, sizes[name])
        cells = [f"host {statistics.median(times[name]['host']) / per * 1e9:.0f}"]
        cells += [
            f"{v} {statistics.median(times[name][v]) / per * 1e9:.0f}" for v in letters
        ]
        print(f"ns per {what}: " + ", ".join(cells))

    if opts.count:
        print("\nDispatches per iteration (per call for fib), at the --quick sizes:\n")
        print("| program | host bytecodes | " + " | ".join(letters) + " |")
        print("| --- | ---: | " + " | ".join("---:" for _ in letters) + " |")
        for name, (native, _, n) in programs.PROGRAMS.items():
            per = units(name, n)
            row = [name, f"{count_host(native, n) / per:.1f}"]
            row += [f"{count_variant(modules[v], name, n) / per:.1f}" for v in letters]
            print("| " + " | ".join(row) + " |")


if __name__ == "__main__":
    main()
