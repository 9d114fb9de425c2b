"""Peephole passes after code generation: fewer and cheaper instructions (issue #7).

The code generator emits plain instructions from the shape of the source; the passes here
rewrite its stream (``Instr`` and ``Label`` items, before assembly) where a dispatch can be
saved.  Each VM dispatch costs tens of nanoseconds of host work (docs/vm-format.md), so an
instruction removed from a loop body is worth more than anything it could have done cheaply.

* ``drop_checks``: a ``CHECK_LOCAL`` of a register that is bound on every path to it is
  removed.  The code generator only knows what a straight-line run stored (every label
  forgets, ``codegen.py``); a forward data-flow pass over the whole code knows more: which
  registers are definitely bound before each instruction (the meet over all paths, exception
  edges included, is the intersection).
* ``fuse``: superinstructions, each standing for two or more generic instructions named in
  its row of ``opcodes.py``.  A fused instruction keeps the position of the instruction whose
  failure it can report, so tracebacks point where CPython points.

Invariants: no pass moves an instruction across a label or changes the handler covering an
instruction; an instruction is dropped only where the next instruction carries the same line
(so 'line' trace events and line tables do not change).
"""

from __future__ import annotations

import re

from ouro.bytecode import opcodes as ops
from ouro.bytecode.code import CO_VARARGS, CO_VARKEYWORDS

from .assembler import OP, Instr, Label

__all__ = ["drop_checks", "fuse"]

Stream = list[Instr | Label]

# --- which registers an instruction writes ----------------------------------------------------

_RUN = re.compile(r"^r\[([abc])(?::\1\+(\d+|[a-c]|n|2\*c))?\]$")


def _writes_spec(info: ops.OpInfo) -> list[tuple[str, str | None]]:
    """The picture's register outputs: (operand, run length or None for one register)."""
    _, outputs = ops.picture_sides(info)
    spec: list[tuple[str, str | None]] = []
    for item in outputs:
        match = _RUN.match(item)
        if match is not None:
            spec.append((match.group(1), match.group(2)))
    return spec


_WRITES = {info.number: _writes_spec(info) for info in ops.OPS}
_OPERAND = {"a": 0, "b": 1, "c": 2}


def _written(instr: Instr) -> int:
    """The bit set of the registers ``instr`` binds (registers >= 0 only)."""
    operands = (instr.a, instr.b, instr.c)
    bits = 0
    for operand, length in _WRITES[instr.op]:
        start = operands[_OPERAND[operand]]
        if not isinstance(start, int) or start < 0:
            continue
        if length is None:
            count = 1
        elif length.isdigit():
            count = int(length)
        elif length == "n":  # UNPACK_EX: before + 1 + after
            c = instr.c
            assert isinstance(c, int)
            count = (c & 255) + 1 + (c >> 8)
        elif length == "2*c":
            c = instr.c
            assert isinstance(c, int)
            count = 2 * c
        else:
            value = operands[_OPERAND[length]]
            assert isinstance(value, int)
            count = value
        bits |= ((1 << count) - 1) << start
    return bits


def _bit(reg: object) -> int:
    """A register operand's bit; constants (negative, symbolic) are always bound."""
    return 1 << reg if isinstance(reg, int) and reg >= 0 else 0


# --- definite assignment ----------------------------------------------------------------------


def _bound_before(
    code: list[Instr], targets: list[list[int]], entry: int
) -> list[int | None]:
    """For each instruction, the registers bound on every path to it (a bit set; None if
    no path reaches it)."""
    before: list[int | None] = [None] * len(code)
    if not code:
        return before
    before[0] = entry
    work = [0]
    while work:
        i = work.pop()
        instr = code[i]
        state = before[i]
        assert state is not None
        op = instr.op
        if op == OP.MOVE:
            src = instr.b
            bound = not isinstance(src, int) or src < 0 or (state >> src) & 1
            after = state | _bit(instr.a) if bound else state & ~_bit(instr.a)
        elif op == OP.DELETE_LOCAL:
            after = state & ~_bit(instr.a)
        else:
            after = state | _written(instr)
        edges: list[tuple[int, int]] = []
        if op not in ops.TERMINATORS and i + 1 < len(code):
            edges.append((i + 1, after))
        for target in targets[i]:
            # A jump leaves with what held before the instruction (FOR_ITER binds its
            # value only when it falls through); SEND writes r[b] either way.
            edges.append((target, after if op == OP.SEND else state))
        if instr.handler is not None:
            label, reg = instr.handler
            edges.append((label.index, state | _bit(reg)))
        for j, incoming in edges:
            old = before[j]
            merged = incoming if old is None else old & incoming
            if merged != old:
                before[j] = merged
                work.append(j)
    return before


def _layout(stream: Stream) -> tuple[list[Instr], list[list[int]]]:
    """The instructions in order, labels indexed to them, and each one's jump targets."""
    code: list[Instr] = []
    for item in stream:
        if isinstance(item, Label):
            item.index = len(code)
        else:
            code.append(item)
    targets: list[list[int]] = []
    for instr in code:
        here: list[int] = []
        for operand in (instr.a, instr.b, instr.c):
            if isinstance(operand, Label):
                here.append(operand.index)
        targets.append(here)
    return code, targets


def drop_checks(
    stream: Stream, argcount: int, kwonlyargcount: int, flags: int
) -> Stream:
    """Remove each CHECK_LOCAL whose register is bound on every path to it."""
    if not any(
        isinstance(item, Instr) and item.op == OP.CHECK_LOCAL for item in stream
    ):
        return stream
    code, targets = _layout(stream)
    nparams = argcount + kwonlyargcount
    nparams += bool(flags & CO_VARARGS) + bool(flags & CO_VARKEYWORDS)
    before = _bound_before(code, targets, (1 << nparams) - 1)
    drop: set[int] = set()
    for i, instr in enumerate(code):
        state = before[i]
        if instr.op != OP.CHECK_LOCAL or state is None or not (state >> instr.a) & 1:  # type: ignore[operator]
            continue
        if i + 1 < len(code) and code[i + 1].position[0] == instr.position[0]:
            drop.add(id(instr))
    if not drop:
        return stream
    out: Stream = []
    for k, item in enumerate(stream):
        if isinstance(item, Instr) and id(item) in drop:
            nxt = stream[k + 1] if k + 1 < len(stream) else None
            if isinstance(nxt, Instr):  # a label after it: keep (the line starts here)
                continue
        out.append(item)
    return out


def _fuse_calls(stream: Stream) -> Stream:
    """CALL with one argument -> CALL1; with two, its result in the callee's register ->
    CALL2: the arguments as operands, not a run to slice.

    The MOVEs that line the arguments up stay: dropping them (reading a variable where it
    is) would save a dispatch but leave the argument register holding what it held before,
    and a temporary keeps its last value alive until overwritten (codegen.py), so an object
    a program expects gone (a weakref's referent after ``del``) would outlive its last use
    longer than it does now.
    """
    for item in stream:
        if not isinstance(item, Instr) or item.op != OP.CALL:
            continue
        func, count = item.b, item.c
        assert isinstance(func, int) and isinstance(count, int)
        if count == 1:
            item.op, item.c = OP.CALL1, func + 1
        elif count == 2 and item.a == func:
            item.op, item.b, item.c = OP.CALL2, func + 1, func + 2
    return stream


def _fuse_loops(stream: Stream) -> Stream:
    """The JUMP back to a loop's FOR_ITER, when the loop's exit follows it, becomes a
    FOR_ITER_BACK that continues at the loop's body (one dispatch per iteration saved)."""
    code, _ = _layout(stream)
    position = {id(instr): i for i, instr in enumerate(code)}
    bodies: dict[int, Label] = {}
    changed = False
    for instr in code:
        if instr.op != OP.JUMP or not isinstance(instr.a, Label):
            continue
        head_at = instr.a.index
        head = code[head_at] if head_at < len(code) else None
        if (
            head is None
            or head.op != OP.FOR_ITER
            or not isinstance(head.c, Label)
            or head.c.index != position[id(instr)] + 1
            or head.handler != instr.handler
        ):
            continue
        body = bodies.setdefault(id(head), Label())
        instr.op, instr.a, instr.b, instr.c = OP.FOR_ITER_BACK, head.a, head.b, body
        changed = True
    if not changed:
        return stream
    out: Stream = []
    for item in stream:
        out.append(item)
        if isinstance(item, Instr) and id(item) in bodies:
            label = bodies[id(item)]
            label.used = True
            out.append(label)
    return out


def _fuse_moves(stream: Stream) -> Stream:
    """Two MOVEs in a row into consecutive registers (a call's arguments lined up) -> one
    MOVE2.  Both registers are still written, so no temporary keeps an older value; the
    second MOVE must carry the first's line and handler (MOVEs cannot fail)."""
    out: Stream = []
    for item in stream:
        last = out[-1] if out else None
        if (
            isinstance(item, Instr)
            and item.op == OP.MOVE
            and isinstance(last, Instr)
            and last.op == OP.MOVE
            and isinstance(last.a, int)
            and last.a >= 0
            and item.a == last.a + 1
            and item.handler == last.handler
            and item.position[0] == last.position[0]
        ):
            last.op, last.c = OP.MOVE2, item.b
            continue
        out.append(item)
    return out


_INPLACE = {0: OP.INPLACE_ADD, 1: OP.INPLACE_SUBTRACT}


def fuse(stream: Stream) -> Stream:
    """Superinstructions and specialised forms (``opcodes.SPECIALISES``)."""
    for item in stream:
        if isinstance(item, Instr) and item.op == OP.INPLACE and item.c in _INPLACE:
            item.op, item.c = _INPLACE[item.c], 0
    stream = _fuse_calls(stream)
    stream = _fuse_moves(stream)
    return _fuse_loops(stream)
