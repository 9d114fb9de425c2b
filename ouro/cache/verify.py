"""What a loaded instruction may contain: operand checks derived from the opcode table.

``check_instructions(values, nregs, nnames)`` takes a code object's instruction array as the
serializer reads it (``op, a, b, c`` of each instruction, one after another) and returns None
when every instruction can run without reading outside its frame, else a message naming the
first bad instruction.  The serializer calls it on every code object it loads, so the VM never
meets an unknown opcode, a register past the frame, a name index past ``co_names``, a jump
past the end, or a flag word its handler does not know.  Everything comes from
``opcodes.OPS``:

* an operand's kind bounds it (REG < nregs, NAME < nnames, JUMP < len(code), unused == 0);
* a picture's run ``r[x:x+len]`` (``r[b:b+1+c]``, ``r[b:b+2*c]``, ``r[a:a+n]``...) must end
  inside the frame; its length is parsed from the picture, ``n`` from the row's meaning;
* a FLAGS operand whose meaning lists its values is bounded by them (``_FLAG_RANGES``).

``_first_problem`` states these rules plainly, one instruction at a time; it is the
definition, and what names the culprit when something is wrong.  Loading is most of a warm
start, so the common case takes a faster road to the same answer (``_fast_check``, tested
against ``_first_problem`` on random code): each operand slot's rule depends only on the
opcode, so the table is boiled down at import to one byte per opcode and slot, a *limit
class* (``_CLASS_OF``); a code object's opcodes, as a ``bytes``, are mapped to their classes
with one ``bytes.translate``, and a column of operands is compared with its limits in one
C-level ``map``.  A run with a fixed length, ``r[b:b+3]``, is only a tighter limit
(b <= nregs - 3); runs whose length is another operand are checked per shape, on the
instructions ``itertools.compress`` picks out with a translated mask.  No Python code runs
per instruction.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container, Iterable, Sequence
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
        assert info.operands[_SLOT[start] - 1] == opcodes.REG, (
            f"{info.name}: a run starts at a register operand"
        )
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


# --- the rules, per opcode (the definition) ------------------------------------------------

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
_FLAGS: dict[tuple[int, int], tuple[int, int]] = {
    (opcodes.BY_NAME[name].number, slot): bounds
    for (name, slot), bounds in _FLAG_RANGES.items()
}
_KNOWN = frozenset(opcodes.BY_NUMBER)


def _first_problem(code: Sequence[Instruction], nregs: int, nnames: int) -> str | None:
    """The rules, one instruction at a time: what is wrong with the first bad one, or None."""
    if not code:
        return "a code object without instructions"
    if code[-1][0] not in opcodes.TERMINATORS:
        return "the code does not end with a return, raise or jump"
    highs = {opcodes.REG: nregs - 1, opcodes.NAME: nnames - 1}
    highs |= {opcodes.TARGET: len(code) - 1, opcodes.NONE: 0}
    for index, instr in enumerate(code):
        op = instr[0]
        if op not in _KNOWN:
            return f"unknown opcode {op} at instruction {index}"
        name = opcodes.BY_NUMBER[op].name
        for slot in (1, 2, 3):
            value = instr[slot]
            kind = _KIND_OF.get((op, slot), "")
            low, high = _FLAGS.get((op, slot), (0, highs.get(kind, value)))
            if not low <= value <= high:
                return _out_of_range(name, instr, index, slot)
        for slot, constant, coef_slot, coef, special in _OP_RUNS[op]:
            end = instr[slot] + constant + (coef * instr[coef_slot] if coef_slot else 0)
            if special is not None:
                end += special(instr[3])
            if end > nregs:
                return _out_of_range(name, instr, index, slot)
    return None


def _out_of_range(name: str, instr: Instruction, index: int, slot: int) -> str:
    operand = "abc"[slot - 1]
    return (
        f"operand {operand} of {name}{tuple(instr[1:])} at instruction {index} is out "
        "of range"
    )


# --- the same rules, boiled down for the fast path ------------------------------------------

assert max(_KNOWN) < 256, "the fast operand check keeps one byte per opcode"
# Fixed-length runs r[x:x+k] make a register operand's limit nregs - k.
_FIXED_RUNS = {
    (op, run[0]): run[1]
    for op, runs in _OP_RUNS.items()
    for run in runs
    if not run[2] and run[4] is None
}
_REG_LESS = sorted(set(_FIXED_RUNS.values()))
assert all(len({run[0] for run in runs}) == len(runs) for runs in _OP_RUNS.values()), (
    "one run per operand"
)

# A code object's limits: index = limit class (see _limits); the classes are
#   0 anything (COUNT, unlisted FLAGS, the start of a run of varying length), 1 REG,
#   2 NAME, 3 TARGET, 4 unused, then each listed FLAGS range, then REG with each
#   fixed run length in _REG_LESS.
_ANY, _FLAG_BASE = 0, 5
_CLASS_BY_KIND = {opcodes.REG: 1, opcodes.NAME: 2, opcodes.TARGET: 3, opcodes.NONE: 4}
_FLAG_KEYS = list(_FLAGS)
_FLAG_HIGHS = [high for _, high in _FLAGS.values()]
_UNBOUNDED = 1 << 64  # past any uarray value


def _limit_class(op: int, slot: int) -> int:
    if (op, slot) in _FIXED_RUNS:
        return _FLAG_BASE + len(_FLAG_KEYS) + _REG_LESS.index(_FIXED_RUNS[op, slot])
    if (op, slot) in _FLAGS:
        return _FLAG_BASE + _FLAG_KEYS.index((op, slot))
    return _CLASS_BY_KIND.get(_KIND_OF.get((op, slot), ""), _ANY)


def _translation(value_of: Callable[[int], int]) -> bytes:
    """A ``bytes.translate`` table: opcode -> value_of(opcode), 0 for unknown opcodes."""
    return bytes(value_of(op) if op in _KNOWN else 0 for op in range(256))


def _mask(members: Container[int]) -> bytes:
    """A translate table: opcode -> 1 if it is one of ``members``, else 0."""
    return _translation(lambda op: op in members)


def _classes(slot: int) -> bytes:
    """A translate table: opcode -> the limit class of its operand ``slot``."""
    return _translation(lambda op: _limit_class(op, slot))


def _constants(of: dict[int, int]) -> bytes:
    """A translate table: opcode -> its value in ``of``, 0 if it has none."""
    return _translation(lambda op: of.get(op, 0))


# Per operand slot (1, 2, 3): opcode -> limit class.
_CLASS_OF = [b"", _classes(1), _classes(2), _classes(3)]
_KNOWN_BYTES = bytes(sorted(_KNOWN))
_TERMINATOR_BYTES = _mask(opcodes.TERMINATORS)
# FLAGS operands whose lowest value is 1: (opcode, its mask table, slot).
_LOW_ONE = [
    (op, _mask({op}), slot) for (op, slot), (low, _) in _FLAGS.items() if low == 1
]
assert all(low in (0, 1) for low, _ in _FLAGS.values())
# Runs whose length is an operand (or the row's n), by shape (start slot, coefficient slot,
# coefficient, n-function): one pass covers every opcode of a shape (CALL, CALL_KW and the
# BUILD_s are one), its constant per opcode from a translate table.
_SHAPES: dict[tuple[int, int, int, Callable[[int], int] | None], dict[int, int]] = {}
for _op, _op_runs in _OP_RUNS.items():
    for _slot, _constant, _coef_slot, _coef, _special in _op_runs:
        if _coef_slot or _special is not None:
            _shape = (_slot, _coef_slot, _coef, _special)
            _SHAPES.setdefault(_shape, {})[_op] = _constant
assert all(k < 256 for constants in _SHAPES.values() for k in constants.values())
# MAKE_FUNCTION's n for each c its FLAGS range allows (checked before the runs): a list's
# C-level __getitem__ instead of a Python call per instruction.
_MAKE_FUNCTION_N = [_RUN_N["MAKE_FUNCTION"](c) for c in range(32)]
assert _FLAG_RANGES["MAKE_FUNCTION", 3] == (0, 31)
_VARYING_RUNS = [
    (
        frozenset(constants),
        _mask(constants),
        _constants(constants),
        slot,
        coef_slot,
        coef,
        _MAKE_FUNCTION_N.__getitem__ if special is _RUN_N["MAKE_FUNCTION"] else special,
    )
    for (slot, coef_slot, coef, special), constants in _SHAPES.items()
]
# The opcodes with neither (deleted by bytes.translate, to see which others are present).
_PLAIN_BYTES = bytes(
    op
    for op in range(256)
    if op not in {o for o, _, _ in _LOW_ONE}.union(*_SHAPES.values())
)


def _limits(nregs: int, nnames: int, ninstr: int) -> list[int]:
    """A code object's highest value of each limit class (the order of ``_limit_class``)."""
    return [
        _UNBOUNDED,
        nregs - 1,
        nnames - 1,
        ninstr - 1,
        0,
        *_FLAG_HIGHS,
        *[nregs - k for k in _REG_LESS],
    ]


def check_instructions(values: Sequence[int], nregs: int, nnames: int) -> str | None:
    """None if every operand of the instructions ``values`` (op, a, b, c of each, one
    after another) is in range; else what is wrong, and where."""
    if not values or len(values) % 4:
        return "the instruction array is empty or not a multiple of 4"
    if _fast_check(values, nregs, nnames):
        return None
    it = iter(values)
    code: list[Instruction] = list(zip(it, it, it, it))
    problem = _first_problem(code, nregs, nnames)
    assert problem is not None, "the fast operand check failed where the rules pass"
    return problem


def _fast_check(values: Sequence[int], nregs: int, nnames: int) -> bool:
    """``_first_problem(...) is None``, with no Python code run per instruction."""
    try:
        ops = bytes(values[0::4])
    except ValueError:  # an opcode past 255: unknown
        return False
    if ops.translate(None, _KNOWN_BYTES) or not _TERMINATOR_BYTES[ops[-1]]:
        return False
    columns = (ops, values[1::4], values[2::4], values[3::4])
    limits = _limits(nregs, nnames, len(ops))
    for slot in (1, 2, 3):
        highs = map(limits.__getitem__, ops.translate(_CLASS_OF[slot]))
        if not all(map(le, columns[slot], highs)):
            return False
    return _runs_in_frame(ops, columns, nregs)


def _runs_in_frame(ops: bytes, columns: Sequence[Sequence[int]], nregs: int) -> bool:
    """The runs whose length is an operand end inside the frame; low-bounded flags hold.
    (After the operands' limits: MAKE_FUNCTION's c is known to be in its range.)"""
    present = set(ops.translate(None, _PLAIN_BYTES))
    if not present:
        return True
    for op, table, slot in _LOW_ONE:
        if op in present and 0 in compress(columns[slot], ops.translate(table)):
            return False
    for members, mask_table, constants, slot, coef_slot, coef, n_of in _VARYING_RUNS:
        if present.isdisjoint(members):
            continue
        mask = ops.translate(mask_table)
        ends: Iterable[int] = map(
            add, compress(columns[slot], mask), compress(ops.translate(constants), mask)
        )
        if coef_slot:
            lengths: Iterable[int] = compress(columns[coef_slot], mask)
            if coef != 1:
                lengths = map(mul, lengths, repeat(coef))
            ends = map(add, ends, lengths)
        if n_of is not None:
            ends = map(add, ends, map(n_of, compress(columns[3], mask)))
        if max(ends) > nregs:
            return False
    return True
