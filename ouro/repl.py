"""The interactive prompt: `ouro` with no program on a terminal, or after a program with -i.

Reads a statement a line at a time (`sys.ps1`, then `sys.ps2` while it is incomplete),
compiles it with Ouro's compiler in mode "single" (an expression statement's value goes to
`sys.displayhook`, which shows it and keeps it in `builtins._`) and runs it on Ouro's VM in
`__main__`'s namespace. What is typed is only ever compiled in memory: nothing here writes
bytecode files.

When is a statement complete? Ouro's own parser says: input that fails only at its end (the
tokenizer's end-of-file tokens, an unclosed bracket or triple-quoted string, a backslash
before the end) needs more lines; so does a compound statement, which an empty line ends --
the same answers CPython's interactive tokenizer gives. Errors are printed as CPython 3.12's
prompt prints them (`File "<stdin>", line N`, no source lines) and the prompt goes on;
end of input (Ctrl-D) ends it with status 0, SystemExit (`exit()`) with its status.
"""

from __future__ import annotations

import os
import sys

from ouro import cli

FILENAME = "<stdin>"
# Statements that an empty line ends at the prompt (an `else:`, `except:`... may follow).
COMPOUND_NODES = {
    "If",
    "For",
    "AsyncFor",
    "While",
    "Try",
    "TryStar",
    "With",
    "AsyncWith",
    "FunctionDef",
    "AsyncFunctionDef",
    "ClassDef",
    "Match",
}
MORE, EMPTY = "more", "empty"  # what a partial input may be, besides code or an error
BANNER_HINT = 'Type "help", "copyright", "credits" or "license" for more information.'


def interact(
    optimize: int = 0, *, banner: bool = True, startup: str = "", history: str = ""
) -> int:
    """Run the prompt in `__main__`'s namespace until end of input; the exit status."""
    namespace = sys.modules["__main__"].__dict__
    for name, default in (("ps1", ">>> "), ("ps2", "... ")):
        if not hasattr(sys, name):
            setattr(sys, name, default)
    if banner:
        sys.stderr.write(f"{banner_text()}\n{BANNER_HINT}\n")
    tty = sys.stdin is not None and sys.stdin.isatty()
    if tty:
        enable_readline(namespace, history)
    if startup:
        run_startup(startup, namespace, optimize)
    return Console(namespace, optimize, tty).loop()


def banner_text() -> str:
    return f"{cli.version()} on CPython {sys.version} on {sys.platform}"


class Console:
    """The read-compile-run loop over one namespace."""

    def __init__(self, namespace: dict[str, object], optimize: int, tty: bool) -> None:
        self.namespace = namespace
        self.optimize = optimize
        self.tty = tty

    def loop(self) -> int:
        lines: list[str] = []
        while True:
            try:
                prompt = str(sys.ps2 if lines else sys.ps1)  # type: ignore[attr-defined]
                try:
                    line = self.read(prompt)
                except EOFError:
                    sys.stderr.write("\n")
                    return 0
                lines.append(line)
                if not self.push(lines):
                    lines = []
            except KeyboardInterrupt:
                sys.stderr.write("\nKeyboardInterrupt\n")
                lines = []
            except SystemExit as e:
                return cli.exit_status(e)

    def read(self, prompt: str) -> str:
        """One line without its newline; EOFError at the end. On a terminal through the
        host's input() (line editing by readline); otherwise the prompt goes to stderr."""
        if sys.stdout is not None:
            sys.stdout.flush()
        if self.tty:
            return input(prompt)
        sys.stderr.write(prompt)
        sys.stderr.flush()
        line = sys.stdin.readline()
        if not line:
            raise EOFError
        return line.removesuffix("\n")

    def push(self, lines: list[str]) -> bool:
        """Compile and run the statement in `lines`; True if it needs more lines."""
        # An empty line after the first ends a compound statement (not a bracket or string).
        final = len(lines) > 1 and not lines[-1].strip()
        try:
            code = compile_input("\n".join(lines) + "\n", final, self.optimize)
        except SyntaxError as e:
            cli.report(e)
            return False
        if code == MORE:
            return True
        if code != EMPTY:
            self.run(code)
        return False

    def run(self, code: object) -> None:
        from ouro import vm

        try:
            vm.execute(code, self.namespace)  # type: ignore[arg-type]
        except SystemExit:
            raise
        except BaseException as e:  # noqa: BLE001 - the prompt reports and goes on
            cli.report(e)
        finally:
            if sys.stdout is not None:
                sys.stdout.flush()


def compile_input(text: str, final: bool, optimize: int = 0) -> object:
    """The Code object for one statement typed at the prompt, MORE if it needs more lines,
    EMPTY if there is nothing to run; SyntaxError as CPython's prompt reports it."""
    from ouro import syntax
    from ouro.compiler import compile_tree

    if not text.strip():
        return EMPTY
    try:
        tree = syntax.parse(text, FILENAME, "single")
    except SyntaxError as e:
        state = partial_state(text, final)
        if state in (MORE, EMPTY):
            return state
        if state is not None:
            raise at_empty_line(e, text.count("\n"), state) from None
        raise
    body = getattr(tree, "body", [])
    if not final and body and type(body[0]).__name__ in COMPOUND_NODES:
        return MORE
    return compile_tree(tree, FILENAME, "single", optimize)


def partial_state(text: str, final: bool) -> str | None:
    """Why `text` failed to parse: MORE if only because it ended too soon, EMPTY if it holds
    no tokens (a comment), the kind of token at the end ("DEDENT", "ENDMARKER") if the
    empty line that ended it came too soon, None for an error elsewhere."""
    from ouro.syntax.parser import Parser

    try:
        parser = Parser(text, FILENAME, "single")
        parser.parse_single()
    except SyntaxError:
        pass
    except (RecursionError, MemoryError):
        return None
    else:
        return None
    tokens = parser.tokens
    if all(t[0] == "ENDMARKER" for t in tokens):
        return EMPTY
    i = min(max(parser.pos, parser.furthest), len(tokens) - 1)
    kind = tokens[i][0]
    if kind == "ERRORTOKEN":
        at_end = i == len(tokens) - 1 and ends_too_soon(tokens[i][1])
        return (
            MORE if at_end else None
        )  # an open bracket or string goes on past empty lines
    if kind in ("DEDENT", "ENDMARKER") and all(
        t[0] in ("DEDENT", "ENDMARKER") for t in tokens[i:]
    ):
        return str(kind) if final else MORE
    return None


def at_empty_line(error: SyntaxError, lineno: int, kind: str) -> SyntaxError:
    """The error CPython's prompt gives when the empty line ending a statement came too
    soon: placed on that empty line (column 1; a dedent there has none)."""
    offset, end_offset = (0, -1) if kind == "DEDENT" else (1, 1)
    location = (FILENAME, lineno, offset, "", lineno, end_offset)
    return type(error)(error.msg, location)


def ends_too_soon(error: SyntaxError) -> bool:
    """Whether a tokenizer error is about input that stopped before its end."""
    msg = str(error.msg)
    return msg.endswith("was never closed") or msg.startswith(
        ("unterminated triple-quoted", "unexpected EOF")
    )


def run_startup(path: str, namespace: dict[str, object], optimize: int) -> None:
    """PYTHONSTARTUP: a file run in `__main__` before the first prompt."""
    from ouro import vm
    from ouro.compiler import compile_source

    try:
        with open(path, "rb") as f:
            source = f.read()
    except OSError as e:
        sys.stderr.write(f"Could not open PYTHONSTARTUP\n{type(e).__name__}: {e}\n")
        return
    try:
        vm.execute(compile_source(source, path, optimize=optimize), namespace)  # type: ignore[arg-type]
    except SystemExit:
        raise
    except BaseException as e:  # noqa: BLE001 - reported; the prompt still starts
        cli.report(e)


def enable_readline(namespace: dict[str, object], history: str) -> None:
    """Line editing, tab completion and a history file through the host's readline, when it
    has one. The history file is `history` (PYTHON_HISTORY) or ~/.ouro_history."""
    try:
        import readline
        import rlcompleter
    except ImportError:
        return
    readline.set_completer(rlcompleter.Completer(namespace).complete)
    if "libedit" in (readline.__doc__ or ""):
        readline.parse_and_bind("bind ^I rl_complete")
    else:
        readline.parse_and_bind("tab: complete")
    path = history or os.path.join(os.path.expanduser("~"), ".ouro_history")
    try:
        readline.read_history_file(path)
    except OSError:
        pass
    import atexit

    def save() -> None:
        try:
            readline.write_history_file(path)
        except OSError:
            pass

    atexit.register(save)
