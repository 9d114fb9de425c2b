"""``py_compile`` for Ouro programs and ``ouro -m py_compile FILE...``.

Takes a source file; hands on Ouro's .pyc of it (``__pycache__/NAME.ouro-312.pyc``, the format
of ouro/cache/pycfile.py), compiled by Ouro's compiler — the same file Ouro's importer would
write and read.  The public names and parameters are CPython 3.12's (``compile``,
``PyCompileError``, ``PycInvalidationMode``, ``main``), and so are the command line's usage,
messages and exit statuses: the first file that does not compile ends the run with status 1
and the compiler's message (none with ``-q``); ``-`` reads the file names from stdin.

This module runs on the host as part of Ouro's runtime (it is one of Ouro's own modules,
ouro/vm/own_modules.py): the code it compiles is the user's, compiled by Ouro, never by the host.
"""

from __future__ import annotations

import enum
import os
import sys
import traceback

from ouro.cache import pycfile

__all__ = ["PyCompileError", "PycInvalidationMode", "compile", "main"]


class PyCompileError(Exception):
    """A source file failed to compile: ``exc_type_name``, ``exc_value``, ``file`` and ``msg``
    (the text ``compile`` prints), as CPython's class has them."""

    def __init__(
        self, exc_type: type, exc_value: BaseException, file: str, msg: str = ""
    ) -> None:
        exc_type_name = exc_type.__name__
        if exc_type is SyntaxError:
            # The compiler's own report of where it stopped, with the caret line.
            text = "".join(traceback.format_exception_only(exc_type, exc_value))
        else:
            text = f"Sorry: {exc_type_name}: {exc_value}"
        Exception.__init__(self, msg or text, exc_type_name, exc_value, file)
        self.exc_type_name = exc_type_name
        self.exc_value = exc_value
        self.file = file
        self.msg = msg or text

    def __str__(self) -> str:
        return self.msg


class PycInvalidationMode(enum.Enum):
    """How a .pyc is known to be current (PEP 552); CPython's names and values."""

    TIMESTAMP = 1
    CHECKED_HASH = 2
    UNCHECKED_HASH = 3


_TO_FLAGS = {
    PycInvalidationMode.TIMESTAMP: pycfile.Invalidation.TIMESTAMP,
    PycInvalidationMode.CHECKED_HASH: pycfile.Invalidation.CHECKED_HASH,
    PycInvalidationMode.UNCHECKED_HASH: pycfile.Invalidation.UNCHECKED_HASH,
}


def _get_default_invalidation_mode() -> PycInvalidationMode:
    """Reproducible builds (SOURCE_DATE_EPOCH set) get checked hashes, as in CPython."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return PycInvalidationMode.CHECKED_HASH
    return PycInvalidationMode.TIMESTAMP


def to_invalidation(mode: object) -> pycfile.Invalidation:
    """The header flags of a ``PycInvalidationMode`` (or of a pycfile.Invalidation)."""
    if isinstance(mode, pycfile.Invalidation):
        return mode
    if isinstance(mode, PycInvalidationMode):
        return _TO_FLAGS[mode]
    # Another copy of the enum (CPython's own, a reloaded module): go by the name.
    name = getattr(mode, "name", None)
    if isinstance(name, str) and name in pycfile.Invalidation.__members__:
        return pycfile.Invalidation[name]
    raise TypeError(f"invalidation_mode must be a PycInvalidationMode, not {mode!r}")


def interpreter_optimize() -> int:
    """The optimization level of the running Ouro (-O, -OO), as ``optimize=-1`` means."""
    try:
        from ouro.vm.sysview import SYS

        return int(getattr(SYS.flags, "optimize", 0) or 0)
    except ImportError:  # pragma: no cover - the VM is part of every Ouro
        return int(sys.flags.optimize)


def cache_from_source(file: str, optimize: int) -> str:
    """The .pyc path of ``file`` at ``optimize`` (-1: the interpreter's level), honouring the
    cache prefix as ``importlib.util.cache_from_source`` does."""
    level = interpreter_optimize() if optimize < 0 else optimize
    optimization = str(level) if level >= 1 else ""
    prefix = getattr(sys, "pycache_prefix", None)
    return pycfile.cache_path(os.fspath(file), optimization, prefix=prefix)


def compile(
    file: str,
    cfile: str | None = None,
    dfile: str | None = None,
    doraise: bool = False,
    optimize: int = -1,
    invalidation_mode: object = None,
    quiet: int = 0,
) -> str | None:
    """Compile the source ``file`` with Ouro's compiler and write its .pyc to ``cfile``
    (default: the ``__pycache__`` path).  ``dfile`` is the name in error messages and
    tracebacks.  On a compile error: PyCompileError if ``doraise``, else its message on stderr
    (nothing with ``quiet`` 2) and None.  Returns the .pyc's path."""
    from ouro.compiler import compile_source

    if invalidation_mode is None:
        invalidation_mode = _get_default_invalidation_mode()
    flags = to_invalidation(invalidation_mode)
    file = os.fspath(file)
    if cfile is None:
        cfile = cache_from_source(file, optimize)
    cfile = os.fspath(cfile)
    _refuse_special(cfile)
    with open(file, "rb") as handle:
        source = handle.read()
        stat = os.fstat(handle.fileno())
    level = interpreter_optimize() if optimize < 0 else optimize
    shown = os.fspath(dfile) if dfile else file
    try:
        code = compile_source(source, shown, "exec", optimize=level)
    except Exception as err:  # noqa: BLE001 - every compile error is reported
        error = PyCompileError(err.__class__, err, shown)
        if quiet < 2:
            if doraise:
                raise error from None
            sys.stderr.write(error.msg + "\n")
        return None
    data = pycfile.make_pyc(code, source, flags, stat.st_mtime, stat.st_size)
    pycfile.write_atomic_or_raise(cfile, data, stat.st_mode | 0o200)
    return cfile


def _refuse_special(cfile: str) -> None:
    """A rename would turn a symlink or a device into a regular file: CPython refuses."""
    if os.path.islink(cfile):
        raise FileExistsError(
            f"{cfile} is a symlink and will be changed into a regular file if "
            "import writes a byte-compiled file to it"
        )
    if os.path.exists(cfile) and not os.path.isfile(cfile):
        raise FileExistsError(
            f"{cfile} is a non-regular file and will be changed into a regular "
            "one if import writes a byte-compiled file to it"
        )


def main(argv: list[str] | None = None) -> int:
    """``ouro -m py_compile [-q] FILE...``: 0 when every file compiled, else 1 at the first
    failure (its message on stderr unless -q); argparse's usage errors exit with 2."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="py_compile.py",
        description="A simple command-line interface for py_compile module.",
    )
    parser.add_argument(
        "-q", "--quiet", action="store_true", help="Suppress error output"
    )
    parser.add_argument("filenames", nargs="+", help="Files to compile")
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    filenames: list[str] = args.filenames
    if filenames == ["-"]:
        filenames = [line.rstrip("\n") for line in sys.stdin.readlines()]
    for filename in filenames:
        try:
            compile(filename, doraise=True)
        except PyCompileError as error:
            _exit(1, None if args.quiet else error.msg)
        except OSError as error:
            _exit(1, None if args.quiet else str(error))
    return 0


def _exit(status: int, message: str | None) -> None:
    """argparse's ``parser.exit``: the message as it is (no newline added), then the status."""
    if message:
        sys.stderr.write(message)
    raise SystemExit(status)


if __name__ == "__main__":
    sys.exit(main())
