"""Source text back from a tree: ``unparse`` as 3.12's ``ast.unparse``, ``annotation_text`` as PEP 563.

``unparse(node)`` gives, for any Ouro node, the text CPython 3.12's ``ast.unparse`` gives for
the equivalent ``ast`` tree: the same spacing, parentheses, quotes, f-string quoting and
docstring layout (tests/syntax/test_unparse.py compares the two over a stdlib sample).

``annotation_text(expr)`` gives the string that ``from __future__ import annotations`` stores
for an annotation. CPython writes that with its compiler's own C unparser, not with
``ast.unparse``, and the two differ in places: ``lambda*a: 0`` has no space, ``(x := 1)``
is only parenthesised where a tuple would be, ``f(x for x in y)`` keeps its lone generator
unparenthesised, a chain of ``or``/``and`` gives every operand the same level, and an
f-string is its body's ``repr`` after an ``f``. The annotation writer (``AnnotationWriter``
in ouro/syntax/unparse_expr.py, which holds the expression half) overrides just those node
kinds; tools/regen_annotations.py records CPython's strings.

Invariant: neither needs host recursion in proportion to the tree's depth. Each node's
writer is a generator that writes text and yields the children to write next, with the
precedence their place gives them; one loop drives a stack of those generators, so a
100,000-deep ``1+1+...`` tree unparses like a shallow one. The only host recursion left is
one fresh writer per level of f-string nesting, which the parser bounds.
"""

from __future__ import annotations

from collections.abc import Iterator

from . import nodes as n
from .unparse_expr import (
    ATOM,
    BINOPS,
    BOR,
    MULTI_QUOTES,
    TEST,
    TUPLE,
    YIELD,
    AnnotationWriter,
    ExpressionWriter,
    Step,
    above,
    string_avoiding_backslashes,
)

__all__ = ["annotation_text", "unparse"]


def unparse(node: n.AST | list[n.AST]) -> str:
    """The text 3.12's ``ast.unparse`` gives for the equivalent ``ast`` tree."""
    return _Unparser().text(node, TEST)


def annotation_text(annotation: n.expr) -> str:
    """The string 3.12 stores for ``annotation`` under ``from __future__ import annotations``."""
    return AnnotationWriter().text(annotation, TEST)


class _Unparser(ExpressionWriter):
    """Adds statements, their parts and match patterns to the expression writer."""

    def __init__(self) -> None:
        super().__init__()
        self.indent = 0
        self.in_try_star = False
        self.type_ignores: dict[int, str] = {}

    # --- writing statements ---

    def fill(self, text: str = "") -> None:
        """Start a line at the current indentation (no newline before the first)."""
        if self.out:
            self.out.append("\n")
        self.out.append("    " * self.indent + text)

    def maybe_newline(self) -> None:
        if self.out:
            self.out.append("\n")

    def block(self, body: list[n.stmt], extra: str | None = None) -> Iterator[Step]:
        self.write(":")
        if extra:
            self.write(extra)
        self.indent += 1
        yield body, TEST
        self.indent -= 1

    def type_comment(self, node: n.AST) -> str | None:
        lineno: int = getattr(node, "lineno", 0)
        comment: str | None = self.type_ignores.get(lineno) or getattr(
            node, "type_comment", None
        )
        return None if comment is None else f" # type: {comment}"

    # --- modules ---

    def visit_Module(self, node: n.Module, level: int) -> Iterator[Step]:
        ignores = [i for i in node.type_ignores if isinstance(i, n.TypeIgnore)]
        self.type_ignores = {i.lineno: f"ignore{i.tag}" for i in ignores}
        yield from self.docstring_and_body(node)
        self.type_ignores = {}

    def visit_Interactive(self, node: n.Interactive, level: int) -> None:
        # Lib/ast.py has no writer for Interactive: its generic visit restarts the text at
        # each statement, so the last statement's text is all that is left.
        if node.body:
            self.write(self.fresh().text(node.body[-1], TEST))

    def visit_Expression(self, node: n.Expression, level: int) -> Iterator[Step]:
        yield node.body, TEST

    def visit_FunctionType(self, node: n.FunctionType, level: int) -> Iterator[Step]:
        self.write("(")
        yield from self.joined(node.argtypes)
        self.write(") -> ")
        yield node.returns, TEST

    def docstring_and_body(
        self, node: n.Module | n.FunctionDef | n.AsyncFunctionDef | n.ClassDef
    ) -> Iterator[Step]:
        body = node.body
        first = body[0] if body else None
        if (
            isinstance(first, n.Expr)
            and isinstance(first.value, n.Constant)
            and isinstance(first.value.value, str)
        ):
            self.fill()
            if first.value.kind == "u":
                self.write("u")
            self.write(string_avoiding_backslashes(first.value.value, MULTI_QUOTES))
            body = body[1:]
        yield body, TEST

    # --- simple statements ---

    def visit_Expr(self, node: n.Expr, level: int) -> Iterator[Step]:
        self.fill()
        yield node.value, YIELD

    def visit_Import(self, node: n.Import, level: int) -> Iterator[Step]:
        self.fill("import ")
        yield from self.joined(node.names)

    def visit_ImportFrom(self, node: n.ImportFrom, level: int) -> Iterator[Step]:
        self.fill("from " + "." * (node.level or 0) + (node.module or "") + " import ")
        yield from self.joined(node.names)

    def visit_Assign(self, node: n.Assign, level: int) -> Iterator[Step]:
        self.fill()
        for target in node.targets:
            yield target, TUPLE
            self.write(" = ")
        yield node.value, TEST
        comment = self.type_comment(node)
        if comment:
            self.write(comment)

    def visit_AugAssign(self, node: n.AugAssign, level: int) -> Iterator[Step]:
        self.fill()
        yield node.target, TEST
        self.write(" " + BINOPS[type(node.op)][0] + "= ")
        yield node.value, TEST

    def visit_AnnAssign(self, node: n.AnnAssign, level: int) -> Iterator[Step]:
        self.fill()
        parens = not node.simple and isinstance(node.target, n.Name)
        self.open_if(parens)
        yield node.target, TEST
        self.close_if(parens)
        self.write(": ")
        yield node.annotation, TEST
        if node.value:
            self.write(" = ")
            yield node.value, TEST

    def visit_Return(self, node: n.Return, level: int) -> Iterator[Step]:
        self.fill("return")
        if node.value:
            self.write(" ")
            yield node.value, TEST

    def visit_Pass(self, node: n.Pass, level: int) -> None:
        self.fill("pass")

    def visit_Break(self, node: n.Break, level: int) -> None:
        self.fill("break")

    def visit_Continue(self, node: n.Continue, level: int) -> None:
        self.fill("continue")

    def visit_Delete(self, node: n.Delete, level: int) -> Iterator[Step]:
        self.fill("del ")
        yield from self.joined(node.targets)

    def visit_Assert(self, node: n.Assert, level: int) -> Iterator[Step]:
        self.fill("assert ")
        yield node.test, TEST
        if node.msg:
            self.write(", ")
            yield node.msg, TEST

    def visit_Global(self, node: n.Global, level: int) -> None:
        self.fill("global " + ", ".join(node.names))

    def visit_Nonlocal(self, node: n.Nonlocal, level: int) -> None:
        self.fill("nonlocal " + ", ".join(node.names))

    def visit_Raise(self, node: n.Raise, level: int) -> Iterator[Step]:
        self.fill("raise")
        if not node.exc:
            if node.cause:
                raise ValueError("Node can't use cause without an exception.")
            return
        self.write(" ")
        yield node.exc, TEST
        if node.cause:
            self.write(" from ")
            yield node.cause, TEST

    def visit_TypeAlias(self, node: n.TypeAlias, level: int) -> Iterator[Step]:
        self.fill("type ")
        yield node.name, TEST
        yield from self.type_params(node.type_params)
        self.write(" = ")
        yield node.value, TEST

    # --- compound statements ---

    def visit_If(self, node: n.If, level: int) -> Iterator[Step]:
        self.fill("if ")
        yield node.test, TEST
        yield from self.block(node.body)
        # An else holding just an if is written back as elif.
        while len(node.orelse) == 1 and isinstance(node.orelse[0], n.If):
            node = node.orelse[0]
            self.fill("elif ")
            yield node.test, TEST
            yield from self.block(node.body)
        yield from self.orelse(node.orelse)

    def orelse(self, body: list[n.stmt], word: str = "else") -> Iterator[Step]:
        if body:
            self.fill(word)
            yield from self.block(body)

    def visit_While(self, node: n.While, level: int) -> Iterator[Step]:
        self.fill("while ")
        yield node.test, TEST
        yield from self.block(node.body)
        yield from self.orelse(node.orelse)

    def visit_For(self, node: n.For | n.AsyncFor, level: int) -> Iterator[Step]:
        self.fill("async for " if isinstance(node, n.AsyncFor) else "for ")
        yield node.target, TUPLE
        self.write(" in ")
        yield node.iter, TEST
        yield from self.block(node.body, self.type_comment(node))
        yield from self.orelse(node.orelse)

    visit_AsyncFor = visit_For

    def visit_With(self, node: n.With | n.AsyncWith, level: int) -> Iterator[Step]:
        self.fill("async with " if isinstance(node, n.AsyncWith) else "with ")
        yield from self.joined(node.items)
        yield from self.block(node.body, self.type_comment(node))

    visit_AsyncWith = visit_With

    def visit_Try(self, node: n.Try | n.TryStar, level: int) -> Iterator[Step]:
        outer = self.in_try_star
        self.in_try_star = isinstance(node, n.TryStar)
        self.fill("try")
        yield from self.block(node.body)
        yield node.handlers, TEST
        yield from self.orelse(node.orelse)
        yield from self.orelse(node.finalbody, "finally")
        self.in_try_star = outer

    visit_TryStar = visit_Try

    def visit_ExceptHandler(self, node: n.ExceptHandler, level: int) -> Iterator[Step]:
        self.fill("except*" if self.in_try_star else "except")
        if node.type:
            self.write(" ")
            yield node.type, TEST
        if node.name:
            self.write(" as " + node.name)
        yield from self.block(node.body)

    def decorators(self, decorator_list: list[n.expr]) -> Iterator[Step]:
        self.maybe_newline()
        for decorator in decorator_list:
            self.fill("@")
            yield decorator, TEST

    def type_params(self, params: list[n.type_param]) -> Iterator[Step]:
        if params:
            self.write("[")
            yield from self.joined(params)
            self.write("]")

    def visit_ClassDef(self, node: n.ClassDef, level: int) -> Iterator[Step]:
        yield from self.decorators(node.decorator_list)
        self.fill("class " + node.name)
        yield from self.type_params(node.type_params)
        parens = bool(node.bases or node.keywords)
        self.open_if(parens)
        yield from self.joined([*node.bases, *node.keywords])
        self.close_if(parens)
        self.write(":")
        self.indent += 1
        yield from self.docstring_and_body(node)
        self.indent -= 1

    def visit_FunctionDef(
        self, node: n.FunctionDef | n.AsyncFunctionDef, level: int
    ) -> Iterator[Step]:
        yield from self.decorators(node.decorator_list)
        is_async = isinstance(node, n.AsyncFunctionDef)
        self.fill(("async def " if is_async else "def ") + node.name)
        yield from self.type_params(node.type_params)
        self.write("(")
        yield node.args, TEST
        self.write(")")
        if node.returns:
            self.write(" -> ")
            yield node.returns, TEST
        self.write(":")
        comment = self.type_comment(node)
        if comment:
            self.write(comment)
        self.indent += 1
        yield from self.docstring_and_body(node)
        self.indent -= 1

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_Match(self, node: n.Match, level: int) -> Iterator[Step]:
        self.fill("match ")
        yield node.subject, TEST
        yield from self.block(node.cases)  # type: ignore[arg-type]  # cases, not stmts

    def visit_match_case(self, node: n.match_case, level: int) -> Iterator[Step]:
        self.fill("case ")
        yield node.pattern, TEST
        if node.guard:
            self.write(" if ")
            yield node.guard, TEST
        yield from self.block(node.body)

    # --- the parts of statements ---

    def visit_alias(self, node: n.alias, level: int) -> None:
        self.write(node.name + (" as " + node.asname if node.asname else ""))

    def visit_withitem(self, node: n.withitem, level: int) -> Iterator[Step]:
        yield node.context_expr, TEST
        if node.optional_vars:
            self.write(" as ")
            yield node.optional_vars, TEST

    def visit_TypeVar(self, node: n.TypeVar, level: int) -> Iterator[Step]:
        self.write(node.name)
        if node.bound:
            self.write(": ")
            yield node.bound, TEST

    def visit_TypeVarTuple(self, node: n.TypeVarTuple, level: int) -> None:
        self.write("*" + node.name)

    def visit_ParamSpec(self, node: n.ParamSpec, level: int) -> None:
        self.write("**" + node.name)

    # --- match patterns ---

    def visit_MatchValue(self, node: n.MatchValue, level: int) -> Iterator[Step]:
        yield node.value, TEST

    def visit_MatchSingleton(self, node: n.MatchSingleton, level: int) -> None:
        self.write(repr(node.value))

    def visit_MatchSequence(self, node: n.MatchSequence, level: int) -> Iterator[Step]:
        self.write("[")
        yield from self.joined(node.patterns)
        self.write("]")

    def visit_MatchStar(self, node: n.MatchStar, level: int) -> None:
        self.write("*" + (node.name or "_"))

    def visit_MatchMapping(self, node: n.MatchMapping, level: int) -> Iterator[Step]:
        self.write("{")
        for i, (key, pattern) in enumerate(zip(node.keys, node.patterns, strict=True)):
            if i:
                self.write(", ")
            yield key, TEST
            self.write(": ")
            yield pattern, TEST
        if node.rest is not None:
            self.write((", **" if node.keys else "**") + node.rest)
        self.write("}")

    def visit_MatchClass(self, node: n.MatchClass, level: int) -> Iterator[Step]:
        yield node.cls, ATOM
        self.write("(")
        yield from self.joined(node.patterns)
        pairs = zip(node.kwd_attrs, node.kwd_patterns, strict=True)
        for i, (attr, pattern) in enumerate(pairs):
            self.write((", " if i or node.patterns else "") + attr + "=")
            yield pattern, TEST
        self.write(")")

    def visit_MatchAs(self, node: n.MatchAs, level: int) -> Iterator[Step]:
        if node.name is None:
            self.write("_")
        elif node.pattern is None:
            self.write(node.name)
        else:
            self.open_if(level > TEST)
            yield node.pattern, BOR
            self.write(" as " + node.name)
            self.close_if(level > TEST)

    def visit_MatchOr(self, node: n.MatchOr, level: int) -> Iterator[Step]:
        self.open_if(level > BOR)
        yield from self.joined(node.patterns, above(BOR), " | ")
        self.close_if(level > BOR)
