"""Parser speed: Ouro's parser against the host's ast.parse on the stdlib, in one run.

    python3 benchmarks/parse_speed.py [--limit N] [--repeat R] [--ast-repeat R] [--record] [PATH ...]

The files are parsecheck's (every .py file of the host's stdlib, or of PATH, that the host's
ast.parse accepts). All sources are read into memory first and only the parse calls are timed.
Each parser makes R passes over all files and the median pass counts (default: one pass for
Ouro, three for ast.parse). The figure to compare between runs is the ratio, Ouro's time over
ast.parse's: lines per second depend on the machine. `--record` appends a row to
benchmarks/RESULTS.md.
"""

from __future__ import annotations

import argparse
import ast  # host-ok: reference for comparison
import datetime
import os
import statistics
import subprocess
import sys
import time
import warnings
from collections.abc import Callable
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO))  # measure the checkout's ouro, not an installed copy

RESULTS = REPO / "benchmarks" / "RESULTS.md"
RESULTS_HEADER = """\
# Benchmark results

## Parser speed (`benchmarks/parse_speed.py --record`)

Each row is one run that parsed the same files with Ouro and with the host's `ast.parse`, on
the machine that ran it (the project's machines have 2 cores). Lines per second depend on the
machine; the ratio (Ouro's time / ast.parse's time, both measured in that run) is the figure to
compare between rows.

| date | host | files | lines | Ouro lines/s | ast lines/s | ratio | commit |
| --- | --- | ---: | ---: | ---: | ---: | ---: | --- |
"""

Source = tuple[str, bytes]


def load_sources(paths: list[str]) -> tuple[list[Source], int]:
    """Read every file; keep those the host's ast.parse accepts. Returns them and the rejected count."""
    sources: list[Source] = []
    rejected = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for path in paths:
            with open(path, "rb") as f:
                data = f.read()
            try:
                ast.parse(data, path)
            except Exception:  # noqa: BLE001 -- SyntaxError, ValueError: not Python 3.x source
                rejected += 1
                continue
            sources.append((path, data))
    return sources, rejected


def count_lines(sources: list[Source]) -> int:
    return sum(len(data.splitlines()) for _, data in sources)


def time_pass(
    parse: Callable[[bytes, str], object], sources: list[Source], label: str
) -> tuple[float, int]:
    """Seconds spent inside `parse` over all sources, and how many raised."""
    total = 0.0
    failed = 0
    progress = Progress(label, len(sources))
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for done, (path, data) in enumerate(sources, 1):
            start = time.perf_counter()
            try:
                parse(data, path)
            except Exception:  # noqa: BLE001 -- counted; parsecheck says why
                failed += 1
            total += time.perf_counter() - start
            progress.update(done)
    progress.done()
    return total, failed


def median_time(
    parse: Callable[[bytes, str], object],
    sources: list[Source],
    label: str,
    repeat: int,
) -> tuple[float, int]:
    runs = [
        time_pass(parse, sources, f"{label} {i + 1}/{repeat}") for i in range(repeat)
    ]
    return statistics.median(t for t, _ in runs), runs[0][1]


class Progress:
    """One rewritten line on a terminal; otherwise a line at every quarter of a pass."""

    def __init__(self, label: str, total: int) -> None:
        self.label, self.total = label, max(total, 1)
        self.tty = sys.stderr.isatty()
        self.next_quarter = 1

    def update(self, done: int) -> None:
        if self.tty:
            if done % 20 == 0 or done == self.total:
                sys.stderr.write(f"\r{self.label}: {done}/{self.total} files")
                sys.stderr.flush()
        elif done * 4 >= self.next_quarter * self.total:
            sys.stderr.write(f"{self.label}: {done}/{self.total} files\n")
            self.next_quarter += 1

    def done(self) -> None:
        if self.tty:
            sys.stderr.write("\r\033[K")
            sys.stderr.flush()


def git_commit() -> str:
    try:
        out = subprocess.run(
            ["git", "describe", "--always", "--dirty"],
            cwd=REPO,
            capture_output=True,
            text=True,
            check=True,
        )
    except (OSError, subprocess.CalledProcessError):
        return "unknown"
    return out.stdout.strip()


def record(row: list[str]) -> None:
    if not RESULTS.exists():
        RESULTS.write_text(RESULTS_HEADER, encoding="utf-8")
    with RESULTS.open("a", encoding="utf-8") as f:
        f.write("| " + " | ".join(row) + " |\n")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description="Ouro's parser speed against ast.parse."
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: stdlib)"
    )
    parser.add_argument("--limit", type=int, metavar="N", help="only the first N files")
    parser.add_argument(
        "--repeat", type=int, default=1, metavar="R", help="Ouro passes (median)"
    )
    parser.add_argument(
        "--ast-repeat",
        type=int,
        default=3,
        metavar="R",
        help="ast.parse passes (median)",
    )
    parser.add_argument(
        "--record", action="store_true", help=f"append a row to {RESULTS.name}"
    )
    args = parser.parse_args(argv)

    from ouro import syntax
    from ouro.tools.parsecheck import find_files, stdlib_root

    paths = find_files(args.paths or [stdlib_root()])[: args.limit]
    sources, rejected = load_sources(paths)
    lines = count_lines(sources)
    size = sum(len(data) for _, data in sources)
    print(
        f"{len(sources)} files, {lines:,} lines, {size / 1e6:.1f} MB in memory", end=""
    )
    print(
        f" ({rejected} rejected by the host's ast.parse and left out)"
        if rejected
        else ""
    )

    ouro_time, failed = median_time(syntax.parse, sources, "ouro", args.repeat)
    ast_time, _ = median_time(ast.parse, sources, "ast.parse", args.ast_repeat)
    ratio = ouro_time / ast_time
    print(f"ouro.syntax.parse: {ouro_time:8.2f} s {lines / ouro_time:>12,.0f} lines/s")
    print(f"ast.parse:         {ast_time:8.2f} s {lines / ast_time:>12,.0f} lines/s")
    print(f"ratio (Ouro time / ast.parse time): {ratio:.1f}")
    if failed:
        print(f"Ouro raised on {failed} files (their time counts; parsecheck says why)")

    if args.record:
        host = ".".join(map(str, sys.version_info[:3]))
        row = [
            datetime.date.today().isoformat(),
            f"CPython {host}",
            str(len(sources)),
            f"{lines:,}",
            f"{lines / ouro_time:,.0f}",
            f"{lines / ast_time:,.0f}",
            f"{ratio:.1f}",
            git_commit(),
        ]
        record(row)
        print(f"recorded in {os.path.relpath(RESULTS)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
