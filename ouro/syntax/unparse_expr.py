"""The expression half of ouro.syntax.unparse: precedence, literals, f-strings, and the driver.

``ExpressionWriter`` writes expressions (and the argument lists and comprehensions inside
them) as 3.12's ``ast.unparse`` does; ouro/syntax/unparse.py adds statements to it.
``AnnotationWriter`` overrides the node kinds that CPython's C unparser (Python/ast_unparse.c,
used for ``from __future__ import annotations``) writes differently.

Invariant: no host recursion in proportion to the tree's depth. A ``visit_<Kind>`` method
is a generator that writes text and yields the children to write next with the precedence
their place gives them (or a plain method, for a leaf); ``ExpressionWriter.text`` drives a
stack of those generators. The only host recursion is one fresh writer per level of
f-string nesting, which the parser bounds.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

from . import nodes as n

# --- precedence: a child is parenthesised when its place asks for more than it has ---

NAMED_EXPR = 1  # <target> := <value>
TUPLE = 2  # a, b
YIELD = 3  # yield, yield from
TEST = 4  # if-else, lambda
OR = 5
AND = 6
NOT = 7
CMP = 8  # < > == >= <= != in, not in, is, is not
EXPR = BOR = 9  # |
BXOR = 10
BAND = 11
SHIFT = 12
ARITH = 13  # binary + -
TERM = 14  # * @ / % //
FACTOR = 15  # unary + - ~
POWER = 16
AWAIT = 17
ATOM = 18


def above(level: int) -> int:
    """The next level up, saturating at ATOM (``_Precedence.next`` in Lib/ast.py)."""
    return level + 1 if level < ATOM else ATOM


BINOPS: dict[type, tuple[str, int]] = {
    n.Add: ("+", ARITH),
    n.Sub: ("-", ARITH),
    n.Mult: ("*", TERM),
    n.MatMult: ("@", TERM),
    n.Div: ("/", TERM),
    n.Mod: ("%", TERM),
    n.LShift: ("<<", SHIFT),
    n.RShift: (">>", SHIFT),
    n.BitOr: ("|", BOR),
    n.BitXor: ("^", BXOR),
    n.BitAnd: ("&", BAND),
    n.FloorDiv: ("//", TERM),
    n.Pow: ("**", POWER),
}
_UNARYOPS: dict[type, tuple[str, int]] = {
    n.Invert: ("~", FACTOR),
    n.Not: ("not ", NOT),
    n.UAdd: ("+", FACTOR),
    n.USub: ("-", FACTOR),
}
_CMPOPS: dict[type, str] = {
    n.Eq: "==",
    n.NotEq: "!=",
    n.Lt: "<",
    n.LtE: "<=",
    n.Gt: ">",
    n.GtE: ">=",
    n.Is: "is",
    n.IsNot: "is not",
    n.In: "in",
    n.NotIn: "not in",
}

# An overflowing literal such as 1e400 is an infinity in the tree; it is written back as
# the smallest decimal literal that overflows, and a NaN as the difference of two of them.
_INFSTR = "1e" + repr(sys.float_info.max_10_exp + 1)

_SINGLE_QUOTES = ("'", '"')
MULTI_QUOTES = ('"""', "'''")
_ALL_QUOTES = _SINGLE_QUOTES + MULTI_QUOTES

# What a writer yields: a child (a node, or a list of nodes written one after another) and
# the precedence its place gives it.
Step = tuple[object, int]
_Handler = Callable[[Any, Any, int], "Iterator[Step] | None"]


# --- string literals ---


def _escape_char(c: str, escape_special_whitespace: bool) -> str:
    if c in "\n\t" and not escape_special_whitespace:
        return c
    if c == "\\" or not c.isprintable():
        return c.encode("unicode_escape").decode("ascii")
    return c


def _literal_body(
    string: str, quote_types: Sequence[str], escape_special_whitespace: bool = False
) -> tuple[str, list[str]]:
    """A string literal's text between its quotes, with the fewest backslashes, and the
    quotes (best first) that may enclose it; ``repr``'s text when no quote fits."""
    escaped = "".join(_escape_char(c, escape_special_whitespace) for c in string)
    possible = list(quote_types)
    if "\n" in escaped:
        possible = [q for q in possible if q in MULTI_QUOTES]
    possible = [q for q in possible if q not in escaped]
    if not possible:
        text = repr(string)
        quote = next((q for q in quote_types if text[0] in q), text[0])
        return text[1:-1], [quote]
    if escaped:
        # A quote that differs from the last character is best: it needs no escape.
        possible.sort(key=lambda q: q[0] == escaped[-1])
        if possible[0][0] == escaped[-1]:  # only triple quotes remain: escape the last
            escaped = escaped[:-1] + "\\" + escaped[-1]
    return escaped, possible


def string_avoiding_backslashes(string: str, quote_types: Sequence[str]) -> str:
    body, quotes = _literal_body(string, quote_types)
    return quotes[0] + body + quotes[0]


def _number_text(value: object, nan_too: bool) -> str:
    text = repr(value).replace("inf", _INFSTR)
    return text.replace("nan", f"({_INFSTR}-{_INFSTR})") if nan_too else text


# --- the writer ---


class ExpressionWriter:
    """Writes one tree; ``visit_<Kind>`` methods write a node, yielding its children."""

    _tables: ClassVar[dict[type, dict[type, _Handler]]] = {}

    def __init__(self) -> None:
        self.out: list[str] = []

    # --- driving ---

    def text(self, node: object, level: int) -> str:
        """Write ``node`` at ``level`` and return all text written."""
        stack: list[Iterator[Step]] = []
        pending = self.visit(node, level)
        while True:
            if pending is not None:
                stack.append(pending)
            if not stack:
                return "".join(self.out)
            step = next(stack[-1], None)
            if step is None:
                stack.pop()
                pending = None
            else:
                pending = self.visit(step[0], step[1])

    def visit(self, node: object, level: int) -> Iterator[Step] | None:
        if isinstance(node, list):
            return self._each(node, level)
        kind = type(node)
        table = self._tables.setdefault(type(self), {})
        handler = table.get(kind)
        if handler is None:
            if not isinstance(node, n.AST):
                raise TypeError(f"expected AST, got {kind.__name__!r}")
            found: _Handler = getattr(
                type(self), "visit_" + kind.__name__, _visit_other
            )
            table[kind] = handler = found
        return handler(self, node, level)

    @staticmethod
    def _each(items: list[object], level: int) -> Iterator[Step]:
        for item in items:
            yield item, level

    def fresh(self) -> ExpressionWriter:
        """A writer for a separate piece of text (an f-string replacement field)."""
        return type(self)()

    # --- writing ---

    def write(self, text: str) -> None:
        self.out.append(text)

    def open_if(self, condition: bool) -> None:
        if condition:
            self.out.append("(")

    def close_if(self, condition: bool) -> None:
        if condition:
            self.out.append(")")

    def items(self, elts: Sequence[object], level: int = TEST) -> Iterator[Step]:
        """Comma-separated, with a trailing comma after a single item."""
        for i, elt in enumerate(elts):
            if i:
                self.write(", ")
            yield elt, level
        if len(elts) == 1:
            self.write(",")

    def joined(
        self, elts: Sequence[object], level: int = TEST, sep: str = ", "
    ) -> Iterator[Step]:
        for i, elt in enumerate(elts):
            if i:
                self.write(sep)
            yield elt, level

    # --- arguments ---

    def visit_keyword(self, node: n.keyword, level: int) -> Iterator[Step]:
        self.write("**" if node.arg is None else node.arg + "=")
        yield node.value, TEST

    def visit_arg(self, node: n.arg, level: int) -> Iterator[Step]:
        self.write(node.arg)
        if node.annotation:
            self.write(": ")
            yield node.annotation, TEST

    def visit_arguments(self, node: n.arguments, level: int) -> Iterator[Step]:
        first = True
        positional = node.posonlyargs + node.args
        skipped = len(positional) - len(node.defaults)
        for index, a in enumerate(positional):
            if not first:
                self.write(", ")
            first = False
            yield a, TEST
            if index >= skipped:
                self.write("=")
                yield node.defaults[index - skipped], TEST
            if index + 1 == len(node.posonlyargs):
                self.write(", /")
        if node.vararg or node.kwonlyargs:
            if not first:
                self.write(", ")
            first = False
            self.write("*")
            if node.vararg:
                yield node.vararg, TEST
        for a, default in zip(node.kwonlyargs, node.kw_defaults):
            self.write(", ")
            yield a, TEST
            if default:
                self.write("=")
                yield default, TEST
        if node.kwarg:
            if not first:
                self.write(", ")
            self.write("**")
            yield node.kwarg, TEST

    # --- expressions: operators ---

    def visit_BinOp(self, node: n.BinOp, level: int) -> Iterator[Step]:
        op, own = BINOPS[type(node.op)]
        self.open_if(level > own)
        right_assoc = op == "**"
        yield node.left, above(own) if right_assoc else own
        self.write(f" {op} ")
        yield node.right, own if right_assoc else above(own)
        self.close_if(level > own)

    def visit_UnaryOp(self, node: n.UnaryOp, level: int) -> Iterator[Step]:
        op, own = _UNARYOPS[type(node.op)]
        self.open_if(level > own)
        self.write(op)
        yield node.operand, own
        self.close_if(level > own)

    def visit_BoolOp(self, node: n.BoolOp, level: int) -> Iterator[Step]:
        word, own = (" and ", AND) if isinstance(node.op, n.And) else (" or ", OR)
        self.open_if(level > own)
        # Lib/ast.py raises the level for each operand in turn, so `a or b or not c`
        # comes back as `a or b or (not c)`.
        operand_level = own
        for i, value in enumerate(node.values):
            if i:
                self.write(word)
            operand_level = above(operand_level)
            yield value, operand_level
        self.close_if(level > own)

    def visit_Compare(self, node: n.Compare, level: int) -> Iterator[Step]:
        self.open_if(level > CMP)
        yield node.left, above(CMP)
        for op, right in zip(node.ops, node.comparators):
            self.write(" " + _CMPOPS[type(op)] + " ")
            yield right, above(CMP)
        self.close_if(level > CMP)

    def visit_IfExp(self, node: n.IfExp, level: int) -> Iterator[Step]:
        self.open_if(level > TEST)
        yield node.body, above(TEST)
        self.write(" if ")
        yield node.test, above(TEST)
        self.write(" else ")
        yield node.orelse, TEST
        self.close_if(level > TEST)

    def visit_Lambda(self, node: n.Lambda, level: int) -> Iterator[Step]:
        self.open_if(level > TEST)
        self.write("lambda")
        a = node.args
        if a.posonlyargs or a.args or a.vararg or a.kwonlyargs or a.kwarg:
            self.write(" ")
            yield a, TEST
        self.write(": ")
        yield node.body, TEST
        self.close_if(level > TEST)

    def visit_NamedExpr(self, node: n.NamedExpr, level: int) -> Iterator[Step]:
        self.open_if(level > NAMED_EXPR)
        yield node.target, ATOM
        self.write(" := ")
        yield node.value, ATOM
        self.close_if(level > NAMED_EXPR)

    def visit_Await(self, node: n.Await, level: int) -> Iterator[Step]:
        self.open_if(level > AWAIT)
        self.write("await")
        if node.value:
            self.write(" ")
            yield node.value, ATOM
        self.close_if(level > AWAIT)

    def visit_Yield(self, node: n.Yield, level: int) -> Iterator[Step]:
        self.open_if(level > YIELD)
        self.write("yield")
        if node.value:
            self.write(" ")
            yield node.value, ATOM
        self.close_if(level > YIELD)

    def visit_YieldFrom(self, node: n.YieldFrom, level: int) -> Iterator[Step]:
        self.open_if(level > YIELD)
        self.write("yield from ")
        yield node.value, ATOM
        self.close_if(level > YIELD)

    def visit_Starred(self, node: n.Starred, level: int) -> Iterator[Step]:
        self.write("*")
        yield node.value, EXPR

    # --- expressions: atoms and trailers ---

    def visit_Name(self, node: n.Name, level: int) -> None:
        self.write(node.id)

    def visit_Constant(self, node: n.Constant, level: int) -> None:
        value = node.value
        if isinstance(value, tuple):
            body = ", ".join(self.constant_text(item) for item in value)
            self.write("(" + body + ("," if len(value) == 1 else "") + ")")
        elif value is ...:
            self.write("...")
        else:
            if node.kind == "u":
                self.write("u")
            self.write(self.constant_text(value))

    def constant_text(self, value: object) -> str:
        if isinstance(value, (float, complex)):
            return _number_text(value, nan_too=True)
        return repr(value)

    def visit_Attribute(self, node: n.Attribute, level: int) -> Iterator[Step]:
        yield node.value, ATOM
        # `1.real` would lex as the float `1.` followed by a name.
        value = node.value
        space = isinstance(value, n.Constant) and isinstance(value.value, int)
        self.write((" ." if space else ".") + node.attr)

    def visit_Call(self, node: n.Call, level: int) -> Iterator[Step]:
        yield node.func, ATOM
        self.write("(")
        yield from self.joined([*node.args, *node.keywords])
        self.write(")")

    def visit_Subscript(self, node: n.Subscript, level: int) -> Iterator[Step]:
        yield node.value, ATOM
        self.write("[")
        index = node.slice
        if isinstance(index, n.Tuple) and index.elts:
            yield from self.items(index.elts)  # no parentheses needed
        else:
            yield index, TEST
        self.write("]")

    def visit_Slice(self, node: n.Slice, level: int) -> Iterator[Step]:
        if node.lower:
            yield node.lower, TEST
        self.write(":")
        if node.upper:
            yield node.upper, TEST
        if node.step:
            self.write(":")
            yield node.step, TEST

    # --- expressions: displays and comprehensions ---

    def visit_Tuple(self, node: n.Tuple, level: int) -> Iterator[Step]:
        parens = not node.elts or level > TUPLE
        self.open_if(parens)
        yield from self.items(node.elts)
        self.close_if(parens)

    def visit_List(self, node: n.List, level: int) -> Iterator[Step]:
        self.write("[")
        yield from self.joined(node.elts)
        self.write("]")

    def visit_Set(self, node: n.Set, level: int) -> Iterator[Step]:
        if not node.elts:
            self.write("{*()}")  # `{}` is a dict, and `set` may be rebound
            return
        self.write("{")
        yield from self.joined(node.elts)
        self.write("}")

    def visit_Dict(self, node: n.Dict, level: int) -> Iterator[Step]:
        self.write("{")
        for i, (key, value) in enumerate(zip(node.keys, node.values)):
            if i:
                self.write(", ")
            if key is None:
                self.write("**")
                yield value, EXPR
            else:
                yield key, TEST
                self.write(": ")
                yield value, TEST
        self.write("}")

    def comprehension(
        self,
        opening: str,
        elts: list[n.expr],
        gens: list[n.comprehension],
        closing: str,
    ) -> Iterator[Step]:
        self.write(opening)
        yield from self.joined(elts, sep=": ")
        yield gens, TEST
        self.write(closing)

    def visit_ListComp(self, node: n.ListComp, level: int) -> Iterator[Step]:
        return self.comprehension("[", [node.elt], node.generators, "]")

    def visit_SetComp(self, node: n.SetComp, level: int) -> Iterator[Step]:
        return self.comprehension("{", [node.elt], node.generators, "}")

    def visit_GeneratorExp(self, node: n.GeneratorExp, level: int) -> Iterator[Step]:
        return self.comprehension("(", [node.elt], node.generators, ")")

    def visit_DictComp(self, node: n.DictComp, level: int) -> Iterator[Step]:
        return self.comprehension("{", [node.key, node.value], node.generators, "}")

    def visit_comprehension(self, node: n.comprehension, level: int) -> Iterator[Step]:
        self.write(" async for " if node.is_async else " for ")
        yield node.target, TUPLE
        self.write(" in ")
        yield node.iter, above(TEST)
        for condition in node.ifs:
            self.write(" if ")
            yield condition, above(TEST)

    # --- f-strings ---

    def visit_JoinedStr(self, node: n.JoinedStr, level: int) -> None:
        parts = [
            (self.fstring_piece(v, False), isinstance(v, n.Constant))
            for v in node.values
        ]
        self.write("f" + _fstring_quoted(parts))

    def visit_FormattedValue(self, node: n.FormattedValue, level: int) -> None:
        self.write(self.replacement_field(node, escape_newlines=True))

    def fstring_piece(self, node: n.expr, escape_newlines: bool) -> str:
        """One part of an f-string's body (or of a format spec) as written inside it."""
        if isinstance(node, n.JoinedStr):
            return "".join(self.fstring_piece(v, escape_newlines) for v in node.values)
        if isinstance(node, n.Constant) and isinstance(node.value, str):
            text = node.value.replace("{", "{{").replace("}", "}}")
            return text.replace("\n", "\\n") if escape_newlines else text
        if isinstance(node, n.FormattedValue):
            return self.replacement_field(node, escape_newlines=True)
        raise ValueError(f"Unexpected node inside JoinedStr, {node!r}")

    def replacement_field(self, node: n.FormattedValue, escape_newlines: bool) -> str:
        expression = self.fresh().text(node.value, above(TEST))
        parts = ["{ " if expression.startswith("{") else "{", expression]
        if node.conversion > 0:
            parts.append("!" + chr(node.conversion))
        if node.format_spec:
            parts += (":", self.fstring_piece(node.format_spec, escape_newlines))
        parts.append("}")
        return "".join(parts)


def _fstring_quoted(parts: list[tuple[str, bool]]) -> str:
    """An f-string's body in the quotes Lib/ast.py picks: each literal part narrows the
    quotes that could enclose it; if none is left, the literal parts fall back to ``repr``
    text inside triple single quotes. ``parts`` are (text, is it a literal part)."""
    quote_types = list(_ALL_QUOTES)
    written: list[str] = []
    for text, literal in parts:
        if literal:
            text, narrowed = _literal_body(
                text, quote_types, escape_special_whitespace=True
            )
            if set(narrowed).isdisjoint(quote_types):
                quote_types = ["'''"]
                written = [repr('"' + t)[2:-1] if lit else t for t, lit in parts]
                break
            quote_types = narrowed
        elif "\n" in text:
            quote_types = [q for q in quote_types if q in MULTI_QUOTES]
        written.append(text)
    return quote_types[0] + "".join(written) + quote_types[0]


def _visit_other(self: ExpressionWriter, node: n.AST, level: int) -> None:
    """Kinds Lib/ast.py writes nothing for (contexts, operators, type ignores)."""


class AnnotationWriter(ExpressionWriter):
    """Python/ast_unparse.c's rules, for the strings ``from __future__ import annotations`` keeps."""

    def visit_BoolOp(self, node: n.BoolOp, level: int) -> Iterator[Step]:
        word, own = (" and ", AND) if isinstance(node.op, n.And) else (" or ", OR)
        self.open_if(level > own)
        yield from self.joined(node.values, above(own), word)
        self.close_if(level > own)

    def visit_Lambda(self, node: n.Lambda, level: int) -> Iterator[Step]:
        self.open_if(level > TEST)
        a = node.args
        self.write("lambda " if a.posonlyargs or a.args else "lambda")  # `lambda*a: 0`
        yield a, TEST
        self.write(": ")
        yield node.body, TEST
        self.close_if(level > TEST)

    def visit_NamedExpr(self, node: n.NamedExpr, level: int) -> Iterator[Step]:
        self.open_if(level > TUPLE)
        yield node.target, ATOM
        self.write(" := ")
        yield node.value, ATOM
        self.close_if(level > TUPLE)

    def visit_Yield(self, node: n.Yield, level: int) -> Iterator[Step]:
        self.write("(yield")
        if node.value:
            self.write(" ")
            yield node.value, TEST
        self.write(")")

    def visit_YieldFrom(self, node: n.YieldFrom, level: int) -> Iterator[Step]:
        self.write("(yield from ")
        yield node.value, TEST
        self.write(")")

    def visit_Set(self, node: n.Set, level: int) -> Iterator[Step]:
        self.write("{")
        yield from self.joined(node.elts)
        self.write("}")

    def visit_Call(self, node: n.Call, level: int) -> Iterator[Step]:
        if len(node.args) == 1 and not node.keywords:
            only = node.args[0]
            if isinstance(only, n.GeneratorExp):  # f(x for x in y): its own parentheses
                yield node.func, ATOM
                yield only, TEST
                return
        yield from super().visit_Call(node, level)

    def visit_Subscript(self, node: n.Subscript, level: int) -> Iterator[Step]:
        yield node.value, ATOM
        self.write("[")
        yield node.slice, TUPLE
        self.write("]")

    def constant_text(self, value: object) -> str:
        if isinstance(value, (float, complex)):
            return _number_text(value, nan_too=False)
        return repr(value)

    def visit_JoinedStr(self, node: n.JoinedStr, level: int) -> None:
        body = "".join(self.fstring_piece(v, False) for v in node.values)
        self.write("f" + repr(body))

    def replacement_field(self, node: n.FormattedValue, escape_newlines: bool) -> str:
        return super().replacement_field(node, escape_newlines=False)
