"""Ouro's front end: source text -> tokens -> AST nodes mirroring Python 3.12's ``ast``.

``parse(source, filename, mode)`` is the one entry point; ``dump`` prints a tree exactly as
``ast.dump`` would.
"""

from __future__ import annotations

import sys

from .nodes import AST, dump, iter_child_nodes, iter_fields, walk
from .parser import Parser
from .source import to_text

__all__ = ["AST", "dump", "iter_child_nodes", "iter_fields", "parse", "walk"]

_MODES = ("exec", "eval", "single", "func_type")


def parse(source: str | bytes, filename: str = "<unknown>", mode: str = "exec") -> AST:
    """Parse ``source`` (str or bytes) into a tree; raise SyntaxError like CPython 3.12."""
    if mode not in _MODES:
        raise ValueError("compile() mode must be 'exec', 'eval', 'single' or 'func_type'")
    filename = _filename(filename)
    text = to_text(source, filename)
    parser = Parser(text, filename, mode)
    try:
        return getattr(parser, "parse_" + mode)()
    except SyntaxError:
        # A tokenizer error wins when the parser had reached the bad token, as in CPython,
        # whose tokenizer runs one token ahead of the parser.
        # A generic "invalid syntax" also gives way to any tokenizer error further on: CPython
        # tokenizes the rest of the source before it reports one.
        last = parser.tokens[-1]
        if last[0] == "ERRORTOKEN":
            exc = sys.exc_info()[1]
            if parser.pos >= len(parser.tokens) - 1 or getattr(exc, "msg", "") == "invalid syntax":
                raise last[1] from None
        raise
    except RecursionError:
        # Nesting deeper than the host stack allows: CPython's answer for input too complex
        # for its parser's own stack.
        raise MemoryError("Parser stack overflowed - Python source too complex to parse") from None


def _filename(filename: object) -> str:
    if isinstance(filename, bytes):
        return filename.decode("utf-8", "surrogateescape")
    return str(filename) if not isinstance(filename, str) else filename
