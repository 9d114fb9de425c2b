"""Disassembler of Ouro's register bytecode: what ``import dis`` and ``ouro -m dis`` give.

Takes Ouro ``Code`` objects (or what carries one: functions, methods, classes, modules,
generators, coroutines, source text) and prints their instructions in the layout of CPython
3.12's ``dis``; hands on ``Instruction`` tuples for programs that inspect code.  Everything
about an opcode (its name, which operands are registers, names, jump targets, counts or flags,
what it reads and writes) comes from the rows of ``opcodes``; nothing here lists opcodes again,
except the few flag words whose meaning a row gives in prose (``_FLAG_WORDS``).

One listing line::

    line  current  target  offset  name                 a   b   c  (picture, operands filled in)
      5                       4    FOR_ITER             2   7  27  ($0 -> i, to 54)
                    >>        6    COMPARE_GT           8   2   9  (i, y -> $3)

* the operand column shows the raw operands a, b, c of the 4-tuple, a blank where the row
  leaves one unused;
* the parentheses show the row's picture (``inputs -> outputs``) with each operand resolved:
  a register is shown by what it holds (a local, cell or free variable by its name, a
  constant by its repr, a temporary as ``$n``, the n-th temporary), ``names[x]`` by the name,
  a jump ``@x`` as ``to OFFSET``, and a run ``r[b:b+c]`` as the registers it covers; a flag
  word the row explains is decoded after a ``;``.

Offsets count two per instruction, as CPython's do (instruction i is at offset 2*i), and so do
the ``ExceptionTable:`` lines; the bracket there names the register that receives the
exception (CPython's shows a stack depth).  ``show_caches`` and ``adaptive`` are accepted for
CPython's signatures and change nothing: Ouro has no inline caches and no quickened form yet.
"""

from __future__ import annotations

import collections
import io
import re
import sys
from collections.abc import Callable, Iterator
from typing import IO, Any, NamedTuple, TypeGuard

from ouro.bytecode import opcodes
from ouro.bytecode.code import Code

__all__ = [
    "COMPILER_FLAG_NAMES",
    "Bytecode",
    "Instruction",
    "Positions",
    "code_info",
    "dis",
    "disassemble",
    "disco",
    "distb",
    "findlabels",
    "findlinestarts",
    "get_instructions",
    "hasarg",
    "hasjabs",
    "hasjrel",
    "hasjump",
    "hasname",
    "hasreg",
    "main",
    "opmap",
    "opname",
    "pretty_flags",
    "show_code",
]

# --- views of the table, in the shape of CPython's ``opcode`` lists ------------------------

opname: list[str] = [f"<{number}>" for number in range(256)]
for _info in opcodes.OPS:
    opname[_info.number] = _info.name
opmap: dict[str, int] = {info.name: info.number for info in opcodes.OPS}


def _having(kind: str) -> list[int]:
    return sorted(info.number for info in opcodes.OPS if kind in info.operands)


hasarg: list[int] = sorted(
    info.number
    for info in opcodes.OPS
    if any(kind != opcodes.NONE for kind in info.operands)
)
hasname: list[int] = _having(opcodes.NAME)
hasreg: list[int] = _having(opcodes.REG)  # Ouro's own: ops with a register operand
# Ouro's jump operands are absolute instruction indices: no relative jumps.
hasjabs: list[int] = _having(opcodes.TARGET)
hasjrel: list[int] = []
hasjump: list[int] = list(hasjabs)
# Constants, locals and cells are all registers in Ouro, so no opcode indexes them apart.
hasconst: list[int] = []
haslocal: list[int] = []
hasfree: list[int] = []

# CPython's names of the co_flags bits; ``inspect`` builds its CO_* constants from this.
COMPILER_FLAG_NAMES: dict[int, str] = {
    1: "OPTIMIZED",
    2: "NEWLOCALS",
    4: "VARARGS",
    8: "VARKEYWORDS",
    16: "NESTED",
    32: "GENERATOR",
    64: "NOFREE",
    128: "COROUTINE",
    256: "ITERABLE_COROUTINE",
    512: "ASYNC_GENERATOR",
}


def pretty_flags(flags: int) -> str:
    """The names of the bits set in ``flags``, as ``code_info`` shows them."""
    names = []
    for bit in range(32):
        flag = 1 << bit
        if flags & flag:
            names.append(COMPILER_FLAG_NAMES.get(flag, hex(flag)))
            flags ^= flag
            if not flags:
                break
    else:
        names.append(hex(flags))
    return ", ".join(names)


# --- flag words -------------------------------------------------------------------------
# A FLAGS operand means what its row says in prose; these decoders turn the word into words
# (as CPython's dis decodes MAKE_FUNCTION and FORMAT_VALUE).  Each returns the text to show and
# the ``n`` of the row's picture when the picture has one.  A test checks every key is a row
# with a FLAGS operand.

_INPLACE_OPS = ("+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//")
_FUNCTION_EXTRAS = ("defaults", "kwdefaults", "annotations", "closure", "type_params")
_CONVERSIONS = ("", "str", "repr", "ascii")


def _inplace(word: int) -> tuple[str, int]:
    op = _INPLACE_OPS[word] if 0 <= word < len(_INPLACE_OPS) else str(word)
    return f"{op}=", 0


def _make_function(word: int) -> tuple[str, int]:
    extras = [name for bit, name in enumerate(_FUNCTION_EXTRAS) if word & (1 << bit)]
    return ", ".join(extras), len(extras)


def _format_value(word: int) -> tuple[str, int]:
    parts = [_CONVERSIONS[word & 3]] if word & 3 else []
    if word & 4:
        parts.append("with format")
    return ", ".join(parts), 0


def _unpack_ex(word: int) -> tuple[str, int]:
    before, after = word & 0xFF, word >> 8
    return f"{before} before, {after} after", before + 1 + after


def _intrinsic(word: int) -> tuple[str, int]:
    names = opcodes.INTRINSICS
    return (names[word] if 0 < word < len(names) else f"unknown {word}"), 0


_FLAG_WORDS: dict[str, Callable[[int], tuple[str, int]]] = {
    "INTRINSIC": _intrinsic,
    "INPLACE": _inplace,
    "MAKE_FUNCTION": _make_function,
    "FORMAT_VALUE": _format_value,
    "UNPACK_EX": _unpack_ex,
}

# --- pictures -------------------------------------------------------------------------
# Each picture item parsed once: (kind, operand, run end), kind "r" a register or run,
# "names" a name, "@" a jump; a run's end is a sum of terms (constant, factor, operand).

_ITEM = re.compile(r"r\[([abc])(?::([^\]]+))?\]|names\[([abc])\]|@([abc])")
_Term = tuple[int, str]  # factor, operand ("" for a constant)
_Item = tuple[str, str, tuple[_Term, ...] | None]


def _parse_sum(text: str) -> tuple[_Term, ...]:
    terms: list[_Term] = []
    for term in text.split("+"):
        factor, _, operand = term.rpartition("*")
        if term.isdigit():
            terms.append((int(term), ""))
        else:
            terms.append((int(factor) if factor else 1, operand or term))
    return tuple(terms)


def _parse_side(side: list[str]) -> tuple[_Item, ...]:
    items: list[_Item] = []
    for text in side:
        found = _ITEM.fullmatch(text)
        assert found, f"picture item {text!r}"
        reg, end, name, jump = found.groups()
        if reg:
            items.append(("r", reg, _parse_sum(end) if end else None))
        elif name:
            items.append(("names", name, None))
        else:
            items.append(("@", jump, None))
    return tuple(items)


_PICTURES: dict[int, tuple[tuple[_Item, ...], tuple[_Item, ...]]] = {
    info.number: (
        _parse_side(opcodes.picture_sides(info)[0]),
        _parse_side(opcodes.picture_sides(info)[1]),
    )
    for info in opcodes.OPS
}

# --- instructions -------------------------------------------------------------------------


class Positions(NamedTuple):
    """The source span of one instruction (CPython's ``dis.Positions``)."""

    lineno: int | None = None
    end_lineno: int | None = None
    col_offset: int | None = None
    end_col_offset: int | None = None


_OPNAME_WIDTH = 20
_OPERAND_WIDTH = 3

_InstructionBase = collections.namedtuple(
    "_InstructionBase",
    "opname opcode arg argval argrepr offset starts_line is_jump_target positions",
    defaults=[None],
)


class Instruction(_InstructionBase):
    """One instruction, with CPython 3.12's fields.

    ``arg`` is the operand tuple ``(a, b, c)`` (None when the row uses no operand);
    ``argval`` resolves each operand: a register to what it holds (the constant itself, a
    variable's name, ``$n`` for a temporary), a name index to the name, a jump to its offset,
    a count or flag word to itself, an unused operand to None; ``argrepr`` is the text the
    listing shows in parentheses.
    """

    __slots__ = ()

    def _disassemble(
        self,
        lineno_width: int = 3,
        mark_as_current: bool = False,
        offset_width: int = 4,
    ) -> str:
        """One listing line; ``lineno_width`` 0 leaves out the line-number column."""
        fields = []
        if lineno_width:
            line = self.starts_line
            fields.append(
                " " * lineno_width if line is None else f"{line:{lineno_width}d}"
            )
        fields.append("-->" if mark_as_current else "   ")
        fields.append(">>" if self.is_jump_target else "  ")
        fields.append(repr(self.offset).rjust(offset_width))
        fields.append(self.opname.ljust(_OPNAME_WIDTH))
        if self.arg is not None:
            fields.append(_operand_column(self.opcode, self.arg))
            if self.argrepr:
                fields.append(f"({self.argrepr})")
        return " ".join(fields).rstrip()


def _operand_column(number: int, arg: tuple[int, int, int]) -> str:
    kinds = opcodes.BY_NUMBER[number].operands
    return " ".join(
        ("" if kind == opcodes.NONE else repr(value)).rjust(_OPERAND_WIDTH)
        for kind, value in zip(kinds, arg)
    )


class _Resolver:
    """Turns one code object's operands into values and text."""

    def __init__(self, co: Code) -> None:
        self.co = co
        self.nregs = co.co_nregs

    def register(self, reg: int) -> object:
        """argval of a register: a constant's value, else the name of what it holds."""
        co = self.co
        if co.const_base <= reg < self.nregs:
            return co.co_consts[reg - co.const_base]
        if 0 <= reg < co.const_base:
            return co.register_name(reg)
        return f"r{reg}"  # outside the layout: only in a damaged code object

    def register_text(self, reg: int) -> str:
        value = self.register(reg)
        if self.co.const_base <= reg < self.nregs:
            return repr(value)
        return str(value)

    def name(self, index: int) -> str:
        names = self.co.co_names
        return names[index] if 0 <= index < len(names) else f"<names[{index}]>"

    def argval(self, kind: str, value: int) -> object:
        if kind == opcodes.REG:
            return self.register(value)
        if kind == opcodes.NAME:
            return self.name(value)
        if kind == opcodes.TARGET:
            return 2 * value
        if kind == opcodes.NONE:
            return None
        return value

    def argrepr(self, number: int, operands: dict[str, int]) -> str:
        info = opcodes.BY_NUMBER[number]
        flag_text, n = "", None
        decode = _FLAG_WORDS.get(info.name)
        if decode is not None:
            word = operands["abc"[info.operands.index(opcodes.FLAGS)]]
            flag_text, n = decode(word)
        inputs, outputs = _PICTURES[number]
        if info.operands == (opcodes.NONE,) * 3:
            return ""
        text = f"{self.side(inputs, operands, n)} -> {self.side(outputs, operands, n)}"
        return f"{text}; {flag_text}" if flag_text else text

    def side(
        self, items: tuple[_Item, ...], operands: dict[str, int], n: int | None
    ) -> str:
        parts: list[str] = []
        for kind, operand, end in items:
            value = operands[operand]
            if kind == "names":
                parts.append(self.name(value))
            elif kind == "@":
                parts.append(f"to {2 * value}")
            elif end is None:
                parts.append(self.register_text(value))
            else:
                parts.extend(self.run(value, end, operands, n))
        return ", ".join(parts) if parts else "-"

    def run(
        self,
        start: int,
        end: tuple[_Term, ...],
        operands: dict[str, int],
        n: int | None,
    ) -> list[str]:
        total = 0
        for factor, operand in end:
            if operand == "n" and n is None:
                return [
                    f"{self.register_text(start)}.."
                ]  # a length the table leaves open
            value = n if operand == "n" else operands[operand] if operand else 1
            total += factor * int(value or 0)
        return [self.register_text(reg) for reg in range(start, total)]


def findlabels(code: tuple[tuple[int, int, int, int], ...]) -> list[int]:
    """The offsets that jump operands of the instruction tuples ``code`` lead to."""
    labels: list[int] = []
    for op, *operands in code:
        info = opcodes.BY_NUMBER.get(op)
        if info is None:
            continue
        for kind, value in zip(info.operands, operands):
            if kind == opcodes.TARGET and 2 * value not in labels:
                labels.append(2 * value)
    return labels


def findlinestarts(code: Code) -> Iterator[tuple[int, int]]:
    """(offset, lineno) for each instruction that starts a new source line."""
    last = None
    for start, _end, line in code.co_lines():
        if line is not None and line != last:
            last = line
            yield start, line


def _instructions(co: Code, line_offset: int = 0) -> Iterator[Instruction]:
    resolver = _Resolver(co)
    linestarts = dict(findlinestarts(co))
    labels = set(findlabels(co.co_code))
    labels.update(2 * handler for _, _, handler, _ in co.co_exceptiontable)
    positions = list(co.co_positions())
    for index, (op, a, b, c) in enumerate(co.co_code):
        offset = 2 * index
        info = opcodes.BY_NUMBER.get(op)
        line = linestarts.get(offset)
        if line is not None:
            line += line_offset
        position = (
            Positions(*positions[index]) if index < len(positions) else Positions()
        )
        if info is None:  # not an opcode: a damaged code object still lists
            yield Instruction(
                f"<{op}>",
                op,
                (a, b, c),
                (a, b, c),
                "",
                offset,
                line,
                offset in labels,
                position,
            )
            continue
        used = any(kind != opcodes.NONE for kind in info.operands)
        operands = {"a": a, "b": b, "c": c}
        argval = tuple(resolver.argval(k, v) for k, v in zip(info.operands, (a, b, c)))
        yield Instruction(
            info.name,
            op,
            (a, b, c) if used else None,
            argval if used else None,
            resolver.argrepr(op, operands),
            offset,
            line,
            offset in labels,
            position,
        )


# --- finding the code -----------------------------------------------------------------


def _unwrap(x: object) -> object:
    """The code object inside a method, function, generator or coroutine, else x."""
    x = getattr(x, "__func__", x)
    for attribute in ("__code__", "gi_code", "ag_code", "cr_code"):
        if hasattr(x, attribute):
            return getattr(x, attribute)
    return x


def _compile(source: str, filename: str) -> Code:
    """Source text as an expression if it is one, else as statements (CPython's order)."""
    from ouro.compiler import compile_source  # a later stage; needed only for text

    try:
        return compile_source(source, filename, "eval")
    except SyntaxError:
        pass
    return compile_source(source, filename, "exec")


def _get_code_object(x: object) -> Code:
    x = _unwrap(x)
    if isinstance(x, str):
        x = _compile(x, "<disassembly>")
    if type(x) is Code:
        return x
    raise TypeError(f"don't know how to disassemble {type(x).__name__} objects")


def _is_raw_code(x: object) -> TypeGuard[tuple[tuple[int, int, int, int], ...]]:
    """Whether x is a ``co_code``: a tuple of (op, a, b, c) tuples of ints (CPython's dis
    takes raw bytecode bytes the same way)."""
    return isinstance(x, tuple) and all(
        isinstance(item, tuple)
        and len(item) == 4
        and all(isinstance(value, int) for value in item)
        for item in x
    )


def _has_code(x: object, nested: bool = True) -> bool:
    """Whether ``dis`` of a class or module shows x: Ouro code, or a class holding some."""
    if isinstance(x, type):
        return nested and any(_has_code(v, False) for v in vars(x).values())
    return isinstance(_unwrap(x), Code)


# --- printing -------------------------------------------------------------------------


def dis(
    x: object = None,
    *,
    file: IO[str] | None = None,
    depth: int | None = None,
    show_caches: bool = False,
    adaptive: bool = False,
) -> None:
    """Disassemble x: a function, method, class, module, code object, generator, coroutine
    or source text; with no argument, the last traceback."""
    if x is None:
        distb(file=file)
        return
    x = _unwrap(x)
    if type(x) is Code:
        _disassemble_recursive(x, file=file, depth=depth)
    elif isinstance(x, str):
        _disassemble_recursive(_compile(x, "<dis>"), file=file, depth=depth)
    elif _is_raw_code(x):  # a bare co_code: registers as rN, names as indices
        _print_listing(Code(co_code=x), file=file)
    elif hasattr(x, "__dict__"):  # a class or a module: each member that has code
        for name, member in sorted(vars(x).items()):
            if _has_code(member):
                print(f"Disassembly of {name}:", file=file)
                try:
                    dis(member, file=file, depth=depth)
                except TypeError as e:
                    print("Sorry:", e, file=file)
                print(file=file)
    else:
        raise TypeError(f"don't know how to disassemble {type(x).__name__} objects")


def distb(
    tb: Any = None,
    *,
    file: IO[str] | None = None,
    show_caches: bool = False,
    adaptive: bool = False,
) -> None:
    """Disassemble the innermost frame of a traceback (default: the last one), marking the
    instruction that raised with ``-->``."""
    if tb is None:
        exc = getattr(sys, "last_exc", None) or getattr(sys, "last_value", None)
        entries = getattr(exc, "__ouro_traceback__", None)
        if not entries:
            raise RuntimeError("no last traceback to disassemble")
        co, index = entries[0]  # innermost first
        disassemble(co, 2 * index, file=file)
        return
    while tb.tb_next:
        tb = tb.tb_next
    disassemble(tb.tb_frame.f_code, tb.tb_lasti, file=file)


def disassemble(
    co: Code,
    lasti: int = -1,
    *,
    file: IO[str] | None = None,
    show_caches: bool = False,
    adaptive: bool = False,
) -> None:
    """Print the listing of one code object, the instruction at offset ``lasti`` marked."""
    _print_listing(co, file=file, lasti=lasti)


disco = disassemble  # CPython's old name


def _disassemble_recursive(
    co: Code, *, file: IO[str] | None, depth: int | None
) -> None:
    disassemble(co, file=file)
    if depth is None or depth > 0:
        inner = None if depth is None else depth - 1
        for const in co.co_consts:
            if type(const) is Code:
                print(file=file)
                print(f"Disassembly of {const!r}:", file=file)
                _disassemble_recursive(const, file=file, depth=inner)


def _print_listing(
    co: Code, *, file: IO[str] | None, lasti: int = -1, line_offset: int = 0
) -> None:
    linestarts = dict(findlinestarts(co))
    if linestarts:
        last_line = max(linestarts.values()) + line_offset
        lineno_width = len(str(last_line)) if last_line >= 1000 else 3
    else:
        lineno_width = 0  # no line numbers at all: leave the column out
    last_offset = 2 * len(co.co_code) - 2
    offset_width = len(str(last_offset)) if last_offset >= 10000 else 4
    for instruction in _instructions(co, line_offset):
        if lineno_width and instruction.starts_line is not None and instruction.offset:
            print(file=file)
        line = instruction._disassemble(
            lineno_width, instruction.offset == lasti, offset_width
        )
        print(line, file=file)
    if co.co_exceptiontable:
        resolver = _Resolver(co)
        print("ExceptionTable:", file=file)
        for start, end, handler, register in co.co_exceptiontable:
            where = resolver.register_text(register)
            print(
                f"  {2 * start} to {2 * end - 2} -> {2 * handler} [{where}]", file=file
            )


def get_instructions(
    x: object,
    *,
    first_line: int | None = None,
    show_caches: bool = False,
    adaptive: bool = False,
) -> Iterator[Instruction]:
    """An iterator of the ``Instruction`` tuples of x's code (see ``dis`` for what x may
    be); ``first_line`` renumbers the source lines so the code starts there."""
    return iter(Bytecode(x, first_line=first_line))


class Bytecode:
    """The instructions of a piece of code: iterate for ``Instruction`` tuples, ``dis()``
    for the listing as a string, ``info()`` for ``code_info``."""

    def __init__(
        self,
        x: object,
        *,
        first_line: int | None = None,
        current_offset: int | None = None,
        show_caches: bool = False,
        adaptive: bool = False,
    ) -> None:
        self.codeobj = co = _get_code_object(x)
        self.first_line = co.co_firstlineno if first_line is None else first_line
        self._line_offset = self.first_line - co.co_firstlineno
        self._original_object = x
        self.current_offset = current_offset
        self.show_caches = show_caches
        self.adaptive = adaptive

    def __iter__(self) -> Iterator[Instruction]:
        return _instructions(self.codeobj, self._line_offset)

    def __repr__(self) -> str:
        return f"{type(self).__name__}({self._original_object!r})"

    @classmethod
    def from_traceback(
        cls, tb: Any, *, show_caches: bool = False, adaptive: bool = False
    ) -> Bytecode:
        """The innermost frame's code of a traceback, its failing instruction current."""
        while tb.tb_next:
            tb = tb.tb_next
        return cls(tb.tb_frame.f_code, current_offset=tb.tb_lasti)

    def info(self) -> str:
        return _format_code_info(self.codeobj)

    def dis(self) -> str:
        with io.StringIO() as output:
            lasti = -1 if self.current_offset is None else self.current_offset
            _print_listing(
                self.codeobj, file=output, lasti=lasti, line_offset=self._line_offset
            )
            return output.getvalue()


def code_info(x: object) -> str:
    """Details of the code of a function, method, code object or source text."""
    return _format_code_info(_get_code_object(x))


def show_code(co: object, *, file: IO[str] | None = None) -> None:
    """Print ``code_info(co)``."""
    print(code_info(co), file=file)


def _format_code_info(co: Code) -> str:
    lines = [
        f"Name:              {co.co_name}",
        f"Filename:          {co.co_filename}",
        f"Argument count:    {co.co_argcount}",
        f"Positional-only arguments: {co.co_posonlyargcount}",
        f"Kw-only arguments: {co.co_kwonlyargcount}",
        f"Number of locals:  {co.co_nlocals}",
        f"Stack size:        {co.co_stacksize}",
        f"Flags:             {pretty_flags(co.co_flags)}",
    ]
    sections: tuple[tuple[str, tuple[Any, ...], str], ...] = (
        ("Constants:", co.co_consts, "r"),
        ("Names:", co.co_names, "s"),
        ("Variable names:", co.co_varnames, "s"),
        ("Free variables:", co.co_freevars, "s"),
        ("Cell variables:", co.co_cellvars, "s"),
    )
    for title, values, style in sections:
        if values:
            lines.append(title)
            for i, value in enumerate(values):
                lines.append(
                    f"{i:4d}: {value!r}" if style == "r" else f"{i:4d}: {value}"
                )
    return "\n".join(lines)


# --- the command line -----------------------------------------------------------------


def main(args: list[str] | None = None) -> None:
    """``ouro -m dis [-h] [infile]``: compile a file (default: stdin) and print its listing,
    with CPython 3.12's options and messages."""
    import argparse

    parser = argparse.ArgumentParser()
    parser.add_argument("infile", type=argparse.FileType("rb"), nargs="?", default="-")
    options = parser.parse_args(args)
    with options.infile as infile:
        source = infile.read()
    from ouro.compiler import compile_source

    dis(compile_source(source, options.infile.name, "exec"))


# For ``python3 -m ouro.bytecode.dis`` on the host: the same as ``ouro -m dis``.
if __name__ == "__main__":
    main()
