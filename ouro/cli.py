"""The `ouro` command line: `ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...`.

Takes the arguments `python` takes, reads the program and parses it with `ouro.syntax`.
A SyntaxError is reported as CPython 3.12 reports it (exit status 1). Running a program
needs the compiler and the VM, which do not exist yet: for now a program that parses ends
with a message and exit status 2. The user's code is never run by the host (no host
exec/eval/compile).
"""

from __future__ import annotations

import os
import sys
import traceback

import ouro

PROG = "ouro"
NOT_IMPLEMENTED = (
    "running programs is not implemented yet (the compiler and VM are issue #4)"
)
USAGE = f"usage: {PROG} [option] ... [-c cmd | -m mod | file | -] [arg] ..."
HELP = f"""{USAGE}
Options (and corresponding environment variables):
-c cmd : program passed in as string (terminates option list)
-h     : print this help message and exit (also -? or --help)
-m mod : run library module as a script (terminates option list)
-V     : print the Ouro version number and exit (also --version)
-B -E -I -O -OO -q -s -S -u -v, -W arg -X opt : accepted; no effect yet
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
"""
# Options that take no argument and change nothing until programs run.
IGNORED_FLAGS = {
    "-B",
    "-E",
    "-I",
    "-O",
    "-OO",
    "-q",
    "-s",
    "-S",
    "-u",
    "-v",
    "-b",
    "-bb",
}
IGNORED_WITH_ARG = {"-W", "-X"}


def version() -> str:
    return f"Ouro {ouro.__version__} (Python 3.12)"


def main(argv: list[str] | None = None) -> int:
    """Entry point of `ouro` and `python3 -m ouro`; returns the exit status."""
    args = sys.argv[1:] if argv is None else list(argv)
    i = 0
    while i < len(args):
        arg = args[i]
        if arg in ("-h", "-?", "--help"):
            print(HELP, end="")
            return 0
        if arg in ("-V", "--version"):
            print(version())
            return 0
        if arg == "-c" and i + 1 < len(args):
            return run_source(args[i + 1], "<string>")
        if arg == "-m" and i + 1 < len(args):
            return fail(
                f"-m {args[i + 1]}: the import system is not implemented yet", 2
            )
        if arg == "-" or not arg.startswith("-"):
            return run_path(arg)
        if arg in IGNORED_FLAGS:
            i += 1
        elif arg in IGNORED_WITH_ARG and i + 1 < len(args):
            i += 2
        else:
            return usage_error(arg)
    return run_path("-")


def usage_error(arg: str) -> int:
    if arg in ("-c", "-m", "-W", "-X"):
        problem = f"Argument expected for the {arg} option"
    else:
        problem = f"unknown option {arg}"
    print(f"{problem}\n{USAGE}\nTry `{PROG} -h' for more information.", file=sys.stderr)
    return 2


def run_path(path: str) -> int:
    """Read the program at `path` (`-`: standard input) and run it."""
    if path == "-":
        if sys.stdin.isatty():
            return fail("the interactive prompt is not implemented yet", 2)
        return run_source(sys.stdin.buffer.read(), "<stdin>")
    # CPython shows the script's absolute path in messages and tracebacks.
    full = os.path.abspath(path)
    if os.path.isdir(full):
        main_py = os.path.join(full, "__main__.py")
        if not os.path.isfile(main_py):
            return fail(f"can't find '__main__' module in {full!r}", 1)
        full = main_py
    try:
        with open(full, "rb") as f:
            source = f.read()
    except OSError as e:
        return fail(f"can't open file {full!r}: [Errno {e.errno}] {e.strerror}", 2)
    return run_source(source, full)


def run_source(source: str | bytes, filename: str) -> int:
    """Parse `source`; running it waits for the compiler and VM (issue #4)."""
    from ouro import syntax  # lazily: `ouro -V` and `-h` need no parser

    try:
        syntax.parse(source, filename)
    except SyntaxError as e:
        # The same text CPython 3.12 prints for a SyntaxError in the main script.
        sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))
        return 1
    return fail(NOT_IMPLEMENTED, 2)


def fail(message: str, status: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return status
