"""String literals: token text -> value, with Python's escape rules and its error messages.

Takes the text of one STRING token (prefix, quotes and body as written) or one FSTRING_MIDDLE
piece, and gives the ``str`` or ``bytes`` it denotes.  Escapes are decoded here, by Ouro, never
by evaluating the literal on the host.  An escape Python does not know stays as written and
earns a SyntaxWarning; a malformed one raises SyntaxError with CPython's "(unicode error)" text.
"""

from __future__ import annotations

import re
import unicodedata
import warnings

_SIMPLE = {
    "\n": "",
    "\\": "\\",
    "'": "'",
    '"': '"',
    "a": "\a",
    "b": "\b",
    "f": "\f",
    "n": "\n",
    "r": "\r",
    "t": "\t",
    "v": "\v",
}
_ESCAPE = re.compile(r"\\(.?)", re.DOTALL)
_HEX = re.compile(r"[0-9a-fA-F]*")
_OCTAL = re.compile(r"[0-7]{1,3}")


class EscapeError(Exception):
    """A malformed escape: ``message`` is CPython's text for it."""


def split_prefix(token: str) -> tuple[str, str, str]:
    """(prefix, quote, body) of a string token's text."""
    i = 0
    while token[i] not in "'\"":
        i += 1
    prefix = token[:i]
    q = token[i]
    quote = q * 3 if token.startswith(q * 3, i) and len(token) - i >= 6 else q
    return prefix, quote, token[i + len(quote) : len(token) - len(quote)]


def decode_str(body: str, warn: list[str] | None = None) -> str:
    """The value of a non-raw str body; invalid escapes are appended to ``warn``."""
    if "\\" not in body:
        return body
    out: list[str] = []
    pos = 0
    n = len(body)
    while True:
        i = body.find("\\", pos)
        if i < 0:
            out.append(body[pos:])
            break
        out.append(body[pos:i])
        c = body[i + 1 : i + 2]
        simple = _SIMPLE.get(c)
        if simple is not None:
            out.append(simple)
            pos = i + 2
            continue
        if c in "01234567" and c:
            m = _OCTAL.match(body, i + 1)
            assert m is not None
            digits = m.group()
            value = int(digits, 8)
            if value > 0o377 and warn is not None:
                warn.append(f"invalid octal escape sequence '\\{digits}'")
            out.append(chr(value))
            pos = m.end()
            continue
        if c in ("x", "u", "U"):
            width = {"x": 2, "u": 4, "U": 8}[c]
            digits = body[i + 2 : i + 2 + width]
            if len(digits) < width or not _HEX.fullmatch(digits):
                kind = {"x": "\\xXX", "u": "\\uXXXX", "U": "\\UXXXXXXXX"}[c]
                good = _HEX.match(body, i + 2, min(n, i + 2 + width))
                end = good.end() if good else i + 2
                raise EscapeError(
                    f"(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    f"{_upos(body, i)}-{_upos(body, end) - 1}: truncated {kind} escape"
                )
            value = int(digits, 16)
            if value > 0x10FFFF:
                raise EscapeError(
                    f"(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    f"{_upos(body, i)}-{_upos(body, i + 2 + width) - 1}: illegal Unicode character"
                )
            out.append(chr(value))
            pos = i + 2 + width
            continue
        if c == "N":
            # The codec reports a malformed escape up to where its reading stopped: the
            # character after \N if it is no '{', else the '}' or the end of the body.
            if body[i + 2 : i + 3] != "{":
                close = stop = i + 2
            else:
                close = body.find("}", i + 3)
                stop = close if close >= 0 else n
            if close <= i + 3:
                raise EscapeError(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    f"{_upos(body, i)}-{_upos(body, stop) - 1}: malformed \\N character escape"
                )
            name = body[i + 3 : close]
            try:
                out.append(unicodedata.lookup(name))
            except KeyError:
                raise EscapeError(
                    "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                    f"{_upos(body, i)}-{_upos(body, close)}: unknown Unicode character name"
                ) from None
            pos = close + 1
            continue
        if not c:
            raise EscapeError(
                "(unicode error) 'unicodeescape' codec can't decode bytes in position "
                f"{_upos(body, i)}-{_upos(body, i)}: \\ at end of string"
            )
        if warn is not None:
            warn.append(f"invalid escape sequence '\\{c}'")
        out.append("\\" + c)
        pos = i + 2
    return "".join(out)


def _upos(body: str, i: int) -> int:
    """Position CPython's codec reports for index ``i`` of ``body``: before decoding escapes
    it spells each non-ASCII character as a 10-byte \\UXXXXXXXX escape, and a backslash
    before one as the 6-byte \\u005c."""
    if body.isascii():
        return i
    pos = k = 0
    while k < i:
        ch = body[k]
        if ch == "\\":
            k += 1
            pos += 6 if body[k : k + 1] > "\x7f" else 1
            if k >= i:
                break
            ch = body[k]  # the escaped character, never a backslash starting an escape
        pos += 10 if ch > "\x7f" else 1
        k += 1
    return pos


def decode_bytes(body: str, warn: list[str] | None = None) -> bytes:
    """The value of a non-raw bytes body (ASCII only, checked by the caller)."""
    if "\\" not in body:
        return body.encode("ascii")
    out = bytearray()
    pos = 0
    while True:
        i = body.find("\\", pos)
        if i < 0:
            out += body[pos:].encode("ascii")
            break
        out += body[pos:i].encode("ascii")
        c = body[i + 1 : i + 2]
        simple = _SIMPLE.get(c)
        if simple is not None:
            out += simple.encode("ascii")
            pos = i + 2
            continue
        if c and c in "01234567":
            m = _OCTAL.match(body, i + 1)
            assert m is not None
            value = int(m.group(), 8)
            if value > 0o377:
                if warn is not None:
                    warn.append(f"invalid octal escape sequence '\\{m.group()}'")
                value &= 0xFF
            out.append(value)
            pos = m.end()
            continue
        if c == "x":
            digits = body[i + 2 : i + 4]
            if len(digits) < 2 or not _HEX.fullmatch(digits):
                raise EscapeError(f"(value error) invalid \\x escape at position {i}")
            out.append(int(digits, 16))
            pos = i + 4
            continue
        if not c:
            raise EscapeError("(value error) Trailing \\ in string")
        if warn is not None:
            warn.append(f"invalid escape sequence '\\{c}'")
        out += ("\\" + c).encode("ascii")
        pos = i + 2
    return bytes(out)


def warn_escapes(messages: list[str], filename: str, lineno: int) -> str | None:
    """Issue the SyntaxWarnings CPython gives for escapes it does not know.

    If the warnings filter turns one into an exception, return its message: CPython then
    raises a SyntaxError with that message at the literal, which the caller does.
    """
    for message in messages:
        try:
            warnings.warn_explicit(message, SyntaxWarning, filename, lineno)
        except SyntaxWarning:
            return message
    return None
