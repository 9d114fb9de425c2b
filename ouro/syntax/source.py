"""Source text: decoding bytes (BOM, coding cookie, UTF-8 default) and SyntaxError helpers.

Takes what the user handed to ``parse`` (str or bytes) and gives the tokenizer one ``str`` with
``\\n`` line ends.  Also the one place that turns a token position (1-based line, 0-based UTF-8
byte column) into the 1-based character offset that ``SyntaxError.offset`` holds.
"""

from __future__ import annotations

import codecs
import re

_COOKIE = re.compile(rb"^[ \t\f]*#.*?coding[:=][ \t]*([-\w.]+)", re.ASCII)
_BLANK_OR_COMMENT = re.compile(rb"^[ \t\f]*(?:[#\r\n]|$)", re.ASCII)
_NEWLINES = re.compile(r"\r\n?")


def normalize_encoding_name(name: str) -> str:
    """The name the tokenizer reports: 'utf-8' and 'iso-8859-1' families folded like CPython."""
    low = name[:12].lower().replace("_", "-")
    if low == "utf-8" or low.startswith("utf-8-"):
        return "utf-8"
    for prefix in ("latin-1", "iso-8859-1", "iso-latin-1"):
        if low == prefix or low.startswith(prefix + "-"):
            return "iso-8859-1"
    return name


def _first_lines(data: bytes) -> list[bytes]:
    lines = data.split(b"\n", 2)
    return lines[:2]


def decode_source(data: bytes, filename: str) -> str:
    """Decode source bytes as the tokenizer would: BOM, then a cookie on line 1 or 2, else UTF-8."""
    bom = data.startswith(codecs.BOM_UTF8)
    if bom:
        data = data[3:]
    encoding = None
    for line in _first_lines(data):
        m = _COOKIE.match(line)
        if m:
            encoding = m.group(1).decode("ascii")
            break
        if not _BLANK_OR_COMMENT.match(line):
            break
    if encoding is not None:
        encoding = normalize_encoding_name(encoding)
        if bom and encoding != "utf-8":
            raise _cookie_error(f"encoding problem: {encoding} with BOM", filename)
    else:
        encoding = "utf-8"
    if encoding != "utf-8":
        # Decoded up front, as CPython does for a declared encoding: a failure has no line.
        try:
            return data.decode(encoding)
        except (LookupError, UnicodeError) as exc:
            raise _cookie_error(str(exc), filename) from None
    # Known deviation: CPython decodes UTF-8 source lazily, so bad bytes in a comment pass
    # and bad bytes elsewhere are reported at their token; here the first one fails at once.
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        lineno = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        text = data[start : end + 1 if end >= 0 else len(data)].decode(
            "utf-8", "replace"
        )
        msg = f"(unicode error) {exc}"
        raise make_error(msg, filename, lineno, 1, lineno, -1, text) from None


def _null_bytes_error() -> SyntaxError:
    # CPython raises this before it knows a file name or any position.
    return make_error(
        "source code string cannot contain null bytes",
        None,
        None,
        None,
        None,
        None,
        None,
    )


def _cookie_error(msg: str, filename: str) -> SyntaxError:
    """An error about the declared encoding: CPython gives it line 0 and offset -1."""
    return make_error(msg, filename, 0, -1, None, None, None)


def to_text(source: str | bytes, filename: str) -> str:
    """The source as one str with '\\n' line ends (cookies are ignored for str input)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if b"\0" in data:
            raise _null_bytes_error()
        text = decode_source(data, filename)
    elif isinstance(source, str):
        text = source
        if "\0" in text:
            raise _null_bytes_error()
    else:
        raise TypeError(
            f"compile() arg 1 must be a string, bytes or AST object, not {type(source).__name__}"  # host-ok: text, not a call
        )
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return text


def make_error(
    msg: str,
    filename: str | None,
    lineno: int | None,
    offset: int | None,
    end_lineno: int | None,
    end_offset: int | None,
    text: str | None,
    cls: type[SyntaxError] = SyntaxError,
) -> SyntaxError:
    """A SyntaxError (or subclass) with every location field set, as CPython fills them."""
    exc = cls(msg, (filename, lineno, offset, text, end_lineno, end_offset))
    return exc


def char_offset(line: str, byte_col: int) -> int:
    """1-based character offset of a 0-based UTF-8 byte column in ``line``."""
    if line.isascii() or byte_col < 0:
        return byte_col + 1
    data = line.encode("utf-8", "surrogatepass")
    if byte_col > len(data):
        # Past the end (a NEWLINE token's end): the missing newline counts as one byte.
        return len(line) + 1 + byte_col - len(data)
    return len(data[:byte_col].decode("utf-8", "replace")) + 1


def byte_col(line: str, char_col: int) -> int:
    """0-based UTF-8 byte column of a 0-based character column in ``line``."""
    if line.isascii():
        return char_col
    return len(line[:char_col].encode("utf-8", "surrogatepass"))
