"""Mutations of Python source, for fuzzing the front end with almost-valid programs.

A mutation is plain data, `(kind, position, choice)` with two non-negative ints, so a fuzzer
(hypothesis in tests/syntax/test_fuzz.py, or any other) draws it, shrinks it towards zero and
prints it. `mutate(source, mutations)` applies them in order to source bytes and returns bytes.

Token-level mutations work on the text split into pieces (`split_pieces`): whitespace runs,
comments, names and numbers, string quotes with their prefixes, operators, and any other single
character, so that `"".join(pieces) == text` always. Undecodable bytes survive the round trip
(surrogateescape). Byte-level mutations work on the raw bytes.
"""

from __future__ import annotations

import keyword
import re
from collections.abc import Iterable
from pathlib import Path

SEEDS_DIR = Path(__file__).with_name("seeds")

KEYWORDS = list(keyword.kwlist)  # the same list on 3.11, 3.12 and 3.13
SOFT_KEYWORDS = ["match", "case", "type", "_"]
_OPERATOR_TEXT = r"""
!= % %= & &= * ** **= *= + += , - -= -> . ... / // //= /= : := ; < << <<= <= = == > >= >> >>=
@ @= ^ ^= | |= ~ ! \
"""
OPERATORS = _OPERATOR_TEXT.split()
BRACKETS = list("()[]{}")
QUOTES = ["'", '"', "'''", '"""', "f'", 'f"', 'f"""', "rb'", 'b"', "rf'", "u'"]
LAYOUT = [
    "\n",
    " ",
    "    ",
    "\t",
    "\\\n",
    "\r\n",
    "\r",
    "\x0c",
    "#",
    "# comment\n",
    ":\n    ",
]
ATOMS = [
    "x",
    "1",
    "0x",
    "1e",
    "1_",
    "1.5j",
    "...",
    "'s'",
    "{x}",
    "{",
    "}",
    "!r",
    "=",
    "\\N{",
    "é",
]

# Everything a mutation may insert.
TOKEN_DICTIONARY: tuple[str, ...] = tuple(
    KEYWORDS + SOFT_KEYWORDS + OPERATORS + BRACKETS + QUOTES + LAYOUT + ATOMS
)

_PIECE = re.compile(
    r"""
      [ \t\f]+ | \r\n | [\r\n]              # blanks; each newline is its own piece
    | \#[^\r\n]*                            # comment
    | (?:[rRbBuUfF]{1,2})?(?:'''|\"\"\"|'|\")  # a quote with its prefix
    | \w+                                   # name, keyword or number
    | \*\*=|//=|>>=|<<=|\.\.\.|->|:=|[-+*/%&|^@<>=!]=|\*\*|//|<<|>>  # longer operators
    | .                                     # any other single character
    """,
    re.VERBOSE | re.DOTALL,
)

# The kinds of mutation, in the order hypothesis shrinks towards (first = simplest).
KINDS = (
    "delete_token",
    "insert_token",
    "swap_tokens",
    "duplicate_line",
    "truncate",
    "insert_byte",
    "replace_byte",
)

Mutation = tuple[str, int, int]


def split_pieces(text: str) -> list[str]:
    """Split `text` into pieces that join back to it exactly."""
    return _PIECE.findall(text)


def is_blank(piece: str) -> bool:
    return piece.isspace()


def mutate(source: bytes, mutations: Iterable[Mutation]) -> bytes:
    for mutation in mutations:
        source = apply(source, mutation)
    return source


def apply(source: bytes, mutation: Mutation) -> bytes:
    """Apply one mutation; positions are taken modulo the size, so every mutation applies."""
    kind, position, choice = mutation
    if kind in _BYTE_MUTATIONS:
        return _BYTE_MUTATIONS[kind](source, position, choice)
    text = source.decode("utf-8", "surrogateescape")
    text = _TEXT_MUTATIONS[kind](text, position, choice)
    return text.encode("utf-8", "surrogateescape")


# --- token level ---


def delete_token(text: str, position: int, choice: int) -> str:
    pieces = split_pieces(text)
    if pieces:
        del pieces[position % len(pieces)]
    return "".join(pieces)


def insert_token(text: str, position: int, choice: int) -> str:
    pieces = split_pieces(text)
    pieces.insert(
        position % (len(pieces) + 1), TOKEN_DICTIONARY[choice % len(TOKEN_DICTIONARY)]
    )
    return "".join(pieces)


def swap_tokens(text: str, position: int, choice: int) -> str:
    """Swap two neighbouring non-blank pieces (the blanks between them stay)."""
    pieces = split_pieces(text)
    solid = [i for i, p in enumerate(pieces) if not is_blank(p)]
    if len(solid) >= 2:
        k = position % (len(solid) - 1)
        i, j = solid[k], solid[k + 1]
        pieces[i], pieces[j] = pieces[j], pieces[i]
    return "".join(pieces)


def duplicate_line(text: str, position: int, choice: int) -> str:
    lines = text.splitlines(keepends=True)
    if lines:
        i = position % len(lines)
        line = lines[i] if lines[i].endswith(("\n", "\r")) else lines[i] + "\n"
        lines.insert(i, line)
    return "".join(lines)


# --- byte level ---


def truncate(data: bytes, position: int, choice: int) -> bytes:
    return data[: position % (len(data) + 1)]


def insert_byte(data: bytes, position: int, choice: int) -> bytes:
    i = position % (len(data) + 1)
    return data[:i] + bytes([choice % 256]) + data[i:]


def replace_byte(data: bytes, position: int, choice: int) -> bytes:
    if not data:
        return data
    i = position % len(data)
    return data[:i] + bytes([choice % 256]) + data[i + 1 :]


_TEXT_MUTATIONS = {
    "delete_token": delete_token,
    "insert_token": insert_token,
    "swap_tokens": swap_tokens,
    "duplicate_line": duplicate_line,
}
_BYTE_MUTATIONS = {
    "truncate": truncate,
    "insert_byte": insert_byte,
    "replace_byte": replace_byte,
}
assert set(KINDS) == set(_TEXT_MUTATIONS) | set(_BYTE_MUTATIONS)


# --- seeds ---


def snippet_seeds() -> dict[str, bytes]:
    """The hand-written seeds in tests/fuzz/seeds/, valid Python 3.12, by file name."""
    return {p.name: p.read_bytes() for p in sorted(SEEDS_DIR.glob("*.py"))}


def cut_into_chunks(source: bytes, min_lines: int = 40) -> list[bytes]:
    """Cut a module at top-level statements into chunks of at least `min_lines` lines."""
    chunks: list[bytes] = []
    current: list[bytes] = []
    for line in source.splitlines(keepends=True):
        starts_statement = line[:1].isalpha() or line[:1] in (b"@", b"_")
        if starts_statement and len(current) >= min_lines:
            chunks.append(b"".join(current))
            current = []
        current.append(line)
    if current:
        chunks.append(b"".join(current))
    return chunks
