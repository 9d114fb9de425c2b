"""Issue #7's benchmark runner: how many times slower than CPython Ouro runs benchmarks/suite/.

    python3 benchmarks/run.py [--runs N] [--quick] [-k NAME]... [--cpython PATH]
                              [--markdown FILE] [--png FILE] [--timeout SECONDS]

Each program in benchmarks/suite/ runs as a whole process under CPython (the interpreter
running this script, or ``--cpython PATH``) and under Ouro (``python3 -m ouro`` on the
interpreter running this script, from this checkout), alternately, N times each (default 5).
The wall time of each process is measured with time.perf_counter around subprocess.run, so it
includes start-up and, for Ouro, compiling the program from source: a main script is never
cached, as in CPython; the suite's programs import only ``sys``, so a warm or cold cache of the
standard library makes no difference to them. The medians give each program's ratio, Ouro / CPython, and the
ratios their geometric mean, the issue's figure (goal: at most 10, no program over 25).
The CPU time (user + system) of each process is measured too and its ratio shown beside: on a
machine shared with other work, wall times of the long Ouro runs swing with the load, and the
CPU-time ratio is the steadier figure to compare between runs.

Every run's stdout must be the same under both: the programs print checksums. A difference or a
failed process is reported loudly, that program's ratio is marked invalid and left out of the
mean, and the exit status is 1. The hash seed is left random on purpose, so a program whose
output depended on str hashing would show up here as a mismatch.

``--quick`` runs every program at the small size in QUICK_SIZES (a smoke test of a few seconds;
tests/benchmarks/test_suite.py uses the same sizes); ``-k NAME`` keeps the programs whose name
contains NAME (repeatable). ``--markdown`` writes the table, ``--png`` a bar chart
(benchmarks/pngchart.py, no matplotlib needed).
"""

from __future__ import annotations

import argparse
import datetime
import os
import platform
import resource
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass, field
from pathlib import Path

from parse_speed import git_commit
from pngchart import bar_chart

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
SUITE = HERE / "suite"

GOAL, LIMIT = 10.0, 25.0  # issue #7: geometric mean at most GOAL, no program over LIMIT

# The size argument of each program for --quick: about a hundredth of its default work, so that
# Ouro runs each in well under a second. A program missing here runs at its default size.
QUICK_SIZES = {
    "attributes": 5_000,
    "bank": 3_000,
    "calls": 4_000,
    "closures": 6_000,
    "exceptions": 3_000,
    "exprparser": 100,
    "formatting": 600,
    "generators": 5_000,
    "int_loops": 2_500,
    "lists": 5_000,
    "methods": 9_000,
    "nbody": 1_000,
    "particles": 6,
    "pidigits": 300,
    "words": 2_500,
}


@dataclass(slots=True)
class Outcome:
    """One process: its wall time, what it printed, and how it ended."""

    seconds: float
    cpu: float  # user + system seconds of the process (and any children it waited for)
    stdout: str
    stderr: str
    returncode: int | None  # None: killed at the timeout


@dataclass(slots=True)
class Result:
    """One program's runs under both interpreters, and what went wrong if anything did."""

    name: str
    cpython: list[float] = field(default_factory=list)
    ouro: list[float] = field(default_factory=list)
    cpython_cpu: list[float] = field(default_factory=list)
    ouro_cpu: list[float] = field(default_factory=list)
    problem: str | None = None  # one line, for the tables
    detail: str = ""  # the end of the failing process's stderr, for the console

    @property
    def ratio(self) -> float | None:
        if self.problem is not None or not self.ouro:
            return None
        return statistics.median(self.ouro) / statistics.median(self.cpython)

    @property
    def cpu_ratio(self) -> float | None:
        if self.ratio is None:
            return None
        return statistics.median(self.ouro_cpu) / statistics.median(self.cpython_cpu)


def programs(selected: list[str] | None = None) -> list[Path]:
    """The suite's programs, sorted by name, keeping those matching any of `selected`."""
    found = sorted(SUITE.glob("*.py"))
    if selected:
        found = [p for p in found if any(k in p.stem for k in selected)]
    return found


def program_args(program: Path, quick: bool) -> list[str]:
    size = QUICK_SIZES.get(program.stem) if quick else None
    return [] if size is None else [str(size)]


def interpreters(cpython: str | None) -> tuple[list[str], list[str]]:
    """The commands that run a program under CPython and under this checkout's Ouro."""
    return [cpython or sys.executable], [sys.executable, "-m", "ouro"]


def run_once(
    command: list[str], program: Path, args: list[str], timeout: float
) -> Outcome:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(REPO), env.get("PYTHONPATH")])
    )
    before = children_cpu()
    start = time.perf_counter()
    try:
        done = subprocess.run(
            [*command, str(program), *args],
            capture_output=True,
            text=True,
            env=env,
            cwd=SUITE,
            timeout=timeout,
            check=False,
        )
    except subprocess.TimeoutExpired:
        return Outcome(
            time.perf_counter() - start, children_cpu() - before, "", "", None
        )
    elapsed = time.perf_counter() - start
    cpu = children_cpu() - before
    return Outcome(elapsed, cpu, done.stdout, done.stderr, done.returncode)


def children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def failure(label: str, outcome: Outcome) -> str | None:
    """Why a run does not count, in one line, or None if it ended normally."""
    if outcome.returncode is None:
        return f"{label} timed out after {outcome.seconds:.0f} s"
    if outcome.returncode != 0:
        last = (outcome.stderr.rstrip().splitlines() or ["(no stderr)"])[-1]
        return f"{label} FAILED with status {outcome.returncode}: {last}"
    return None


def first_difference(expected: str, got: str) -> str:
    want, have = expected.splitlines(), got.splitlines()
    for i, (a, b) in enumerate(zip(want, have)):
        if a != b:
            return f"line {i + 1}: CPython printed {a!r}, Ouro printed {b!r}"
    return f"CPython printed {len(want)} lines, Ouro {len(have)}"


def measure(
    program: Path, cpython: list[str], ouro: list[str], options: argparse.Namespace
) -> Result:
    """Run the program under CPython then Ouro, `options.runs` times, stopping at a problem."""
    result = Result(program.stem)
    args = program_args(program, options.quick)
    for _ in range(options.runs):
        reference = run_once(cpython, program, args, options.timeout)
        result.problem = failure("CPython", reference)
        if result.problem:
            result.detail = reference.stderr
            break
        result.cpython.append(reference.seconds)
        result.cpython_cpu.append(reference.cpu)
        candidate = run_once(ouro, program, args, options.timeout)
        result.problem = failure("Ouro", candidate)
        result.detail = candidate.stderr
        if result.problem is None and candidate.stdout != reference.stdout:
            result.problem = "CHECKSUM MISMATCH: " + first_difference(
                reference.stdout, candidate.stdout
            )
        if result.problem:
            break
        result.ouro.append(candidate.seconds)
        result.ouro_cpu.append(candidate.cpu)
        progress(".")
    return result


def progress(text: str) -> None:
    sys.stderr.write(text)
    sys.stderr.flush()


def geometric_mean(results: list[Result], cpu: bool = False) -> float | None:
    """Of the valid wall-time ratios, or with `cpu` of the CPU-time ratios."""
    values = [r.cpu_ratio if cpu else r.ratio for r in results]
    ratios = [v for v in values if v is not None]
    return statistics.geometric_mean(ratios) if ratios else None


def describe_host(cpython: list[str]) -> str:
    """'CPython 3.12.1, x86_64, 2 cores': the reference interpreter and the machine."""
    version = subprocess.run(
        [*cpython, "-c", "import platform; print(platform.python_version())"],
        capture_output=True,
        text=True,
        check=False,
    ).stdout.strip()
    return f"CPython {version or '?'}, {platform.machine()}, {os.cpu_count()} cores"


def line_for(result: Result) -> str:
    if result.ratio is None:
        tail = "".join(f"\n    | {line}" for line in result.detail.splitlines()[-8:])
        return f"{result.name:12} !!! INVALID: {result.problem}{tail}"
    c, o = statistics.median(result.cpython), statistics.median(result.ouro)
    flag = f"   over {LIMIT:g}x" if result.ratio > LIMIT else ""
    return (
        f"{result.name:12} CPython {c:7.3f} s   Ouro {o:8.3f} s   {result.ratio:6.1f}x"
        f"   (CPU time {result.cpu_ratio:.1f}x){flag}"
    )


def markdown(results: list[Result], host: str, options: argparse.Namespace) -> str:
    geo, geo_cpu = geometric_mean(results), geometric_mean(results, cpu=True)
    size = "quick sizes" if options.quick else "default sizes"
    caption = (
        f"{datetime.date.today()}, {host}, commit {git_commit()}; {size}, median of "
        f"{options.runs} runs each of whole processes (Ouro compiles each program from "
        "source: a main script is never cached). Ratios of the median wall times; the last "
        "column is the same for CPU time (user + system)."
    )
    lines = [
        caption,
        "",
        "| program | CPython (s) | Ouro (s) | Ouro / CPython | CPU-time ratio |",
        "| --- | ---: | ---: | ---: | ---: |",
    ]
    for r in results:
        if r.ratio is None:
            reason = (r.problem or "").replace("|", "\\|")
            lines.append(f"| {r.name} | | | invalid: {reason} | |")
            continue
        over = f" (over {LIMIT:g}x)" if r.ratio > LIMIT else ""
        c, o = statistics.median(r.cpython), statistics.median(r.ouro)
        lines.append(
            f"| {r.name} | {c:.3f} | {o:.3f} | {r.ratio:.1f}{over} | {r.cpu_ratio:.1f} |"
        )
    mean = "n/a" if geo is None else f"**{geo:.1f}**"
    mean_cpu = "n/a" if geo_cpu is None else f"{geo_cpu:.1f}"
    lines.append(f"| **geometric mean** | | | {mean} | {mean_cpu} |")
    return "\n".join(lines) + "\n"


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=(__doc__ or "").splitlines()[0])
    parser.add_argument(
        "--runs", type=int, default=5, help="runs per interpreter (median)"
    )
    parser.add_argument(
        "--quick", action="store_true", help="small sizes: a smoke test"
    )
    parser.add_argument(
        "-k", action="append", metavar="NAME", help="programs matching NAME"
    )
    parser.add_argument("--cpython", metavar="PATH", help="reference interpreter")
    parser.add_argument("--markdown", metavar="FILE", help="write the table here")
    parser.add_argument("--png", metavar="FILE", help="write a bar chart here")
    parser.add_argument(
        "--timeout", type=float, default=600, help="seconds per process"
    )
    return parser.parse_args(argv)


def main(argv: list[str] | None = None) -> int:
    options = parse_args(argv)
    if options.runs < 1:
        raise SystemExit("--runs must be at least 1")
    chosen = programs(options.k)
    if not chosen:
        raise SystemExit(f"no program in {SUITE} matches {options.k}")
    cpython, ouro = interpreters(options.cpython)
    host = describe_host(cpython)
    progress(f"{len(chosen)} programs, {options.runs} runs each, against {host}\n")
    results = []
    for i, program in enumerate(chosen, 1):
        progress(f"[{i}/{len(chosen)}] {program.stem} ")
        result = measure(program, cpython, ouro, options)
        progress("\n")
        results.append(result)
        print(line_for(result), flush=True)
    geo = geometric_mean(results)
    bad = [r.name for r in results if r.ratio is None]
    over = [r.name for r in results if r.ratio is not None and r.ratio > LIMIT]
    if options.markdown:
        Path(options.markdown).write_text(
            markdown(results, host, options), encoding="utf-8"
        )
    if options.png:
        title = f"ouro / {host.split(',')[0]}: geometric mean " + (
            "n/a" if geo is None else f"{geo:.1f}x"
        )
        bar_chart(
            options.png, title, [(r.name, r.ratio) for r in results], [GOAL, LIMIT]
        )
    geo_cpu = geometric_mean(results, cpu=True)
    summary = f"geometric mean {'n/a' if geo is None else f'{geo:.2f}x'}"
    summary += "" if geo_cpu is None else f" (CPU time {geo_cpu:.2f}x)"
    summary += f" over {len(results) - len(bad)} programs"
    summary += f"; over {LIMIT:g}x: {', '.join(over) or 'none'}"
    if bad:
        summary += f"; INVALID: {', '.join(bad)}"
    print(summary)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
