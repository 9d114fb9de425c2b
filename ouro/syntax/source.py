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
    cookie_line = 0
    for index, line in enumerate(_first_lines(data)):
        m = _COOKIE.match(line)
        if m:
            encoding = m.group(1).decode("ascii")
            cookie_line = index + 1
            break
        if not _BLANK_OR_COMMENT.match(line):
            break
    if encoding is not None:
        norm = normalize_encoding_name(encoding)
        try:
            codecs.lookup(norm)
        except LookupError:
            raise make_error(
                f"unknown encoding: {encoding}", filename, cookie_line, 0, None, None, None
            ) from None
        if bom and norm != "utf-8":
            raise make_error(
                f"encoding problem: {encoding} with BOM", filename, cookie_line, 0, None, None, None
            )
        encoding = norm
    else:
        encoding = "utf-8"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as exc:
        lineno = data.count(b"\n", 0, exc.start) + 1
        start = data.rfind(b"\n", 0, exc.start) + 1
        end = data.find(b"\n", exc.start)
        text = data[start : end + 1 if end >= 0 else len(data)].decode(encoding, "replace")
        if encoding == "utf-8":
            msg = f"(unicode error) {exc}"
        else:
            msg = f"(unicode error) {exc}"
        raise make_error(msg, filename, lineno, 1, lineno, -1, text) from None


def to_text(source: str | bytes, filename: str) -> str:
    """The source as one str with '\\n' line ends (cookies are ignored for str input)."""
    if isinstance(source, (bytes, bytearray, memoryview)):
        data = bytes(source)
        if b"\0" in data:
            raise make_error(
                "source code string cannot contain null bytes", filename, None, None, None, None, None
            )
        text = decode_source(data, filename)
    elif isinstance(source, str):
        text = source
        if "\0" in text:
            raise make_error(
                "source code string cannot contain null bytes", filename, None, None, None, None, None
            )
    else:
        raise TypeError(
            f"compile() arg 1 must be a string, bytes or AST object, not {type(source).__name__}"
        )
    if "\r" in text:
        text = _NEWLINES.sub("\n", text)
    return text


def make_error(
    msg: str,
    filename: str,
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
    if line.isascii():
        return byte_col + 1
    data = line.encode("utf-8", "surrogatepass")
    return len(data[:byte_col].decode("utf-8", "replace")) + 1


def byte_col(line: str, char_col: int) -> int:
    """0-based UTF-8 byte column of a 0-based character column in ``line``."""
    if line.isascii():
        return char_col
    return len(line[:char_col].encode("utf-8", "surrogatepass"))
