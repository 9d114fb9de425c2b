"""The `ouro` command line: `ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...`.

Takes the arguments `python` takes, compiles the program with Ouro's compiler and runs it on
Ouro's VM as `__main__`. A SyntaxError is reported as CPython 3.12 reports it (exit status 1);
an uncaught exception prints a CPython-style traceback (exit status 1); `sys.exit` gives its
status. The user's code is never run by the host (no host exec/eval/compile).
"""

from __future__ import annotations

import builtins
import os
import sys
import traceback
import types

import ouro

PROG = "ouro"
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
            sys.argv = ["-c", *args[i + 2 :]]
            return run_source(args[i + 1], "<string>")
        if arg == "-m" and i + 1 < len(args):
            return fail(
                f"-m {args[i + 1]}: the import system is not implemented yet", 2
            )
        if arg == "-" or not arg.startswith("-"):
            sys.argv = [arg, *args[i + 1 :]]
            return run_path(arg)
        if arg in IGNORED_FLAGS:
            i += 1
        elif arg in IGNORED_WITH_ARG and i + 1 < len(args):
            i += 2
        else:
            return usage_error(arg)
    sys.argv = [""]
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
    """Compile `source` with Ouro's compiler and run it on Ouro's VM as `__main__`."""
    from ouro.compiler import (
        compile_source,
    )  # lazily: `ouro -V` and `-h` need none of it

    try:
        code = compile_source(source, filename)
    except SyntaxError as e:
        # The same text CPython 3.12 prints for a SyntaxError in the main script.
        sys.stderr.write("".join(traceback.format_exception_only(type(e), e)))
        return 1
    except NotImplementedError as e:
        return fail(f"not implemented yet: {e}", 2)
    return run_code(code, filename)


def run_code(code: object, filename: str) -> int:
    """Run a compiled main program; report an uncaught exception as CPython does."""
    from ouro import vm
    from ouro.vm.traceback import format_exception

    main = types.ModuleType("__main__")
    main.__file__ = filename
    main.__cached__ = None  # type: ignore[attr-defined]
    main.__builtins__ = builtins  # type: ignore[attr-defined]
    sys.modules["__main__"] = main
    try:
        vm.execute(code, main.__dict__)  # type: ignore[arg-type]
    except SystemExit as e:
        return exit_status(e)
    except BaseException as e:  # noqa: BLE001 - every uncaught exception is the program's
        sys.stdout.flush()
        sys.stderr.write(format_exception(e))
        if isinstance(e, KeyboardInterrupt):
            exit_by_sigint()
        return 1
    finally:
        sys.stdout.flush()
    return 0


def exit_by_sigint() -> None:
    """End as CPython does after an uncaught KeyboardInterrupt: killed by SIGINT, so the
    parent sees the interrupt (exit status -2 / 130 in a shell)."""
    import signal

    sys.stderr.flush()
    if hasattr(signal, "SIGINT") and hasattr(os, "kill"):
        signal.signal(signal.SIGINT, signal.SIG_DFL)
        os.kill(os.getpid(), signal.SIGINT)


def exit_status(e: SystemExit) -> int:
    """What `sys.exit(x)` makes the process return, printing x when it is not a number."""
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    print(code, file=sys.stderr)
    return 1


def fail(message: str, status: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return status
