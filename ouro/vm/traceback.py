"""Tracebacks of Ouro code, printed as CPython 3.12 prints them.

Takes an exception that escaped Ouro code, whose ``__ouro_traceback__`` lists the
``(code, instruction index)`` pairs it passed through (innermost first, see ``loop``), and
gives the text ``sys.excepthook`` would print under CPython: the chain of causes and contexts,
a ``File "...", line N, in name`` entry per frame with the source line, and the carets 3.12
draws under the failing expression when it does not span the whole line.
"""

from __future__ import annotations

import linecache
import sys
import traceback as host_traceback

from ouro.bytecode.code import Code


def format_exception(exc: BaseException) -> str:
    """The whole report for ``exc``, chained exceptions first, as CPython prints it."""
    parts: list[str] = []
    seen: set[int] = set()
    chain: list[tuple[BaseException, str | None]] = []
    current: BaseException | None = exc
    message: str | None = None
    while current is not None and id(current) not in seen:
        seen.add(id(current))
        chain.append((current, message))
        if current.__cause__ is not None:
            message = "\nThe above exception was the direct cause of the following exception:\n\n"
            current = current.__cause__
        elif current.__context__ is not None and not current.__suppress_context__:
            message = "\nDuring handling of the above exception, another exception occurred:\n\n"
            current = current.__context__
        else:
            current = None
    for item, joiner in reversed(chain):
        parts.append(format_single(item))
        if joiner:
            parts.append(joiner)
    return "".join(parts)


def format_single(exc: BaseException) -> str:
    entries = list(reversed(getattr(exc, "__ouro_traceback__", [])))
    lines: list[str] = []
    if entries:
        lines.append("Traceback (most recent call last):\n")
        lines.extend(format_entries(entries))
    lines.extend(format_exception_only(exc))
    return "".join(lines)


# CPython prints a line repeated more than this many times in a row once per time, then
# "[Previous line repeated N more times]".
RECURSIVE_CUTOFF = 3


def format_entries(entries: list[tuple[Code, int]]) -> list[str]:
    lines: list[str] = []
    last: tuple[object, ...] | None = None
    count = 0
    for code, index in entries:
        key = (code.co_filename, code.co_positions_table[index][0], code.co_name)
        if key == last:
            count += 1
        else:
            if count > RECURSIVE_CUTOFF:
                lines.append(_repeated(count - RECURSIVE_CUTOFF))
            last, count = key, 1
        if count <= RECURSIVE_CUTOFF:
            lines.append(format_entry(code, index))
    if count > RECURSIVE_CUTOFF:
        lines.append(_repeated(count - RECURSIVE_CUTOFF))
    return lines


def _repeated(times: int) -> str:
    return f"  [Previous line repeated {times} more time{'s' if times > 1 else ''}]\n"


def format_exception_only(exc: BaseException) -> list[str]:
    """The last line(s): the host's formatting, with 3.12's hint for a forgotten import."""
    lines = host_traceback.format_exception_only(type(exc), exc)
    name = getattr(exc, "name", None)
    if (
        isinstance(exc, NameError)
        and name in sys.stdlib_module_names
        and lines
        and lines[-1].endswith(f"Did you forget to import '{name}'\n")
    ):
        lines[-1] = lines[-1][:-1] + "?\n"
    return lines


def format_entry(code: Code, index: int) -> str:
    lineno, end_lineno, col, end_col = code.co_positions_table[index]
    text = f'  File "{code.co_filename}", line {lineno}, in {code.co_name}\n'
    if lineno is None:
        return text
    line = linecache.getline(code.co_filename, lineno)
    if not line:
        return text
    stripped = line.rstrip("\n")
    shown = stripped.strip()
    text += f"    {shown}\n"
    if col is None or end_col is None or end_lineno != lineno:
        return text
    # Columns are UTF-8 byte offsets; carets count characters.
    data = stripped.encode("utf-8", "surrogatepass")
    start = len(data[:col].decode("utf-8", "replace"))
    end = len(data[:end_col].decode("utf-8", "replace"))
    indent = len(stripped) - len(stripped.lstrip())
    segment = stripped[start:end]
    marks = anchored_marks(segment)
    if marks is None:
        if start <= indent and end >= len(stripped.rstrip()):
            return text  # the whole line, nothing to point at: CPython 3.12 draws no carets
        marks = "^" * max(1, end - start)
    text += "    " + " " * (start - indent) + marks + "\n"
    return text


def anchored_marks(segment: str) -> str | None:
    """``~~^~~`` for a failing binary operation or subscript, else None (plain carets).

    CPython 3.12 marks the operator of a binary operation, or the ``[...]`` of a subscript,
    with ``^`` and the rest of the expression with ``~``.
    """
    from ouro import syntax  # the segment is parsed by Ouro's own parser

    try:
        tree = syntax.parse(segment, "<segment>", "exec")
    except (SyntaxError, ValueError, MemoryError):
        return None
    body = getattr(tree, "body", [])
    if len(body) != 1 or type(body[0]).__name__ != "Expr":
        return None
    expr = body[0].value
    kind = type(expr).__name__
    data = segment.encode("utf-8")

    def chars(byte: int) -> int:  # AST columns are UTF-8 bytes; marks count characters
        return len(data[:byte].decode("utf-8", "replace"))

    if kind == "BinOp":
        # The operator is the first non-blank, non-')' text after the left operand.
        i = chars(expr.left.end_col_offset)
        while i < len(segment) and (segment[i].isspace() or segment[i] in ")#"):
            i += 1
        width = (
            2
            if i + 1 < len(segment)
            and segment[i + 1] in "*/<>"
            and segment[i] in "*/<>"
            else 1
        )
        return "~" * i + "^" * width + "~" * (len(segment) - i - width)
    if kind == "Subscript":
        i = chars(expr.value.end_col_offset)
        while i < len(segment) and segment[i] != "[":
            i += 1
        j = chars(expr.slice.end_col_offset)
        while j < len(segment) and segment[j] != "]":
            j += 1
        j = min(j + 1, len(segment))
        return "~" * i + "^" * (j - i) + "~" * (len(segment) - j)
    return None
