"""Tracebacks of Ouro code, printed as CPython 3.12 prints them.

Takes an exception that escaped Ouro code, whose ``__ouro_traceback__`` lists the
``(code, instruction index)`` pairs it passed through (innermost first, see ``loop``), and
gives the text ``sys.excepthook`` would print under CPython: the chain of causes and contexts,
a ``File "...", line N, in name`` entry per frame with the source line, and the carets 3.12
draws under the failing expression when it does not span the whole line.
"""

from __future__ import annotations

import sys
from types import TracebackType
from typing import TYPE_CHECKING

from ouro.bytecode.code import Code

if TYPE_CHECKING:
    import traceback as host_traceback


def format_exception(exc: BaseException) -> str:
    """The whole report for ``exc``, chained exceptions first, as CPython prints it.

    The layout (chains, exception groups with their boxes, widths and depths) is the host's
    ``TracebackException``'s; each exception's stack and last lines are Ouro's."""
    import traceback as host_traceback  # only when something is reported: a start needs none

    report = host_traceback.TracebackException(type(exc), exc, None, compact=True)
    _attach(report, exc, set())
    return "".join(report.format())


class _Stack:
    """Stands for a TracebackException's StackSummary: Ouro's entries for one exception."""

    def __init__(self, exc: BaseException) -> None:
        self.lines = stack_lines(exc)

    def __bool__(self) -> bool:
        return bool(self.lines)

    def format(self) -> list[str]:
        return self.lines


def _attach(
    report: host_traceback.TracebackException, exc: BaseException, seen: set[int]
) -> None:
    """Give ``report`` and the reports chained or grouped in it Ouro's stacks and lines."""
    work = [(report, exc)]
    while work:
        report, exc = work.pop()
        if id(report) in seen:
            continue
        seen.add(id(report))
        report.stack = _Stack(exc)  # type: ignore[assignment]
        only = format_exception_only(exc)
        report.format_exception_only = lambda only=only: iter(only)  # type: ignore[method-assign]
        for attr in ("__cause__", "__context__"):
            inner, inner_exc = getattr(report, attr), getattr(exc, attr)
            if inner is not None and inner_exc is not None:
                work.append((inner, inner_exc))
        for inner, inner_exc in zip(
            getattr(report, "exceptions", None) or (),
            getattr(exc, "exceptions", ()),
        ):
            if inner is not None:
                work.append((inner, inner_exc))


def stack_lines(exc: BaseException) -> list[str]:
    """The ``File ..., line N, in name`` entries of ``exc``'s traceback, outermost first."""
    import traceback as host_traceback

    lines: list[str] = []
    for part in merged_entries(exc):
        if isinstance(part, list):
            lines.extend(format_entries(part))
        else:
            lines.extend(host_traceback.extract_tb(part, limit=1).format())
    return lines


# --- Ouro's entries and the host's ------------------------------------------------------------
# An exception that went through host code called by Ouro code (a module the host imported,
# a host library calling back) has host frames too: they are in its host traceback, among
# the host frames of the loops.  Each loop the exception left noted which of the
# ``__ouro_traceback__`` entries are its own and its host frame (``note_loop_exit``), so the
# entries go where their loop's host frame is; Ouro's machinery's other frames are left out.


def note_loop_exit(exc: BaseException) -> None:
    """The loop calling ``unwind`` lets ``exc`` out: its entries end here."""
    loop_frame = sys._getframe(2)
    count = len(getattr(exc, "__ouro_traceback__", ()))
    try:
        exc.__ouro_loops__.append((count, loop_frame))  # type: ignore[attr-defined]
    except AttributeError:
        try:
            exc.__ouro_loops__ = [(count, loop_frame)]  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            pass


Part = list[tuple[Code, int]] | TracebackType


def merged_entries(exc: BaseException) -> list[Part]:
    """The traceback, outermost first: runs of Ouro entries and host traceback entries."""
    from ouro.vm.frames import LOOP_CODE_IDS, OURO_DIR

    entries: list[tuple[Code, int]] = getattr(exc, "__ouro_traceback__", [])
    loops = getattr(exc, "__ouro_loops__", [])
    plain: list[Part] = [list(reversed(entries))] if entries else []
    tb = exc.__traceback__
    if not loops or loops[-1][0] != len(entries) or tb is None:
        return plain
    segments: dict[int, tuple[object, list[tuple[Code, int]]]] = {}
    start = 0
    for end, frame in loops:
        segments[id(frame)] = (frame, list(reversed(entries[start:end])))
        start = end
    parts: list[Part] = []
    used = 0
    while tb is not None:
        frame = tb.tb_frame
        found = segments.get(id(frame))
        if found is not None and found[0] is frame:
            used += 1
            if found[1]:
                parts.append(found[1])
        elif not (
            id(frame.f_code) in LOOP_CODE_IDS
            or frame.f_code.co_filename.startswith(OURO_DIR)
        ):
            parts.append(tb)
        tb = tb.tb_next
    return parts if used == len(segments) else plain


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
    """The last line(s): the host's formatting, with CPython 3.12's hints computed here.

    The host would look for names to suggest in its own frames (the loop's) and differs
    between hosts, so its hints are turned off (``name`` unset while it formats) and Ouro's
    (``hint``) go at the end of the message, the first line for these exception types."""
    import traceback as host_traceback

    hinted = isinstance(exc, (NameError, AttributeError, ImportError))
    if not hinted:
        return host_traceback.format_exception_only(type(exc), exc)
    name = getattr(exc, "name", None)
    text = hint(exc)
    try:
        exc.name = None  # type: ignore[union-attr]
    except (AttributeError, TypeError):
        text = ""
    try:
        lines = host_traceback.format_exception_only(type(exc), exc)
    finally:
        exc.name = name  # type: ignore[union-attr]
    if text and lines and lines[0].endswith("\n"):
        lines[0] = lines[0][:-1] + text + "\n"
    return lines


def hint(exc: BaseException) -> str:
    """What CPython 3.12 adds to the message: ". Did you mean: 'x'?", a forgotten import."""
    if isinstance(exc, ImportError) and not isinstance(exc, ModuleNotFoundError):
        wrong = getattr(exc, "name_from", None)
    else:
        wrong = getattr(exc, "name", None)
    if not isinstance(wrong, str):
        return ""
    found = suggestion(exc, wrong)
    text = f". Did you mean: '{found}'?" if found else ""
    if isinstance(exc, NameError) and wrong in sys.stdlib_module_names:
        text += f"{' Or d' if found else '. D'}id you forget to import '{wrong}'?"
    return text


def format_entry(code: Code, index: int) -> str:
    lineno, end_lineno, col, end_col = code.co_positions_table[index]
    text = f'  File "{code.co_filename}", line {lineno}, in {code.co_name}\n'
    if lineno is None:
        return text
    # Imported here, not at the top: only a printed traceback needs it, and a start would
    # pay ~2 ms for it (linecache imports tokenize).  Same module, same cache either way.
    import linecache

    line = linecache.getline(code.co_filename, lineno)
    if not line:
        return text
    stripped = line.rstrip("\n")
    shown = stripped.strip()
    text += f"    {shown}\n"
    if col is None or end_col is None or end_lineno is None:
        return text
    # Columns are UTF-8 byte offsets; carets count characters.
    data = stripped.encode("utf-8", "surrogatepass")
    start = len(data[:col].decode("utf-8", "replace"))
    if end_lineno == lineno:
        end = len(data[:end_col].decode("utf-8", "replace"))
        marks = anchored_marks(stripped[start:end])
    else:  # an expression over several lines: marked to the end of its first line
        end = len(stripped.rstrip())
        marks = None
    indent = len(stripped) - len(stripped.lstrip())
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


# --- "Did you mean" -------------------------------------------------------------------------
# The rules of CPython 3.12's interpreter (what its default excepthook prints; the traceback
# module's copy differs a little): a Levenshtein distance over the UTF-8 bytes where
# inserting or deleting a byte costs 2, replacing it 2, or 1 if only its ASCII case differs;
# a candidate may be at most (len(name) + len(candidate) + 3) * 2 // 6 away and must beat the
# best so far (the first of equals wins); 750 candidates or more give nothing, and so do
# names whose differing middle is longer than 40 bytes.  A NameError looks at the frame's
# local variables, then at ``self``'s attributes ("self.name"), the globals, the builtins.
MOVE_COST = 2
CASE_COST = 1
MAX_STRING_SIZE = 40
MAX_CANDIDATE_ITEMS = 750


def remember_frame(
    exc: BaseException, env: tuple[object, ...], r: list[object]
) -> None:
    """Keep the frame a NameError was raised in (CPython finds it at the traceback's end)."""
    if isinstance(exc, NameError) and not hasattr(exc, "__ouro_frame__"):
        try:
            exc.__ouro_frame__ = (env, r)  # type: ignore[attr-defined]
        except (AttributeError, TypeError):
            pass


def suggestion(exc: BaseException, wrong: str) -> str | None:
    """The close name CPython 3.12 would suggest for ``wrong``, or None."""
    if isinstance(exc, NameError):
        frame = getattr(exc, "__ouro_frame__", None)
        return None if frame is None else _name_suggestion(frame, wrong)
    if isinstance(exc, AttributeError):
        source = exc.obj
    else:  # ImportError: from module import wrong
        source = sys.modules.get(exc.name)  # type: ignore[union-attr, arg-type]
        if source is None:
            return None
    try:
        return closest(wrong, dir(source))
    except Exception:  # noqa: BLE001 - no dir(), no suggestion (as CPython)
        return None


def _name_suggestion(frame: tuple[object, ...], wrong: str) -> str | None:
    from ouro.vm.frame_builtins import frame_locals

    env, r = frame
    code: Code = env[0]  # type: ignore[assignment]
    found = closest(wrong, list(code.co_varnames))
    if found is not None:
        return found
    if "self" in code.co_varnames:
        local = frame_locals(env, r)  # type: ignore[arg-type]
        if "self" in local and _has_attribute(local["self"], wrong):
            return f"self.{wrong}"
    for namespace in (env[2], env[3]):
        found = closest(wrong, list(namespace))  # type: ignore[call-overload]
        if found is not None:
            return found
    return None


def _has_attribute(obj: object, name: str) -> bool:
    try:
        return hasattr(obj, name)
    except Exception:  # noqa: BLE001 - a failing __getattr__ means no
        return False


def closest(wrong: str, candidates: list[object]) -> str | None:
    """The first candidate nearest to ``wrong`` within CPython's limits."""
    if len(candidates) >= MAX_CANDIDATE_ITEMS:
        return None
    name = wrong.encode("utf-8", "surrogatepass")
    best_distance = sys.maxsize
    best: str | None = None
    for candidate in candidates:
        if not isinstance(candidate, str) or candidate == wrong:
            continue  # a name equal to the missing one is "found" (CPython gh-88821)
        item = candidate.encode("utf-8", "surrogatepass")
        limit = (len(name) + len(item) + 3) * MOVE_COST // 6
        limit = min(limit, best_distance - 1)
        distance = edit_distance(name, item, limit)
        if distance <= limit and (best is None or distance < best_distance):
            best, best_distance = candidate, distance
    return best


def _fold(byte: int) -> int:
    return byte + 32 if 65 <= byte <= 90 else byte  # ASCII upper case to lower case


def edit_distance(a: bytes, b: bytes, limit: int) -> int:
    """Weighted Levenshtein distance of a and b; anything above ``limit`` is limit + 1."""
    start = 0
    while start < min(len(a), len(b)) and a[start] == b[start]:
        start += 1
    end = 0
    while end < min(len(a), len(b)) - start and a[-1 - end] == b[-1 - end]:
        end += 1
    a, b = a[start : len(a) - end], b[start : len(b) - end]
    if not a or not b:
        return MOVE_COST * (len(a) + len(b))
    if len(a) > MAX_STRING_SIZE or len(b) > MAX_STRING_SIZE:
        return limit + 1
    if abs(len(a) - len(b)) * MOVE_COST > limit:
        return limit + 1
    # previous[j]: the distance between the part of b seen so far and a[:j].
    previous = [j * MOVE_COST for j in range(len(a) + 1)]
    for i, char in enumerate(b, 1):
        current = [i * MOVE_COST]
        for j, other in enumerate(a, 1):
            if char == other:
                replace = 0
            elif _fold(char) == _fold(other):
                replace = CASE_COST
            else:
                replace = MOVE_COST
            current.append(
                min(
                    previous[j - 1] + replace,
                    previous[j] + MOVE_COST,
                    current[j - 1] + MOVE_COST,
                )
            )
        if min(current) > limit:
            return limit + 1
        previous = current
    return previous[-1]
