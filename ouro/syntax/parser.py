"""The parser: a list of tokens -> an AST of ``nodes``, for the whole Python 3.12 grammar.

A hand-written recursive-descent parser.  Statements follow the grammar's rules one function
each (the rule is named in the function's name or comment); expressions use precedence climbing
(``binary``), so a name costs one call instead of one per precedence level and nesting depth
costs about three host frames per bracket.

Invariants:
* every node gets all four positions, taken from its first and last tokens (UTF-8 byte
  columns), as CPython's parser gives them;
* left-leaning chains (``a.b.c``, ``f()()``, ``1+1+1``), unary runs and lambda chains are built
  by loops, never by host recursion;
* the first error wins: a SyntaxError for the token where parsing failed, unless the tokenizer
  failed before it (the ERRORTOKEN then holds the error to raise).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from . import nodes as N
from .source import char_offset, make_error
from .strings import (
    EscapeError,
    decode_bytes,
    decode_str,
    split_prefix,
    warn_escapes,
)
from .tokenizer import tokenize
from .tokens import SOFT_KEYWORDS

LOAD, STORE, DEL = N.LOAD, N.STORE, N.DEL

# A token as the tokenizer makes it: (kind, string, lineno, col, end_lineno, end_col).
Token = tuple[Any, ...]


# CPython's parser gives up when its rules nest past 6000 levels.  The runs Ouro reads by loops
# cost it one level per element (two per lambda), so a run this long overflows it even in the
# shallowest context (values measured on CPython 3.12; Ouro never gives up where CPython parses).
MAX_UNARY_RUN = 5975
MAX_NOT_RUN = 5976
MAX_IF_CHAIN = 5976
MAX_LAMBDA_CHAIN = 2988
MAX_ELIF_CHAIN = 5966


def too_complex() -> MemoryError:
    """CPython's error for input that overflows its parser's stack."""
    return MemoryError("Parser stack overflowed - Python source too complex to parse")


def token_error(tok: Token) -> SyntaxError:
    """The SyntaxError an ERRORTOKEN carries."""
    exc = tok[1]
    assert isinstance(exc, SyntaxError)
    return exc


# --- expression precedence (higher binds tighter) ---
(
    P_OR,
    P_AND,
    P_NOT,
    P_CMP,
    P_BOR,
    P_BXOR,
    P_BAND,
    P_SHIFT,
    P_ARITH,
    P_TERM,
    P_UNARY,
    P_POW,
) = range(1, 13)
P_PRIMARY = 13  # binary(P_PRIMARY) parses a primary alone
BINARY = {
    "|": (P_BOR, N.BITOR),
    "^": (P_BXOR, N.BITXOR),
    "&": (P_BAND, N.BITAND),
    "<<": (P_SHIFT, N.LSHIFT),
    ">>": (P_SHIFT, N.RSHIFT),
    "+": (P_ARITH, N.ADD),
    "-": (P_ARITH, N.SUB),
    "*": (P_TERM, N.MULT),
    "/": (P_TERM, N.DIV),
    "//": (P_TERM, N.FLOORDIV),
    "%": (P_TERM, N.MOD),
    "@": (P_TERM, N.MATMULT),
    "**": (P_POW, N.POW),
}
COMPARE = {
    "==": N.EQ,
    "!=": N.NOTEQ,
    "<": N.LT,
    "<=": N.LTE,
    ">": N.GT,
    ">=": N.GTE,
    "in": N.IN,
    "is": N.IS,
    "not": N.NOTIN,
}
UNARY = {"-": N.USUB, "+": N.UADD, "~": N.INVERT}
AUGASSIGN = {
    "+=": N.ADD,
    "-=": N.SUB,
    "*=": N.MULT,
    "@=": N.MATMULT,
    "/=": N.DIV,
    "%=": N.MOD,
    "&=": N.BITAND,
    "|=": N.BITOR,
    "^=": N.BITXOR,
    "<<=": N.LSHIFT,
    ">>=": N.RSHIFT,
    "**=": N.POW,
    "//=": N.FLOORDIV,
}
# Tokens that may begin an expression (for deciding whether an optional one follows).
EXPR_START = frozenset(
    [
        "NAME",
        "NUMBER",
        "STRING",
        "FSTRING_START",
        "(",
        "[",
        "{",
        "-",
        "+",
        "~",
        "not",
        "lambda",
        "await",
        "None",
        "True",
        "False",
        "...",
        "*",
    ]
)
CONVERSIONS = {"s": 115, "r": 114, "a": 97}
# Tokens that cannot follow a complete expression but can begin one: a missing comma.
ADJACENT = frozenset(
    [
        "~",
        "NAME",
        "NUMBER",
        "STRING",
        "FSTRING_START",
        "{",
        "None",
        "True",
        "False",
        "...",
        "lambda",
        "not",
        "await",
    ]
)


class Parser:
    """Parses one source; ``parse_<mode>()`` returns the tree or raises SyntaxError."""

    def __init__(
        self, text: str, filename: str = "<unknown>", mode: str = "exec"
    ) -> None:
        self.filename = filename
        self.mode = mode
        self.missing_newline = bool(text) and not text.endswith("\n")
        if self.missing_newline and mode in ("exec", "single"):
            text += "\n"  # as CPython's tokenizer does for files: error texts show it
        self.text = text
        self.lines = text.split("\n")
        self.tokens = tokenize(text, filename, self.missing_newline and mode != "exec")
        self.pos = 0
        self.furthest = 0
        self.bad_target: N.expr | None = None
        self.with_committed = False
        # Above zero while the error path re-parses: string warnings are not repeated.
        self.quiet = 0
        # Above zero while it parses as CPython's rules without their error alternatives
        # (expression_without_invalid): no "forgot a comma?" inside.
        self.plain = 0
        self.tok = self.tokens[0]
        self.kind = self.tok[0]

    # --- token helpers --------------------------------------------------------------------

    def advance(self) -> Token:
        tok = self.tok
        self.pos += 1
        self.tok = t = self.tokens[self.pos]
        self.kind = t[0]
        return tok

    def reset(self, pos: int) -> None:
        """Rewind after a speculative parse, remembering how far it read (for error positions)."""
        self.furthest = max(self.furthest, self.pos)
        self.pos = pos
        self.tok = self.tokens[pos]
        self.kind = self.tok[0]

    def peek(self, n: int = 1) -> str:
        i = self.pos + n
        tokens = self.tokens
        return tokens[i][0] if i < len(tokens) else "ENDMARKER"

    def expect(self, kind: str) -> Token:
        if self.kind != kind:
            raise self.error_here(kind)
        return self.advance()

    def last_end(self) -> tuple[int, int]:
        t = self.tokens[self.pos - 1]
        return t[4], t[5]

    # --- errors -----------------------------------------------------------------------------

    def error_at(
        self,
        msg: str,
        lineno: int,
        col: int,
        end_lineno: int | None = None,
        end_col: int | None = None,
        cls: type[SyntaxError] = SyntaxError,
    ) -> SyntaxError:
        """An error at token coordinates (byte columns), converted to CPython's offsets."""
        lines = self.lines
        line = lines[lineno - 1] if 0 < lineno <= len(lines) else ""
        offset = char_offset(line, col)
        if end_lineno is None:
            end_lineno, end_offset = lineno, offset
        else:
            eline = lines[end_lineno - 1] if 0 < end_lineno <= len(lines) else ""
            end_offset = char_offset(eline, end_col or 0)
        # CPython's text keeps its newline only when the error is on the line its tokenizer
        # had reached (the furthest token read); earlier lines come without one.
        reached = self.tokens[max(self.pos, self.furthest)][2]
        text = line + "\n" if lineno < len(lines) and lineno >= reached else line
        return make_error(
            msg, self.filename, lineno, offset, end_lineno, end_offset, text, cls
        )

    def error_node(
        self, msg: str, node: Any, cls: type[SyntaxError] = SyntaxError
    ) -> SyntaxError:
        return self.error_at(
            msg, node.lineno, node.col_offset, node.end_lineno, node.end_col_offset, cls
        )

    def error_tok(
        self, msg: str, tok: Token, cls: type[SyntaxError] = SyntaxError
    ) -> SyntaxError:
        kind = tok[0]
        if kind == "ERRORTOKEN":
            return token_error(tok)
        # A string in eval/func_type mode has no implicit final newline: CPython is at its end.
        if (
            kind == "NEWLINE"
            and self.mode in ("eval", "func_type")
            and self.missing_newline
            and msg == "invalid syntax"
            and tok[2] == len(self.lines)
        ):
            line = self.lines[tok[2] - 1]
            return make_error(msg, self.filename, tok[2], 0, tok[2], 0, line, cls)
        if kind == "DEDENT" or kind == "ENDMARKER":
            eof = self.eof_position(tok, msg)
            if eof is not None:
                lineno, offset, end_offset = eof
                line = self.lines[lineno - 1] if lineno else ""
                return make_error(
                    msg,
                    self.filename,
                    lineno,
                    offset,
                    lineno,
                    end_offset,
                    line + "\n",
                    cls,
                )
        return self.error_at(msg, tok[2], tok[3], tok[4], tok[5], cls)

    def eof_position(self, tok: Token, msg: str) -> tuple[int, int, int] | None:
        """Where CPython reports an error at the end of input: (lineno, offset, end_offset)."""
        tokens = self.tokens
        i = tokens.index(tok)
        if any(t[0] not in ("DEDENT", "ENDMARKER") for t in tokens[i:]):
            return None
        j = i - 1
        while j >= 0 and tokens[j][0] != "NEWLINE":
            j -= 1
        if j < 0:
            return None
        lineno = tokens[j][2]
        if tok[0] == "ENDMARKER" and msg == "invalid syntax":
            return lineno, 0, 0
        return lineno, len(self.lines[lineno - 1]) + 1, -1

    def error_here(self, expected: str | None = None) -> SyntaxError:
        """The error for the current token when nothing in the grammar fits it."""
        tok = self.tok
        kind = tok[0]
        if kind == "ERRORTOKEN":
            return token_error(tok)
        if kind == "INDENT":
            return self.error_tok("unexpected indent", tok, IndentationError)
        if kind == "DEDENT":
            return self.error_tok("unexpected unindent", tok, IndentationError)
        if self.furthest > self.pos:
            # CPython reports a generic error at the furthest token it ever read.
            tok = self.tokens[self.furthest]
            if tok[0] == "ERRORTOKEN":
                return token_error(tok)
        return self.error_tok("invalid syntax", tok)

    # --- entry points -----------------------------------------------------------------------

    def parse_exec(self) -> N.Module:
        body = self.statements("ENDMARKER")
        return N.Module(body, [])

    def parse_eval(self) -> N.Expression:
        while self.kind == "NEWLINE":
            self.advance()
        if self.kind == "ENDMARKER":
            raise self.error_empty()
        start = self.tok
        body = self.expression()
        if self.kind in EXPR_START and self.kind != "(":
            raise self.error_after_statement()  # print 'x': CPython's hint
        if self.kind == ",":
            elts = [body]
            while self.kind == ",":
                self.advance()
                if self.kind in ("NEWLINE", "ENDMARKER"):
                    break
                elts.append(self.expression())
            body = N.Tuple(elts, LOAD, start[2], start[3], *self.last_end())
        while self.kind == "NEWLINE":
            self.advance()
        if self.kind != "ENDMARKER":
            raise self.error_here()
        return N.Expression(body)

    def error_empty(self) -> SyntaxError:
        """Nothing at all to parse in eval/single mode: CPython's error has no location."""
        return make_error("invalid syntax", self.filename, 0, 0, 0, 0, "")

    def parse_single(self) -> N.Interactive:
        if self.kind == "NEWLINE":
            self.advance()
            return N.Interactive([])
        if self.kind == "ENDMARKER":
            raise self.error_empty()
        compound = self.kind in COMPOUND
        body = self.statement()
        while self.kind == "NEWLINE":
            self.advance()
        if self.kind != "ENDMARKER":
            if compound:
                raise self.error_here()
            # Reported at the NEWLINE that ended the first statement.
            i = self.pos - 1
            while self.tokens[i][0] != "NEWLINE":
                i -= 1
            exc = self.error_tok(
                "multiple statements found while compiling a single statement",
                self.tokens[i],
            )
            exc.text = self.lines[(exc.lineno or 1) - 1] + "\n"  # the line as typed
            raise exc
        return N.Interactive(body)

    def parse_func_type(self) -> N.FunctionType:
        self.expect("(")
        argtypes: list[N.expr] = []
        while self.kind != ")":
            if self.kind == "*" or self.kind == "**":
                start = self.advance()
                value = self.expression()
                argtypes.append(self.starred(value, start))
            else:
                argtypes.append(self.expression())
            if self.kind != ",":
                break
            self.advance()
        self.expect(")")
        self.expect("->")
        returns = self.expression()
        while self.kind == "NEWLINE":
            self.advance()
        self.expect("ENDMARKER")
        return N.FunctionType(argtypes, returns)

    def starred(self, value: N.expr, start: Token) -> N.Starred:
        end = self.last_end()
        return N.Starred(value, LOAD, start[2], start[3], *end)

    # --- statements -------------------------------------------------------------------------

    def statements(self, stop: str) -> list[N.stmt]:
        """statements: statement+ (until ``stop``)"""
        body: list[N.stmt] = []
        while self.kind != stop:
            if (
                self.kind == "NEWLINE"
            ):  # only possible at the very start (e.g. a lone ';')
                raise self.error_here()
            body.extend(self.statement())
        return body

    def statement(self) -> list[N.stmt]:
        """statement: compound_stmt | simple_stmts"""
        kind = self.kind
        handler = COMPOUND.get(kind)
        if handler is not None:
            return [handler(self)]
        if kind == "NAME":
            word = self.tok[1]
            if word == "match":
                node = self.match_stmt()
                if node is not None:
                    return [node]
        return self.simple_stmts()

    def simple_stmts(self) -> list[N.stmt]:
        """simple_stmts: simple_stmt (';' simple_stmt)* [';'] NEWLINE"""
        body = [self.simple_stmt()]
        while self.kind == ";":
            self.advance()
            if self.kind == "NEWLINE":
                break
            body.append(self.simple_stmt())
        if self.kind != "NEWLINE":
            raise self.error_after_statement()
        self.advance()
        return body

    def error_after_statement(self) -> SyntaxError:
        """A simple statement ended early; CPython's hint for Python 2's print and exec."""
        i = self.pos - 1
        prev = self.tokens[i]
        if (
            prev[0] == "NAME"
            and prev[1] in ("print", "exec")
            and self.tokens[i - 1][0] in ("NEWLINE", "INDENT", "DEDENT", ";")
            or i == 0
            and prev[0] == "NAME"
            and prev[1] in ("print", "exec")
        ) and self.kind in EXPR_START:
            try:
                self.star_expressions()
            except SyntaxError:
                return self.error_here()
            return self.error_at(
                f"Missing parentheses in call to '{prev[1]}'. Did you mean {prev[1]}(...)?",
                prev[2],
                prev[3],
                *self.last_end(),
            )
        return self.error_here()

    def simple_stmt(self) -> N.stmt:
        kind = self.kind
        handler = SIMPLE.get(kind)
        if handler is not None:
            return handler(self)
        if kind == "NAME" and self.tok[1] == "type" and self.peek() == "NAME":
            node = self.type_alias()
            if node is not None:
                return node
        return self.expression_stmt()

    def expression_stmt(self) -> N.stmt:
        """assignment | star_expressions"""
        start = self.tok
        if self.kind == "yield":
            first = self.yield_expr()
        else:
            first = self.star_expressions()
        kind = self.kind
        if kind == "=":
            targets = [first]
            while True:
                self.advance()
                if self.kind == "yield":
                    value = self.yield_expr()
                else:
                    value = self.star_expressions()
                if self.kind != "=":
                    break
                targets.append(value)
            for target in targets:
                if isinstance(
                    target, (N.Yield, N.YieldFrom)
                ) and not self.parenthesized(target):
                    raise self.error_node(
                        "assignment to yield expression not possible", target
                    )
                try:
                    self.set_context(target, STORE, "assign")
                except SyntaxError:
                    bad = self.bad_target
                    assert bad is not None
                    if (
                        len(targets) == 1
                        and (bad.end_lineno, bad.end_col_offset)
                        == (target.end_lineno, target.end_col_offset)
                        and maybe_meant_equals(bad, value, self.parenthesized(bad))
                    ):
                        raise self.error_node(
                            f"cannot assign to {describe(bad)} here. "
                            "Maybe you meant '==' instead of '='?",
                            bad,
                        ) from None
                    raise
            return N.Assign(targets, value, None, start[2], start[3], *self.last_end())
        if kind == ":":
            return self.ann_assign(first, start)
        op = AUGASSIGN.get(kind)
        if op is not None:
            self.check_aug_target(first)
            self.advance()
            if self.kind == "yield":
                value = self.yield_expr()
            else:
                value = self.star_expressions()
            return N.AugAssign(first, op, value, start[2], start[3], *self.last_end())
        return N.Expr(first, start[2], start[3], *self.last_end())

    def ann_assign(self, target: N.expr, start: Token) -> N.stmt:
        simple = 1
        if isinstance(target, N.Name):
            simple = int(start[0] == "NAME")
        elif isinstance(target, (N.Attribute, N.Subscript)):
            simple = 0
        else:
            kindname = {N.Tuple: "tuple", N.List: "list"}.get(type(target))
            if kindname:
                where = target
                if isinstance(target, N.Tuple) and start[0] != "(":
                    where = target.elts[0]
                raise self.error_node(
                    f"only single target (not {kindname}) can be annotated", where
                )
            raise self.error_node("illegal target for annotation", target)
        self.set_context(target, STORE, "assign")
        self.advance()
        annotation = self.expression()
        value = None
        if self.kind == "=":
            self.advance()
            value = (
                self.yield_expr() if self.kind == "yield" else self.star_expressions()
            )
        return N.AnnAssign(
            target, annotation, value, simple, start[2], start[3], *self.last_end()
        )

    def check_aug_target(self, target: N.expr) -> None:
        if not isinstance(target, (N.Name, N.Attribute, N.Subscript)):
            raise self.error_node(
                f"'{describe(target)}' is an illegal expression for augmented assignment",
                target,
            )
        target.ctx = STORE

    # simple statements with a keyword

    def return_stmt(self) -> N.stmt:
        start = self.advance()
        value = self.star_expressions() if self.kind in EXPR_START else None
        return N.Return(value, start[2], start[3], *self.last_end())

    def pass_stmt(self) -> N.stmt:
        t = self.advance()
        return N.Pass(t[2], t[3], t[4], t[5])

    def break_stmt(self) -> N.stmt:
        t = self.advance()
        return N.Break(t[2], t[3], t[4], t[5])

    def continue_stmt(self) -> N.stmt:
        t = self.advance()
        return N.Continue(t[2], t[3], t[4], t[5])

    def raise_stmt(self) -> N.stmt:
        start = self.advance()
        exc = cause = None
        if self.kind in EXPR_START:
            exc = self.expression()
            if self.kind == "from":
                self.advance()
                cause = self.expression()
        return N.Raise(exc, cause, start[2], start[3], *self.last_end())

    def global_stmt(self) -> N.stmt:
        start = self.advance()
        names = self.name_list()
        return N.Global(names, start[2], start[3], *self.last_end())

    def nonlocal_stmt(self) -> N.stmt:
        start = self.advance()
        names = self.name_list()
        return N.Nonlocal(names, start[2], start[3], *self.last_end())

    def name_list(self) -> list[str]:
        names = [self.expect("NAME")[1]]
        while self.kind == ",":
            self.advance()
            names.append(self.expect("NAME")[1])
        return names

    def del_stmt(self) -> N.stmt:
        start = self.advance()
        targets: list[N.expr] = []
        while True:
            if self.kind == "*":
                star = self.advance()
                value = self.binary(P_BOR)
                target: N.expr = N.Starred(
                    value, LOAD, star[2], star[3], *self.last_end()
                )
            else:
                target = self.expression()
            self.set_context(target, DEL, "delete")
            targets.append(target)
            if self.kind != ",":
                break
            self.advance()
            if self.kind in (";", "NEWLINE"):
                break
        if self.kind not in (";", "NEWLINE"):
            raise self.error_here()
        return N.Delete(targets, start[2], start[3], *self.last_end())

    def assert_stmt(self) -> N.stmt:
        start = self.advance()
        test = self.expression()
        msg = None
        if self.kind == ",":
            self.advance()
            msg = self.expression()
        return N.Assert(test, msg, start[2], start[3], *self.last_end())

    def import_stmt(self) -> N.stmt:
        """import_name: 'import' dotted_as_names"""
        start = self.advance()
        names = [self.dotted_as_name()]
        while self.kind == ",":
            self.advance()
            names.append(self.dotted_as_name())
        if self.kind == "from" and self.peek() == "NAME":
            self.advance()
            self.dotted_name()
            raise self.error_at(
                "Did you mean to use 'from ... import ...' instead?",
                start[2],
                start[3],
                *self.last_end(),
            )
        return N.Import(names, start[2], start[3], *self.last_end())

    def dotted_as_name(self) -> N.alias:
        first = self.tok
        name = self.dotted_name()
        asname = None
        if self.kind == "as":
            self.advance()
            asname = self.expect("NAME")[1]
        return N.alias(name, asname, first[2], first[3], *self.last_end())

    def dotted_name(self) -> str:
        parts = [self.expect("NAME")[1]]
        while self.kind == ".":
            self.advance()
            parts.append(self.expect("NAME")[1])
        return ".".join(parts)

    def from_stmt(self) -> N.stmt:
        """import_from: 'from' ('.' | '...')* dotted_name 'import' import_from_targets"""
        start = self.advance()
        level = 0
        while self.kind in (".", "..."):
            level += len(self.kind)
            self.advance()
        module = None
        if self.kind == "NAME":
            module = self.dotted_name()
        elif level == 0:
            raise self.error_here()
        self.expect("import")
        names: list[N.alias] = []
        if self.kind == "*":
            t = self.advance()
            names.append(N.alias("*", None, t[2], t[3], t[4], t[5]))
        else:
            paren = self.kind == "("
            if paren:
                self.advance()
            while True:
                first = self.expect("NAME")
                asname = None
                if self.kind == "as":
                    self.advance()
                    asname = self.expect("NAME")[1]
                names.append(
                    N.alias(first[1], asname, first[2], first[3], *self.last_end())
                )
                if self.kind != ",":
                    break
                self.advance()
                if paren and self.kind == ")":
                    break
                if not paren and self.kind in ("NEWLINE", ";"):
                    raise self.error_tok(
                        "trailing comma not allowed without surrounding parentheses",
                        self.tok,
                    )
            if paren:
                self.expect(")")
        return N.ImportFrom(module, names, level, start[2], start[3], *self.last_end())

    def type_alias(self) -> N.stmt | None:
        """type_alias: "type" NAME [type_params] '=' expression"""
        save = self.pos
        start = self.advance()
        name_tok = self.advance()
        if self.kind not in ("=", "["):
            self.reset(save)
            return None
        name = N.Name(name_tok[1], STORE, *name_tok[2:6])
        params = self.type_params() if self.kind == "[" else []
        self.expect("=")
        value = self.expression()
        return N.TypeAlias(name, params, value, start[2], start[3], *self.last_end())

    # --- compound statements ------------------------------------------------------------

    def block(self, what: str, header: Token, forced: bool = False) -> list[N.stmt]:
        """block: NEWLINE INDENT statements DEDENT | simple_stmts

        A missing ':' is "expected ':'" where the grammar forces the colon (``&&':'``) or the
        line ends there; otherwise the stray token is plain invalid syntax.
        """
        if self.kind == ":":
            self.advance()
        elif forced or self.kind == "NEWLINE":
            raise self.error_expected_colon()
        else:
            raise self.error_here()
        if self.kind != "NEWLINE":
            return self.simple_stmts()
        self.advance()
        if self.kind != "INDENT":
            raise self.error_tok(
                f"expected an indented block after {what} on line {header[2]}",
                self.tok,
                IndentationError,
            )
        self.advance()
        body = self.statements("DEDENT")
        self.advance()
        return body

    def error_expected_colon(self) -> SyntaxError:
        """A forced ':' is missing: CPython points at the token found instead."""
        tok = self.tok
        if tok[0] == "ERRORTOKEN":
            return token_error(tok)
        return self.error_tok("expected ':'", tok)

    def body_end(self, body: list[N.stmt] | None = None) -> tuple[int, int]:
        """End of a compound statement: its last token that is not layout (a ';' counts)."""
        tokens = self.tokens
        i = self.pos - 1
        while tokens[i][0] in ("NEWLINE", "DEDENT", "INDENT"):
            i -= 1
        t = tokens[i]
        return t[4], t[5]

    def if_stmt(self) -> N.stmt:
        """if_stmt: 'if' named_expression ':' block ('elif' named_expression ':' block)* [else_block]

        An elif chain nests (each elif is an If in its parent's orelse) but is read by a loop,
        so a long chain costs no host recursion; every If of it ends where the whole ends.
        """
        clauses = []
        start = self.advance()
        test = self.named_expression()
        clauses.append((start, test, self.block("'if' statement", start)))
        while self.kind == "elif":
            start = self.advance()
            test = self.named_expression()
            clauses.append((start, test, self.block("'elif' statement", start)))
            if len(clauses) > MAX_ELIF_CHAIN:
                raise too_complex()
        orelse = self.else_block()
        end = self.body_end()
        for start, test, body in reversed(clauses):
            orelse = [N.If(test, body, orelse, start[2], start[3], *end)]
        return orelse[0]

    def else_block(self) -> list[N.stmt]:
        if self.kind == "else":
            start = self.advance()
            return self.block("'else' statement", start, forced=True)
        return []

    def while_stmt(self) -> N.stmt:
        start = self.advance()
        test = self.named_expression()
        body = self.block("'while' statement", start)
        orelse = self.else_block()
        return N.While(
            test, body, orelse, start[2], start[3], *self.body_end(orelse or body)
        )

    def for_stmt(self, start: Token | None = None) -> N.stmt:
        """for_stmt: ['async'] 'for' star_targets 'in' ~ star_expressions ':' block [else_block]"""
        is_async = start is not None
        for_tok = self.advance()
        if start is None:
            start = for_tok
        target = self.star_targets()
        if self.kind != "in":
            raise self.error_here()
        self.advance()
        iter_ = self.star_expressions()
        body = self.block("'for' statement", for_tok)
        orelse = self.else_block()
        end = self.body_end(orelse or body)
        cls = N.AsyncFor if is_async else N.For
        return cls(target, iter_, body, orelse, None, start[2], start[3], *end)

    def with_stmt(self, start: Token | None = None) -> N.stmt:
        """with_stmt: ['async'] 'with' ( '(' with_item, ... ')' | with_item, ... ) ':' block"""
        is_async = start is not None
        with_tok = self.advance()
        if start is None:
            start = with_tok
        items = None
        if self.kind == "(":
            items = self.parenthesized_with_items()
        if items is None:
            items = [self.with_item()]
            while self.kind == ",":
                self.advance()
                items.append(self.with_item())
        body = self.block("'with' statement", with_tok)
        cls = N.AsyncWith if is_async else N.With
        return cls(items, body, None, start[2], start[3], *self.body_end(body))

    def parenthesized_with_items(self) -> list[N.withitem] | None:
        save = self.pos
        self.advance()
        self.with_committed = False
        try:
            items = [self.with_item()]
            while self.kind == ",":
                self.advance()
                if self.kind == ")":
                    break
                items.append(self.with_item())
            if self.kind != ")" or self.peek() != ":":
                raise _Backtrack
            self.advance()
            return items
        except (_Backtrack, SyntaxError) as exc:
            if self.with_committed:
                if isinstance(exc, _Backtrack):
                    raise self.error_here() from None
                raise
            self.reset(save)
            return None

    def with_item(self) -> N.withitem:
        expr = self.expression()
        target = None
        if self.kind == "as":
            self.advance()
            self.with_committed = True
            target = self.star_target()
        return N.withitem(expr, target)

    def try_stmt(self) -> N.stmt:
        start = self.advance()
        body = self.block("'try' statement", start, forced=True)
        handlers: list[N.excepthandler] = []
        star = None
        while self.kind == "except":
            handler_start = self.advance()
            is_star = False
            if self.kind == "*":
                self.advance()
                is_star = True
            if star is None:
                star = is_star
            elif star != is_star:
                last = self.tokens[self.pos - 1]
                raise self.error_at(
                    "cannot have both 'except' and 'except*' on the same 'try'",
                    handler_start[2],
                    handler_start[3],
                    last[4],
                    last[5],
                )
            type_ = None
            name = None
            if self.kind != ":":
                type_ = self.expression()
                if self.kind == ",":
                    first = type_
                    elts = [first]
                    while self.kind == ",":
                        self.advance()
                        if self.kind in (":", "as"):
                            break
                        elts.append(self.expression())
                    if self.kind == "as":
                        self.advance()
                        self.expect("NAME")
                    raise self.error_at(
                        "multiple exception types must be parenthesized",
                        first.lineno,
                        first.col_offset,
                        *self.last_end(),
                    )
                if self.kind == "as":
                    self.advance()
                    name = self.expect("NAME")[1]
            elif is_star:
                raise self.error_tok("expected one or more exception types", self.tok)
            what = "'except*' statement" if is_star else "'except' statement"
            hbody = self.block(what, handler_start)
            handlers.append(
                N.ExceptHandler(
                    type_,
                    name,
                    hbody,
                    handler_start[2],
                    handler_start[3],
                    *self.body_end(hbody),
                )
            )
        orelse = []
        if handlers and self.kind == "else":
            orelse = self.else_block()
        finalbody = []
        if self.kind == "finally":
            fin = self.advance()
            finalbody = self.block("'finally' statement", fin, forced=True)
        if not handlers and not finalbody:
            raise self.error_tok("expected 'except' or 'finally' block", self.tok)
        end = self.body_end()
        cls = N.TryStar if star else N.Try
        return cls(body, handlers, orelse, finalbody, start[2], start[3], *end)

    def funcdef(
        self, decorators: list[N.expr] | None = None, start: Token | None = None
    ) -> N.stmt:
        """function_def: ['async'] 'def' NAME [type_params] '(' [params] ')' ['->' expression] ':' block"""
        is_async = start is not None
        def_tok = self.advance()
        if start is None:
            start = def_tok
        assert start is not None
        name = self.expect("NAME")[1]
        type_params = []
        if self.kind == "[":
            bracket = self.tok
            try:
                type_params = self.type_params()
            except SyntaxError as exc:
                if exc.msg != "invalid syntax":
                    raise
                raise self.error_tok("expected '('", bracket) from None
        if self.kind != "(":
            raise self.error_tok("expected '('", self.tok)
        self.advance()
        args = self.parameters(")", annotations=True)
        self.expect(")")
        returns = None
        if self.kind == "->":
            if self.peek() not in EXPR_START:
                raise self.error_expected_colon()
            self.advance()
            returns = self.expression()
        body = self.block("function definition", def_tok, forced=True)
        cls = N.AsyncFunctionDef if is_async else N.FunctionDef
        return cls(
            name,
            args,
            body,
            decorators or [],
            returns,
            None,
            type_params,
            start[2],
            start[3],
            *self.body_end(body),
        )

    def classdef(self, decorators: list[N.expr] | None = None) -> N.stmt:
        """class_def: 'class' NAME [type_params] ['(' [arguments] ')'] ':' block"""
        start = self.advance()
        name = self.expect("NAME")[1]
        type_params = self.type_params() if self.kind == "[" else []
        bases: list[N.expr] = []
        keywords: list[N.keyword] = []
        if self.kind == "(":
            self.advance()
            bases, keywords = self.arguments(self.tokens[self.pos - 1], is_class=True)
            self.expect(")")
        body = self.block("class definition", start)
        return N.ClassDef(
            name,
            bases,
            keywords,
            body,
            decorators or [],
            type_params,
            start[2],
            start[3],
            *self.body_end(body),
        )

    def decorated(self) -> N.stmt:
        """decorators: ('@' named_expression NEWLINE)+, then a class or function definition"""
        decorators = []
        while self.kind == "@":
            self.advance()
            decorators.append(self.named_expression())
            self.expect("NEWLINE")
        if self.kind == "def":
            return self.funcdef(decorators)
        if self.kind == "async" and self.peek() == "def":
            return self.async_stmt(decorators)
        if self.kind == "class":
            return self.classdef(decorators)
        raise self.error_here()

    def async_stmt(self, decorators: list[N.expr] | None = None) -> N.stmt:
        """async_stmt: 'async' (function_def | for_stmt | with_stmt)"""
        start = self.advance()
        kind = self.kind
        if kind == "def":
            return self.funcdef(decorators, start)
        if decorators is None:
            if kind == "for":
                return self.for_stmt(start)
            if kind == "with":
                return self.with_stmt(start)
        raise self.error_here()

    # --- type parameters (PEP 695) ----------------------------------------------------------

    def type_params(self) -> list[N.type_param]:
        """type_params: '[' type_param (',' type_param)* [','] ']'"""
        self.expect("[")
        params: list[N.type_param] = []
        while True:
            start = self.tok
            if self.kind == "*":
                self.advance()
                name = self.expect("NAME")[1]
                if self.kind == ":":
                    self.bound_error("TypeVarTuple")
                params.append(
                    N.TypeVarTuple(name, start[2], start[3], *self.last_end())
                )
            elif self.kind == "**":
                self.advance()
                name = self.expect("NAME")[1]
                if self.kind == ":":
                    self.bound_error("ParamSpec")
                params.append(N.ParamSpec(name, start[2], start[3], *self.last_end()))
            else:
                name = self.expect("NAME")[1]
                bound = None
                if self.kind == ":":
                    self.advance()
                    bound = self.expression()
                params.append(
                    N.TypeVar(name, bound, start[2], start[3], *self.last_end())
                )
            if self.kind != ",":
                break
            self.advance()
            if self.kind == "]":
                break
        if not params:
            raise self.error_here()
        self.expect("]")
        return params

    def bound_error(self, kind: str) -> None:
        """``*Ts: int`` / ``**P: (int, str)``: CPython's error names a bound, or the
        constraints when the expression is a tuple."""
        colon = self.advance()
        what = "constraints" if isinstance(self.expression(), N.Tuple) else "bound"
        msg = f"cannot use {what} with {kind}"
        raise self.error_at(msg, colon[2], colon[3], *self.last_end())

    # --- parameters -----------------------------------------------------------------------

    def parameters(self, close: str, annotations: bool) -> N.arguments:
        """params / lambda_params: the full PEP 570/3102 parameter list, up to ``close``."""
        posonly: list[N.arg] = []
        args: list[N.arg] = []
        defaults: list[N.expr] = []
        vararg = kwarg = None
        kwonly: list[N.arg] = []
        kw_defaults: list[N.expr | None] = []
        seen_star = False
        seen_slash = False
        while self.kind != close:
            tok = self.tok
            kind = tok[0]
            if kind == "/":
                if seen_slash:
                    raise self.error_tok("/ may appear only once", tok)
                if seen_star:
                    raise self.error_tok("/ must be ahead of *", tok)
                if not args:
                    if self.peek() == ",":
                        raise self.error_tok(
                            "at least one argument must precede /", tok
                        )
                    raise self.error_here()
                self.advance()
                posonly, args = args, []
                seen_slash = True
            elif kind == "*":
                if seen_star:
                    if self.peek() in ("NAME", ","):
                        raise self.error_tok("* argument may appear only once", tok)
                    raise self.error_here()
                self.advance()
                seen_star = True
                if self.kind == "NAME":
                    vararg = self.param(annotations, star=True)
                    if self.kind == "=":
                        raise self.error_tok(
                            "var-positional argument cannot have default value",
                            self.tok,
                        )
                elif self.kind == "," and self.peek() not in (close, "**"):
                    pass
                elif self.kind == close or self.kind == ",":
                    where = tok
                    if not annotations:  # lambda: CPython points past the '*'
                        where = self.tokens[self.pos + (self.kind == ",")]
                    raise self.error_tok("named arguments must follow bare *", where)
                else:
                    raise self.error_here()
            elif kind == "**":
                self.advance()
                kwarg = self.param(annotations)
                if self.kind == "=":
                    raise self.error_tok(
                        "var-keyword argument cannot have default value", self.tok
                    )
                if self.kind == ",":
                    self.advance()
                if self.kind != close:
                    raise self.error_tok(
                        "arguments cannot follow var-keyword argument", self.tok
                    )
                break
            elif kind == "NAME":
                a = self.param(annotations)
                default = None
                if self.kind == "=":
                    eq = self.advance()
                    if self.kind not in EXPR_START:
                        if not annotations:
                            raise self.error_here()
                        raise self.error_tok("expected default value expression", eq)
                    default = self.expression()
                if seen_star:
                    kwonly.append(a)
                    kw_defaults.append(default)
                else:
                    if default is not None:
                        defaults.append(default)
                    elif defaults:
                        raise self.error_node(
                            "parameter without a default follows parameter with a default",
                            a,
                        )
                    args.append(a)
            elif kind == "(":
                self.parenthesized_parameter(annotations)
            else:
                raise self.error_here()
            if self.kind != ",":
                break
            self.advance()
        return N.arguments(posonly, args, vararg, kwonly, kw_defaults, kwarg, defaults)

    def parenthesized_parameter(self, annotations: bool) -> None:
        """def f((a, b)): a Python 2 habit, with its own message."""
        start = self.tok
        save = self.pos
        try:
            self.primary()
        except SyntaxError:
            self.reset(save)
            raise self.error_here() from None
        what = "Function" if annotations else "Lambda expression"
        raise self.error_at(
            f"{what} parameters cannot be parenthesized",
            start[2],
            start[3],
            *self.last_end(),
        )

    def param(self, annotations: bool, star: bool = False) -> N.arg:
        tok = self.expect("NAME")
        annotation: N.expr | None = None
        if annotations and self.kind == ":":
            self.advance()
            if star and self.kind == "*":
                s = self.advance()
                value = self.expression()
                annotation = self.starred(value, s)
            else:
                annotation = self.expression()
        return N.arg(tok[1], annotation, None, tok[2], tok[3], *self.last_end())

    # --- match statement (PEP 634) ----------------------------------------------------------

    def match_stmt(self) -> N.stmt | None:
        """match_stmt: "match" subject_expr ':' NEWLINE INDENT case_block+ DEDENT"""
        save = self.pos
        start = self.advance()
        if self.kind not in EXPR_START:
            self.reset(save)
            return None
        try:
            subject = self.subject_expr()
        except SyntaxError:
            self.reset(save)
            return None
        if self.kind == "NEWLINE":
            # "match x" without its colon, unless the line is a valid statement: match(x)
            colon_error = self.error_expected_colon()
            self.reset(save)
            try:
                self.simple_stmts()
            except SyntaxError:
                raise colon_error from None
            self.reset(save)
            return None
        if self.kind != ":" or self.peek() != "NEWLINE":
            self.reset(save)
            return None
        self.advance()
        self.advance()
        if self.kind != "INDENT":
            raise self.error_tok(
                f"expected an indented block after 'match' statement on line {start[2]}",
                self.tok,
                IndentationError,
            )
        self.advance()
        cases = []
        while self.kind != "DEDENT":
            if not (self.kind == "NAME" and self.tok[1] == "case"):
                raise self.error_here()
            cases.append(self.case_block())
        self.advance()
        return N.Match(subject, cases, start[2], start[3], *self.body_end())

    def subject_expr(self) -> N.expr:
        start = self.tok
        first = self.star_named_expression()
        if self.kind != ",":
            if isinstance(first, N.Starred):
                raise self.error_here()
            return first
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind == ":":
                break
            elts.append(self.star_named_expression())
        return N.Tuple(elts, LOAD, start[2], start[3], *self.last_end())

    def case_block(self) -> N.match_case:
        case_tok = self.advance()
        pattern = self.patterns()
        guard = None
        if self.kind == "if":
            self.advance()
            guard = self.named_expression()
        body = self.block("'case' statement", case_tok)
        return N.match_case(pattern, guard, body)

    def patterns(self) -> N.pattern:
        """patterns: open_sequence_pattern | pattern"""
        start = self.tok
        first = self.maybe_star_pattern()
        if self.kind != ",":
            if isinstance(first, N.MatchStar):
                raise self.error_here()
            return first
        items = [first]
        while self.kind == ",":
            self.advance()
            if self.kind in (":", "if"):
                break
            items.append(self.maybe_star_pattern())
        return N.MatchSequence(items, start[2], start[3], *self.last_end())

    def maybe_star_pattern(self) -> N.pattern:
        if self.kind == "*":
            start = self.advance()
            name_tok = self.expect("NAME")
            name = None if name_tok[1] == "_" else name_tok[1]
            return N.MatchStar(name, start[2], start[3], *self.last_end())
        return self.pattern()

    def pattern(self) -> N.pattern:
        """pattern: or_pattern ['as' pattern_capture_target]"""
        start = self.tok
        pat = self.or_pattern()
        if self.kind == "as":
            self.advance()
            name_tok = self.tok
            if self.kind != "NAME":
                if self.kind in EXPR_START:
                    raise self.error_tok("invalid pattern target", name_tok)
                raise self.error_here()
            if name_tok[1] == "_":
                raise self.error_tok("cannot use '_' as a target", name_tok)
            self.advance()
            if self.kind == ".":
                raise self.error_here()
            return N.MatchAs(pat, name_tok[1], start[2], start[3], *self.last_end())
        return pat

    def or_pattern(self) -> N.pattern:
        start = self.tok
        first = self.closed_pattern()
        if self.kind != "|":
            return first
        alts = [first]
        while self.kind == "|":
            self.advance()
            alts.append(self.closed_pattern())
        return N.MatchOr(alts, start[2], start[3], *self.last_end())

    def closed_pattern(self) -> N.pattern:
        tok = self.tok
        kind = tok[0]
        sl, sc = tok[2], tok[3]
        if kind == "NAME":
            if self.peek() in (".", "("):
                value = self.dotted_value()
                if self.kind == "(":
                    return self.class_pattern(value, tok)
                if isinstance(value, N.Name):
                    raise self.error_here()
                return N.MatchValue(value, sl, sc, *self.last_end())
            self.advance()
            name = None if tok[1] == "_" else tok[1]
            return N.MatchAs(None, name, sl, sc, tok[4], tok[5])
        if kind in ("None", "True", "False"):
            self.advance()
            singleton = {"None": None, "True": True, "False": False}[kind]
            return N.MatchSingleton(singleton, sl, sc, tok[4], tok[5])
        if kind in ("NUMBER", "-", "STRING", "FSTRING_START"):
            value = self.literal_value()
            return N.MatchValue(value, sl, sc, *self.last_end())
        if kind == "(" or kind == "[":
            close = ")" if kind == "(" else "]"
            self.advance()
            items: list[N.pattern] = []
            trailing_comma = False
            while self.kind != close:
                items.append(self.maybe_star_pattern())
                trailing_comma = False
                if self.kind != ",":
                    break
                self.advance()
                trailing_comma = True
            self.expect(close)
            if (
                kind == "("
                and len(items) == 1
                and not trailing_comma
                and not isinstance(items[0], N.MatchStar)
            ):
                return items[0]
            return N.MatchSequence(items, sl, sc, *self.last_end())
        if kind == "{":
            return self.mapping_pattern()
        raise self.error_here()

    def literal_value(self) -> N.expr:
        """signed_number ['+'|'-' imaginary] | strings"""
        tok = self.tok
        if tok[0] in ("STRING", "FSTRING_START"):
            text = self.strings()
            if isinstance(text, N.JoinedStr):
                raise self.error_node(
                    "patterns may only match literals and attribute lookups", text
                )
            return text
        neg = None
        if tok[0] == "-":
            neg = self.advance()
        num_tok = self.expect("NUMBER")
        value: N.expr = N.Constant(number_value(num_tok[1]), None, *num_tok[2:6])
        if neg is not None:
            value = N.UnaryOp(N.USUB, value, neg[2], neg[3], *self.last_end())
        if self.kind in ("+", "-"):
            if num_tok[1][-1] in "jJ":
                raise self.error_at(
                    "real number required in complex literal",
                    tok[2],
                    tok[3],
                    *num_tok[4:6],
                )
            op_tok = self.advance()
            imag = self.expect("NUMBER")
            if imag[1][-1] not in "jJ":
                raise self.error_tok(
                    "imaginary number required in complex literal", imag
                )
            right = N.Constant(number_value(imag[1]), None, *imag[2:6])
            op = N.ADD if op_tok[0] == "+" else N.SUB
            value = N.BinOp(value, op, right, tok[2], tok[3], *self.last_end())
        return value

    def dotted_value(self) -> N.expr:
        tok = self.advance()
        node: N.expr = N.Name(tok[1], LOAD, *tok[2:6])
        while self.kind == ".":
            self.advance()
            name = self.expect("NAME")
            node = N.Attribute(node, name[1], LOAD, tok[2], tok[3], name[4], name[5])
        return node

    def class_pattern(self, cls: N.expr, start: Token) -> N.pattern:
        self.expect("(")
        patterns: list[N.pattern] = []
        kwd_attrs: list[str] = []
        kwd_patterns: list[N.pattern] = []
        while self.kind != ")":
            if self.kind == "NAME" and self.peek() == "=":
                kwd_attrs.append(self.advance()[1])
                self.advance()
                kwd_patterns.append(self.pattern())
            else:
                if kwd_attrs:
                    pat = self.pattern()
                    raise self.error_node(
                        "positional patterns follow keyword patterns", pat
                    )
                patterns.append(self.pattern())
            if self.kind != ",":
                break
            self.advance()
        self.expect(")")
        return N.MatchClass(
            cls, patterns, kwd_attrs, kwd_patterns, start[2], start[3], *self.last_end()
        )

    def mapping_pattern(self) -> N.pattern:
        start = self.advance()
        keys: list[N.expr] = []
        patterns: list[N.pattern] = []
        rest = None
        while self.kind != "}":
            if self.kind == "**":
                self.advance()
                if self.kind == "NAME" and self.tok[1] == "_":
                    raise self.error_here()
                rest = self.expect("NAME")[1]
                if self.kind == ",":
                    self.advance()
                break
            if self.kind == "NAME":
                key = self.dotted_value()
                if isinstance(key, N.Name):
                    raise self.error_here()
            elif self.kind in ("None", "True", "False"):
                t = self.advance()
                key = N.Constant(
                    {"None": None, "True": True, "False": False}[t[0]], None, *t[2:6]
                )
            else:
                key = self.literal_value()
            keys.append(key)
            self.expect(":")
            patterns.append(self.pattern())
            if self.kind != ",":
                break
            self.advance()
        self.expect("}")
        return N.MatchMapping(
            keys, patterns, rest, start[2], start[3], *self.last_end()
        )

    # --- targets ----------------------------------------------------------------------------

    def star_targets(self) -> N.expr:
        """star_targets: star_target (',' star_target)* [','] -- stops before 'in' and '='"""
        start = self.tok
        first = self.star_target()
        if self.kind != ",":
            return first
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind not in EXPR_START:
                break
            elts.append(self.star_target())
        return N.Tuple(elts, STORE, start[2], start[3], *self.last_end())

    def star_target(self) -> N.expr:
        if self.kind == "*":
            start = self.advance()
            value = self.target_expr()
            node = N.Starred(value, STORE, start[2], start[3], *self.last_end())
            self.set_context(value, STORE, "assign")
            return node
        target = self.target_expr()
        self.set_context(target, STORE, "assign")
        return target

    def target_expr(self) -> N.expr:
        """A target: parsed as an expression above the comparisons, so 'in' stays free."""
        return self.binary(P_BOR)

    def set_context(self, node: Any, ctx: N.expr_context, action: str) -> None:
        """Turn a Load expression into a Store/Del target, or raise CPython's error for it."""
        cls = type(node)
        if cls is N.Name:
            if ctx is STORE and node.id == "__debug__":
                raise self.error_node("cannot assign to __debug__", node)
            node.ctx = ctx
        elif cls is N.Attribute or cls is N.Subscript:
            node.ctx = ctx
        elif cls is N.Tuple or cls is N.List:
            node.ctx = ctx
            for elt in node.elts:
                self.set_context(elt, ctx, action)
        elif cls is N.Starred and ctx is STORE:
            node.ctx = ctx
            self.set_context(node.value, ctx, action)
        else:
            raise self.target_error(node, ctx, action)

    def parenthesized(self, node: N.expr) -> bool:
        """Whether a '(' stands right before ``node`` (error path only: a linear scan)."""
        where = (node.lineno, node.col_offset)
        for i, tok in enumerate(self.tokens):
            if (tok[2], tok[3]) == where:
                return i > 0 and self.tokens[i - 1][0] == "("
        return False

    def target_error(
        self, node: N.expr, ctx: N.expr_context, action: str
    ) -> SyntaxError:
        self.bad_target = node
        verb = "delete" if ctx is DEL else "assign to"
        return self.error_node(f"cannot {verb} {describe(node)}", node)

    # --- expressions --------------------------------------------------------------------------

    def star_expressions(self) -> N.expr:
        """star_expressions: star_expression (',' star_expression)* [',']"""
        start = self.tok
        if self.kind == "*":
            first = self.star_expression()
        else:
            first = self.expression()
            if self.kind != ",":
                return first
        if self.kind != ",":
            return first
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind not in EXPR_START:
                break
            elts.append(self.star_expression())
        return N.Tuple(elts, LOAD, start[2], start[3], *self.last_end())

    def star_expression(self) -> N.expr:
        if self.kind == "*":
            start = self.advance()
            value = self.binary(P_BOR)
            return N.Starred(value, LOAD, start[2], start[3], *self.last_end())
        return self.expression()

    def star_named_expression(self) -> N.expr:
        """star_named_expression: '*' bitwise_or | named_expression -- calling ``expression``
        itself, so that a level of nested displays costs four host frames and 199 levels
        (CPython's limit is 200) fit the host's default stack."""
        kind = self.kind
        if kind == "*":
            start = self.advance()
            value = self.binary(P_BOR)
            return N.Starred(value, LOAD, start[2], start[3], *self.last_end())
        if kind == "NAME" and self.tokens[self.pos + 1][0] == ":=":
            return self.named_expression()
        node = self.expression()
        kind = self.kind
        if kind == ":=" or kind == "=":
            self.named_tail(node)
        return node

    def named_expression(self, eq_check: bool = True) -> N.expr:
        """named_expression: NAME ':=' expression | expression !':='"""
        tok = self.tok
        if tok[0] == "NAME" and self.tokens[self.pos + 1][0] == ":=":
            self.advance()
            self.advance()
            value = self.expression()
            target = N.Name(tok[1], STORE, *tok[2:6])
            return N.NamedExpr(target, value, tok[2], tok[3], *self.last_end())
        node = self.expression()
        kind = self.kind
        if kind == ":=" or kind == "=" and eq_check:
            self.named_tail(node)
        return node

    def named_tail(self, node: N.expr) -> None:
        """An expression followed by ':=' or '=' where a named expression may stand."""
        if self.kind == ":=":
            raise self.error_node(
                f"cannot use assignment expressions with {describe(node)}", node
            )
        self.meant_equals(node)

    def meant_equals(self, node: N.expr) -> None:
        """``if x = 1:`` and friends: CPython's guesses that '==' or ':=' was meant."""
        save = self.pos
        self.advance()
        try:
            self.binary(P_BOR)
        except SyntaxError:
            self.reset(save)
            return
        end = self.last_end()
        follows = self.kind
        self.reset(save)
        if follows in ("=", ":="):
            return
        if type(node) is N.Name and not self.parenthesized(node):
            raise self.error_at(
                "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                node.lineno,
                node.col_offset,
                *end,
            )
        if (
            maybe_meant_equals(node, node, self.parenthesized(node))
            and type(node) is not N.Name
        ):
            raise self.error_node(
                f"cannot assign to {describe(node)} here. Maybe you meant '==' instead of '='?",
                node,
            )

    def expression(self) -> N.expr:
        """expression: disjunction 'if' disjunction 'else' expression | disjunction | lambdef

        A chain ``a if b else c if d else e`` nests to the right but is read by a loop.
        """
        chain = []
        while True:
            tok = self.tok
            if tok[0] == "lambda":
                node = self.lambdef()
                break
            node = self.binary(P_OR)
            kind = self.kind
            if kind != "if":
                if kind in ADJACENT and not self.plain:
                    self.missing_comma(tok, node)
                break
            self.advance()
            test = self.binary(P_OR)
            if self.kind != "else":
                if self.kind == ":":
                    raise self.error_here()
                raise self.error_at(
                    "expected 'else' after 'if' expression",
                    tok[2],
                    tok[3],
                    *self.last_end(),
                )
            self.advance()
            chain.append((tok, node, test))
            if len(chain) >= MAX_IF_CHAIN:
                raise too_complex()
        if chain:
            end = self.last_end()
            for tok, body, test in reversed(chain):
                node = N.IfExp(test, body, node, tok[2], tok[3], *end)
        return node

    def missing_comma(self, start: Token, first: N.expr) -> None:
        """An expression is followed by one that cannot continue it.

        CPython's second pass tries, in order: "Perhaps you forgot a comma?" (inside
        brackets, unless the first is a name glued to a string or a soft keyword), then
        Python 2's ``print x`` / ``exec x``.  Both parse the expression that follows
        (the second one from the token after a leading name), and what those parses run
        into -- a tokenizer error, or (for the second) a specific error -- is raised.
        """
        tokens = self.tokens
        save = self.pos
        furthest = self.furthest
        s = tokens.index(start)
        name = start[0] == "NAME"
        legacy = name and start[1] in ("print", "exec") and type(first) is N.Name
        try:
            if not (
                name and (start[1] in SOFT_KEYWORDS or tokens[s + 1][0] == "STRING")
            ):
                end = self.parse_end(save, self.expression, False)
                if end is not None and not legacy and self.bracket_level() > 0:
                    last = tokens[end - 1]
                    raise self.error_at(
                        "invalid syntax. Perhaps you forgot a comma?",
                        start[2],
                        start[3],
                        last[4],
                        last[5],
                    )
            if name and tokens[s + 1][0] != "(":
                end = self.parse_end(s + 1, self.star_expressions, True)
                if end is not None and start[1] in ("print", "exec"):
                    last = tokens[end - 1]
                    raise self.error_at(
                        f"Missing parentheses in call to '{start[1]}'. "
                        f"Did you mean {start[1]}(...)?",
                        start[2],
                        start[3],
                        last[4],
                        last[5],
                    )
        finally:
            self.reset(save)
            self.furthest = furthest

    def parse_end(
        self, first: int, parse: Callable[[], object], keep_specific: bool
    ) -> int | None:
        """Error path: where ``parse`` run from token ``first`` ends, as CPython's PEG
        rule would match it (the longest part that parses), or None.  A tokenizer error
        it meets is raised (CPython reads that token); so is a specific error if
        ``keep_specific``."""
        self.reset(first)
        self.quiet += 1
        plain = 0 if keep_specific else 1
        self.plain += plain
        try:
            parse()
        except SyntaxError as exc:
            if not self.is_generic(exc) and (keep_specific or self.is_token_error(exc)):
                raise
            return self.longest_prefix(first, parse)
        finally:
            self.quiet -= 1
            self.plain -= plain
        if self.kind == "ERRORTOKEN":
            raise token_error(self.tok)
        return self.pos

    def bracket_level(self) -> int:
        """How many brackets are open before the current token (error path only)."""
        level = 0
        for tok in self.tokens[: self.pos]:
            kind = tok[0]
            if kind in ("(", "[", "{"):
                level += 1
            elif kind in (")", "]", "}"):
                level -= 1
        return level

    def lambdef(self) -> N.expr:
        """lambdef: 'lambda' [lambda_params] ':' expression -- chains of lambdas by a loop"""
        heads = []
        while self.kind == "lambda":
            start = self.advance()
            args = self.parameters(":", annotations=False)
            colon = self.expect(":")
            if self.kind == "FSTRING_MIDDLE":
                # The ':' began a format spec: f'{lambda x: x}'.
                raise self.error_at(
                    "f-string: lambda expressions are not allowed without parentheses",
                    start[2],
                    start[3],
                    colon[4],
                    colon[5],
                )
            heads.append((start, args))
            if len(heads) >= MAX_LAMBDA_CHAIN:
                raise too_complex()
        body = self.expression()
        end = self.last_end()
        for start, args in reversed(heads):
            body = N.Lambda(args, body, start[2], start[3], *end)
        return body

    def binary(self, min_prec: int) -> N.expr:
        """Operators from 'or' down to '**', by precedence climbing; unary runs by a loop."""
        tok = self.tok
        kind = tok[0]
        left: N.expr
        if kind == "not" and min_prec <= P_NOT:
            nots = []
            while self.kind == "not":
                nots.append(self.advance())
            if len(nots) >= MAX_NOT_RUN:
                raise too_complex()
            left = self.binary(P_CMP)
            stop = self.last_end()
            for t in reversed(nots):
                left = N.UnaryOp(N.NOT, left, t[2], t[3], *stop)
        elif kind in UNARY and min_prec <= P_UNARY:
            signs = []
            while self.kind in UNARY:
                signs.append(self.advance())
            if len(signs) >= MAX_UNARY_RUN:
                raise too_complex()
            left = self.binary(P_POW)
            stop = self.last_end()
            for t in reversed(signs):
                left = N.UnaryOp(UNARY[t[0]], left, t[2], t[3], *stop)
        else:
            # primary: an atom and its trailers, inline so that each level of nested
            # brackets costs few host frames
            tok = self.tok
            kind = tok[0]
            if kind == "NAME":
                self.pos += 1
                self.tok = t = self.tokens[self.pos]
                self.kind = t[0]
                left = N.Name(tok[1], LOAD, tok[2], tok[3], tok[4], tok[5])
            elif kind == "NUMBER":
                self.advance()
                left = N.Constant(
                    number_value(tok[1]), None, tok[2], tok[3], tok[4], tok[5]
                )
            elif kind == "(":
                left = self.paren_atom()
            elif kind == "STRING" or kind == "FSTRING_START":
                left = self.strings()
            elif kind == "[":
                left = self.list_atom()
            elif kind == "{":
                left = self.brace_atom()
            elif kind == "None" or kind == "True" or kind == "False":
                self.advance()
                value = None if kind == "None" else kind == "True"
                left = N.Constant(value, None, tok[2], tok[3], tok[4], tok[5])
            elif kind == "...":
                self.advance()
                left = N.Constant(..., None, tok[2], tok[3], tok[4], tok[5])
            elif kind == "await":
                self.advance()
                # await's operand is a primary, which no second await starts
                if self.kind == "await":
                    raise self.error_here()
                value = self.binary(P_PRIMARY)
                left = N.Await(value, tok[2], tok[3], *self.last_end())
            else:
                raise self.error_here()
            sl, sc = tok[2], tok[3]
            while kind != "await":
                kind = self.kind
                if kind == ".":
                    self.advance()
                    name = self.tok
                    if name[0] != "NAME":
                        raise self.error_here()
                    self.advance()
                    left = N.Attribute(left, name[1], LOAD, sl, sc, name[4], name[5])
                elif kind == "(":
                    self.advance()
                    if self.kind == ")":
                        args: list[N.expr] = []
                        keywords: list[N.keyword] = []
                    else:
                        args, keywords = self.arguments(
                            call_start=self.tokens[self.pos - 1]
                        )
                    end = self.expect(")")
                    left = N.Call(left, args, keywords, sl, sc, end[4], end[5])
                elif kind == "[":
                    self.advance()
                    index = self.slices()
                    end = self.expect("]")
                    left = N.Subscript(left, index, LOAD, sl, sc, end[4], end[5])
                else:
                    break
        sl, sc = tok[2], tok[3]
        while True:
            kind = self.kind
            entry = BINARY.get(kind)
            if entry is not None:
                prec, op = entry
                if prec < min_prec:
                    return left
                self.advance()
                if prec == P_POW:
                    right = self.binary(P_UNARY)
                else:
                    right = self.binary(prec + 1)
                t = self.tokens[self.pos - 1]
                left = N.BinOp(left, op, right, sl, sc, t[4], t[5])
                continue
            if kind in COMPARE:
                if min_prec > P_CMP:
                    return left
                if kind == "not" and self.peek() != "in":
                    self.furthest = max(self.furthest, self.pos + 1)
                    return left
                ops: list[N.cmpop] = []
                comparators = []
                while True:
                    kind = self.kind
                    if kind == "not":
                        if self.peek() != "in":
                            break
                        self.advance()
                        self.advance()
                        ops.append(N.NOTIN)
                    elif kind == "is":
                        self.advance()
                        if self.kind == "not":
                            self.advance()
                            ops.append(N.ISNOT)
                        else:
                            ops.append(N.IS)
                    elif kind in COMPARE:
                        self.advance()
                        ops.append(COMPARE[kind])
                    else:
                        break
                    comparators.append(self.binary(P_BOR))
                t = self.tokens[self.pos - 1]
                left = N.Compare(left, ops, comparators, sl, sc, t[4], t[5])
                continue
            if kind == "and":
                if min_prec > P_AND:
                    return left
                values = [left]
                while self.kind == "and":
                    self.advance()
                    values.append(self.binary(P_NOT))
                t = self.tokens[self.pos - 1]
                left = N.BoolOp(N.AND, values, sl, sc, t[4], t[5])
                continue
            if kind == "or":
                if min_prec > P_OR:
                    return left
                values = [left]
                while self.kind == "or":
                    self.advance()
                    values.append(self.binary(P_AND))
                t = self.tokens[self.pos - 1]
                left = N.BoolOp(N.OR, values, sl, sc, t[4], t[5])
                continue
            return left

    def primary(self) -> N.expr:
        """primary: atom ('.' NAME | '(' arguments ')' | '[' slices ']')* ; await_primary"""
        return self.binary(P_PRIMARY)

    def paren_atom(self) -> N.expr:
        """tuple | group | genexp"""
        start = self.advance()
        kind = self.kind
        if kind == ")":
            end = self.advance()
            return N.Tuple([], LOAD, start[2], start[3], end[4], end[5])
        if kind == "yield":
            node = self.yield_expr()
            self.expect(")")
            return node
        if kind == "**":
            # CPython's second pass: '(' '**' expression ')' has its own message; the
            # expression's own errors come first, anything else is plain invalid syntax
            # at the '**' (where the first pass stopped).
            star_pos = self.pos
            star = self.advance()
            furthest = self.furthest
            try:
                self.expression()
            except SyntaxError as exc:
                if not self.is_generic(exc):
                    raise
            else:
                if self.kind == ")":
                    raise self.error_tok(
                        "cannot use double starred expression here", star
                    )
                if self.kind == "ERRORTOKEN":
                    raise token_error(self.tok)
            self.reset(star_pos)
            self.furthest = furthest
            raise self.error_here()
        first = self.star_named_expression()
        kind = self.kind
        if kind == ")":
            self.advance()
            if isinstance(first, N.Starred):
                raise self.error_node("cannot use starred expression here", first)
            return first
        if kind == "for" or kind == "async":
            self.check_comprehension_element(first)
            generators = self.comprehension_clauses()
            end = self.expect(")")
            return N.GeneratorExp(first, generators, start[2], start[3], end[4], end[5])
        if kind != ",":
            raise self.error_here()
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind == ")":
                break
            elts.append(self.star_named_expression())
        self.check_unparenthesized_target(elts)
        end = self.expect(")")
        return N.Tuple(elts, LOAD, start[2], start[3], end[4], end[5])

    def list_atom(self) -> N.expr:
        # The element loop is written out in each display (tuple, list, set) rather than
        # shared: a helper would add a host frame per level of nested brackets, and 199
        # levels must fit the default host stack (docs/syntax.md, "The host stack").
        start = self.advance()
        if self.kind == "]":
            end = self.advance()
            return N.List([], LOAD, start[2], start[3], end[4], end[5])
        first = self.star_named_expression()
        if self.kind in ("for", "async"):
            self.check_comprehension_element(first)
            generators = self.comprehension_clauses()
            end = self.expect("]")
            return N.ListComp(first, generators, start[2], start[3], end[4], end[5])
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind == "]":
                break
            elts.append(self.star_named_expression())
        self.check_unparenthesized_target(elts)
        end = self.expect("]")
        return N.List(elts, LOAD, start[2], start[3], end[4], end[5])

    def brace_atom(self) -> N.expr:
        """dict | set | dictcomp | setcomp"""
        start = self.advance()
        if self.kind == "}":
            end = self.advance()
            return N.Dict([], [], start[2], start[3], end[4], end[5])
        if self.kind == "**":
            if self.peek(2) != "NEWLINE":
                save = self.pos
                star = self.advance()
                self.binary(P_BOR)
                if self.kind in ("for", "async"):
                    raise self.error_tok(
                        "dict unpacking cannot be used in dict comprehension", star
                    )
                self.reset(save)
            return self.dict_rest(start, [], [])
        first = self.star_named_expression()
        if self.kind == ":" and not isinstance(first, N.Starred):
            value = self.dict_value()
            if self.kind in ("for", "async"):
                generators = self.comprehension_clauses()
                end = self.expect("}")
                return N.DictComp(
                    first, value, generators, start[2], start[3], end[4], end[5]
                )
            return self.dict_rest(start, [first], [value])
        if self.kind in ("for", "async"):
            self.check_comprehension_element(first)
            generators = self.comprehension_clauses()
            end = self.expect("}")
            return N.SetComp(first, generators, start[2], start[3], end[4], end[5])
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind == "}":
                break
            if self.kind == "**":
                raise self.error_here()
            elts.append(self.star_named_expression())
            if self.kind == ":":
                raise self.error_here()
        self.check_unparenthesized_target(elts)
        end = self.expect("}")
        return N.Set(elts, start[2], start[3], end[4], end[5])

    def dict_value(self) -> N.expr:
        """The value after a key's ':', with CPython's messages for what cannot stand there."""
        colon = self.advance()
        if self.kind == "*":
            star = self.advance()
            self.binary(P_BOR)
            raise self.error_at(
                "cannot use a starred expression in a dictionary value",
                star[2],
                star[3],
                *self.last_end(),
            )
        if self.kind in (",", "}"):
            raise self.error_tok(
                "expression expected after dictionary key and ':'", colon
            )
        return self.expression()

    def check_unparenthesized_target(self, elts: list[N.expr]) -> None:
        """[x, y for x, y in z]: the elements before 'for' were meant as one tuple."""
        if self.kind == "for" and len(elts) > 1:
            first, last = elts[0], elts[-1]
            raise self.error_at(
                "did you forget parentheses around the comprehension target?",
                first.lineno,
                first.col_offset,
                last.end_lineno,
                last.end_col_offset,
            )

    def dict_rest(self, start: Token, keys: list[Any], values: list[Any]) -> N.expr:
        if keys:
            if self.kind != ",":
                end = self.expect("}")
                return N.Dict(keys, values, start[2], start[3], end[4], end[5])
            self.advance()
        while self.kind != "}":
            if self.kind == "**":
                self.advance()
                keys.append(None)
                values.append(self.binary(P_BOR))
            else:
                key = self.expression()
                if self.kind != ":":
                    if self.kind in (",", "}"):
                        raise self.error_at(
                            "':' expected after dictionary key",
                            key.lineno,
                            key.col_offset,
                            key.lineno,
                            -1,
                        )
                    raise self.error_here()
                keys.append(key)
                values.append(self.dict_value())
            if self.kind != ",":
                break
            self.advance()
        end = self.expect("}")
        return N.Dict(keys, values, start[2], start[3], end[4], end[5])

    def check_comprehension_element(self, elt: N.expr) -> None:
        if type(elt) is N.Starred:
            raise self.error_node(
                "iterable unpacking cannot be used in comprehension", elt
            )

    def comprehension_clauses(self) -> list[N.comprehension]:
        """for_if_clauses: (['async'] 'for' star_targets 'in' disjunction ('if' disjunction)*)+"""
        generators = []
        while self.kind in ("for", "async"):
            is_async = 0
            if self.kind == "async":
                self.advance()
                is_async = 1
            self.expect("for")
            target = self.star_targets()
            self.expect("in")
            iter_ = self.binary(P_OR)
            ifs = []
            while self.kind == "if":
                self.advance()
                ifs.append(self.binary(P_OR))
            generators.append(N.comprehension(target, iter_, ifs, is_async))
        return generators

    def yield_expr(self) -> N.expr:
        start = self.advance()
        if self.kind == "from":
            self.advance()
            source = self.expression()
            return N.YieldFrom(source, start[2], start[3], *self.last_end())
        value = None
        if self.kind in EXPR_START:
            value = self.star_expressions()
        return N.Yield(value, start[2], start[3], *self.last_end())

    def arguments(
        self, call_start: Token | None = None, is_class: bool = False
    ) -> tuple[list[N.expr], list[N.keyword]]:
        """args: positional, starred, keyword and ** arguments of a call or class bases"""
        args: list[N.expr] = []
        keywords: list[N.keyword] = []
        while self.kind != ")":
            tok = self.tok
            kind = tok[0]
            if kind == "*":
                if keywords and any(k.arg is None for k in keywords):
                    raise self.error_tok(
                        "iterable argument unpacking follows keyword argument unpacking",
                        tok,
                    )
                self.advance()
                value = self.expression()
                if self.kind == "=":
                    self.unpacking_assigned(tok, "iterable argument unpacking")
                args.append(N.Starred(value, LOAD, tok[2], tok[3], *self.last_end()))
            elif kind == "**":
                self.advance()
                value = self.expression()
                if self.kind == "=":
                    self.unpacking_assigned(tok, "keyword argument unpacking")
                keywords.append(
                    N.keyword(None, value, tok[2], tok[3], *self.last_end())
                )
            elif kind == "NAME" and self.tokens[self.pos + 1][0] == "=":
                self.advance()
                eq = self.advance()
                if self.kind not in EXPR_START:
                    raise self.error_at(
                        "expected argument value expression",
                        tok[2],
                        tok[3],
                        eq[4],
                        eq[5],
                    )
                value = self.expression()
                if self.kind in ("for", "async"):
                    raise self.error_at(
                        "invalid syntax. Maybe you meant '==' or ':=' instead of '='?",
                        tok[2],
                        tok[3],
                        eq[4],
                        eq[5],
                    )
                keywords.append(
                    N.keyword(tok[1], value, tok[2], tok[3], *self.last_end())
                )
            else:
                value = self.named_expression(eq_check=False)
                if self.kind == "=":
                    self.invalid_kwarg(tok, value)
                if self.kind in ("for", "async") and call_start is not None:
                    for_tok = self.tok
                    generators = self.comprehension_clauses()
                    if is_class and not args and not keywords and self.kind == ")":
                        raise self.error_tok("invalid syntax", for_tok)
                    if args or keywords or self.kind != ")":
                        if self.kind == "," and self.peek() == "ERRORTOKEN":
                            # CPython's rule reads on after the ',' for more arguments.
                            raise token_error(self.tokens[self.pos + 1])
                        raise self.error_at(
                            "Generator expression must be parenthesized",
                            tok[2],
                            tok[3],
                            *self.last_end(),
                        )
                    close = self.tok
                    value = N.GeneratorExp(
                        value,
                        generators,
                        call_start[2],
                        call_start[3],
                        close[4],
                        close[5],
                    )
                if keywords:
                    # CPython reports these at the furthest token it read.
                    if any(k.arg is None for k in keywords):
                        raise self.error_tok(
                            "positional argument follows keyword argument unpacking",
                            self.tok,
                        )
                    raise self.error_tok(
                        "positional argument follows keyword argument", self.tok
                    )
                args.append(value)
            if self.kind != ",":
                break
            self.advance()
        return args, keywords

    def invalid_kwarg(self, start: Token, value: N.expr) -> None:
        """f(a.b=1), f(True=1): an expression where a keyword's name should be."""
        eq = self.tok
        if type(value) is N.Constant and start[0] in ("True", "False", "None"):
            raise self.error_at(
                f"cannot assign to {start[0]}", start[2], start[3], eq[4], eq[5]
            )
        raise self.error_at(
            'expression cannot contain assignment, perhaps you meant "=="?',
            start[2],
            start[3],
            eq[4],
            eq[5],
        )

    def unpacking_assigned(self, star: Token, what: str) -> None:
        """f(*a=1) / f(**a=1): CPython names the unpacking that cannot be assigned to."""
        self.advance()
        self.expression()
        raise self.error_at(
            f"cannot assign to {what}", star[2], star[3], *self.last_end()
        )

    def slices(self) -> N.expr:
        """slices: slice !',' | ','.(slice | starred_expression)+ [',']"""
        start = self.tok
        first = self.slice()
        if self.kind != ",":
            if type(first) is N.Starred:
                return N.Tuple([first], LOAD, start[2], start[3], *self.last_end())
            return first
        elts = [first]
        while self.kind == ",":
            self.advance()
            if self.kind == "]":
                break
            elts.append(self.slice())
        return N.Tuple(elts, LOAD, start[2], start[3], *self.last_end())

    def slice(self) -> N.expr:
        """slice: [expression] ':' [expression] [':' [expression]] | named_expression"""
        start = self.tok
        if self.kind == "*":
            s = self.advance()
            value = self.binary(P_BOR)
            return N.Starred(value, LOAD, s[2], s[3], *self.last_end())
        lower = upper = step = None
        if self.kind != ":":
            lower = self.named_expression()
            if self.kind != ":":
                return lower
        self.advance()
        if self.kind not in (":", ",", "]"):
            upper = self.expression()
        if self.kind == ":":
            self.advance()
            if self.kind not in (",", "]"):
                step = self.expression()
        return N.Slice(lower, upper, step, start[2], start[3], *self.last_end())

    # --- strings and f-strings ----------------------------------------------------------------

    def strings(self) -> N.expr:
        """strings: (STRING | fstring)+ -- adjacent literals concatenate"""
        first = self.tok
        if (
            first[0] == "STRING"
            and self.tokens[self.pos + 1][0] != "STRING"
            and self.tokens[self.pos + 1][0] != "FSTRING_START"
        ):
            # Decoded before the next token is read, as CPython does (a tokenizer error
            # there wins over a bad escape).
            value, kind = self.string_value(first)
            self.advance()
            return N.Constant(value, kind, first[2], first[3], first[4], first[5])
        # Parts: ('lit', value, start_tok, end_tok) or an f-string's values.
        parts: list[Any] = []
        is_bytes = None
        mixed = False
        has_fstring = False
        kind_u = None
        while self.kind in ("STRING", "FSTRING_START"):
            tok = self.tok
            if tok[0] == "STRING":
                value, k = self.string_value(tok)
                self.advance()
                b = isinstance(value, bytes)
                if kind_u is None:
                    kind_u = k or ""
                if is_bytes is None:
                    is_bytes = b
                elif is_bytes != b:
                    mixed = True
                parts.append(["lit", value, tok[2], tok[3], tok[4], tok[5]])
            else:
                if is_bytes:
                    mixed = True
                if kind_u is None:
                    kind_u = ""
                is_bytes = False
                has_fstring = True
                parts.extend(self.fstring())
        if mixed:
            # CPython notices at the token after the last literal.
            raise self.error_tok("cannot mix bytes and nonbytes literals", self.tok)
        end = self.last_end()
        if is_bytes:
            value = b"".join(p[1] for p in parts)
            return N.Constant(value, None, first[2], first[3], *end)
        if not has_fstring:
            value = "".join(p[1] for p in parts)
            return N.Constant(value, kind_u or None, first[2], first[3], *end)
        values = merge_literals(parts)
        return N.JoinedStr(values, first[2], first[3], *end)

    def string_value(self, tok: Token) -> tuple[str | bytes, str | None]:
        text = tok[1]
        prefix, _quote, body = split_prefix(text)
        low = prefix.lower()
        try:
            if "b" in low:
                if not body.isascii():
                    raise self.literal_error(
                        "bytes can only contain ASCII literal characters", tok, tok
                    )
                if "r" in low:
                    return body.encode("ascii"), None
                warn: list[str] = []
                value = decode_bytes(body, warn)
                if warn:
                    self.warn(warn, tok, tok)
                return value, None
            kind = "u" if low == "u" else None
            if "r" in low:
                return body, kind
            warn = []
            svalue = decode_str(body, warn)
            if warn:
                self.warn(warn, tok, tok)
            return svalue, kind
        except EscapeError as exc:
            raise self.literal_error(str(exc), tok, tok) from None

    def fstring(self) -> list[Any]:
        """fstring: FSTRING_START fstring_middle* FSTRING_END -> literal parts and values"""
        start = self.advance()
        parts: list[Any] = []
        literals: list[tuple[list[Any], Token]] = []
        while True:
            kind = self.kind
            if kind == "FSTRING_MIDDLE":
                tok = self.advance()
                part = ["lit", "", tok[2], tok[3], tok[4], tok[5]]
                parts.append(part)
                literals.append((part, tok))
            elif kind == "{":
                parts.extend(self.replacement_field(start))
            elif kind == "FSTRING_END":
                end = self.tok
                # CPython decodes the literal text once the f-string is complete, before it
                # reads the next token, and reports bad escapes at the closing quote.
                warn: list[str] = []
                for part, tok in literals:
                    part[1] = self.fstring_literal(tok, start, warn, end)
                if warn:
                    self.warn(warn, end, start)
                self.advance()
                return parts
            else:
                raise self.error_here()

    def fstring_literal(
        self, tok: Token, start: Token, warn: list[str] | None, at: Token
    ) -> str:
        """The value of one FSTRING_MIDDLE of the f-string opened by ``start``; errors are
        reported at token ``at``.  Unknown escapes go to ``warn``, or are reported at once
        for a format spec's text (``warn`` None)."""
        text: str = tok[1]
        if warn is not None:
            text = text.replace("{{", "{").replace("}}", "}")
        if "r" in start[1].lower():
            return text
        tail = ""
        if text.endswith("\\") and (len(text) - len(text.rstrip("\\"))) % 2:
            text, tail = text[:-1], "\\"  # before a field's brace: stays literal
        try:
            found: list[str] = []
            value = decode_str(text, found) + tail
        except EscapeError as exc:
            raise self.literal_error(str(exc), at, start) from None
        if found:
            # The tokenizer already warned about a backslash before a brace.
            found = [m for m in found if m[-3:] not in ("\\{'", "\\}'")]
        if found:
            if warn is None:
                self.warn(found, tok, start)
            else:
                warn.extend(found)
        return value

    def warn(self, messages: list[str], tok: Token, first: Token) -> None:
        """SyntaxWarnings for unknown escapes in a literal; a warning the filter makes an
        error becomes a SyntaxError at ``tok`` (see literal_error)."""
        if self.quiet:
            return
        message = warn_escapes(messages, self.filename, tok[2])
        if message is not None:
            raise self.literal_error(message, tok, first)

    def literal_error(self, msg: str, tok: Token, first: Token) -> SyntaxError:
        """An error found decoding a literal, at ``tok``.  Its text is what CPython's
        tokenizer held then: the lines from ``first`` (the literal's, or its f-string's,
        first token) to ``tok``, or only the first line of ``tok`` when ``tok`` spans
        lines."""
        lineno, end_lineno = tok[2], tok[4]
        offset = char_offset(self.lines[lineno - 1], tok[3])
        if lineno != end_lineno:
            text = self.lines[lineno - 1]
            # CPython measures the end on the line it shows, up to one past its end.
            end_offset = min(tok[5], len(text.encode("utf-8", "surrogatepass"))) + 1
            end_offset = char_offset(text, end_offset - 1)
        else:
            text = "\n".join(self.lines[first[2] - 1 : lineno])
            if lineno < len(self.lines):
                text += "\n"
            end_offset = char_offset(self.lines[end_lineno - 1], tok[5])
        return make_error(
            msg, self.filename, lineno, offset, end_lineno, end_offset, text
        )

    def replacement_field(self, fstring_start: Token) -> list[Any]:
        """'{' (yield_expr | star_expressions) ['='] ['!' NAME] [':' fstring_format_spec*] '}'

        The errors are CPython's for a field that does not parse (its second pass tries
        them in this order): nothing before '=', '!', ':' or '}'; no expression at all
        after '{'; an expression followed by something else than '=', '!', ':', '}'; then
        the same after '=', after the conversion and after the format spec.
        """
        open_tok = self.advance()
        first = self.pos
        kind = self.kind
        if kind in ("}", "=", "!", ":"):
            raise self.error_tok(
                f"f-string: valid expression required before '{kind}'", self.tok
            )
        value: N.expr | None
        failure = None
        try:
            value = self.yield_expr() if kind == "yield" else self.star_expressions()
        except SyntaxError as exc:
            if not self.is_generic(exc):
                raise
            failure = exc
            # CPython's expression rule matched the longest part that is an expression;
            # the error is about the token after it.
            end = self.longest_prefix(
                first, self.yield_expr if kind == "yield" else self.star_expressions
            )
            if end is None:
                raise self.error_tok(
                    "f-string: expecting a valid expression after '{'",
                    self.tokens[first],
                ) from None
            self.furthest = max(self.furthest, self.pos)  # read by the failed parse
            self.pos = end
            self.tok = self.tokens[end]
            self.kind = self.tok[0]
            value = None
        if self.kind not in ("=", "!", ":", "}"):
            raise self.error_tok(
                "f-string: expecting '=', or '!', or ':', or '}'", self.tok
            )
        parts: list[Any] = []
        conversion = -1
        if self.kind == "=":
            eq_index = self.pos
            self.advance()
            nxt = self.tok
            text = self.source_between(open_tok[4], open_tok[5], nxt[2], nxt[3])
            if "#" in text:
                text = self.strip_comments(text, open_tok, eq_index)
            parts.append(["lit", text, open_tok[4], open_tok[5], nxt[2], nxt[3]])
            conversion = 114
            if self.kind not in ("!", ":", "}"):
                raise self.error_tok(
                    "f-string: expecting '!', or ':', or '}'", self.tok
                )
        name: Token | None = None
        if self.kind == "!":
            bang = self.advance()
            name = self.tok
            if name[0] in ("}", ":"):
                raise self.error_tok("f-string: missing conversion character", name)
            if name[0] != "NAME":
                raise self.error_tok("f-string: invalid conversion character", name)
            if (name[2], name[3]) != (bang[4], bang[5]):
                raise self.error_at(
                    "f-string: conversion type must come right after the "
                    "exclamanation mark",  # sic: CPython 3.12's spelling
                    bang[2],
                    bang[3],
                    name[4],
                    name[5],
                )
            self.advance()
            conversion = CONVERSIONS.get(name[1], 0)
            if self.kind not in (":", "}"):
                raise self.error_tok("f-string: expecting ':' or '}'", self.tok)
        format_spec = None
        if self.kind == ":":
            colon = self.advance()
            if conversion == 114 and parts and self.tokens[self.pos - 2][0] == "=":
                conversion = -1
            spec_parts: list[Any] = []
            while self.kind != "}":
                kind = self.kind
                if kind == "FSTRING_MIDDLE":
                    tok = self.advance()
                    if not tok[1] and self.tokens[self.pos - 2] is colon:
                        continue  # the empty spec of f'{x:}' (CPython drops it too)
                    spec_parts.append(
                        [
                            "lit",
                            self.fstring_literal(tok, fstring_start, None, tok),
                            tok[2],
                            tok[3],
                            tok[4],
                            tok[5],
                        ]
                    )
                elif kind == "{":
                    spec_parts.extend(self.replacement_field(fstring_start))
                elif kind == "FSTRING_END":
                    raise self.error_tok(
                        "f-string: expecting '}', or format specs", self.tok
                    )
                else:
                    raise self.error_here()
            values = merge_literals(spec_parts, keep_empty=True)
            end_pos = self.last_end() if spec_parts else (colon[4], colon[5])
            format_spec = N.JoinedStr(values, colon[2], colon[3], *end_pos)
        if self.kind != "}":
            raise self.error_tok("f-string: expecting '}'", self.tok)
        if value is None:
            assert failure is not None
            raise failure
        close = self.advance()
        if name is not None and conversion == 0:
            # Checked once the field is complete, as CPython's action for it does.
            raise self.error_tok(
                f"f-string: invalid conversion character '{name[1]}': "
                "expected 's', 'r', or 'a'",
                name,
            )
        parts.append(
            N.FormattedValue(
                value,
                conversion,
                format_spec,
                open_tok[2],
                open_tok[3],
                close[4],
                close[5],
            )
        )
        return parts

    def is_generic(self, exc: SyntaxError) -> bool:
        """Whether ``exc`` is the parser's plain "invalid syntax" (not a tokenizer error)."""
        return exc.msg == "invalid syntax" and not self.is_token_error(exc)

    def is_token_error(self, exc: SyntaxError) -> bool:
        """Whether ``exc`` is the tokenizer's error (held by the final ERRORTOKEN)."""
        last = self.tokens[-1]
        return last[0] == "ERRORTOKEN" and last[1] is exc

    def longest_prefix(self, first: int, parse: Callable[[], object]) -> int | None:
        """Where the longest run of tokens from ``first`` that ``parse`` accepts ends.

        Error path only: after ``parse`` failed, CPython's PEG rule would still have
        matched the longest part that parses.  Candidate ends (bracket-balanced positions
        up to the furthest token read) are tried from the last, each by parsing again
        with a '}' in place of the token there.  The parser's position and furthest token
        are restored; string warnings are not repeated.
        """
        tokens = self.tokens
        hi = min(max(self.pos, self.furthest), len(tokens) - 1)
        candidates = []
        depth = 0
        for k in range(first, hi + 1):
            kind = tokens[k][0]
            if depth == 0 and k > first:
                candidates.append(k)
            if kind in ("(", "[", "{"):
                depth += 1
            elif kind in (")", "]", "}"):
                depth -= 1
                if depth < 0:
                    break
            elif kind in ("NEWLINE", "ENDMARKER", "ERRORTOKEN"):
                break
        saved = (self.pos, self.furthest, self.bad_target, self.with_committed)
        found = None
        self.quiet += 1
        try:
            for k in reversed(candidates[-_MAX_PREFIX_TRIES:]):
                real = tokens[k]
                tokens[k] = ("}", "}", *real[2:6])
                try:
                    self.reset(first)
                    parse()
                    if self.pos == k:
                        found = k
                except SyntaxError:
                    pass
                finally:
                    tokens[k] = real
                if found is not None:
                    break
        finally:
            self.quiet -= 1
            self.pos, self.furthest, self.bad_target, self.with_committed = saved
            self.tok = tokens[self.pos]
            self.kind = self.tok[0]
        return found

    def strip_comments(self, text: str, open_tok: Token, eq_index: int) -> str:
        """Debug text of f'{expr=}' without the comments of a multi-line expression."""
        last_end: dict[int, int] = {}
        for tok in self.tokens[self.tokens.index(open_tok) : eq_index + 1]:
            last_end[tok[4]] = max(last_end.get(tok[4], 0), tok[5])
        lines = text.split("\n")
        first_line = open_tok[2]
        for i, line in enumerate(lines[:-1]):
            lineno = first_line + i
            full = self.lines[lineno - 1]
            prefix = len(full) - len(line)  # the part of the line before the region
            end = last_end.get(lineno, 0)
            cut = full.find("#", max(end, prefix))
            if cut >= 0:
                lines[i] = full[prefix:cut]
        return "\n".join(lines)

    def source_between(self, l1: int, c1: int, l2: int, c2: int) -> str:
        """Source text between two token positions (byte columns)."""
        lines = self.lines
        if l1 == l2:
            line = lines[l1 - 1].encode("utf-8", "surrogatepass")
            return line[c1:c2].decode("utf-8", "surrogatepass")
        first = (
            lines[l1 - 1]
            .encode("utf-8", "surrogatepass")[c1:]
            .decode("utf-8", "surrogatepass")
        )
        middle = lines[l1 : l2 - 1]
        last = (
            lines[l2 - 1]
            .encode("utf-8", "surrogatepass")[:c2]
            .decode("utf-8", "surrogatepass")
        )
        return "\n".join([first, *middle, last])


# How many candidate ends Parser.expression_prefix tries before it gives up (a bound on
# the error path's cost for huge replacement fields).
_MAX_PREFIX_TRIES = 64


class _Backtrack(Exception):
    """Internal: a speculative parse did not fit; the caller rewinds."""


def merge_literals(parts: list[Any], keep_empty: bool = False) -> list[N.expr]:
    """Join adjacent literal parts into one Constant spanning them, as CPython does."""
    values: list[N.expr] = []
    pending = None
    for part in parts:
        if isinstance(part, list):
            if pending is None:
                pending = part[:]
            else:
                pending[1] += part[1]
                pending[4], pending[5] = part[4], part[5]
            continue
        if pending is not None:
            if pending[1] or keep_empty:
                values.append(N.Constant(pending[1], None, *pending[2:6]))
            pending = None
        values.append(part)
    if pending is not None and (pending[1] or keep_empty):
        values.append(N.Constant(pending[1], None, *pending[2:6]))
    return values


# Expressions at CPython's bitwise_or level: what "Maybe you meant '=='" rules apply to.
_NOT_BITWISE_OR = (
    N.Compare,
    N.BoolOp,
    N.IfExp,
    N.Lambda,
    N.NamedExpr,
    N.Starred,
    N.Yield,
    N.YieldFrom,
)


def maybe_meant_equals(
    target: N.expr, value: N.expr, parenthesized: bool = False
) -> bool:
    """Whether ``target = value`` reads as a mistyped comparison (invalid_named_expression)."""
    if type(target) in (N.List, N.Tuple, N.GeneratorExp):
        return False
    if isinstance(target, _NOT_BITWISE_OR) and not parenthesized:
        return False
    if type(target) is N.UnaryOp and type(target.op) is N.Not:
        return False
    if (
        type(target) is N.Constant
        and target.value in (True, False, None)
        and type(target.value) in (bool, type(None))
    ):
        return False
    return not isinstance(value, (N.Yield, N.YieldFrom, N.Lambda, N.Starred)) and not (
        type(value) is N.UnaryOp and type(value.op) is N.Not
    )


def number_value(text: str) -> int | float | complex:
    """The value of a NUMBER token (already checked by the tokenizer)."""
    last = text[-1]
    if last == "j" or last == "J":
        return complex(0.0, float(text[:-1]))
    if text[:2].lower() in ("0x", "0o", "0b"):
        return int(text, 0)
    if "." in text or "e" in text or "E" in text:
        return float(text)
    if len(text) > 4000:
        return _big_int(text.replace("_", ""))
    return int(text)


def _big_int(digits: str) -> int:
    """int() of a long decimal string, beyond the host's str-to-int digit limit."""
    if len(digits) <= 4000:
        return int(digits)
    half = len(digits) // 2
    scale: int = 10**half
    return _big_int(digits[:-half]) * scale + _big_int(digits[-half:])


_DESCRIBE = {
    N.Call: "function call",
    N.Compare: "comparison",
    N.BoolOp: "expression",
    N.BinOp: "expression",
    N.UnaryOp: "expression",
    N.Lambda: "lambda",
    N.IfExp: "conditional expression",
    N.NamedExpr: "named expression",
    N.Await: "await expression",
    N.Yield: "yield expression",
    N.YieldFrom: "yield expression",
    N.GeneratorExp: "generator expression",
    N.ListComp: "list comprehension",
    N.SetComp: "set comprehension",
    N.DictComp: "dict comprehension",
    N.Dict: "dict literal",
    N.Set: "set display",
    N.JoinedStr: "f-string expression",
    N.FormattedValue: "f-string expression",
    N.Attribute: "attribute",
    N.Subscript: "subscript",
    N.Starred: "starred",
    N.Name: "name",
    N.List: "list",
    N.Tuple: "tuple",
}


def describe(node: N.expr) -> str:
    """CPython's word for an expression in "cannot assign to ..." messages."""
    if isinstance(node, N.Constant):
        value = node.value
        if value is None or value is True or value is False:
            return str(value)
        if value is ...:
            return "ellipsis"
        return "literal"
    return _DESCRIBE.get(type(node), "expression")


COMPOUND = {
    "if": Parser.if_stmt,
    "while": Parser.while_stmt,
    "for": Parser.for_stmt,
    "with": Parser.with_stmt,
    "try": Parser.try_stmt,
    "def": Parser.funcdef,
    "class": Parser.classdef,
    "@": Parser.decorated,
    "async": Parser.async_stmt,
}
SIMPLE = {
    "return": Parser.return_stmt,
    "pass": Parser.pass_stmt,
    "break": Parser.break_stmt,
    "continue": Parser.continue_stmt,
    "raise": Parser.raise_stmt,
    "global": Parser.global_stmt,
    "nonlocal": Parser.nonlocal_stmt,
    "del": Parser.del_stmt,
    "assert": Parser.assert_stmt,
    "import": Parser.import_stmt,
    "from": Parser.from_stmt,
}
