"""The assembler: the code generator's instruction stream -> a ``Code`` object.

Takes a list of ``Instr`` and ``Label`` items, in order.  An ``Instr`` names its jump targets by
``Label`` and its constants by *symbolic* register operands (``const_operand(k)``, a negative
int), because the constants' base register is known only once the temporaries are counted.
Hands on a ``Code`` whose every operand is final: jump operands are absolute instruction
indices, register operands are register numbers.  Invariants:

* Only operands whose kind in the table is ``REG`` are relocated, only ``JUMP`` operands are
  resolved as labels; the table (``opcodes.OPS``) says which is which.
* A small peephole pass runs first (``optimize_stream``): jumps to jumps are threaded, jumps
  to the next instruction dropped, and code after an unconditional transfer that no label
  reaches is removed.  It never moves an instruction across a label or changes the handler
  an instruction is covered by.
* The exception table is built from each instruction's own innermost handler, so its ranges
  never overlap: "innermost first" holds trivially.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ouro.bytecode import opcodes as ops
from ouro.bytecode.code import Code, Handler, Instruction, Position

__all__ = [
    "OP",
    "Instr",
    "Label",
    "Unit",
    "assemble",
    "const_operand",
    "optimize_stream",
]


class _OpNumbers:
    """The opcode numbers by name, ``OP.ADD``: opcodes.py binds them through ``globals()``,
    which a type checker cannot follow."""

    def __init__(self) -> None:
        for info in ops.OPS:
            setattr(self, info.name, info.number)

    if TYPE_CHECKING:

        def __getattr__(self, name: str) -> int: ...


OP = _OpNumbers()


class Label:
    """A jump target; placed in the stream where it stands."""

    __slots__ = ("index", "used")

    def __init__(self) -> None:
        self.index = -1  # instruction index, set by the assembler
        self.used = False  # a jump or a handler refers to it

    def __repr__(self) -> str:
        return f"<Label {id(self):#x} at {self.index}>"


# (handler label, register receiving the exception) covering an instruction, or None.
HandlerRef = tuple[Label, int] | None
Operand = int | Label


class Instr:
    """One instruction before assembly; ``a``, ``b``, ``c`` may be a Label or a const operand.

    (This and ``Unit`` are plain classes, not dataclasses: the compiler is imported at every
    start, and the host's dataclasses module costs ~10 ms to import.)"""

    __slots__ = ("a", "b", "c", "handler", "op", "position")

    def __init__(
        self,
        op: int,
        a: Operand,
        b: Operand,
        c: Operand,
        position: Position,
        handler: HandlerRef = None,
    ) -> None:
        self.op = op
        self.a = a
        self.b = b
        self.c = c
        self.position = position
        self.handler = handler

    def __repr__(self) -> str:
        name = ops.BY_NUMBER[self.op].name if self.op in ops.BY_NUMBER else self.op
        return f"<Instr {name} {self.a!r} {self.b!r} {self.c!r} at {self.position}>"


def const_operand(index: int) -> int:
    """The symbolic register operand for ``co_consts[index]``."""
    return -1 - index


class Unit:
    """What the assembler needs besides the stream: the code object's other fields."""

    __slots__ = (
        "argcount",
        "cellvars",
        "consts",
        "extra",
        "filename",
        "firstlineno",
        "flags",
        "freevars",
        "kwonlyargcount",
        "name",
        "names",
        "ntemps",
        "posonlyargcount",
        "qualname",
        "stream",
        "varnames",
    )

    def __init__(
        self,
        stream: list[Instr | Label],
        consts: list[object],
        names: list[str],
        varnames: list[str],
        cellvars: list[str],
        freevars: list[str],
        ntemps: int,
        argcount: int = 0,
        posonlyargcount: int = 0,
        kwonlyargcount: int = 0,
        flags: int = 0,
        name: str = "<module>",
        qualname: str = "<module>",
        filename: str = "<unknown>",
        firstlineno: int = 1,
        extra: dict[str, object] | None = None,
    ) -> None:
        self.stream = stream
        self.consts = consts
        self.names = names
        self.varnames = varnames
        self.cellvars = cellvars
        self.freevars = freevars
        self.ntemps = ntemps
        self.argcount = argcount
        self.posonlyargcount = posonlyargcount
        self.kwonlyargcount = kwonlyargcount
        self.flags = flags
        self.name = name
        self.qualname = qualname
        self.filename = filename
        self.firstlineno = firstlineno
        self.extra: dict[str, object] = {} if extra is None else extra

    def __repr__(self) -> str:
        return f"<Unit {self.qualname!r} of {self.filename!r}>"


_KINDS: dict[int, tuple[str, str, str]] = {
    info.number: info.operands for info in ops.OPS
}
JUMP_KIND, REG_KIND = ops.TARGET, ops.REG
assert JUMP_KIND in ops.KINDS


# --- peephole ------------------------------------------------------------------------------


def _thread_jumps(stream: list[Instr | Label]) -> None:
    """A jump whose target is an unconditional JUMP goes straight to that JUMP's target."""
    positions = {
        id(item): i for i, item in enumerate(stream) if isinstance(item, Label)
    }
    for item in stream:
        if not isinstance(item, Instr) or item.op not in ops.JUMPS:
            continue
        for slot in ("a", "b", "c"):
            target = getattr(item, slot)
            if not isinstance(target, Label):
                continue
            seen = {id(target)}
            while True:
                nxt = _first_instr_after(stream, positions[id(target)])
                if nxt is None or nxt.op != OP.JUMP or not isinstance(nxt.a, Label):
                    break
                if id(nxt.a) in seen:
                    break  # an infinite loop `while True: pass`
                seen.add(id(nxt.a))
                target = nxt.a
            setattr(item, slot, target)


def _first_instr_after(stream: list[Instr | Label], at: int) -> Instr | None:
    for item in stream[at + 1 :]:
        if isinstance(item, Instr):
            return item
    return None


def _mark_used(stream: list[Instr | Label]) -> None:
    for item in stream:
        if isinstance(item, Label):
            item.used = False
    for item in stream:
        if isinstance(item, Instr):
            for operand in (item.a, item.b, item.c):
                if isinstance(operand, Label):
                    operand.used = True
            if item.handler is not None:
                item.handler[0].used = True


def _drop_dead(stream: list[Instr | Label]) -> list[Instr | Label]:
    """Remove instructions after a terminator up to the next used label, and unused labels."""
    out: list[Instr | Label] = []
    dead = False
    for item in stream:
        if isinstance(item, Label):
            if item.used:
                dead = False
                out.append(item)
            continue
        if dead:
            continue
        out.append(item)
        if item.op in ops.TERMINATORS:
            dead = True
    return out


def _drop_jumps_to_next(stream: list[Instr | Label]) -> list[Instr | Label]:
    out: list[Instr | Label] = []
    for i, item in enumerate(stream):
        if isinstance(item, Instr) and item.op == OP.JUMP:
            j = i + 1
            while j < len(stream) and isinstance(stream[j], Label):
                if stream[j] is item.a:
                    break
                j += 1
            else:
                out.append(item)
                continue
            if j < len(stream):
                continue  # the target label follows: fall through instead
        out.append(item)
    return out


def optimize_stream(stream: list[Instr | Label]) -> list[Instr | Label]:
    """The peephole pass: thread jumps, drop jumps to the next instruction and dead code."""
    for _ in range(3):
        _thread_jumps(stream)
        before = len(stream)
        _mark_used(stream)
        stream = _drop_dead(stream)
        stream = _drop_jumps_to_next(stream)
        _mark_used(stream)
        stream = _drop_dead(stream)
        if len(stream) == before:
            break
    return stream


# --- assembly ------------------------------------------------------------------------------


def _resolve(value: Operand, kind: str, const_base: int) -> int:
    if isinstance(value, Label):
        assert kind == JUMP_KIND, "a label in a non-jump operand"
        assert value.index >= 0, "a jump to a label never placed"
        return value.index
    if kind == REG_KIND and value < 0:
        return const_base + (-1 - value)
    return value


def _handler_table(code: list[Instr]) -> tuple[Handler, ...]:
    table: list[Handler] = []
    start = 0
    current: HandlerRef = None
    for i, instr in enumerate([*code, None]):
        handler = instr.handler if instr is not None else None
        if (
            instr is not None
            and handler is not None
            and current is not None
            and handler[0] is current[0]
            and handler[1] == current[1]
        ):
            continue
        if current is not None:
            table.append((start, i, current[0].index, current[1]))
        current, start = handler, i
    return tuple(table)


def assemble(unit: Unit, *, optimize: bool = True) -> Code:
    """Resolve labels and constant operands; build the Code object."""
    stream = unit.stream
    if optimize:
        from ouro.compiler import peephole  # it builds on this module's Instr and Label

        stream = optimize_stream(stream)
        stream = peephole.drop_checks(
            stream, unit.argcount, unit.kwonlyargcount, unit.flags
        )
        stream = peephole.fuse(stream)
    code: list[Instr] = []
    for item in stream:
        if isinstance(item, Label):
            item.index = len(code)
        else:
            code.append(item)
    if not code or code[-1].op not in ops.TERMINATORS:
        # Code falling off its end: only reachable through labels placed last.
        raise AssertionError("compiler: code does not end with a terminator")
    nvars = len(unit.varnames)
    own_cells = [name for name in unit.cellvars if name not in set(unit.varnames)]
    const_base = nvars + len(own_cells) + len(unit.freevars) + unit.ntemps
    instructions: list[Instruction] = []
    for instr in code:
        kinds = _KINDS[instr.op]
        instructions.append(
            (
                instr.op,
                _resolve(instr.a, kinds[0], const_base),
                _resolve(instr.b, kinds[1], const_base),
                _resolve(instr.c, kinds[2], const_base),
            )
        )
    return Code(
        co_code=tuple(instructions),
        co_consts=tuple(unit.consts),
        co_names=tuple(unit.names),
        co_varnames=tuple(unit.varnames),
        co_cellvars=tuple(unit.cellvars),
        co_freevars=tuple(unit.freevars),
        co_ntemps=unit.ntemps,
        co_argcount=unit.argcount,
        co_posonlyargcount=unit.posonlyargcount,
        co_kwonlyargcount=unit.kwonlyargcount,
        co_flags=unit.flags,
        co_name=unit.name,
        co_qualname=unit.qualname,
        co_filename=unit.filename,
        co_firstlineno=unit.firstlineno,
        co_positions_table=tuple(instr.position for instr in code),
        co_exceptiontable=_handler_table(code),
    )
