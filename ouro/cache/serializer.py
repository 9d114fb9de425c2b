"""Ouro's serializer: a ``Code`` object (and its constants) <-> bytes, the body of a .pyc.

``dumps(code)`` writes a code object tree; ``loads(data)`` reads one back and checks every
byte of it on the way, so damaged data never reaches the VM: anything wrong raises
``BadBytecode`` (a ``ValueError``), never an IndexError, struct.error, RecursionError or
MemoryError, and never hangs (every declared length is capped by the bytes left).
Invariants: ``dumps(loads(dumps(c))) == dumps(c)``, and output is deterministic (frozensets are
written in a canonical order, not in hash order), so the same source gives the same bytes in
every process. docs/cache.md describes the format for readers; this is the field diagram::

    body    := VERSION:u8  strings  object(code)            -- and nothing after it
    strings := count:varint  separator:varint  size:varint  utf8-with-surrogates[size]
               (the strings joined by chr(separator), a character none of them contains:
               decoded and split with one C call each)
    object  := tag:u8 payload
      'N' None   '.' Ellipsis   'T' True   'F' False
      'i' int  zigzag:varint                    (-2**63 <= value < 2**63)
      'I' int  len:varint  two's-complement little-endian[len]
      'g' float  IEEE-754 binary64 LE[8]        (bits kept: -0.0, nan signs and payloads)
      'y' complex  real[8] imag[8]
      's' str  index:varint into the string table
      'b' bytes  len:varint  raw[len]
      '(' tuple  count:varint  object*count
      '{' frozenset  count:varint  object*count   (sorted by each item's canonical bytes)
      ':' slice  object(start) object(stop) object(step)
      'c' code  head+names:uarray  bodysize:u32  body
          body (bodysize bytes): co_code:uarray  positions:uarray  exceptiontable:uarray
                object*nconsts
          head (15 ints): argcount posonlyargcount kwonlyargcount flags ntemps
                zigzag(firstlineno) name qualname filename (string indices)
                len(names) len(varnames) len(cellvars) len(freevars) nconsts
                doc (1 + the string index of co_consts[0] if it is a str, else 0: a
                function's __doc__, known before the body is read)
          names (after the head, in the same array): string indices of co_names,
                co_varnames, co_cellvars, co_freevars in turn
          co_code: op, a, b, c of each instruction
          positions: runs of equal positions: repeat, lineno+1, end_lineno+1, col+1,
                end_col+1 (0 stands for None)
          exceptiontable: start, end, handler, register of each entry
    varint  := unsigned LEB128, at most 10 bytes      zigzag(v) := (v << 1) ^ (v >> 63)
    uarray  := count:varint  [width:u8 in 1 2 4 8  count unsigned LE ints of that width]

Code objects are read an array at a time (one ``struct`` call each), the string table with one
``decode`` and one ``split``, which is why they are arrays and joined text rather than a varint
per field or a length per string: loading is most of a warm start.
``loads(data, lazy=True)`` (what .pyc files use, whose checksum has vouched for every byte)
reads the module's own code at once but only the head of each nested code object, skipping
its body by ``bodysize``: the body is read, and checked as thoroughly, when the code object is
first run or looked into (``Code.deferred``).  Most functions of an imported module are never
called in a given run, and reading them was most of the load time.
Changing this format means bumping ``VERSION`` (an old body then reads as BadBytecode, which a
.pyc reader treats as a cache miss).  The opcode numbers and operand kinds a loaded code object
is checked against come from ``ouro.bytecode.opcodes``.
"""

from __future__ import annotations

import struct
from collections.abc import Callable, Sequence
from itertools import chain, repeat
from typing import Final, TypeVar

from ouro.bytecode.code import (
    CO_VARARGS,
    CO_VARKEYWORDS,
    HEADER_FIELDS,
    Code,
    Handler,
    Instruction,
    Position,
)
from ouro.cache import verify

__all__ = ["MAX_DEPTH", "VERSION", "BadBytecode", "dumps", "loads"]

VERSION: Final = 3
# Nesting of tuples, frozensets, slices and code objects. CPython's parser stops far below
# (200 nested brackets, 100 indentation levels); the bound only rejects absurd data.
MAX_DEPTH: Final = 2000


class BadBytecode(ValueError):
    """Serialized code that is damaged, truncated, or not Ouro's (or not this version's)."""


# --- writing ---------------------------------------------------------------------------------

_DOUBLE = struct.Struct("<d")
_COMPLEX = struct.Struct("<dd")
_WIDTH_CODE = {1: "B", 2: "H", 4: "I", 8: "Q"}
_SMALL_INT = 1 << 63


class _Writer:
    """Appends objects to ``out``; strings go to a table (``inline`` for sort keys only)."""

    def __init__(self, inline: bool = False) -> None:
        self.out = bytearray()
        self.strings: dict[str, int] = {}
        self.inline = inline
        self.body_start = 0  # of the code object written last

    def varint(self, value: int) -> None:
        out = self.out
        while value >= 0x80:
            out.append((value & 0x7F) | 0x80)
            value >>= 7
        out.append(value)

    def string(self, value: str) -> None:
        if self.inline:
            data = value.encode("utf-8", "surrogatepass")
            self.varint(len(data))
            self.out += data
        else:
            self.varint(self.index(value))

    def index(self, text: object) -> int:
        if type(text) is not str:
            raise ValueError(f"a code object's name is not a str: {text!r}")
        index = self.strings.get(text)
        if index is None:
            index = self.strings[text] = len(self.strings)
        return index

    def uarray(self, values: Sequence[int]) -> None:
        self.varint(len(values))
        if not values:
            return
        low, high = min(values), max(values)
        if low < 0 or high >= 1 << 64:
            raise ValueError(f"cannot serialize the operand or position {low, high}")
        width = (
            1 if high < 1 << 8 else 2 if high < 1 << 16 else 4 if high < 1 << 32 else 8
        )
        self.out.append(width)
        self.out += struct.pack(f"<{len(values)}{_WIDTH_CODE[width]}", *values)

    def objects(self, root: object) -> None:
        """Write ``root`` and everything in it; an explicit stack, no host recursion."""
        todo: list[tuple[object, int]] = [(root, 0)]
        while todo:
            value, depth = todo.pop()
            if type(value) is _BodyEnd:  # a code object's constants are all written
                start = value.start
                struct.pack_into("<I", self.out, start - 4, len(self.out) - start)
                continue
            items = self.scalar(value)
            if type(value) is Code:
                todo.append((_BodyEnd(self.body_start), depth))
            if items:
                if depth >= MAX_DEPTH:
                    raise ValueError("constants nested too deeply to serialize")
                todo.extend((item, depth + 1) for item in reversed(items))

    def scalar(self, value: object) -> list[object] | tuple[object, ...] | None:
        """Write ``value``'s tag and payload; return its children, written next, in order."""
        out = self.out
        kind = type(value)
        if value is None:
            out.append(0x4E)  # N
        elif value is Ellipsis:
            out.append(0x2E)  # .
        elif kind is bool:
            out.append(0x54 if value else 0x46)  # T F
        elif kind is int:
            assert isinstance(value, int)
            if -_SMALL_INT <= value < _SMALL_INT:
                out.append(0x69)  # i
                self.varint((value << 1) ^ (value >> 63))
            else:
                data = value.to_bytes(
                    (value.bit_length() + 8) // 8, "little", signed=True
                )
                out.append(0x49)  # I
                self.varint(len(data))
                out += data
        elif kind is float:
            out.append(0x67)  # g
            out += _DOUBLE.pack(value)
        elif kind is complex:
            assert isinstance(value, complex)
            out.append(0x79)  # y
            out += _COMPLEX.pack(value.real, value.imag)
        elif kind is str:
            assert isinstance(value, str)
            out.append(0x73)  # s
            self.string(value)
        elif kind is bytes:
            assert isinstance(value, bytes)
            out.append(0x62)  # b
            self.varint(len(value))
            out += value
        elif kind is tuple:
            assert isinstance(value, tuple)
            out.append(0x28)  # (
            self.varint(len(value))
            return value
        elif kind is frozenset:
            assert isinstance(value, frozenset)
            out.append(0x7B)  # {
            self.varint(len(value))
            return sorted(value, key=_canonical_key)
        elif kind is slice:
            assert isinstance(value, slice)
            out.append(0x3A)  # :
            return (value.start, value.stop, value.step)
        elif kind is Code:
            assert type(value) is Code
            out.append(0x63)  # c
            self.code_fields(value)
            return value.co_consts
        else:
            raise ValueError(f"unserializable constant of type {kind.__name__}")
        return None

    def code_fields(self, co: Code) -> None:
        line = co.co_firstlineno
        if type(line) is not int or not -_SMALL_INT <= line < _SMALL_INT:
            raise ValueError(f"bad first line number {line!r}")
        head = [
            co.co_argcount,
            co.co_posonlyargcount,
            co.co_kwonlyargcount,
            co.co_flags,
            co.co_ntemps,
            (line << 1) ^ (line >> 63),
            self.index(co.co_name),
            self.index(co.co_qualname),
            self.index(co.co_filename),
            len(co.co_names),
            len(co.co_varnames),
            len(co.co_cellvars),
            len(co.co_freevars),
            len(co.co_consts),
            self.index(co.co_consts[0]) + 1
            if co.co_consts and type(co.co_consts[0]) is str
            else 0,
        ]
        if any(type(number) is not int for number in head):
            raise ValueError(f"bad code object counts or flags: {head!r}")
        names = (*co.co_names, *co.co_varnames, *co.co_cellvars, *co.co_freevars)
        self.uarray(head + [self.index(name) for name in names])
        self.out += (
            b"\0\0\0\0"  # the body's size, filled in once its constants are written
        )
        self.body_start = len(self.out)
        self.uarray(co.operands)
        self.uarray(_position_runs(co.co_positions_table))
        self.uarray([field for entry in co.co_exceptiontable for field in entry])


class _BodyEnd:
    """Where a code object's body started: its size is written when the writer pops this."""

    __slots__ = ("start",)

    def __init__(self, start: int) -> None:
        self.start = start


def _position_runs(table: tuple[Position, ...]) -> list[int]:
    """Runs of equal positions: (repeat, lineno+1, end_lineno+1, col+1, end_col+1)*."""
    out: list[int] = []
    previous: Position | None = None
    for position in table:
        if position == previous:
            out[-5] += 1
            continue
        out.append(1)
        for field in position:
            if field is None:
                out.append(0)
            elif type(field) is int and field >= 0:
                out.append(field + 1)
            else:
                raise ValueError(f"cannot serialize the position {position!r}")
        previous = position
    return out


def _canonical_key(value: object) -> bytes:
    """A frozenset item's bytes with its strings written inline: its place in the output."""
    writer = _Writer(inline=True)
    writer.objects(value)
    return bytes(writer.out)


def dumps(code: Code) -> bytes:
    """The bytes of ``code`` and everything reachable from it (ValueError if unserializable)."""
    if type(code) is not Code:
        raise TypeError(f"dumps() takes a code object, not {type(code).__name__}")
    writer = _Writer()
    writer.objects(code)
    strings = list(writer.strings)  # dicts keep insertion order: index order
    separator = _separator(strings)
    head = _Writer()
    head.out.append(VERSION)
    head.varint(len(strings))
    head.varint(ord(separator))
    blob = separator.join(strings).encode("utf-8", "surrogatepass")
    head.varint(len(blob))
    return bytes(head.out + blob + writer.out)


def _separator(strings: list[str]) -> str:
    """The first character in none of ``strings`` (almost always NUL): what joins them."""
    used = set().union(*strings)
    return next(chr(point) for point in range(0x110000) if chr(point) not in used)


# --- reading ---------------------------------------------------------------------------------

_U32 = struct.Struct("<I")
_T = TypeVar("_T")
# The values of HEADER_FIELDS, in that order.
_Names = tuple[str, ...]
_Header = tuple[
    int, int, int, int, int, int, str, str, str, _Names, _Names, _Names, _Names
]
# A code object's instructions, positions (or what expands them) and exception table.
_Body = tuple[
    tuple[int, ...],
    tuple[Position, ...] | Callable[[], tuple[Position, ...]],
    tuple[Handler, ...],
]
# (count << 4 | width) -> the reader of an array of that shape; most arrays are short and
# their shapes repeat, so a reader is made once (formatting a struct format string each
# time cost as much as the reading).  Bounded: a shape seen late is read without keeping it.
_UNPACKERS: dict[int, Callable[[bytes, int], tuple[int, ...]]] = {}


def _unpacker(number: int, width: int) -> Callable[[bytes, int], tuple[int, ...]]:
    key = number << 4 | width
    unpack = _UNPACKERS.get(key)
    if unpack is None:
        unpack = struct.Struct(f"<{number}{_WIDTH_CODE[width]}").unpack_from
        if len(_UNPACKERS) < 4096:
            _UNPACKERS[key] = unpack
    return unpack


class _Frame:
    """A container being read: ``count`` children go to ``items``, then ``build`` runs."""

    __slots__ = ("build", "count", "items")

    def __init__(self, build: Callable[[list[object]], object], count: int) -> None:
        self.build = build
        self.count = count
        self.items: list[object] = []


class _Reader:
    """Reads ``data`` from ``pos``; every read first checks that its bytes are there."""

    def __init__(self, data: bytes, pos: int = 0, end: int | None = None) -> None:
        self.data = data
        self.pos = pos
        self.end = len(data) if end is None else end
        self.strings: list[str] = []
        # Read nested code objects' bodies later (loads(lazy=True)); off for the outermost.
        self.defer = False
        self.lazy = False
        self.label = (
            ""  # where the data came from, for errors raised by a deferred body
        )

    def fail(self, what: str) -> BadBytecode:
        where = f" in {self.label}" if self.label else ""
        return BadBytecode(f"bad bytecode{where} at byte {self.pos}: {what}")

    def take(self, size: int) -> int:
        """Reserve ``size`` bytes; return where they start."""
        start = self.pos
        if size > self.end - start:
            raise self.fail(f"{size} bytes wanted, {self.end - start} left")
        self.pos = start + size
        return start

    def u8(self) -> int:
        pos = self.pos
        if pos >= self.end:
            raise self.fail("unexpected end of data")
        self.pos = pos + 1
        return self.data[pos]

    def varint(self) -> int:
        data, pos, end = self.data, self.pos, self.end
        value = shift = 0
        while pos < end and shift < 70:
            byte = data[pos]
            pos += 1
            value |= (byte & 0x7F) << shift
            if byte < 0x80:
                self.pos = pos
                return value
            shift += 7
        raise self.fail("unterminated or overlong number")

    def count(self, least_bytes_each: int = 1) -> int:
        """A declared number of items, each taking at least ``least_bytes_each`` bytes."""
        number = self.varint()
        if number * least_bytes_each > self.end - self.pos:
            raise self.fail(
                f"{number} items declared, only {self.end - self.pos} bytes left"
            )
        return number

    def uarray(self) -> tuple[int, ...]:
        data, pos = self.data, self.pos
        if pos < self.end and data[pos] < 0x80:  # a count below 128: one byte
            number = data[pos]
            self.pos = pos + 1
        else:
            number = self.varint()
        if not number:
            return ()
        width = self.u8()
        if width not in _WIDTH_CODE:
            raise self.fail(f"bad array width {width}")
        start = self.take(number * width)  # also bounds the count by the bytes left
        return _unpacker(number, width)(data, start)

    def string_table(self) -> None:
        number = self.count()
        separator = self.varint()
        size = self.count()
        start = self.take(size)
        if separator >= 0x110000:
            raise self.fail("the string separator is not a character")
        try:
            text = self.data[start : start + size].decode("utf-8", "surrogatepass")
        except UnicodeDecodeError:
            raise self.fail("the string table is not UTF-8") from None
        strings = text.split(chr(separator)) if number else []
        if len(strings) != number or (not number and text):
            raise self.fail("the string table does not hold its count of strings")
        self.strings = strings

    # --- objects ---

    def objects(self) -> object:
        """One object and everything in it; an explicit stack, no host recursion."""
        stack: list[_Frame] = []
        strings = self.strings
        while True:
            tag = self.u8()
            value: object
            if tag == 0x73:  # s
                index = self.varint()
                if index >= len(strings):
                    raise self.fail(f"string index {index} out of range")
                value = strings[index]
            elif tag == 0x69:  # i
                raw = self.varint()
                if raw >= 1 << 64:
                    raise self.fail("small int out of range")
                value = (raw >> 1) ^ -(raw & 1)
            elif tag == 0x4E:
                value = None
            elif tag == 0x63 and self.defer:  # c, nested: its body is read on first use
                value = self.deferred_code()
            elif tag in _CONTAINERS:
                frame = _CONTAINERS[tag](self)
                if frame.count:
                    if len(stack) >= MAX_DEPTH:
                        raise self.fail("constants nested too deeply")
                    stack.append(frame)
                    continue
                value = frame.build(frame.items)
            else:
                value = self.scalar(tag)
            while stack:
                top = stack[-1]
                top.items.append(value)
                if len(top.items) < top.count:
                    break
                stack.pop()
                value = top.build(top.items)
            else:
                return value

    def scalar(self, tag: int) -> object:
        data = self.data
        if tag == 0x54:
            return True
        if tag == 0x46:
            return False
        if tag == 0x2E:
            return Ellipsis
        if tag == 0x67:  # g
            return _DOUBLE.unpack_from(data, self.take(8))[0]
        if tag == 0x79:  # y
            real, imag = _COMPLEX.unpack_from(data, self.take(16))
            return complex(real, imag)
        if tag == 0x49:  # I
            size = self.count()
            start = self.take(size)
            return int.from_bytes(data[start : start + size], "little", signed=True)
        if tag == 0x62:  # b
            size = self.count()
            start = self.take(size)
            return data[start : start + size]
        raise self.fail(f"unknown tag {tag:#04x}")

    def tuple_frame(self) -> _Frame:
        return _Frame(tuple, self.count())

    def frozenset_frame(self) -> _Frame:
        def build(items: list[object]) -> object:
            try:
                result = frozenset(items)
            except TypeError:
                raise self.fail("an unhashable frozenset item") from None
            if len(result) != len(items):
                raise self.fail("a frozenset item is repeated")
            return result

        return _Frame(build, self.count())

    def slice_frame(self) -> _Frame:
        return _Frame(lambda items: slice(*items), 3)

    # --- code objects ---

    def code_frame(self) -> _Frame:
        """A code object read whole: its head and body now, its constants next."""
        header, nconsts, doc = self.code_head()
        end = self.body_end()
        self.defer = self.lazy
        ntemps, names, varnames, cellvars, freevars = header[4], *header[9:]
        operands, positions, handlers = self.code_body(
            ntemps, names, varnames, cellvars, freevars, nconsts
        )
        it = iter(operands)
        code: tuple[Instruction, ...] = tuple(zip(it, it, it, it))

        def build(items: list[object]) -> object:
            if self.pos != end:
                raise self.fail("the code object's body size is wrong")
            _check_docstring(self, items, doc)
            fields = dict(zip(HEADER_FIELDS, header))
            return Code(
                co_code=code,
                co_consts=tuple(items),
                co_positions_table=positions,
                co_exceptiontable=handlers,
                **fields,  # type: ignore[arg-type]
            )

        return _Frame(build, nconsts)

    def deferred_code(self) -> Code:
        """A nested code object with its head only; its body is skipped, to be read (and
        checked) by ``_DeferredBody`` when the code object is first used."""
        header, nconsts, doc = self.code_head()
        size = _U32.unpack_from(self.data, self.take(4))[0]
        start = self.take(size)
        return Code.deferred(_DeferredBody(self, start, nconsts, doc), doc, header)

    def body_end(self) -> int:
        """Reads the body size; returns where the body ends, leaving ``pos`` at its start."""
        size: int = _U32.unpack_from(self.data, self.take(4))[0]
        start = self.pos
        self.take(size)
        self.pos = start
        return start + size

    def code_head(self) -> tuple[_Header, int, str | None]:
        """A code object's header (the values of ``HEADER_FIELDS``), checked, with its
        number of constants and its docstring."""
        head = self.uarray()
        if len(head) < 15:
            raise self.fail("a code object's head is shorter than 15 numbers")
        argcount, posonly, kwonly, flags, ntemps, line = head[:6]
        nnames, nvarnames, ncellvars, nfreevars, nconsts, doc = head[9:15]
        strings = self.strings
        try:  # name, qualname, filename, then the names
            texts = tuple(map(strings.__getitem__, head[6:9] + head[15:]))
        except IndexError:
            raise self.fail("a string index out of range") from None
        a = 3 + nnames
        b = a + nvarnames
        c = b + ncellvars
        if len(texts) != c + nfreevars:
            raise self.fail("the name counts do not match the names")
        if doc and (not nconsts or doc > len(strings)):
            raise self.fail("a docstring without constants, or past the strings")
        if nconsts > self.end - self.pos:
            raise self.fail(f"{nconsts} constants declared, {self.end - self.pos} left")
        stars = (flags & CO_VARARGS != 0) + (flags & CO_VARKEYWORDS != 0)
        if posonly > argcount or argcount + kwonly + stars > nvarnames:
            raise self.fail("argument counts exceed the local variables")
        if flags >= 1 << 32:
            raise self.fail("flags out of range")
        header = (
            argcount,
            posonly,
            kwonly,
            flags,
            ntemps,
            (line >> 1) ^ -(line & 1),
            texts[0],
            texts[1],
            texts[2],
            texts[3:a],
            texts[a:b],
            texts[b:c],
            texts[c:],
        )
        return header, nconsts, strings[doc - 1] if doc else None

    def code_body(
        self,
        ntemps: int,
        names: tuple[str, ...],
        varnames: tuple[str, ...],
        cellvars: tuple[str, ...],
        freevars: tuple[str, ...],
        nconsts: int,
    ) -> _Body:
        """The instructions, positions and exception table of a code object with these
        header fields, each checked; the reader is left at its first constant."""
        values = self.uarray()
        if not values or len(values) % 4:
            raise self.fail("the instruction array is empty or not a multiple of 4")
        ninstr = len(values) // 4
        positions = self.positions(self.uarray(), ninstr)
        table = self.uarray()
        # Every temporary is written by some instruction; the slack only rejects absurd data.
        if ntemps > 65536 + 16 * ninstr:
            raise self.fail(f"{ntemps} temporaries for {ninstr} instructions")
        own_cells = set(cellvars).difference(varnames) if cellvars else ()
        nregs = len(varnames) + len(own_cells) + len(freevars) + ntemps + nconsts
        handlers = self.handlers(table, ninstr, nregs)
        problem = verify.check_instructions(values, nregs, len(names))
        if problem is not None:
            raise self.fail(problem)
        return values, positions, handlers

    def positions(
        self, runs: tuple[int, ...], ninstr: int
    ) -> tuple[Position, ...] | Callable[[], tuple[Position, ...]]:
        """The checked runs expanded, or under ``lazy`` a function expanding them when a
        traceback or a line event first needs them (they are the bulk of a .pyc)."""
        if len(runs) % 5:
            raise self.fail("the positions array is not a multiple of 5")
        repeats = runs[0::5]
        if (repeats and min(repeats) < 1) or sum(repeats) != ninstr:
            raise self.fail("position runs do not cover the instructions")
        if self.lazy:
            return lambda: _expand_positions(runs, ninstr)
        return _expand_positions(runs, ninstr)

    def handlers(
        self, values: tuple[int, ...], ninstr: int, nregs: int
    ) -> tuple[Handler, ...]:
        if len(values) % 4:
            raise self.fail("the exception table is not a multiple of 4")
        it = iter(values)
        table: tuple[Handler, ...] = tuple(zip(it, it, it, it))
        for start, end, handler, register in table:
            if not (start < end <= ninstr and handler < ninstr and register < nregs):
                raise self.fail(
                    f"bad exception table entry {start, end, handler, register}"
                )
        return table


_CONTAINERS: dict[int, Callable[[_Reader], _Frame]] = {
    0x28: _Reader.tuple_frame,
    0x7B: _Reader.frozenset_frame,
    0x3A: _Reader.slice_frame,
    0x63: _Reader.code_frame,
}


def _expand_positions(runs: tuple[int, ...], ninstr: int) -> tuple[Position, ...]:
    """Position runs (checked) to one position per instruction; whole columns at a time."""
    decode = _field_decoder(max(runs, default=0))
    columns = [map(decode, runs[k::5]) for k in range(1, 5)]
    distinct = zip(*columns)
    repeats = runs[0::5]
    if len(repeats) == ninstr:
        return tuple(distinct)
    return tuple(chain.from_iterable(map(repeat, distinct, repeats)))


# [None, 0, 1, ..., 65535], made the first time positions are expanded (not at every start).
_FIELD_DECODE: list[int | None] = []


def _field_decoder(largest: int) -> Callable[[int], int | None]:
    """A C-level map from a stored position field (0 for None, else value + 1) to its value."""
    if largest <= 1 << 16:
        if not _FIELD_DECODE:
            _FIELD_DECODE.extend([None, *range(1 << 16)])
        return _FIELD_DECODE.__getitem__
    return lambda v: None if v == 0 else v - 1


def loads(
    data: bytes | bytearray | memoryview, *, lazy: bool = False, label: str = ""
) -> Code:
    """The code object ``dumps`` wrote; ``BadBytecode`` for anything else.

    ``lazy``: nested code objects are read and checked on first use (``Code.deferred``), and
    a damaged one raises ``BadBytecode`` then, naming ``label`` (the .pyc's path).  For data
    whose integrity is already known (a .pyc's checksum), so that reading it later is safe.
    """
    reader = _Reader(bytes(data))
    reader.lazy = lazy
    reader.label = label

    def read() -> object:
        version = reader.u8()
        if version != VERSION:
            raise reader.fail(f"format version {version}, expected {VERSION}")
        reader.string_table()
        if reader.u8() != 0x63:
            raise reader.fail("the body is not a code object")
        reader.pos -= 1
        code = reader.objects()
        if reader.pos != reader.end:
            raise reader.fail(f"{reader.end - reader.pos} bytes after the code object")
        return code

    code = _guarded(reader, read)
    assert type(code) is Code
    return code


def _guarded(reader: _Reader, read: Callable[[], _T]) -> _T:
    """``read()``, with any error it meets turned into ``BadBytecode``."""
    try:
        return read()
    except BadBytecode:
        raise
    except (
        ValueError,
        TypeError,
        IndexError,
        KeyError,
        OverflowError,
        struct.error,
        MemoryError,
        RecursionError,
    ) as e:  # a check missed above: still damage, still one error type
        raise reader.fail(repr(e)) from e


def _check_docstring(
    reader: _Reader, consts: Sequence[object], doc: str | None
) -> None:
    """The head's docstring is the first constant, if that is a str."""
    first = consts[0] if consts else None
    if doc != (first if type(first) is str else None):
        raise reader.fail("the docstring in the head is not the first constant")


class _DeferredBody:
    """Reads a nested code object's body when the code object is first used."""

    __slots__ = ("data", "doc", "end", "label", "nconsts", "start", "strings")

    def __init__(
        self, reader: _Reader, start: int, nconsts: int, doc: str | None
    ) -> None:
        """The body from ``start`` to where ``reader`` stands."""
        self.data, self.strings, self.label = reader.data, reader.strings, reader.label
        self.start, self.end, self.nconsts, self.doc = start, reader.pos, nconsts, doc

    def __call__(self, code: Code) -> None:
        reader = _Reader(self.data, self.start, self.end)
        reader.strings, reader.label = self.strings, self.label
        reader.defer = reader.lazy = True

        def read() -> tuple[_Body, tuple[object, ...]]:
            body = reader.code_body(
                code.co_ntemps,
                code.co_names,
                code.co_varnames,
                code.co_cellvars,
                code.co_freevars,
                self.nconsts,
            )
            consts = tuple([reader.objects() for _ in range(self.nconsts)])
            if reader.pos != reader.end:
                raise reader.fail("the code object's body size is wrong")
            _check_docstring(reader, consts, self.doc)
            return body, consts

        (instructions, positions, handlers), consts = _guarded(reader, read)
        code._operands = instructions
        if callable(positions):
            code._positions = positions
        else:
            code.co_positions_table = positions
        code.co_exceptiontable = handlers
        code.co_consts = consts
        code.co_template = code._template()
