"""The tokenizer: one str of source -> a list of token tuples (see ``tokens``).

Invariants:
* the list always ends with ENDMARKER, or with an ERRORTOKEN that holds the first error;
* NEWLINE, INDENT and DEDENT follow Python's layout rules: no NEWLINE inside brackets, blank and
  comment-only lines are invisible, tabs advance to the next multiple of 8 and must agree with
  a tab size of 1 (else TabError), a form feed resets the column;
* f-strings (PEP 701) come as FSTRING_START, FSTRING_MIDDLE (the literal text exactly as in the
  source, ``{{`` and escapes undecoded), ordinary tokens for each replacement field between its
  ``{`` and ``}``, and FSTRING_END.  A field's ``:`` at the field's own bracket depth starts the
  format spec, which is literal text again until its ``}``.

The scanner is a loop over one master regular expression; which group matched decides the
token, so each token costs one ``match`` call and a few comparisons.
"""

from __future__ import annotations

import re
import unicodedata
import warnings
from collections.abc import Callable
from typing import Any

from .source import char_offset, make_error
from .tokens import KEYWORDS

# Groups of the master pattern, in order of preference.
_STR, _NAME, _NUM, _OP, _COMMENT, _NL, _CONT, _OTHER = range(1, 9)

# '<>' is one token, as in CPython (it is only ever an error, reported at both characters).
_TOKEN = re.compile(
    r"""[ \t\f]*(?:
      ((?:[rR][bBfF]?|[bBfF][rR]?|[uU])?(?:'''|\"\"\"|'|\"))
    | ((?:[^\W\d]|[^\x00-\x7f])(?:\w|[^\x00-\x7f])*)
    | ( 0[xX](?:_?[0-9a-fA-F])+
      | 0[bB](?:_?[01])+
      | 0[oO](?:_?[0-7])+
      | (?:(?:[0-9](?:_?[0-9])*)?\.[0-9](?:_?[0-9])*|[0-9](?:_?[0-9])*\.?)
        (?:[eE][-+]?[0-9](?:_?[0-9])*)?[jJ]?
      )
    | ( \*\*=|//=|>>=|<<=|\.\.\.|->|:=|!=|<>|%=|&=|\*\*|\*=|\+=|-=|//|/=|<<|<=|==|>=|>>|@=|\^=|\|=
      | [-!%&()*+,./:;<=>@\[\]^{|}~]
      )
    | (\#[^\n]*)
    | (\n)
    | (\\\n)
    | (.|$)
    )""",
    re.VERBOSE | re.DOTALL,
)
_INDENT = re.compile(r"[ \t\f]*")
# A backslash that escapes nothing but a brace (an odd run of backslashes before it).
_BRACE_ESCAPE = re.compile(r"(?<!\\)(?:\\\\)*\\[{}]")
# The patterns matched in the loop cannot fail (each has an always-matching branch).
_Matcher = Callable[[str, int], "re.Match[str]"]
Token = tuple[Any, ...]  # see tokens.py

# Rest of a plain (non-f) string after its opening quote, by quote.
_STRING_REST = {
    "'": re.compile(r"[^\n'\\]*(?:\\.[^\n'\\]*)*'", re.DOTALL),
    '"': re.compile(r'[^\n"\\]*(?:\\.[^\n"\\]*)*"', re.DOTALL),
    "'''": re.compile(r"[^'\\]*(?:(?:\\.|'(?!''))[^'\\]*)*'''", re.DOTALL),
    '"""': re.compile(r'[^"\\]*(?:(?:\\.|"(?!""))[^"\\]*)*"""', re.DOTALL),
}


def _literal_pattern(quote: str, raw: bool) -> re.Pattern[str]:
    """Literal text of an f-string: stops before a lone brace, the closing quote or a bad newline."""
    q = re.escape(quote[0])
    if len(quote) == 3:
        plain = rf"[^{{}}\\{q}]|{q}(?!{q}{q})"
        name = rf"[^}}{q}]|{q}(?!{q}{q})"
    else:
        plain = rf"[^{{}}\\{q}\n]"
        name = rf"[^}}{q}\n]"
    # A backslash never escapes a brace: it stays literal text and the brace opens a field.
    # '\N{' starts a character name, up to its '}' or the closing quote (then the name is
    # malformed, which the parser reports when it decodes the text).
    escape = r"\\[^{}]|\\" if raw else rf"\\N\{{(?:{name})*\}}?|\\[^{{}}]|\\"
    return re.compile(rf"(?:{plain}|\{{\{{|\}}\}}|{escape})*", re.DOTALL)


_LITERAL = {
    (q, raw): _literal_pattern(q, raw) for q in _STRING_REST for raw in (False, True)
}
_SPEC_LITERAL = {
    (q, raw): re.compile(
        _LITERAL[(q, raw)].pattern.replace(r"|\{\{|\}\}", ""), re.DOTALL
    )
    for q in _STRING_REST
    for raw in (False, True)
}

# A number followed by one of these (or with a leading zero) is rescanned by _NumberScan.
_NUMBER_FOLLOW = frozenset(
    "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_"
)
MAX_PARENS = 200
MAX_INDENT = 100
MAX_FIELD_NESTING = 3  # open replacement fields in one f-string
MAX_FSTRINGS = 150  # f-strings open at once


class _FString:
    """One open f-string: its quote, rawness, where it began, and whether we are in a spec."""

    __slots__ = ("col", "fields", "lineno", "quote", "raw")

    def __init__(self, quote: str, raw: bool, lineno: int, col: int) -> None:
        self.quote = quote
        self.raw = raw
        self.lineno = lineno
        self.col = col
        # One entry per open replacement field: [bracket depth of its '{', in_spec].
        self.fields: list[list[int]] = []


class Tokenizer:
    """Turns the text of one source into tokens; ``tokenize()`` does the work once."""

    def __init__(
        self, text: str, filename: str = "<unknown>", bare_end: bool = False
    ) -> None:
        # The parser adds the missing last newline itself in the modes where CPython does.
        self.missing_newline = bool(text) and not text.endswith("\n")
        # The source had no final newline and CPython's tokenizer adds none (a string
        # compiled in 'eval' or 'single' mode): a backslash there is followed by nothing.
        self.bare_end = bare_end
        if self.missing_newline:
            text += "\n"
        self.text = text
        self.filename = filename
        self.lines = text.split("\n")
        self.tokens: list[Token] = []
        self.fstrings: list[_FString] = []  # the open f-strings, innermost last

    # --- errors -------------------------------------------------------------------------

    def line_text(self, lineno: int) -> str:
        if 1 <= lineno <= len(self.lines):
            return self.lines[lineno - 1]
        return ""

    def error(
        self,
        msg: str,
        lineno: int,
        col: int,
        end_lineno: int | None = None,
        end_col: int | None = None,
        cls: type[SyntaxError] = SyntaxError,
        newline: bool = False,
    ) -> SyntaxError:
        """An error at character columns (0-based) of line ``lineno``."""
        text = self.line_text(lineno)
        if newline:
            text += "\n"
        offset = col + 1
        end_offset = end_col + 1 if end_col is not None else offset
        return make_error(
            msg,
            self.filename,
            lineno,
            offset,
            end_lineno if end_lineno is not None else lineno,
            end_offset,
            text,
            cls,
        )

    # --- the scanner ----------------------------------------------------------------------

    def tokenize(self) -> list[Token]:
        try:
            self._scan()
        except SyntaxError as exc:
            # The column slots say how many f-strings were open (see tokens.py).
            line = exc.lineno or 0
            depth = len(self.fstrings)
            self.tokens.append(("ERRORTOKEN", exc, line, depth, line, depth))
        return self.tokens

    def _scan(self) -> None:  # the one long loop, a list of short cases
        text = self.text
        append = self.tokens.append
        token_match: _Matcher = _TOKEN.match  # type: ignore[assignment]
        indent_match: _Matcher = _INDENT.match  # type: ignore[assignment]
        keywords = KEYWORDS
        all_ascii = text.isascii()

        pos = 0
        lineno = 1
        line_start = 0
        line_ascii = all_ascii or text[: text.find("\n")].isascii()
        indents = [0]
        alt_indents = [0]
        parens: list[tuple[str, int, int]] = []  # (bracket, lineno, char col)
        fstrings: list[_FString] = self.fstrings
        at_line_start = True
        # Whether the current logical line has produced a token (for the EOF NEWLINE).
        pending_line = False
        n = len(text)

        def bcol(p: int) -> int:
            if line_ascii:
                return p - line_start
            return len(text[line_start:p].encode("utf-8", "surrogatepass"))

        while True:
            # --- indentation, at the start of each logical line ---
            if at_line_start:
                at_line_start = False
                m = indent_match(text, pos)
                end = m.end()
                c = text[end : end + 1]
                indent = text[pos:end]
                content_line = lineno  # where the line's first token is
                if c == "\\" and text[end + 1 : end + 2] == "\n":
                    # Indentation is not split by a backslash: the whitespace before the
                    # first one sets the level (all of it when there is none), and a line
                    # with nothing after its continuations is blank (CPython).
                    j = end
                    while text.startswith("\\\n", j):
                        k = indent_match(text, j + 2).end()
                        if not indent:
                            indent += text[j + 2 : k]
                        j = k
                    after = text[j : j + 1]
                    content_line = lineno + text.count("\n", pos, j)
                    if not after:
                        line = self.line_text(content_line - 1)
                        if self.bare_end:
                            raise self.error(
                                "unexpected character after line continuation "
                                "character",
                                content_line - 1,
                                len(line) - 1,
                                end_col=-1,
                            )
                        raise self.error(
                            "unexpected EOF while parsing",
                            content_line - 1,
                            len(line),
                            end_col=-2,
                            newline=True,
                        )
                    if after == "\n" or after == "#":
                        lineno += text.count("\n", pos, j) + 1
                        pos = text.find("\n", j) + 1
                        line_start = pos
                        if not all_ascii:
                            line_ascii = text[pos : text.find("\n", pos)].isascii()
                        at_line_start = True
                        continue
                if c == "#" or c == "\n" or c == "\\" or not c:
                    if c == "\\" and text[end + 1 : end + 2] == "\n":
                        pass  # the continuation joins the next line, read as tokens
                    elif c == "\\":
                        # A stray backslash is found before the indentation is weighed.
                        self._bad_character(text, end, lineno, line_start, fstrings)
                    else:
                        # Blank or comment-only line: invisible to the layout.
                        if not c:
                            break
                        nl = text.find("\n", end)
                        pos = nl + 1
                        lineno += 1
                        line_start = pos
                        if not all_ascii:
                            line_ascii = text[pos : text.find("\n", pos)].isascii()
                        at_line_start = True
                        continue
                col = alt = 0
                for ch in indent:
                    if ch == " ":
                        col += 1
                        alt += 1
                    elif ch == "\t":
                        col = (col // 8 + 1) * 8
                        alt += 1
                    else:  # form feed
                        col = alt = 0
                if col == indents[-1]:
                    if alt != alt_indents[-1]:
                        raise self._tab_error(lineno)
                elif col > indents[-1]:
                    if len(indents) >= MAX_INDENT:
                        raise self._layout_error(
                            "too many levels of indentation", lineno, IndentationError
                        )
                    if alt <= alt_indents[-1]:
                        raise self._tab_error(lineno)
                    indents.append(col)
                    alt_indents.append(alt)
                    # Placed where CPython reports "unexpected indent" (see tokens.py).
                    append(("INDENT", text[pos:end], lineno, bcol(end) - 1, lineno, -2))
                else:
                    if col not in indents:
                        # Checked before any DEDENT goes out, as CPython does.
                        ln = self.line_text(content_line)
                        raise self.error(
                            "unindent does not match any outer indentation level",
                            content_line,
                            len(ln),
                            end_col=-2,
                            cls=IndentationError,
                            newline=True,
                        )
                    while col < indents[-1]:
                        indents.pop()
                        alt_indents.pop()
                        append(("DEDENT", "", lineno, bcol(end), lineno, bcol(end)))
                    if alt != alt_indents[-1]:
                        raise self._tab_error(lineno)
                pos = end

            # --- literal text of an f-string or of a format spec ---
            if fstrings:
                fs = fstrings[-1]
                fields = fs.fields
                if not fields or fields[-1][1]:
                    in_spec = bool(fields)
                    table = _SPEC_LITERAL if in_spec else _LITERAL
                    m = table[(fs.quote, fs.raw)].match(text, pos)  # type: ignore[assignment]
                    end = m.end()
                    if end > pos:
                        piece = text[pos:end]
                        if not fs.raw and "\\" in piece:
                            self._brace_escapes(pos, end, lineno, line_start)
                        sl, sc = lineno, bcol(pos)
                        newlines = piece.count("\n")
                        if newlines:
                            lineno += newlines
                            line_start = pos + piece.rfind("\n") + 1
                            if not all_ascii:
                                line_ascii = text[
                                    line_start : text.find("\n", line_start)
                                ].isascii()
                        append(("FSTRING_MIDDLE", piece, sl, sc, lineno, bcol(end)))
                        pos = end
                    elif (
                        in_spec
                        and text[pos : pos + 1] == "}"
                        and self.tokens[-1][0] in ("}", ":")
                    ):
                        # CPython records the empty text between a nested field and the
                        # spec's closing brace (f'{x:{w}}' has a '' after {w}), and the
                        # empty spec of f'{x:}'; the parser drops the latter.
                        col = bcol(pos)
                        append(("FSTRING_MIDDLE", "", lineno, col, lineno, col))
                    c = text[pos : pos + 1]
                    if c == "{":
                        if len(fields) >= MAX_FIELD_NESTING:
                            raise self.error(
                                "f-string: expressions nested too deeply",
                                lineno,
                                pos - line_start - 1,
                            )
                        if len(parens) >= MAX_PARENS:
                            raise self.error(
                                "too many nested parentheses", lineno, pos - line_start
                            )
                        parens.append(("{", lineno, pos - line_start))
                        fields.append([len(parens), 0])
                        append(("{", "{", lineno, bcol(pos), lineno, bcol(pos) + 1))
                        pos += 1
                        continue
                    if c == "}":
                        if not in_spec:
                            raise self.error(
                                "f-string: single '}' is not allowed",
                                lineno,
                                pos - line_start,
                            )
                        fields.pop()
                        parens.pop()
                        append(("}", "}", lineno, bcol(pos), lineno, bcol(pos) + 1))
                        pos += 1
                        continue
                    if text.startswith(fs.quote, pos):
                        # Also in a spec: the f-string ends there and its field's '{' stays
                        # open; the parser then finds the FSTRING_END where it wants a '}'.
                        end = pos + len(fs.quote)
                        append(
                            (
                                "FSTRING_END",
                                fs.quote,
                                lineno,
                                bcol(pos),
                                lineno,
                                bcol(end),
                            )
                        )
                        fstrings.pop()
                        pos = end
                        continue
                    if c == "\n" and in_spec:
                        # A single-quoted spec ends at the line's end; the field goes on as
                        # an expression, as inside any bracket.
                        fields[-1][1] = 0
                    else:
                        raise self._fstring_unterminated(fs, lineno if c else -1)

            # --- one token ---
            m = token_match(text, pos)
            group: int = m.lastindex  # type: ignore[assignment]
            start = m.start(group)
            pos = m.end()
            if group == _NAME:
                name = m.group(group)
                if not name.isascii():
                    name = self._check_identifier(name, lineno, start - line_start)
                kind = name if name in keywords else "NAME"
                append((kind, name, lineno, bcol(start), lineno, bcol(pos)))
                pending_line = True
            elif group == _OP:
                op = m.group(group)
                pending_line = True
                if op == ":=" and fstrings:
                    fields = fstrings[-1].fields
                    if fields and fields[-1][0] == len(parens):
                        op = ":"  # f'{x:=10}': the spec '=10', not a walrus
                        pos -= 1
                if op in "([{":
                    if len(parens) >= MAX_PARENS:
                        raise self.error(
                            "too many nested parentheses", lineno, start - line_start
                        )
                    parens.append((op, lineno, start - line_start))
                elif op in ")]}":
                    if not parens:
                        raise self.error(
                            f"unmatched '{op}'", lineno, start - line_start
                        )
                    opener, oline, _ = parens[-1]
                    if (
                        fstrings
                        and fstrings[-1].fields
                        and fstrings[-1].fields[-1][0] == len(parens)
                    ):
                        # The '}' closing a replacement field (or a stray closer inside it).
                        if op != "}":
                            raise self.error(
                                f"f-string: unmatched '{op}'",
                                lineno,
                                start - line_start,
                            )
                        fstrings[-1].fields.pop()
                    elif opener + op not in ("()", "[]", "{}"):
                        if oline != lineno:
                            msg = (
                                f"closing parenthesis '{op}' does not match opening "
                                f"parenthesis '{opener}' on line {oline}"
                            )
                        else:
                            msg = (
                                f"closing parenthesis '{op}' does not match opening "
                                f"parenthesis '{opener}'"
                            )
                        raise self.error(msg, lineno, start - line_start)
                    parens.pop()
                elif op == ":" and fstrings:
                    fields = fstrings[-1].fields
                    if fields and fields[-1][0] == len(parens):
                        fields[-1][1] = 1
                append((op, op, lineno, bcol(start), lineno, bcol(pos)))
            elif group == _NL:
                if parens or not pending_line:
                    if fstrings and not parens:
                        pass
                    lineno += 1
                    line_start = pos
                    if not all_ascii:
                        line_ascii = text[pos : text.find("\n", pos)].isascii()
                    if not parens:
                        at_line_start = True
                    continue
                append(("NEWLINE", "\n", lineno, bcol(start), lineno, bcol(start) + 1))
                pending_line = False
                lineno += 1
                line_start = pos
                if not all_ascii:
                    line_ascii = text[pos : text.find("\n", pos)].isascii()
                at_line_start = True
            elif group == _NUM:
                if text[pos] in _NUMBER_FOLLOW or (
                    start + 1 < pos and text[start] == "0"
                ):
                    self._check_number(start, lineno, line_start)
                append(
                    ("NUMBER", m.group(group), lineno, bcol(start), lineno, bcol(pos))
                )
                pending_line = True
            elif group == _STR:
                quote_start = m.group(group)
                prefix = quote_start.rstrip("'\"")
                quote = quote_start[len(prefix) :]
                pending_line = True
                if "f" in prefix or "F" in prefix:
                    if len(fstrings) + 1 >= MAX_FSTRINGS:
                        raise self.error(
                            "too many nested f-strings", lineno, pos - line_start - 1
                        )
                    fstrings.append(
                        _FString(
                            quote,
                            "r" in prefix or "R" in prefix,
                            lineno,
                            start - line_start,
                        )
                    )
                    append(
                        (
                            "FSTRING_START",
                            quote_start,
                            lineno,
                            bcol(start),
                            lineno,
                            bcol(pos),
                        )
                    )
                    continue
                r = _STRING_REST[quote].match(text, pos)
                if r is None:
                    raise self._unterminated(
                        quote, lineno, start - line_start, fstrings
                    )
                end = r.end()
                body = text[start:end]
                sl, sc = lineno, bcol(start)
                newlines = body.count("\n")
                if newlines:
                    lineno += newlines
                    line_start = start + body.rfind("\n") + 1
                    if not all_ascii:
                        line_ascii = text[
                            line_start : text.find("\n", line_start)
                        ].isascii()
                pos = end
                append(("STRING", body, sl, sc, lineno, bcol(end)))
            elif group == _COMMENT:
                continue
            elif group == _CONT:
                lineno += 1
                line_start = pos
                if not all_ascii:
                    line_ascii = text[pos : text.find("\n", pos)].isascii()
                if pos >= n:
                    line = self.line_text(lineno - 1)
                    if self.bare_end:
                        raise self.error(
                            "unexpected character after line continuation character",
                            lineno - 1,
                            len(line) - 1,
                            end_col=-1,
                        )
                    if parens:
                        raise self._never_closed(*parens[-1])
                    raise self.error(
                        "unexpected EOF while parsing",
                        lineno - 1,
                        len(line),
                        end_col=-2,
                        newline=True,
                    )
            else:
                if pos >= n or start >= n:
                    break
                ch = text[start]
                if ch.isascii() and ch.isprintable() and ch != "\\":
                    # '$', '?', '`': an operator token no rule accepts, as in CPython,
                    # whose tokenizer goes on after it (a later error there still wins).
                    append((ch, ch, lineno, bcol(start), lineno, bcol(pos)))
                    pending_line = True
                    continue
                self._bad_character(text, start, lineno, line_start, fstrings)

        # --- end of input ---
        if parens:
            # Also inside an f-string's replacement field: the field's '{' is on the stack.
            raise self._never_closed(*parens[-1])
        if pending_line:
            last = self.lines[lineno - 1] if lineno - 1 < len(self.lines) else ""
            append(
                (
                    "NEWLINE",
                    "",
                    lineno,
                    len(last.encode()),
                    lineno,
                    len(last.encode()) + 1,
                )
            )
        eof_line = lineno
        for _ in indents[1:]:
            append(("DEDENT", "", eof_line, 0, eof_line, 0))
        append(("ENDMARKER", "", eof_line, 0, eof_line, 0))

    # --- helpers for the rarer cases ------------------------------------------------------

    def _never_closed(self, opener: str, lineno: int, col: int) -> SyntaxError:
        # Raised by CPython's parser, not its tokenizer: the text keeps its newline when the
        # bracket is on the last line, the one the tokenizer's buffer still holds.
        last = len(self.lines) - 1
        return self.error(
            f"'{opener}' was never closed",
            lineno,
            col,
            end_col=-1,
            newline=lineno >= last and not self.missing_newline,
        )

    def _tab_error(self, lineno: int) -> SyntaxError:
        return self._layout_error(
            "inconsistent use of tabs and spaces in indentation", lineno, TabError
        )

    def _layout_error(
        self, msg: str, lineno: int, cls: type[SyntaxError]
    ) -> SyntaxError:
        # CPython's parser raises these for its tokenizer's state codes, at the start of
        # the line, showing the line with its newline.
        return self.error(msg, lineno, 0, end_col=-1, cls=cls, newline=True)

    def _check_identifier(self, name: str, lineno: int, col: int) -> str:
        if name.isidentifier():
            return unicodedata.normalize("NFKC", name)
        # The first character that may not stand where it is: a start character first, then
        # continuation characters (checked on the raw text, before NFKC).
        bad = 0
        if name[0].isidentifier():
            bad = 1
            while ("a" + name[bad]).isidentifier():
                bad += 1
        raise self._invalid_char(name[bad], lineno, col + bad)

    def _invalid_char(self, ch: str, lineno: int, col: int) -> SyntaxError:
        if ch.isprintable():
            msg = f"invalid character '{ch}' (U+{ord(ch):04X})"
        else:
            msg = f"invalid non-printable character U+{ord(ch):04X}"
        return self.error(msg, lineno, col)

    def _bad_character(
        self,
        text: str,
        start: int,
        lineno: int,
        line_start: int,
        fstrings: list[_FString],
    ) -> None:
        ch = text[start]
        col = start - line_start
        if ch == "\\":
            raise self.error(
                "unexpected character after line continuation character",
                lineno,
                col + 1,
                end_col=-1,
                newline=True,
            )
        raise self._invalid_char(ch, lineno, col)

    def _brace_escapes(self, pos: int, end: int, lineno: int, line_start: int) -> None:
        """Warn about a backslash before a brace in f-string text, as CPython's tokenizer
        does ("invalid escape sequence '\\{'"); the backslash stays literal.  A warning
        the filter turns into an exception is a SyntaxError at the brace."""
        text = self.text
        for m in _BRACE_ESCAPE.finditer(text, pos, end + 1):
            brace = m.end() - 1
            msg = f"invalid escape sequence '\\{text[brace]}'"
            line = lineno + text.count("\n", pos, brace)
            start = text.rfind("\n", 0, brace) + 1 if line != lineno else line_start
            try:
                warnings.warn_explicit(msg, SyntaxWarning, self.filename, line)
            except SyntaxWarning:
                raise self.error(msg, line, brace - start) from None

    def _check_number(self, start: int, lineno: int, line_start: int) -> None:
        """Raise CPython's error for the number at ``start``, if it has one, or issue its
        SyntaxWarning for a keyword glued to it (``1if x else y``).  A warning the
        filter turns into an exception is a SyntaxError there, as in CPython."""
        scan = _NumberScan(self.text, start)
        found = scan.error()
        if found is None and scan.warning is not None:
            msg, col = scan.warning
            try:
                warnings.warn_explicit(msg, SyntaxWarning, self.filename, lineno)
            except SyntaxWarning:
                found = (msg, col, col)
        if found is not None:
            msg, col, end_col = found
            raise self.error(
                msg, lineno, col - line_start, end_col=end_col - line_start
            )

    def _unterminated(
        self, quote: str, lineno: int, col: int, fstrings: list[_FString]
    ) -> SyntaxError:
        if fstrings and fstrings[-1].quote == quote:
            # Inside a field, the enclosing f-string's own quote: its '}' is what is missing.
            return self.error("f-string: expecting '}'", lineno, col)
        if len(quote) == 3:
            last = self.text.count("\n")
            return self.error(
                f"unterminated triple-quoted string literal (detected at line {last})",
                lineno,
                col,
            )
        return self.error(
            f"unterminated string literal (detected at line {lineno})", lineno, col
        )

    def _fstring_unterminated(self, fs: _FString, lineno: int) -> SyntaxError:
        """Literal text of ``fs`` ran into the end of its line (single quotes) or of input
        (``lineno`` -1: then the last line is where it was detected)."""
        if lineno < 0:
            lineno = self.text.count("\n")
        if len(fs.quote) == 3:
            return self.error(
                f"unterminated triple-quoted f-string literal (detected at line {lineno})",
                fs.lineno,
                fs.col,
            )
        return self.error(
            f"unterminated f-string literal (detected at line {lineno})",
            fs.lineno,
            fs.col,
        )


class _NumberScan:
    """The error path for numbers: rescans one number character by character, as CPython's
    tokenizer reads it, to find its message and where its reading stopped.

    ``cur`` is the index after the last character read; an error is reported there (offset
    ``cur - line start``) unless it names a range.  ``error()`` returns ``(msg, col, end_col)``
    as 0-based indices into the text, or None for a good number (a keyword glued to it, as
    in ``1if x else y``, is only a SyntaxWarning in CPython).
    """

    DIGITS = frozenset("0123456789")
    HEX = frozenset("0123456789abcdefABCDEF")

    def __init__(self, text: str, start: int) -> None:
        self.text = text
        self.start = start
        self.cur = start
        # (msg, col) of the SyntaxWarning for a glued keyword, set by verify_end.
        self.warning: tuple[str, int] | None = None

    def nextc(self) -> str:
        c = self.text[self.cur : self.cur + 1]
        if c:
            self.cur += 1
        return c

    def backup(self, c: str) -> None:
        if c:
            self.cur -= 1

    def error(self) -> tuple[str, int, int] | None:
        try:
            self.number()
        except _NumberError as exc:
            found: tuple[str, int, int] = exc.args[0]
            return found
        return None

    def fail(self, msg: str) -> None:
        raise _NumberError((msg, self.cur - 1, self.cur - 1))

    def number(self) -> None:
        c = self.nextc()
        if c != "0":
            c = self.decimal_tail()
            if c == ".":
                c = self.fraction(self.nextc())
            self.exponent_and_suffix(c)
            return
        c = self.nextc()
        if c in ("x", "X"):
            self.radix_digits(self.HEX, "hexadecimal")
        elif c in ("o", "O"):
            self.radix_digits(frozenset("01234567"), "octal")
        elif c in ("b", "B"):
            self.radix_digits(frozenset("01"), "binary")
        else:
            self.zero_prefixed(c)

    def radix_digits(self, digits: frozenset[str], kind: str) -> None:
        c = self.nextc()
        while True:
            if c == "_":
                c = self.nextc()
            if c not in digits:
                if kind != "hexadecimal" and c in self.DIGITS:
                    self.fail(f"invalid digit '{c}' in {kind} literal")
                self.backup(c)
                self.fail(f"invalid {kind} literal")
            c = self.nextc()
            while c in digits:
                c = self.nextc()
            if c != "_":
                break
        if kind != "hexadecimal" and c in self.DIGITS:
            self.fail(f"invalid digit '{c}' in {kind} literal")
        self.verify_end(c, kind)

    def zero_prefixed(self, c: str) -> None:
        """After a leading '0': more zeros, or a float, or the old octal form (an error)."""
        while True:
            if c == "_":
                c = self.nextc()
                if c not in self.DIGITS:
                    self.backup(c)
                    self.fail("invalid decimal literal")
            if c != "0":
                break
            c = self.nextc()
        zeros_end = self.cur
        nonzero = c in self.DIGITS
        if nonzero:
            c = self.decimal_tail()
        if c == ".":
            self.exponent_and_suffix(self.fraction(self.nextc()))
        elif c in ("e", "E", "j", "J"):
            self.exponent_and_suffix(c)
        elif nonzero:
            msg = (
                "leading zeros in decimal integer literals are not permitted; "
                "use an 0o prefix for octal integers"
            )
            raise _NumberError((msg, self.start, zeros_end - 1))
        else:
            self.verify_end(c, "decimal")

    def decimal_tail(self) -> str:
        """Digits with single underscores between them; the first character after them."""
        while True:
            c = self.nextc()
            while c in self.DIGITS:
                c = self.nextc()
            if c != "_":
                return c
            c = self.nextc()
            if c not in self.DIGITS:
                self.backup(c)
                self.fail("invalid decimal literal")

    def fraction(self, c: str) -> str:
        if c in self.DIGITS:
            c = self.decimal_tail()
        return c

    def exponent_and_suffix(self, c: str) -> None:
        if c in ("e", "E"):
            e = c
            c = self.nextc()
            if c in ("+", "-"):
                c = self.nextc()
                if c not in self.DIGITS:
                    self.backup(c)
                    self.fail("invalid decimal literal")
            elif c not in self.DIGITS:
                self.backup(c)  # '1else': the 'e' was not an exponent after all
                self.verify_end(e, "decimal")
                return
            c = self.decimal_tail()
        if c in ("j", "J"):
            self.verify_end(self.nextc(), "imaginary")
        else:
            self.verify_end(c, "decimal")

    def verify_end(self, c: str, kind: str) -> None:
        """A letter glued to a number is an error, unless it starts a keyword that may
        follow a number in valid code (then CPython only warns)."""
        tail = _GLUED_KEYWORD_TAILS.get(c)
        if tail is not None:
            text, cur = self.text, self.cur
            glued = False
            if c == "i":  # 'if', 'in', 'is': CPython looks at one more character only
                glued = text[cur : cur + 1] in ("f", "n", "s")
            elif text.startswith(tail, cur):
                after = text[cur + len(tail) : cur + len(tail) + 1]
                glued = not (after and (after in _NUMBER_FOLLOW or not after.isascii()))
            if glued:
                # Reported where an error would be: just before the keyword.
                self.warning = (f"invalid {kind} literal", cur - 2)
                return
        if c in _NUMBER_FOLLOW:
            self.backup(c)
            self.fail(f"invalid {kind} literal")


# Keywords that may follow a number in valid code, by first letter: the rest of each.
_GLUED_KEYWORD_TAILS = {"a": "nd", "e": "lse", "f": "or", "i": "", "o": "r", "n": "ot"}


class _NumberError(Exception):
    """Carries ``(msg, col, end_col)`` out of a _NumberScan."""


def tokenize(
    text: str, filename: str = "<unknown>", bare_end: bool = False
) -> list[Token]:
    """Tokens of ``text`` (already decoded, '\\n' line ends); see the module docstring.
    ``bare_end``: see Tokenizer."""
    return Tokenizer(text, filename, bare_end).tokenize()


def offset_of(lines: list[str], lineno: int, col: int) -> int:
    """SyntaxError offset (1-based characters) of a token position."""
    if 1 <= lineno <= len(lines):
        return char_offset(lines[lineno - 1], col)
    return col + 1
