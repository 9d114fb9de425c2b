"""Check Ouro's parser against CPython's on a tree of Python files (by default the stdlib).

    python3 -m ouro.tools.parsecheck [PATH ...] [-j N] [--show N] [--list] [--stop-after N]

For every .py file under PATH (default: the host's stdlib directory, its test/ folder
included, site-packages left out), the source is read as bytes and both parsers get the
same bytes and filename. A file is IDENTICAL when

    ouro.syntax.dump(ouro.syntax.parse(src, path), include_attributes=True)
    == ast.dump(ast.parse(src, path), include_attributes=True)  # host-ok: the reference

DIFFER when the dumps differ or Ouro raises anything, and SKIPPED when the host's
ast.parse rejects the file (the stdlib ships a few deliberately broken files). The
comparison is defined on a CPython 3.12 host: other hosts parse other languages and dump
differently, so the tool warns there. Exit status 0 iff no file differs.

`check_file` and `compare_source` are the one comparison, shared with the tests
(tests/syntax/test_stdlib_sample.py).
"""

from __future__ import annotations

import argparse
import ast  # host-ok: reference for comparison
import difflib
import multiprocessing
import multiprocessing.pool
import os
import re
import signal
import sys
import sysconfig
import time
import traceback
import warnings
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from typing import TextIO

IDENTICAL = "identical"
DIFFER = "differ"
SKIPPED = "skipped"

EXCERPT_CONTEXT = 3  # dump lines shown before the first difference
EXCERPT_AFTER = 6  # dump lines of each side shown from the first difference on


@dataclass(slots=True)
class FileResult:
    path: str
    status: str  # IDENTICAL, DIFFER or SKIPPED
    lines: int
    detail: str = ""  # DIFFER: excerpt or Ouro's exception; SKIPPED: the host's error
    raised: bool = False  # DIFFER because Ouro raised an exception


class FileTimeout(Exception):
    """Raised in a worker when one file takes longer than --timeout (a hang guard)."""


# --- the comparison ---


def compare_source(source: bytes, filename: str) -> FileResult:
    """Parse `source` with the host's ast and with Ouro and compare the dumps."""
    # Parsers may warn (SyntaxWarning: invalid escape sequence); the trees are what counts.
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return _compare(source, filename)


def _compare(source: bytes, filename: str) -> FileResult:
    lines = source.count(b"\n") + (not source.endswith(b"\n") and source != b"")
    try:
        # host-ok: the host's parser is the reference this tool compares with
        expected_tree = ast.parse(source, filename)  # host-ok: the reference
    except Exception as e:  # noqa: BLE001 -- SyntaxError; ValueError on 3.11 for null bytes
        return FileResult(filename, SKIPPED, lines, f"host: {type(e).__name__}: {e}")
    expected = ast.dump(expected_tree, include_attributes=True)

    from ouro import syntax  # lazily: the tool must load even when the parser is broken

    try:
        tree = syntax.parse(source, filename)
        got = syntax.dump(tree, include_attributes=True)
    except Exception as e:  # noqa: BLE001 -- any exception from Ouro is a difference
        return FileResult(filename, DIFFER, lines, describe_exception(e), raised=True)
    if got == expected:
        return FileResult(filename, IDENTICAL, lines)
    try:
        got_lines = syntax.dump(tree, include_attributes=True, indent=1).splitlines()
    except Exception as e:  # noqa: BLE001 -- any exception from Ouro is a difference
        return FileResult(filename, DIFFER, lines, describe_exception(e), raised=True)
    expected_lines = ast.dump(
        expected_tree, include_attributes=True, indent=1
    ).splitlines()
    excerpt = first_difference(expected_lines, got_lines)
    if not excerpt:  # the indented dumps agree although the flat ones do not
        excerpt = first_difference(split_flat(expected), split_flat(got))
    return FileResult(filename, DIFFER, lines, excerpt)


def check_file(path: str, timeout: float | None = None) -> FileResult:
    """Read `path` as bytes and compare; `timeout` (seconds, main thread only) guards hangs."""
    with open(path, "rb") as f:
        source = f.read()
    if not timeout or not hasattr(signal, "setitimer"):
        return compare_source(source, path)
    old_handler = signal.signal(signal.SIGALRM, _raise_timeout)
    signal.setitimer(signal.ITIMER_REAL, timeout)
    try:
        return compare_source(source, path)
    finally:
        signal.setitimer(signal.ITIMER_REAL, 0)
        signal.signal(signal.SIGALRM, old_handler)


def _raise_timeout(signum: int, frame: object) -> None:
    raise FileTimeout("gave up: the file took longer than the --timeout")


def describe_exception(e: BaseException) -> str:
    """Ouro's exception, with where it was raised (the last frame) unless it is a user error."""
    text = "".join(traceback.format_exception_only(type(e), e)).rstrip()
    if isinstance(e, SyntaxError):
        return f"Ouro raised on a file the host accepts:\n{text}"
    # The innermost frame that is not this tool's own (the timeout handler) is where Ouro was.
    frames = [
        f for f in traceback.extract_tb(e.__traceback__) if f.filename != __file__
    ]
    where = ""
    if frames:
        last = frames[-1]
        where = f"\n  at {last.filename}:{last.lineno} in {last.name}"
    return f"Ouro raised:\n{text}{where}"


def first_difference(expected: list[str], got: list[str]) -> str:
    """A unified-diff excerpt around the first line where two dumps diverge ('' if none)."""
    i = 0
    while i < len(expected) and i < len(got) and expected[i] == got[i]:
        i += 1
    if i == len(expected) == len(got):
        return ""
    lo = max(0, i - EXCERPT_CONTEXT)
    hi = i + EXCERPT_AFTER
    near = source_line_near(expected, i)
    header = f"first difference at dump line {i + 1}" + (
        f", near source line {near}" if near else ""
    )
    diff = difflib.unified_diff(
        expected[lo:hi],
        got[lo:hi],
        "ast.parse (host)",
        "ouro.syntax.parse",
        lineterm="",
        n=EXCERPT_CONTEXT,
    )
    return "\n".join([header, *(_shift_hunk(line, lo) for line in diff)])


def _shift_hunk(line: str, offset: int) -> str:
    """Renumber a hunk header of a diff of two windows to the dumps' own line numbers."""
    if not line.startswith("@@"):
        return line
    return _HUNK.sub(lambda m: f"{m.group(1)}{int(m.group(2)) + offset}", line)


_HUNK = re.compile(r"([-+])(\d+)")


_LINENO = re.compile(r"\blineno=(\d+)")


def source_line_near(dump_lines: list[str], i: int) -> int | None:
    """The lineno attribute closest after (else before) dump line i: where to look in the source."""
    for line in dump_lines[i:]:
        if m := _LINENO.search(line):
            return int(m.group(1))
    for line in reversed(dump_lines[:i]):
        if m := _LINENO.search(line):
            return int(m.group(1))
    return None


def split_flat(dump: str) -> list[str]:
    """Cut a one-line dump after each comma so a diff of two of them stays readable."""
    return re.split(r"(?<=,) ", dump)


# --- finding the files ---


def stdlib_root() -> str:
    return sysconfig.get_paths()["stdlib"]


def find_files(paths: Iterable[str]) -> list[str]:
    """Every .py file under `paths` (files are taken as given), sorted, site-packages excluded."""
    found: list[str] = []
    for path in paths:
        if os.path.isfile(path):
            found.append(path)
            continue
        for folder, subfolders, names in os.walk(path):
            subfolders[:] = sorted(
                d for d in subfolders if d not in ("site-packages", "__pycache__")
            )
            found.extend(
                os.path.join(folder, n) for n in sorted(names) if n.endswith(".py")
            )
    return sorted(found)


# --- running over many files ---


def check_files(
    paths: list[str],
    jobs: int = 1,
    timeout: float | None = None,
    stop_after: int | None = None,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Compare every file, in `jobs` processes; stop early after `stop_after` differing files."""
    results: list[FileResult] = []
    differ = 0
    with _results(paths, jobs, timeout) as stream:
        for result in stream:
            results.append(result)
            differ += result.status == DIFFER
            if progress:
                progress.update(len(results), differ, result.path)
            if stop_after and differ >= stop_after:
                break
    if progress:
        progress.done()
    return results


class _results:
    """Results in the order of `paths`, computed here (jobs=1) or in a process pool."""

    def __init__(self, paths: list[str], jobs: int, timeout: float | None) -> None:
        self.paths, self.jobs, self.timeout = paths, jobs, timeout
        self.pool: multiprocessing.pool.Pool | None = None

    def __enter__(self) -> Iterator[FileResult]:
        if self.jobs <= 1:
            return (check_file(p, self.timeout) for p in self.paths)
        self.pool = multiprocessing.Pool(self.jobs)
        tasks = [(p, self.timeout) for p in self.paths]
        return self.pool.imap(_check_task, tasks, chunksize=1)

    def __exit__(self, *exc: object) -> None:
        if self.pool is not None:
            self.pool.terminate()
            self.pool.join()


def _check_task(task: tuple[str, float | None]) -> FileResult:
    return check_file(*task)


class Progress:
    """One rewritten line on a terminal; otherwise a line at every tenth of the work."""

    def __init__(self, total: int, stream: TextIO = sys.stderr) -> None:
        self.total, self.stream = total, stream
        self.tty = stream.isatty()
        self.next_tenth = 1
        self.start = time.perf_counter()

    def update(self, done: int, differ: int, path: str) -> None:
        pct = 100 * done // max(self.total, 1)
        text = (
            f"[{done:>{len(str(self.total))}}/{self.total}] {pct:3}%  {differ} differ"
        )
        if self.tty:
            try:
                columns = os.get_terminal_size(self.stream.fileno()).columns
            except OSError:
                columns = 0
            width = (columns or 80) - 1
            room = max(width - len(text) - 2, 4)
            if len(path) > room:  # keep the file name, drop the start of the folder
                path = "..." + path[3 - room :]
            self.stream.write("\r" + f"{text}  {path}"[:width].ljust(width))
            self.stream.flush()
        elif done * 10 >= self.next_tenth * self.total:
            elapsed = time.perf_counter() - self.start
            self.stream.write(f"{text}  ({elapsed:.0f} s)\n")
            self.stream.flush()
            while done * 10 >= self.next_tenth * self.total:
                self.next_tenth += 1

    def done(self) -> None:
        if self.tty:
            self.stream.write("\r\033[K")
            self.stream.flush()


# --- reporting ---


def summary(results: list[FileResult]) -> str:
    """`N identical, M differ`, then skipped files and Ouro's exceptions if any."""
    counts = {IDENTICAL: 0, DIFFER: 0, SKIPPED: 0}
    for r in results:
        counts[r.status] += 1
    text = f"{counts[IDENTICAL]} identical, {counts[DIFFER]} differ"
    if counts[SKIPPED]:
        text += f", {counts[SKIPPED]} skipped (the host's ast.parse rejects them)"
    raised = sum(r.raised for r in results)
    if raised:
        text += f"; Ouro raised an exception on {raised} of the differing"
    return text


def report_text(
    results: list[FileResult], show: int = 5, list_all: bool = False
) -> str:
    """Counts, the summary line, excerpts for the first `show` differing files, the list."""
    differing = [r for r in results if r.status == DIFFER]
    lines = sum(r.lines for r in results)
    files = "file" if len(results) == 1 else "files"
    out = [f"checked {len(results)} {files} ({lines:,} lines)", summary(results)]
    for r in differing[:show]:
        out.append(f"\n=== {r.path}\n{r.detail}")
    if list_all and differing:
        out.append("\ndiffering files:")
        out.extend(f"  {r.path}" for r in differing)
    return "\n".join(out)


def host_warning() -> str | None:
    if sys.version_info[:2] == (3, 12):
        return None
    version = ".".join(map(str, sys.version_info[:3]))
    return (
        f"parsecheck: warning: the host is Python {version}; the comparison is defined on a "
        "3.12 host (Ouro parses 3.12, and ast.dump's text differs between versions)"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python3 -m ouro.tools.parsecheck",
        description="Compare ouro.syntax.parse with the host's ast.parse on Python files.",
    )
    parser.add_argument(
        "paths", nargs="*", metavar="PATH", help="files or folders (default: stdlib)"
    )
    parser.add_argument(
        "-j", "--jobs", type=int, default=1, metavar="N", help="worker processes"
    )
    parser.add_argument(
        "--show",
        type=int,
        default=5,
        metavar="N",
        help="excerpts for the first N differing files",
    )
    parser.add_argument(
        "--list", action="store_true", help="print every differing path"
    )
    parser.add_argument(
        "--stop-after", type=int, metavar="N", help="stop after N differing files"
    )
    parser.add_argument(
        "--timeout",
        type=float,
        default=120.0,
        metavar="S",
        help="give up on a file after S s",
    )
    args = parser.parse_args(argv)
    if warning := host_warning():
        print(warning, file=sys.stderr)
    roots = args.paths or [stdlib_root()]
    for root in roots:
        if not os.path.exists(root):
            parser.error(f"no such file or folder: {root}")
    paths = find_files(roots)
    progress = Progress(len(paths))
    results = check_files(paths, args.jobs, args.timeout, args.stop_after, progress)
    if len(results) < len(paths):
        print(f"stopped after {args.stop_after} differing files", file=sys.stderr)
    print(report_text(results, args.show, args.list))
    return 0 if all(r.status != DIFFER for r in results) else 1


if __name__ == "__main__":
    sys.exit(main())
