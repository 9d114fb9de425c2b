"""``compileall`` for Ouro programs and ``ouro -m compileall [-f] [-q] [-j N] [DIR|FILE]...``.

Takes folders and files; hands on Ouro's .pyc of every ``.py`` in them (through
ouro/tools/py_compile.py, so the files are the ones Ouro's importer reads).  The public
functions (``compile_dir``, ``compile_file``, ``compile_path``, ``main``), their parameters,
the command line's options, its ``Listing ...``/``Compiling ...`` lines, error texts and exit
status (0 when every file compiled, else 1) are CPython 3.12's.  Two additions on the command
line, because Ouro's compiler is far slower than CPython's and a big tree takes a while:

* on a terminal, each ``Compiling`` line carries a count, ``[  12/340] Compiling '...'...``;
* a last line sums the run up: ``compileall: 12 compiled, 328 up to date, 0 failed in 3.4 s``
  (not with ``-q``).

A file is up to date (skipped without ``-f``) when its timestamp .pyc carries this Ouro's magic
and the source's current mtime and size, as CPython compares its own header.  ``-j N`` compiles
in N processes (0: one per CPU), each running Ouro's compiler.
"""

from __future__ import annotations

import os
import sys
import time
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import partial
from typing import Any

from ouro.cache import pycfile
from ouro.tools import py_compile

__all__ = ["compile_dir", "compile_file", "compile_path"]

# What happened to one file (the summary counts them).
COMPILED, CURRENT, FAILED, SKIPPED = "compiled", "current", "failed", "skipped"


@dataclass(slots=True)
class Display:
    """The command line's extras: the count on each Compiling line (on a terminal) and the
    totals of the summary line.  None of this is shown by the functions a program calls."""

    counting: bool = False
    total: int = 0
    done: int = 0
    compiled: int = 0
    current: int = 0
    failed: int = 0

    def add(self, outcome: str) -> None:
        if outcome == COMPILED:
            self.compiled += 1
        elif outcome == CURRENT:
            self.current += 1
        elif outcome == FAILED:
            self.failed += 1

    def summary(self, seconds: float) -> str:
        return (
            f"compileall: {self.compiled} compiled, {self.current} up to date, "
            f"{self.failed} failed in {seconds:.1f} s"
        )


_display: Display | None = None  # set by main() for the length of a command-line run


def _sys_view() -> Any:
    """The ``sys`` Ouro programs see (Ouro's sys.path, recursion limit)."""
    try:
        from ouro.vm.sysview import SYS

        return SYS
    except ImportError:  # pragma: no cover - the VM is part of every Ouro
        return sys


def _walk_dir(dir: Any, maxlevels: int, quiet: int = 0) -> Iterator[str]:
    """Every file under ``dir`` (sorted, ``__pycache__`` left out), folders to ``maxlevels``."""
    if quiet < 2 and isinstance(dir, os.PathLike):
        dir = os.fspath(dir)
    if not quiet:
        print(f"Listing {dir!r}...")
    try:
        names = sorted(os.listdir(dir))
    except OSError:
        if quiet < 2:
            print(f"Can't list {dir!r}")
        names = []
    for name in names:
        if name == "__pycache__":
            continue
        fullname = os.path.join(dir, name)
        if not os.path.isdir(fullname):
            yield fullname
        elif (
            maxlevels > 0
            and name not in (os.curdir, os.pardir)
            and not os.path.islink(fullname)
        ):
            yield from _walk_dir(fullname, maxlevels - 1, quiet)


def compile_dir(
    dir: Any,
    maxlevels: int | None = None,
    ddir: Any = None,
    force: bool = False,
    rx: Any = None,
    quiet: int = 0,
    legacy: bool = False,
    optimize: int | list[int] = -1,
    workers: int = 1,
    invalidation_mode: object = None,
    *,
    stripdir: Any = None,
    prependdir: Any = None,
    limit_sl_dest: Any = None,
    hardlink_dupes: bool = False,
) -> bool:
    """Compile every ``.py`` file under ``dir`` (folders to ``maxlevels``, default the
    recursion limit); True when none failed.  ``workers`` processes (0: one per CPU)."""
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError(
            "Destination dir (ddir) cannot be used "
            "in combination with stripdir or prependdir"
        )
    if ddir is not None:
        stripdir, prependdir, ddir = dir, ddir, None
    if workers < 0:
        raise ValueError("workers must be greater or equal to 0")
    if maxlevels is None:
        maxlevels = _sys_view().getrecursionlimit()
    files: Iterable[str] = _walk_dir(dir, maxlevels, quiet)
    display = _display
    if display is not None and display.counting:
        files = list(files)
        display.total = sum(name.endswith(".py") for name in files)
    options = {
        "ddir": ddir,
        "force": force,
        "rx": rx,
        "quiet": quiet,
        "legacy": legacy,
        "optimize": optimize,
        "invalidation_mode": invalidation_mode,
        "stripdir": stripdir,
        "prependdir": prependdir,
        "limit_sl_dest": limit_sl_dest,
        "hardlink_dupes": hardlink_dupes,
    }
    if workers != 1 and _processes_work():
        outcomes = _in_processes(files, workers, options)
    else:
        job = partial(_compile_numbered, options=options)
        outcomes = map(job, _numbered(files))
    success = True
    for outcome in outcomes:
        if display is not None:
            display.add(outcome)
        success = success and outcome != FAILED
    return success


def _processes_work() -> bool:
    """Can this system run a process pool (CPython falls back to one process if not)?"""
    try:
        from concurrent.futures.process import _check_system_limits

        _check_system_limits()
    except (ImportError, NotImplementedError):
        return False
    return True


def _in_processes(
    files: Iterable[str], workers: int, options: dict[str, Any]
) -> Iterator[str]:
    """The outcomes of compiling ``files`` in a pool of ``workers`` processes, in order.
    A forked child would inherit the parent's threads and locks mid-use: forkserver instead,
    as CPython's compileall does."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = None
    if multiprocessing.get_start_method() == "fork":
        context = multiprocessing.get_context("forkserver")
    display = _display
    total = display.total if display is not None and display.counting else 0
    job = partial(_compile_numbered, options=options, total=total)
    with ProcessPoolExecutor(max_workers=workers or None, mp_context=context) as pool:
        yield from pool.map(job, _numbered(files))


def _numbered(files: Iterable[str]) -> Iterator[tuple[int, str]]:
    """Each file with its number among the ``.py`` files (the progress count)."""
    number = 0
    for file in files:
        number += file.endswith(".py")
        yield number, file


def _compile_numbered(
    item: tuple[int, str], options: dict[str, Any], total: int = 0
) -> str:
    """One file, its number noted for the progress count (in this process or a worker,
    where ``total`` brings the parent's count along)."""
    global _display
    number, file = item
    if total:
        _display = Display(counting=True, total=total)
    if _display is not None:
        _display.done = number
    return _compile_one(file, **options)


def compile_file(
    fullname: Any,
    ddir: Any = None,
    force: bool = False,
    rx: Any = None,
    quiet: int = 0,
    legacy: bool = False,
    optimize: int | list[int] = -1,
    invalidation_mode: object = None,
    *,
    stripdir: Any = None,
    prependdir: Any = None,
    limit_sl_dest: Any = None,
    hardlink_dupes: bool = False,
) -> bool:
    """Compile one file (if it is a ``.py``, not matched by ``rx``, and not up to date unless
    ``force``); True unless it failed."""
    outcome = _compile_one(
        fullname,
        ddir,
        force,
        rx,
        quiet,
        legacy,
        optimize,
        invalidation_mode,
        stripdir=stripdir,
        prependdir=prependdir,
        limit_sl_dest=limit_sl_dest,
        hardlink_dupes=hardlink_dupes,
    )
    if _display is not None and not _display.counting:
        _display.add(outcome)
    return outcome != FAILED


def _compile_one(
    fullname: Any,
    ddir: Any = None,
    force: bool = False,
    rx: Any = None,
    quiet: int = 0,
    legacy: bool = False,
    optimize: int | list[int] = -1,
    invalidation_mode: object = None,
    *,
    stripdir: Any = None,
    prependdir: Any = None,
    limit_sl_dest: Any = None,
    hardlink_dupes: bool = False,
) -> str:
    """compile_file's work; the outcome (COMPILED, CURRENT, FAILED, SKIPPED)."""
    if ddir is not None and (stripdir is not None or prependdir is not None):
        raise ValueError(
            "Destination dir (ddir) cannot be used "
            "in combination with stripdir or prependdir"
        )
    fullname = os.fspath(fullname)
    dfile = _display_name(fullname, ddir, stripdir, prependdir)
    levels = sorted({optimize} if isinstance(optimize, int) else set(optimize))
    if hardlink_dupes and len(levels) < 2:
        raise ValueError(
            "Hardlinking of duplicated bytecode makes sense "
            "only for more than one optimization level"
        )
    if rx is not None and rx.search(fullname):
        return SKIPPED
    if limit_sl_dest is not None and os.path.islink(fullname):
        from pathlib import Path

        if Path(limit_sl_dest).resolve() not in Path(fullname).resolve().parents:
            return SKIPPED
    if not os.path.isfile(fullname) or not fullname.endswith(".py"):
        return SKIPPED
    cfiles = {
        level: fullname + "c"
        if legacy
        else py_compile.cache_from_source(fullname, level)
        for level in levels
    }
    if not force and _up_to_date(fullname, cfiles.values()):
        return CURRENT
    _progress(fullname, quiet)
    return _write_all(
        fullname, dfile, cfiles, levels, quiet, invalidation_mode, hardlink_dupes
    )


def _display_name(
    fullname: str, ddir: Any, stripdir: Any, prependdir: Any
) -> str | None:
    """The file name compiled into the code (tracebacks, errors): -d, -s and -p applied."""
    dfile = None
    if ddir is not None:
        dfile = os.path.join(ddir, os.path.basename(fullname))
    if stripdir is not None:
        parts = fullname.split(os.path.sep)
        kept = list(parts)
        for strip, part in zip(os.fspath(stripdir).split(os.path.sep), parts):
            if strip == part:
                kept.remove(strip)
        dfile = os.path.join(*kept) if kept else ""
    if prependdir is not None:
        dfile = os.path.join(prependdir, fullname if dfile is None else dfile)
    return dfile


def _up_to_date(fullname: str, cfiles: Iterable[str]) -> bool:
    """Every .pyc is this Ouro's timestamp file for the source's present mtime and size."""
    try:
        stat = os.stat(fullname)
        expect = (
            pycfile.MAGIC
            + b"\0\0\0\0"
            + (int(stat.st_mtime) & 0xFFFFFFFF).to_bytes(4, "little")
            + (stat.st_size & 0xFFFFFFFF).to_bytes(4, "little")
        )
        for cfile in cfiles:
            with open(cfile, "rb") as handle:
                if handle.read(16) != expect:
                    return False
    except OSError:
        return False
    return True


def _progress(fullname: str, quiet: int) -> None:
    if quiet:
        return
    display = _display
    if display is not None and display.counting and display.total:
        width = len(str(display.total))
        line = f"[{display.done:{width}}/{display.total}] Compiling {fullname!r}..."
    else:
        line = f"Compiling {fullname!r}..."
    # One write per line: the lines of worker processes (-j) must not run together.
    sys.stdout.write(line + "\n")
    sys.stdout.flush()


def _write_all(
    fullname: str,
    dfile: str | None,
    cfiles: dict[int, str],
    levels: list[int],
    quiet: int,
    invalidation_mode: object,
    hardlink_dupes: bool,
) -> str:
    """Compile ``fullname`` once per optimization level; errors reported as CPython does."""
    try:
        for index, level in enumerate(levels):
            cfile = cfiles[level]
            written = py_compile.compile(
                fullname,
                cfile,
                dfile,
                True,
                optimize=level,
                invalidation_mode=invalidation_mode,
            )
            if index > 0 and hardlink_dupes:
                _link_if_same(cfiles[levels[index - 1]], cfile)
    except py_compile.PyCompileError as err:
        _error(fullname, quiet, _printable(err.msg))
        return FAILED
    except (SyntaxError, UnicodeError, OSError) as e:
        _error(fullname, quiet, f"{e.__class__.__name__}: {e}")
        return FAILED
    return COMPILED if written else FAILED


def _link_if_same(previous: str, cfile: str) -> None:
    import filecmp

    if filecmp.cmp(cfile, previous, shallow=False):
        os.unlink(cfile)
        os.link(previous, cfile)


def _error(fullname: str, quiet: int, message: str) -> None:
    if quiet >= 2:
        return
    if quiet:
        print(f"*** Error compiling {fullname!r}...")
    else:
        print("*** ", end="")
    print(message)


def _printable(message: str) -> str:
    """The message in the output's encoding, what it cannot show escaped."""
    encoding = sys.stdout.encoding or sys.getdefaultencoding()
    return message.encode(encoding, errors="backslashreplace").decode(encoding)


def compile_path(
    skip_curdir: bool = True,
    maxlevels: int = 0,
    force: bool = False,
    quiet: int = 0,
    legacy: bool = False,
    optimize: int | list[int] = -1,
    invalidation_mode: object = None,
) -> bool:
    """Compile the modules of every folder on (Ouro's) ``sys.path``, not recursing by
    default; the current folder is skipped unless ``skip_curdir`` is false."""
    success = True
    for entry in list(_sys_view().path):
        if (not entry or entry == os.curdir) and skip_curdir:
            if quiet < 2:
                print("Skipping current directory")
            continue
        # CPython stops compiling at the first folder with a failure (its `and`).
        success = success and compile_dir(
            entry,
            maxlevels,
            None,
            force,
            quiet=quiet,
            legacy=legacy,
            optimize=optimize,
            invalidation_mode=invalidation_mode,
        )
    return success


# --- the command line -------------------------------------------------------------------


def _parser() -> Any:
    import argparse

    parser = argparse.ArgumentParser(
        prog="compileall.py",
        description="Utilities to support installing Python libraries.",
    )
    add = parser.add_argument
    add(
        "-l",
        action="store_const",
        const=0,
        default=None,
        dest="maxlevels",
        help="don't recurse into subdirectories",
    )
    add(
        "-r",
        type=int,
        dest="recursion",
        help="control the maximum recursion level. if `-l` and `-r` options are "
        "specified, then `-r` takes precedence.",
    )
    add(
        "-f",
        action="store_true",
        dest="force",
        help="force rebuild even if timestamps are up to date",
    )
    add(
        "-q",
        action="count",
        dest="quiet",
        default=0,
        help="output only error messages; -qq will suppress the error messages as well.",
    )
    add(
        "-b",
        action="store_true",
        dest="legacy",
        help="use legacy (pre-PEP3147) compiled file locations",
    )
    add(
        "-d",
        metavar="DESTDIR",
        dest="ddir",
        default=None,
        help="directory to prepend to file paths for use in compile-time tracebacks and "
        "in runtime tracebacks in cases where the source file is unavailable",
    )
    add(
        "-s",
        metavar="STRIPDIR",
        dest="stripdir",
        default=None,
        help="part of path to left-strip from path to source file - for example "
        "buildroot. `-d` and `-s` options cannot be specified together.",
    )
    add(
        "-p",
        metavar="PREPENDDIR",
        dest="prependdir",
        default=None,
        help="path to add as prefix to path to source file - for example / to make it "
        "absolute when some part is removed by `-s` option. `-d` and `-p` options "
        "cannot be specified together.",
    )
    add(
        "-x",
        metavar="REGEXP",
        dest="rx",
        default=None,
        help="skip files matching the regular expression; the regexp is searched for "
        "in the full path of each file considered for compilation",
    )
    add(
        "-i",
        metavar="FILE",
        dest="flist",
        help="add all the files and directories listed in FILE to the list considered "
        'for compilation; if "-", names are read from stdin',
    )
    add(
        "compile_dest",
        metavar="FILE|DIR",
        nargs="*",
        help="zero or more file and directory names to compile; if no arguments given, "
        "defaults to the equivalent of -l sys.path",
    )
    add("-j", "--workers", default=1, type=int, help="Run compileall concurrently")
    add(
        "--invalidation-mode",
        choices=["checked-hash", "timestamp", "unchecked-hash"],
        help='set .pyc invalidation mode; defaults to "checked-hash" if the '
        'SOURCE_DATE_EPOCH environment variable is set, and "timestamp" otherwise.',
    )
    add(
        "-o",
        action="append",
        type=int,
        dest="opt_levels",
        help="Optimization levels to run compilation with. Default is -1 which uses "
        "the optimization level of the Python interpreter itself (see -O).",
    )
    add(
        "-e",
        metavar="DIR",
        dest="limit_sl_dest",
        help="Ignore symlinks pointing outsite of the DIR",
    )
    add(
        "--hardlink-dupes",
        action="store_true",
        dest="hardlink_dupes",
        help="Hardlink duplicated pyc files",
    )
    return parser


def main(argv: list[str] | None = None) -> bool | int:
    """The command line.  Called as CPython's ``compileall.main()`` (no argument, options
    from sys.argv) it returns True when everything compiled; ``ouro -m compileall`` passes
    the arguments and gets the exit status, 0 or 1."""
    global _display
    started = time.monotonic()
    args = _parser().parse_args(sys.argv[1:] if argv is None else argv)
    quiet = args.quiet
    display = Display(counting=_on_terminal())
    _display = display
    try:
        success = _run(args)
    except KeyboardInterrupt:
        if quiet < 2:
            print("\n[interrupted]")
        success = False
    finally:
        _display = None
    if not quiet and success is not None:
        print(display.summary(time.monotonic() - started))
    return bool(success) if argv is None else int(not success)


def _on_terminal() -> bool:
    try:
        return sys.stdout.isatty()
    except (AttributeError, ValueError):
        return False


def _run(args: Any) -> bool:
    parser = _parser()
    dests: list[str] = args.compile_dest
    if args.rx:
        import re

        args.rx = re.compile(args.rx)
    if args.limit_sl_dest == "":
        args.limit_sl_dest = None
    maxlevels = args.recursion if args.recursion is not None else args.maxlevels
    levels = args.opt_levels if args.opt_levels is not None else [-1]
    if len(levels) == 1 and args.hardlink_dupes:
        parser.error(
            "Hardlinking of duplicated bytecode makes sense "
            "only for more than one optimization level."
        )
    if args.ddir is not None and (
        args.stripdir is not None or args.prependdir is not None
    ):
        parser.error("-d cannot be used in combination with -s or -p")
    if args.flist:
        try:
            if args.flist == "-":
                dests.extend(line.strip() for line in sys.stdin)
            else:
                with open(args.flist, encoding="utf-8") as listing:
                    dests.extend(line.strip() for line in listing)
        except OSError:
            if args.quiet < 2:
                print(f"Error reading file list {args.flist}")
            return False
    mode = None
    if args.invalidation_mode:
        mode = py_compile.PycInvalidationMode[
            args.invalidation_mode.replace("-", "_").upper()
        ]
    if not dests:
        return compile_path(
            legacy=args.legacy,
            force=args.force,
            quiet=args.quiet,
            invalidation_mode=mode,
        )
    common = {
        "invalidation_mode": mode,
        "stripdir": args.stripdir,
        "prependdir": args.prependdir,
        "optimize": levels,
        "limit_sl_dest": args.limit_sl_dest,
        "hardlink_dupes": args.hardlink_dupes,
    }
    success = True
    for dest in dests:
        if os.path.isfile(dest):
            ok = compile_file(
                dest, args.ddir, args.force, args.rx, args.quiet, args.legacy, **common
            )  # type: ignore[arg-type]
        else:
            ok = compile_dir(
                dest,
                maxlevels,
                args.ddir,
                args.force,
                args.rx,
                args.quiet,
                args.legacy,
                workers=args.workers,
                **common,
            )  # type: ignore[arg-type]
        success = success and ok
    return success


if __name__ == "__main__":
    sys.exit(int(not main()))
