"""Token kinds shared by the tokenizer and the parser.

A token is a plain tuple ``(kind, string, lineno, col, end_lineno, end_col)``:

* ``kind`` is one of the kind names below for names, numbers, strings and layout tokens, and
  the token's own text for operators and hard keywords (``"("``, ``"+="``, ``"if"``), so the
  parser compares one string to decide what it holds;
* ``col`` and ``end_col`` are 0-based UTF-8 *byte* offsets, as the AST wants them;
  ``SyntaxError`` offsets (1-based characters) are converted from them on demand.  One
  exception: an INDENT sits where CPython reports "unexpected indent", col one before the
  end of the indentation and end_col -2 (CPython's end offset -1).

An ``ERRORTOKEN`` carries a ready ``SyntaxError`` in its ``string`` slot: the tokenizer stops at
the first error, and the parser raises it only if it gets that far without an error of its own,
which gives CPython's order of errors (the tokenizer there runs lazily, one token ahead).
Its ``col`` and ``end_col`` slots hold how many f-strings were open at the error: an error
inside an f-string never displaces an earlier parser error (CPython keeps the parser's).
"""

from __future__ import annotations

# The tuple's slots, for readers; the hot paths index with literal numbers.
KIND, STRING, LINENO, COL, END_LINENO, END_COL = range(6)

NAME = "NAME"
NUMBER = "NUMBER"
STRING_ = "STRING"
NEWLINE = "NEWLINE"
INDENT = "INDENT"
DEDENT = "DEDENT"
ENDMARKER = "ENDMARKER"
FSTRING_START = "FSTRING_START"
FSTRING_MIDDLE = "FSTRING_MIDDLE"
FSTRING_END = "FSTRING_END"
ERRORTOKEN = "ERRORTOKEN"

# Hard keywords become their own kind; soft keywords (match, case, type, _) stay NAMEs.
KEYWORDS = frozenset(
    (
        "False", "None", "True", "and", "as", "assert", "async", "await", "break",
        "class", "continue", "def", "del", "elif", "else", "except", "finally", "for",
        "from", "global", "if", "import", "in", "is", "lambda", "nonlocal", "not", "or",
        "pass", "raise", "return", "try", "while", "with", "yield",
    )
)  # fmt: skip
SOFT_KEYWORDS = frozenset(("match", "case", "type", "_"))
