"""What a loaded instruction may contain: operand checks derived from the opcode table.

``check_instructions(code, nregs, nnames)`` returns None when every instruction of a code
object can run without reading outside its frame, else a message naming the first bad
instruction.  The serializer calls it on every code object it loads, so the VM never meets an
unknown opcode, a register past the frame, a name index past ``co_names``, a jump past the
end, or a flag word its handler does not know.  Everything comes from ``opcodes.OPS``:

* an operand's kind bounds it (REG < nregs, NAME < nnames, JUMP < len(code), unused == 0);
* a picture's run ``r[x:x+len]`` (``r[b:b+1+c]``, ``r[b:b+2*c]``, ``r[a:a+n]``...) must end
  inside the frame; its length is parsed from the picture, ``n`` from the row's meaning;
* a FLAGS operand whose meaning lists its values is bounded by them (``_FLAG_RANGES``).

Speed matters (loading is most of a warm start), so the common case is checked a column at
a time with C-level ``zip``/``compress``/``max``; only a failure walks instructions one by one,
to say which is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from itertools import compress, repeat
from operator import add, le, mul

from ouro.bytecode import opcodes
from ouro.bytecode.code import Instruction

__all__ = ["check_instructions"]

# FLAGS operands with a closed range (lowest, highest), from the rows' meanings.
_FLAG_RANGES: dict[tuple[str, int], tuple[int, int]] = {
    ("INPLACE", 3): (0, 12),
    ("FORMAT_VALUE", 3): (0, 7),
    ("CALL_EX", 3): (0, 1),
    ("MAKE_FUNCTION", 3): (0, 31),
    ("GET_AWAITABLE", 3): (0, 2),
    ("RAISE", 3): (0, 2),
    ("WITH_ENTER", 3): (0, 1),
    ("ASSERT_FAIL", 2): (0, 1),
    ("INTRINSIC", 3): (1, len(opcodes.INTRINSICS) - 1),
}
# The ``n`` of a run ``r[x:x+n]``, where the row's meaning defines it (from operand c).
_RUN_N: dict[str, Callable[[int], int]] = {
    "UNPACK_EX": lambda c: (
        (c & 0xFF) + (c >> 8) + 1
    ),  # before + the starred list + after
    "MAKE_FUNCTION": lambda c: (c & 31).bit_count(),  # one register per flagged extra
}
_SLOT = {"a": 1, "b": 2, "c": 3}
_RUN = re.compile(r"r\[([abc]):([abc])\+([^\]]+)\]")

# A run: (start slot, constant, coefficient slot or 0, coefficient, n-function or None).
Run = tuple[int, int, int, int, Callable[[int], int] | None]


def _runs(info: opcodes.OpInfo) -> list[Run]:
    """The register runs a row's picture reads or writes, e.g. r[b:b+1+c]."""
    runs: list[Run] = []
    for match in _RUN.finditer(info.picture):
        start, again, length = match.groups()
        assert start == again, f"{info.name}: a run must start at its own operand"
        constant, coef_slot, coef = 0, 0, 0
        special: Callable[[int], int] | None = None
        for term in length.split("+"):
            if term.isdigit():
                constant += int(term)
            elif term in _SLOT:
                coef_slot, coef = _SLOT[term], 1
            elif re.fullmatch(r"\d+\*[abc]", term):
                coef_slot, coef = _SLOT[term[-1]], int(term.split("*")[0])
            elif term == "n" and info.name in _RUN_N:
                special = _RUN_N[info.name]
            else:
                raise AssertionError(f"{info.name}: unknown run length term {term!r}")
        runs.append((_SLOT[start], constant, coef_slot, coef, special))
    return runs


# Derived once from the table: per opcode (for messages), and grouped (for the fast path).
_OP_RUNS: dict[int, list[Run]] = {info.number: _runs(info) for info in opcodes.OPS}
# A register operand that starts a run is checked by its run, not alone.
_KIND_OF: dict[tuple[int, int], str] = {
    (info.number, slot): kind
    for info in opcodes.OPS
    for slot, kind in enumerate(info.operands, 1)
    if not (
        kind == opcodes.REG and any(run[0] == slot for run in _OP_RUNS[info.number])
    )
}
# The fast path's limit table: one entry per operand kind, then one per bounded FLAGS operand;
# per slot, each opcode's index into it.
_KIND_SLOTS = (opcodes.REG, opcodes.NAME, opcodes.TARGET, opcodes.NONE)
_UNBOUNDED = 1 << 64
_FLAG_HIGHS = [high for _, high in _FLAG_RANGES.values()]
_LIMIT_INDEX: list[dict[int, int]] = [{}, {}, {}]
for _info in opcodes.OPS:
    for _slot in (1, 2, 3):
        _kind = _KIND_OF.get((_info.number, _slot), "run")
        if (_info.name, _slot) in _FLAG_RANGES:
            _index = (
                len(_KIND_SLOTS) + 1 + list(_FLAG_RANGES).index((_info.name, _slot))
            )
        elif _kind in _KIND_SLOTS:
            _index = _KIND_SLOTS.index(_kind)
        else:  # COUNT, other FLAGS, a run's start: any value here (runs are checked below)
            _index = len(_KIND_SLOTS)
        _LIMIT_INDEX[_slot - 1][_info.number] = _index
_LOW_ONE = {  # FLAGS operands whose lowest value is 1, by opcode: (slot,)
    opcodes.BY_NAME[name].number: slot
    for (name, slot), (low, _) in _FLAG_RANGES.items()
    if low == 1
}
assert all(low in (0, 1) for low, _ in _FLAG_RANGES.values())
_FLAGS: list[tuple[int, int, int, int]] = [
    (opcodes.BY_NAME[name].number, slot, low, high)
    for (name, slot), (low, high) in _FLAG_RANGES.items()
]
_BY_RUN: dict[Run, frozenset[int]] = {}
for _op, _op_runs in _OP_RUNS.items():
    for _run in _op_runs:
        _BY_RUN[_run] = _BY_RUN.get(_run, frozenset()) | {_op}
_KNOWN = frozenset(opcodes.BY_NUMBER)


def check_instructions(
    code: tuple[Instruction, ...], nregs: int, nnames: int
) -> str | None:
    """None if every operand of ``code`` is in range; else what is wrong, and where."""
    if not code:
        return "a code object without instructions"
    if code[-1][0] not in opcodes.TERMINATORS:
        return "the code does not end with a return, raise or jump"
    ops, *columns = zip(*code)
    limits = [nregs - 1, nnames - 1, len(code) - 1, 0, _UNBOUNDED, *_FLAG_HIGHS]
    try:
        ok = _fast_check(ops, columns, limits, nregs)
    except KeyError:  # an unknown opcode
        ok = False
    if not ok:
        by_kind = dict(zip(_KIND_SLOTS, limits))
        return _first_problem(code, by_kind, nregs)
    return None


def _fast_check(
    ops: tuple[int, ...],
    columns: list[tuple[int, ...]],
    limits: list[int],
    nregs: int,
) -> bool:
    """Whole columns at once: each operand against its opcode's limit, then the runs."""
    for slot in (0, 1, 2):
        bounds = map(limits.__getitem__, map(_LIMIT_INDEX[slot].__getitem__, ops))
        if not all(map(le, columns[slot], bounds)):
            return False
    present = set(ops)
    for op, slot in _LOW_ONE.items():
        if op in present and 0 in compress(columns[slot - 1], map(op.__eq__, ops)):
            return False
    for (slot, constant, coef_slot, coef, special), members in _BY_RUN.items():
        if present.isdisjoint(members):
            continue
        mask = list(map(members.__contains__, ops))
        ends: Iterable[int] = compress(columns[slot - 1], mask)
        if coef_slot:
            lengths: Iterable[int] = compress(columns[coef_slot - 1], mask)
            if coef != 1:
                lengths = map(mul, lengths, repeat(coef))
            ends = map(add, ends, lengths)
        if special is not None:
            ends = map(add, ends, map(special, compress(columns[2], mask)))
        if max(ends) + constant > nregs:
            return False
    return True


def _first_problem(
    code: tuple[Instruction, ...], limits: dict[str, int], nregs: int
) -> str:
    """The slow path: walk the instructions and name the first bad one."""
    flags = {(op, slot): (low, high) for op, slot, low, high in _FLAGS}
    for index, instr in enumerate(code):
        op = instr[0]
        if op not in _KNOWN:
            return f"unknown opcode {op} at instruction {index}"
        name = opcodes.BY_NUMBER[op].name
        for slot in (1, 2, 3):
            value = instr[slot]
            kind = _KIND_OF.get((op, slot))
            low, high = flags.get((op, slot), (0, limits.get(kind or "", value)))
            if not low <= value <= high:
                return _out_of_range(name, instr, index, slot)
        for slot, constant, coef_slot, coef, special in _OP_RUNS[op]:
            end = (
                instr[slot] + constant + coef * instr[coef_slot]
                if coef_slot
                else (instr[slot] + constant)
            )
            if special is not None:
                end += special(instr[3])
            if end > nregs:
                return _out_of_range(name, instr, index, slot)
    raise AssertionError("the fast operand check failed where the slow one passes")


def _out_of_range(name: str, instr: Instruction, index: int, slot: int) -> str:
    operand = "abc"[slot - 1]
    return (
        f"operand {operand} of {name}{instr[1:]} at instruction {index} is out of range"
    )
