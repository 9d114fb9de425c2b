"""The `ouro` command line: `ouro [option] ... [-c cmd | -m mod | file | -] [arg] ...`.

Takes the options CPython 3.12's `python` takes, with its messages and exit statuses, compiles
the program with Ouro's compiler and runs it on Ouro's VM as `__main__`; with no program on a
terminal, or with `-i`, it hands over to the prompt (`ouro.repl`). The user's code is never
run by the host (no host exec/eval/compile).

Some options are about the host interpreter Ouro runs on, not about Ouro's pipeline: `-b`
(the host's own `bytes == str` comparisons warn), `-E`/`-I`/`-s`/`-S` (what the host read from
the environment and `site` at its start), `-X utf8`, `-X dev`... When those differ from the
host's, Ouro starts the host again with them (`HOST_XOPTIONS`, `host_options`) instead of
imitating them; the options about compiling and running (`-O`, `-B`, `-W`, `-u`, `-i`, the
program and `sys.path[0]`) Ouro applies itself (`configure`).
"""

from __future__ import annotations

import os
import sys
import types
from typing import NamedTuple

import ouro

PROG = "ouro"
USAGE = f"usage: {PROG} [option] ... [-c cmd | -m mod | file | -] [arg] ..."
HELP = f"""{USAGE}
Options (and corresponding environment variables):
-b     : issue warnings about str(bytes_instance), str(bytearray_instance)
         and comparing bytes/bytearray with str or bytes with int. (-bb: issue errors)
-B     : don't write .pyc files on import; also PYTHONDONTWRITEBYTECODE=x
-c cmd : program passed in as string (terminates option list)
-d     : turn on parser debugging output; also PYTHONDEBUG=x (no effect in Ouro)
-E     : ignore PYTHON* environment variables (such as PYTHONPATH)
-h     : print this help message and exit (also -? or --help)
-i     : inspect interactively after running script; forces a prompt even
         if stdin does not appear to be a terminal; also PYTHONINSPECT=x
-I     : isolate Ouro from the user's environment (implies -E, -P and -s)
-m mod : run library module as a script (terminates option list)
-O     : remove assert and __debug__-dependent statements; also PYTHONOPTIMIZE=x
-OO    : do -O changes and also discard docstrings
-P     : don't prepend a potentially unsafe path to sys.path; also PYTHONSAFEPATH
-q     : don't print version and copyright messages on interactive startup
-s     : don't add user site directory to sys.path; also PYTHONNOUSERSITE=x
-S     : don't imply 'import site' on initialization
-u     : force the stdout and stderr streams to be unbuffered; also PYTHONUNBUFFERED=x
-v     : verbose; also PYTHONVERBOSE=x
-V     : print the Ouro version number and exit (also --version); -VV for more
-W arg : warning control; arg is action:message:category:module:lineno;
         also PYTHONWARNINGS=arg
-x     : skip first line of source, allowing use of non-Unix forms of #!cmd
-X opt : set implementation-specific option (dev, utf8, pycache_prefix=PATH, ...)
--check-hash-based-pycs always|default|never: control how hash-based .pyc files are used
file   : program read from script file
-      : program read from stdin (default; interactive mode if a tty)
arg ...: arguments passed to program in sys.argv[1:]
"""
FLAGS = "bBdEhiIOPqRsSuvVx?"  # short options without an argument
WITH_ARG = "cmWX"  # short options that take one (glued on, `-Wd`, or the next word)
LONG = ("--help", "--version", "--help-env", "--help-xoptions", "--help-all")
# -X options that configure the host interpreter itself, passed on to it (module docstring).
HOST_XOPTIONS = (
    "dev",
    "utf8",
    "warn_default_encoding",
    "int_max_str_digits",
    "faulthandler",
    "tracemalloc",
)
# Variables the host reads at its start that Ouro cannot undo afterwards: with -E and one of
# these set, the host is started again with -E.
HOST_ENV = (
    "PYTHONHASHSEED",
    "PYTHONIOENCODING",
    "PYTHONUTF8",
    "PYTHONDEVMODE",
    "PYTHONWARNINGS",
    "PYTHONWARNDEFAULTENCODING",
    "PYTHONINTMAXSTRDIGITS",
    "PYTHONFAULTHANDLER",
    "PYTHONTRACEMALLOC",
    "PYTHONMALLOC",
    "PYTHONHOME",
    "PYTHONPLATLIBDIR",
    "PYTHONCOERCECLOCALE",
)
# `-m NAME` for modules that Ouro implements itself: NAME -> Ouro's module, whose
# `main(args)` is the command (returns an exit status or None). Until Ouro has its own
# import system every other module's source is found through the host's importlib.
OWN_MAIN_MODULES = {
    "dis": "ouro.bytecode.dis",
    "py_compile": "ouro.tools.py_compile",
    "compileall": "ouro.tools.compileall",
    "ouro.freeze": "ouro.freeze",
}


class UsageError(Exception):
    """A bad command line: CPython prints the message, the usage line, and exits with 2."""


class Options:
    """What the command line asked for; `counts` holds how often each flag letter came.

    (A plain class, as `Config` is a NamedTuple: both are made at every start, and defining
    a dataclass costs the host most of a millisecond.)"""

    __slots__ = (
        "args",
        "command",
        "counts",
        "long",
        "module",
        "path",
        "warnoptions",
        "xoptions",
    )

    def __init__(
        self,
        command: str | None = None,
        module: str | None = None,
        path: str | None = None,  # a file, a folder, or "-" (standard input)
        args: list[str] | None = None,
    ) -> None:
        self.command = command
        self.module = module
        self.path = path
        self.args: list[str] = [] if args is None else args
        self.counts: dict[str, int] = {}
        self.warnoptions: list[str] = []
        self.xoptions: list[str] = []
        self.long: list[str] = []

    def has(self, letter: str) -> int:
        return self.counts.get(letter, 0)


def parse_args(args: list[str]) -> Options:
    """Read the options up to the program, as CPython's getopt does; UsageError if bad."""
    opts = Options()
    i = 0
    while i < len(args):
        arg = args[i]
        i += 1
        if arg == "--":
            break
        if arg == "-" or not arg.startswith("-"):
            i -= 1
            break
        if arg.startswith("--"):
            i = long_option(arg, args, i, opts)
            continue
        j = 1
        while j < len(arg):
            letter = arg[j]
            j += 1
            if letter in FLAGS:
                opts.counts[letter] = opts.counts.get(letter, 0) + 1
                continue
            if letter not in WITH_ARG:
                raise UsageError(f"Unknown option: -{letter}")
            value = arg[j:]
            if not value:
                if i == len(args):
                    raise UsageError(f"Argument expected for the -{letter} option")
                value = args[i]
                i += 1
            if letter == "c":
                opts.command, opts.args = value, args[i:]
                return opts
            if letter == "m":
                opts.module, opts.args = value, args[i:]
                return opts
            (opts.warnoptions if letter == "W" else opts.xoptions).append(value)
            break
    if i < len(args):
        opts.path, opts.args = args[i], args[i + 1 :]
    return opts


def long_option(arg: str, args: list[str], i: int, opts: Options) -> int:
    if arg == "--check-hash-based-pycs":
        if i == len(args):
            # "options": CPython 3.12's text, word for word.
            raise UsageError(
                "Argument expected for the --check-hash-based-pycs options"
            )
        if args[i] not in ("always", "default", "never"):
            raise UsageError(
                "--check-hash-based-pycs must be one of 'default', 'always', or 'never'"
            )
        return i + 1
    if arg not in LONG:
        raise UsageError(f"unknown option {arg}")
    opts.long.append(arg)
    return i


def main(argv: list[str] | None = None, *, host_ready: bool = False) -> int:
    """Entry point of `ouro` and `python3 -m ouro`; returns the exit status.

    `host_ready`: the host was started again with the options it needs (no second restart)."""
    args = sys.argv[1:] if argv is None else list(argv)
    try:
        opts = parse_args(args)
    except UsageError as e:
        print(f"{e}\n{USAGE}\nTry `{PROG} -h' for more information.", file=sys.stderr)
        return 2
    if (
        opts.has("h")
        or opts.has("?")
        or {"--help", "--help-env", "--help-xoptions", "--help-all"} & set(opts.long)
    ):
        print(HELP, end="")
        return 0
    if opts.has("V") or "--version" in opts.long:
        print(version(verbose=opts.has("V") + opts.long.count("--version") > 1))
        return 0
    wanted = host_options(opts)
    if wanted is not None and not host_ready:
        return restart_host(wanted, args)
    status = run(opts, config(opts))
    if sys.flags.inspect:
        leave(status)
    return status


def leave(status: int) -> None:
    """End the process now with `status`. For a host started with PYTHONINSPECT set (or -i),
    which would otherwise open its own prompt when Ouro returns: Ouro answered it already."""
    import atexit

    atexit._run_exitfuncs()
    for stream in (sys.stdout, sys.stderr):
        if stream is not None:
            stream.flush()
    os._exit(status)


def version(verbose: bool = False) -> str:
    text = f"Ouro {ouro.__version__} (Python 3.12)"
    if verbose:
        text += f" on CPython {sys.version}"
    return text


# --- the environment and the host ---------------------------------------------------------


def getenv(opts: Options, name: str) -> str:
    """PYTHON* variables as Ouro reads them: not at all under -E/-I, "" when unset."""
    if opts.has("E") or opts.has("I"):
        return ""
    return os.environ.get(name, "")


def env_int(opts: Options, name: str) -> int:
    """A PYTHONxxx count variable: a number, or 1 for any other non-empty text."""
    value = getenv(opts, name)
    if not value:
        return 0
    try:
        return max(int(value), 1)
    except ValueError:
        return 1


def xoptions(opts: Options) -> dict[str, str | bool]:
    """`-X a=b -X c` as sys._xoptions shows them: {'a': 'b', 'c': True}."""
    result: dict[str, str | bool] = {}
    for item in opts.xoptions:
        key, eq, value = item.partition("=")
        result[key] = value if eq else True
    return result


def host_options(opts: Options) -> list[str] | None:
    """The host's own command-line options that these Ouro options need, or None when the
    running host already has what they need."""
    isolated = opts.has("I") > 0
    ignore_env = isolated or opts.has("E") > 0
    want = {
        "bytes_warning": min(opts.has("b"), 2),
        "no_site": min(opts.has("S"), 1),
        "no_user_site": int(
            isolated or opts.has("s") > 0 or bool(getenv(opts, "PYTHONNOUSERSITE"))
        ),
        "isolated": int(isolated),
    }
    have = {name: int(getattr(sys.flags, name)) for name in want}
    x_want = {k: v for k, v in xoptions(opts).items() if k in HOST_XOPTIONS}
    x_have = {k: v for k, v in sys._xoptions.items() if k in HOST_XOPTIONS}
    env_left = (
        ignore_env
        and not sys.flags.ignore_environment
        and any(os.environ.get(name) for name in HOST_ENV)
    )
    env_back = not ignore_env and sys.flags.ignore_environment
    if want == have and x_want == x_have and not env_left and not env_back:
        return None
    host = ["-b"] * want["bytes_warning"]
    host += ["-I"] if isolated else ["-E"] * ignore_env + ["-s"] * want["no_user_site"]
    host += ["-S"] * want["no_site"]
    for key, value in x_want.items():
        host += ["-X", key if value is True else f"{key}={value}"]
    return host


def restart_host(host: list[str], args: list[str]) -> int:
    """Run Ouro again on a host started with the options `host`, with the same arguments.

    The new host may not see PYTHONPATH or the site folders (-E, -I, -S), so it is told where
    the `ouro` package lives, and forgets it again before the program runs."""
    root = os.path.dirname(os.path.dirname(os.path.abspath(ouro.__file__)))
    boot = (
        "import sys; sys.path.append(sys.argv.pop(1)); import ouro.cli; sys.path.pop(); "
        "sys.exit(ouro.cli.main(sys.argv[1:], host_ready=True))"
    )
    command = [sys.executable, *host, "-c", boot, root, *args]
    sys.stdout.flush()
    sys.stderr.flush()
    if os.name == "posix":
        os.execv(sys.executable, command)
    import subprocess

    return subprocess.call(command)


class Config(NamedTuple):
    """What the program sees of the command line: Ouro's `sys.flags` and the rest."""

    optimize: int
    inspect: bool
    flags: tuple[object, ...]
    warnoptions: list[str]
    unbuffered: bool
    dont_write_bytecode: bool
    safe_path: bool
    quiet: bool
    verbose: int


def config(opts: Options) -> Config:
    """Combine the options with the PYTHON* environment variables (unless -E), as CPython."""
    isolated = opts.has("I") > 0
    values = {name: getattr(sys.flags, name) for name in sys.flags.__match_args__}
    inspect = opts.has("i") > 0 or bool(getenv(opts, "PYTHONINSPECT"))
    env_warnings = [w for w in getenv(opts, "PYTHONWARNINGS").split(",") if w]
    values.update(
        debug=opts.has("d") or env_int(opts, "PYTHONDEBUG"),
        inspect=int(inspect),
        interactive=int(opts.has("i") > 0),
        optimize=min(opts.has("O"), 2) or env_int(opts, "PYTHONOPTIMIZE"),
        dont_write_bytecode=int(
            opts.has("B") > 0 or bool(getenv(opts, "PYTHONDONTWRITEBYTECODE"))
        ),
        ignore_environment=int(isolated or opts.has("E") > 0),
        verbose=opts.has("v") or env_int(opts, "PYTHONVERBOSE"),
        quiet=int(opts.has("q") > 0),
        # Ouro speaks 3.12, whose flag shows the limit in force (3.11 shows -1 by default).
        int_max_str_digits=sys.get_int_max_str_digits(),
        safe_path=isolated or opts.has("P") > 0 or bool(getenv(opts, "PYTHONSAFEPATH")),
    )
    return Config(
        optimize=values["optimize"],
        inspect=inspect,
        flags=make_flags(values),
        warnoptions=env_warnings + opts.warnoptions,
        unbuffered=opts.has("u") > 0 or bool(getenv(opts, "PYTHONUNBUFFERED")),
        dont_write_bytecode=bool(values["dont_write_bytecode"]),
        safe_path=bool(values["safe_path"]),
        quiet=bool(values["quiet"]),
        verbose=values["verbose"],
    )


class Flags(tuple):  # type: ignore[type-arg]
    """sys.flags's shape: a tuple whose items are also attributes (the host's type makes no
    new instances)."""

    __slots__ = ()
    _fields: tuple[str, ...] = ()

    def __getattr__(self, name: str) -> object:
        try:
            return self[self._fields.index(name)]
        except ValueError:
            raise AttributeError(
                f"'sys.flags' object has no attribute '{name}'"
            ) from None

    def __repr__(self) -> str:
        items = ", ".join(f"{k}={v!r}" for k, v in zip(self._fields, self, strict=True))
        return f"sys.flags({items})"


def make_flags(values: dict[str, object]) -> Flags:
    cls = types.new_class(
        "flags", (Flags,), exec_body=lambda ns: ns.update(__slots__=())
    )
    cls._fields = tuple(values)
    cls.__match_args__ = cls._fields  # type: ignore[attr-defined]
    cls.__module__ = "sys"
    return cls(values.values())


# --- reporting -----------------------------------------------------------------------------


def exit_status(e: SystemExit) -> int:
    """What `sys.exit(x)` makes the process return, printing x when it is not a number."""
    code = e.code
    if code is None:
        return 0
    if isinstance(code, int):
        return code
    sys.stdout.flush()
    print(code, file=sys.stderr)
    return 1


def fail(message: str, status: int) -> int:
    print(f"{PROG}: {message}", file=sys.stderr)
    return status


def main_module(filename: str | None, **extra: object) -> types.ModuleType:
    """A fresh `__main__` module in sys.modules, as CPython makes for the program."""
    main = types.ModuleType("__main__")
    from ouro.vm.ourobuiltins import BUILTINS

    main.__builtins__ = BUILTINS  # type: ignore[attr-defined]
    if filename is not None:
        main.__file__ = filename
        main.__cached__ = None  # type: ignore[attr-defined]
    main.__dict__.update(extra)
    sys.modules["__main__"] = main
    from ouro import importer

    if importer.installed():  # Ouro's own sys.modules too (ouro/importer)
        importer.core.MODULES["__main__"] = main
    return main


def report(exc: BaseException) -> None:
    """Print an uncaught exception as CPython does (through a program's own sys.excepthook,
    if it set one) and keep it in sys.last_exc & co. for `pdb.pm()`."""
    from ouro.vm.traceback import format_exception

    sys.last_exc = exc  # type: ignore[attr-defined]
    sys.last_type, sys.last_value = type(exc), exc
    sys.last_traceback = exc.__traceback__
    sys.stdout.flush()
    hook = sys.excepthook
    if hook is sys.__excepthook__:
        sys.stderr.write(format_exception(exc))
    else:
        hook(type(exc), exc, exc.__traceback__)
    sys.stderr.flush()


# --- running the program ------------------------------------------------------------------


def run(opts: Options, cfg: Config) -> int:
    """Set up `sys` for the program, run it, then the prompt if asked for (-i) or if there
    was no program and standard input is a terminal."""
    configure(opts, cfg)
    from ouro import repl

    if opts.command is None and opts.module is None and opts.path in (None, "-"):
        if not (cfg.inspect or (sys.stdin is not None and sys.stdin.isatty())):
            return run_stdin(opts, cfg)
        main_module(None, __name__="__main__")
        show_banner = not cfg.quiet or cfg.verbose > 0
        return repl.interact(
            cfg.optimize,
            banner=show_banner,
            startup=getenv(opts, "PYTHONSTARTUP"),
            history=getenv(opts, "PYTHON_HISTORY"),
        )
    status = run_program(opts, cfg)
    if cfg.inspect or getenv(opts, "PYTHONINSPECT"):
        return repl.interact(
            cfg.optimize, banner=False, history=getenv(opts, "PYTHON_HISTORY")
        )
    return status


def run_program(opts: Options, cfg: Config) -> int:
    if opts.command is not None:
        return run_source(opts.command, "<string>", cfg, main_module(None))
    if opts.module is not None:
        return run_module(opts.module, opts.args, cfg)
    assert opts.path is not None
    return run_path(opts.path, cfg, skip_first=opts.has("x") > 0)


def run_stdin(opts: Options, cfg: Config) -> int:
    source = sys.stdin.buffer.read()
    if opts.has("x"):
        source = skip_first_line(source)
    return run_source(source, "<stdin>", cfg, main_module(None))


def run_path(path: str, cfg: Config, skip_first: bool = False) -> int:
    """Run the program in the file (or folder with a `__main__.py`) at `path`."""
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
    if skip_first:
        source = skip_first_line(source)
    return run_source(source, full, cfg, main_module(full))


def skip_first_line(source: bytes) -> bytes:
    """-x: the first line is dropped, but still counted (CPython's line numbers stay)."""
    end = source.find(b"\n")
    return b"" if end < 0 else source[end:]


def run_source(
    source: str | bytes, filename: str, cfg: Config, module: types.ModuleType
) -> int:
    """Compile `source` with Ouro's compiler and run it on Ouro's VM in `module`."""
    from ouro.compiler import compile_source

    try:
        code = compile_source(source, filename, optimize=cfg.optimize)
    except SyntaxError as e:
        # The same text CPython 3.12 prints for a SyntaxError in the main script.
        report(e)
        return 1
    return run_code(code, module, cfg.inspect)


def run_code(code: object, module: types.ModuleType, inspect: bool = False) -> int:
    """Run a compiled main program; report an uncaught exception as CPython does. Under -i
    even SystemExit is reported (the prompt follows), as CPython does."""
    from ouro import vm

    try:
        vm.execute(code, module.__dict__)  # type: ignore[arg-type]
    except SystemExit as e:
        if not inspect:
            return exit_status(e)
        report(e)
        return 1
    except BaseException as e:  # noqa: BLE001 - every uncaught exception is the program's
        report(e)
        if isinstance(e, KeyboardInterrupt) and not inspect:
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


# --- -m MODULE ------------------------------------------------------------------------------


class NoModule(Exception):
    """`-m NAME` names nothing Ouro can run: the message CPython prints after its name."""


def run_module(name: str, args: list[str], cfg: Config) -> int:
    """`-m NAME`: Ouro's own command for NAME (OWN_MAIN_MODULES), else the module's source run
    as `__main__` (a package's `__main__` submodule), found by the host's importlib."""
    sys.argv = ["-m", *args]
    own = own_main(name)
    if own is not None:
        sys.argv[0] = own.__file__ or name
        try:
            result = own.main(args)
        except SystemExit as e:
            return exit_status(e)
        return result if isinstance(result, int) else 0
    from ouro import importer

    if importer.installed():  # found, compiled and cached by Ouro's importer
        from ouro.importer import mainmodule

        try:
            spec, code = mainmodule.find_main(name, NoModule)
        except NoModule as e:
            return fail(str(e), 1)
        sys.argv[0] = spec.origin or name  # type: ignore[attr-defined]
        return run_code(code, mainmodule.main_module(spec, main_module), cfg.inspect)
    try:
        spec, source = find_main_source(name)
    except NoModule as e:
        return fail(str(e), 1)
    filename = spec.origin or name
    sys.argv[0] = filename
    module = main_module(
        filename,
        __spec__=spec,
        __loader__=spec.loader,
        __package__=spec.parent,
        __cached__=spec.cached,
    )
    return run_source(source, filename, cfg, module)


def own_main(name: str) -> types.ModuleType | None:
    """Ouro's own module for `-m NAME`, None if there is none (or it is not written yet)."""
    import importlib

    target = OWN_MAIN_MODULES.get(name)
    if target is None:
        return None
    try:
        module = importlib.import_module(target)
    except ModuleNotFoundError as e:
        if e.name != target:
            raise
        return None
    return module if callable(getattr(module, "main", None)) else None


def find_main_source(name: str) -> tuple[object, str]:
    """(spec, source) of the module `-m NAME` runs; NoModule with CPython's (runpy's) texts."""
    import importlib.util

    if name.startswith("."):
        raise NoModule("Relative module names not supported")
    parent = name.rpartition(".")[0]
    if parent:
        # TODO(#importer): the host imports the parent package until Ouro has its importer.
        try:
            __import__(parent)
        except ImportError as e:
            if e.name is None or (
                e.name != parent and not parent.startswith(e.name + ".")
            ):
                raise
    try:
        spec = importlib.util.find_spec(name)
    except (ImportError, AttributeError, TypeError, ValueError) as e:
        message = f"Error while finding module specification for {name!r} ({type(e).__name__}: {e})"
        if name.endswith(".py"):
            message += (
                f". Try using '{name[:-3]}' instead of '{name}' as the module name."
            )
        raise NoModule(message) from None
    if spec is None:
        raise NoModule(f"No module named {name}")
    if spec.submodule_search_locations is not None:
        if name == "__main__" or name.endswith(".__main__"):
            raise NoModule("Cannot use package as __main__ module")
        try:
            return find_main_source(name + ".__main__")
        except NoModule as e:
            raise NoModule(
                f"{e}; {name!r} is a package and cannot be directly executed"
            ) from None
    loader = spec.loader
    if loader is None:
        raise NoModule(f"{name!r} is a namespace package and cannot be executed")
    get_source = getattr(loader, "get_source", None)
    source = get_source(name) if get_source is not None else None
    if source is None:
        raise NoModule(f"No code object available for {name}")
    return spec, source


# --- sys for the program --------------------------------------------------------------------


def configure(opts: Options, cfg: Config) -> None:
    """Give the program the `sys` its command line asks for: argv, path, flags, warnings..."""
    from ouro.vm import sysview

    sys.argv = program_argv(opts)
    set_path(opts, cfg)
    sys.dont_write_bytecode = cfg.dont_write_bytecode
    xopts = xoptions(opts)
    prefix = xopts.get("pycache_prefix") or getenv(opts, "PYTHONPYCACHEPREFIX")
    sys.pycache_prefix = prefix if isinstance(prefix, str) and prefix else None
    # A host started with -X importtime or PYTHONPROFILEIMPORTTIME times its own imports
    # (Ouro's runtime) into the same stream, and has printed the header.
    host_times = "importtime" in sys._xoptions or bool(
        os.environ.get("PYTHONPROFILEIMPORTTIME") and not sys.flags.ignore_environment
    )
    sys._xoptions.clear()
    sys._xoptions.update(xopts)
    # The host's warnings module already took PYTHONWARNINGS (or was started again with -E).
    sys.warnoptions[:] = cfg.warnoptions
    if opts.warnoptions:
        import warnings

        warnings._processoptions(opts.warnoptions)  # type: ignore[attr-defined]
    if cfg.unbuffered:
        unbuffer()
    # Ouro's sys.flags for Ouro code (the host's stays the host's).
    sysview.OWN["flags"] = cfg.flags
    sysview.SYS.flags = cfg.flags
    if ouro_importer(opts):
        from ouro import importer

        importer.install(sys.path)
        # Ouro's importer has its own copy of the path.  The host's keeps no program folder:
        # the host's own imports (a traceback's linecache, a shared host module) must not
        # find a program's token.py or threading.py there, as CPython's do not.
        if not cfg.safe_path and sys.path and sys.path[0] == path0(opts):
            del sys.path[0]
        if xopts.get("importtime") or getenv(opts, "PYTHONPROFILEIMPORTTIME"):
            importer.core.profile_imports(header=not host_times)


def ouro_importer(opts: Options) -> bool:
    """Is Ouro's own import system on (yes unless `-X importer=host` or OURO_IMPORTER=host)?"""
    from ouro import importer

    environ = {} if opts.has("E") or opts.has("I") else os.environ
    return importer.requested(xoptions(opts), environ)  # type: ignore[arg-type]


def program_argv(opts: Options) -> list[str]:
    if opts.command is not None:
        return ["-c", *opts.args]
    if opts.module is not None:
        return ["-m", *opts.args]
    if opts.path is not None:
        return [opts.path, *opts.args]
    return [""]


def set_path(opts: Options, cfg: Config) -> None:
    """sys.path as CPython builds it: the host's entry for itself replaced by the program's
    folder (nothing under -P/-I), and no PYTHONPATH entries under -E."""
    if not sys.flags.safe_path and sys.path:
        del sys.path[0]  # the host's own first entry: its script's folder or ''
    if (opts.has("E") or opts.has("I")) and not sys.flags.ignore_environment:
        for entry in os.environ.get("PYTHONPATH", "").split(os.pathsep):
            for form in (entry, os.path.abspath(entry)):
                if entry and form in sys.path:
                    sys.path.remove(form)
                    break
    if not cfg.safe_path:
        sys.path.insert(0, path0(opts))


def path0(opts: Options) -> str:
    """The folder a program's own imports come from: the script's (symlinks to the script
    followed), the current folder for -m, '' for -c, standard input and the prompt."""
    if opts.module is not None:
        return os.getcwd()
    if opts.command is not None or opts.path in (None, "-"):
        return ""
    path = opts.path
    assert path is not None
    if os.path.isdir(path):
        return os.path.abspath(path)
    for _ in range(40):
        if not os.path.islink(path):
            break
        path = os.path.join(os.path.dirname(path), os.readlink(path))
    return os.path.dirname(os.path.abspath(path))


def unbuffer() -> None:
    """-u: stdout and stderr write through to their file descriptors, as CPython's do."""
    import io

    for name in ("stdout", "stderr"):
        stream = getattr(sys, name)
        if stream is None or isinstance(getattr(stream, "buffer", None), io.FileIO):
            continue
        stream.flush()
        try:
            raw = io.FileIO(stream.fileno(), "wb", closefd=False)
        except (OSError, ValueError, AttributeError):
            continue
        new = io.TextIOWrapper(raw, stream.encoding, stream.errors, write_through=True)
        setattr(sys, name, new)
        setattr(sys, f"__{name}__", new)
