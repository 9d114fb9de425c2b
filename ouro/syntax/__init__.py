"""Ouro's front end: source text -> tokens -> AST nodes mirroring Python 3.12's ``ast``.

``parse(source, filename, mode)`` is the one entry point; ``dump`` prints a tree exactly as
``ast.dump`` would.
"""

from __future__ import annotations

from collections.abc import Callable

from .nodes import AST, dump, iter_child_nodes, iter_fields, walk
from .parser import Parser, token_error, too_complex
from .source import to_text

__all__ = ["AST", "dump", "iter_child_nodes", "iter_fields", "parse", "walk"]

_MODES = ("exec", "eval", "single", "func_type")


def parse(source: str | bytes, filename: str = "<unknown>", mode: str = "exec") -> AST:
    """Parse ``source`` (str or bytes) into a tree; raise SyntaxError like CPython 3.12."""
    if mode not in _MODES:
        raise ValueError(
            "compile() mode must be 'exec', 'eval', 'single' or 'func_type'"  # host-ok: text, not a call
        )
    filename = _filename(filename)
    text = to_text(source, filename)
    parser = Parser(text, filename, mode)
    entry: Callable[[], AST] = getattr(parser, "parse_" + mode)
    try:
        return entry()
    except SyntaxError as exc:
        raise _tokenizer_error_first(parser, exc) from None
    except RecursionError:
        last = parser.tokens[-1]
        if last[0] == "ERRORTOKEN":
            raise token_error(last) from None  # e.g. too many nested parentheses
        # Nesting deeper than the host stack allows: CPython's answer for input too complex
        # for its parser's own stack.
        raise too_complex() from None


def _tokenizer_error_first(parser: Parser, exc: SyntaxError) -> SyntaxError:
    """The error to report when the parser failed: CPython then tokenizes the rest of the
    source, and a tokenizer error found there wins -- an unclosed bracket only when it was
    opened on a line before the parser's error."""
    last = parser.tokens[-1]
    if last[0] != "ERRORTOKEN" or last[1] is exc:
        return exc
    found = token_error(last)
    if exc.msg in ("unexpected indent", "unexpected unindent"):
        return exc  # CPython reports these without looking further
    reached = parser.tokens[max(parser.pos, parser.furthest)]
    if reached is last:
        return exc  # the parser saw the bad token and chose its own message
    if last[3]:
        return exc  # found inside an f-string: CPython keeps the parser's error
    if found.msg.endswith("was never closed"):
        if found.lineno is not None and found.lineno < reached[2]:
            return found
        return exc
    if found.msg in _STATE_ERRORS:
        return exc
    return found


# Tokenizer errors that CPython's tokenizer signals by a state code rather than by raising,
# so its look at the rest of the source passes over them (Parser/tokenizer.c: E_DEDENT,
# E_TABSPACE, E_TOODEEP, E_LINECONT, E_EOF).
_STATE_ERRORS = frozenset(
    (
        "unindent does not match any outer indentation level",
        "inconsistent use of tabs and spaces in indentation",
        "too many levels of indentation",
        "unexpected character after line continuation character",
        "unexpected EOF while parsing",
    )
)


def _filename(filename: object) -> str:
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return str(filename) if not isinstance(filename, str) else filename
