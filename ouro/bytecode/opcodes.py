"""Ouro's instruction set: THE table.  Everything else about opcodes is derived from it.

Format (chosen by measurement, docs/vm-format.md): a register machine.  An instruction is a
pre-decoded 4-tuple ``(op, a, b, c)``; its operands index one register list per frame, laid out

    [ parameters | other locals | temporaries | constants ]

so no instruction tells a constant from a local.  An operand that is not a register is a
small int of another kind: an index into ``co_names``, a jump target (an instruction index),
a count, or a flag word.  Instructions that take a run of values read consecutive registers
(``r[b:b+c]``), which the code generator lines up.

Each row below: name, number, the kinds of operands a, b, c, a picture of what it reads and
writes, and one line of meaning.  Picture grammar: inputs ``->`` outputs, each a space-separated
list of ``r[x]`` (a register), ``r[x:x+n]`` (a run), ``names[x]`` or ``@x`` (a jump to x); an
empty side is ``-``.  Pops and pushes are not stated twice: tools read them from the picture.

Notes
* Jumps: a jump operand is an absolute instruction index (the assembler resolves labels).
* FOR_ITER leaves the loop by jumping to c when the iterator is exhausted.
* CALL passes ``r[b+1 : b+1+c]`` to ``r[b]``; CALL_KW also reads a tuple of keyword names
  in ``r[b+1+c]``; the last len(names) arguments are the keyword arguments.
* MAKE_FUNCTION's c is a flag word: 1 defaults, 2 keyword defaults, 4 annotations,
  8 closure, 16 type parameters; the extras sit in ``r[b+1...]`` in that order.
* Changing the table (a row, a number, a picture) changes ``FINGERPRINT``; a test then
  demands a new entry in ``MAGIC_HISTORY`` (the .pyc magic number is bumped).
"""

from __future__ import annotations

import re
from typing import NamedTuple

# --- operand kinds ---------------------------------------------------------------------
NONE = "-"  # operand unused (0)
REG = "reg"  # a register number
NAME = "name"  # an index into co_names
TARGET = "jump"  # an instruction index (a jump target)
COUNT = "count"  # a number of values
FLAGS = "flags"  # a small flag word or enum value, explained in the row's meaning
KINDS = (NONE, REG, NAME, TARGET, COUNT, FLAGS)


class OpInfo(NamedTuple):
    """One row of the table.  (A NamedTuple, not a dataclass: this module is imported at
    every start, and the host's dataclasses module costs a warm start ~8 ms.)"""

    name: str
    number: int
    operands: tuple[str, str, str]
    picture: str
    meaning: str


_ROWS: list[OpInfo] = []


def op(
    name: str, number: int, a: str, b: str, c: str, picture: str, meaning: str
) -> None:
    _ROWS.append(OpInfo(name, number, (a, b, c), picture, meaning))


R, K, J, N_, F, X = REG, NAME, TARGET, COUNT, FLAGS, NONE

# fmt: off
#  name                num   a  b  c   picture                               meaning
# --- moving values ---
op("NOP",               0,   X, X, X,  "- -> -",                             "do nothing (a jump target or a line marker)")
op("MOVE",              1,   R, R, X,  "r[b] -> r[a]",                       "copy register b into register a")
op("CHECK_LOCAL",       2,   R, X, X,  "r[a] -> -",                          "UnboundLocalError if local a has no value yet")
op("DELETE_LOCAL",      3,   R, X, X,  "r[a] -> r[a]",                       "unbind local a (UnboundLocalError if unbound)")
op("LOAD_GLOBAL",       4,   R, K, X,  "names[b] -> r[a]",                   "r[a] = the global names[b], else the builtin; NameError if neither")
op("STORE_GLOBAL",      5,   R, K, X,  "r[a] -> names[b]",                   "bind the global names[b] to r[a]")
op("DELETE_GLOBAL",     6,   X, K, X,  "names[b] -> -",                      "unbind the global names[b] (NameError if unbound)")
op("LOAD_NAME",         7,   R, K, X,  "names[b] -> r[a]",                   "r[a] = names[b] from the locals mapping, globals, then builtins")
op("STORE_NAME",        8,   R, K, X,  "r[a] -> names[b]",                   "bind names[b] in the locals mapping (module and class bodies)")
op("DELETE_NAME",       9,   X, K, X,  "names[b] -> -",                      "unbind names[b] in the locals mapping (NameError if unbound)")
op("LOAD_DEREF",       10,   R, R, X,  "r[b] -> r[a]",                       "r[a] = the contents of cell r[b] (NameError/UnboundLocalError if empty)")
op("STORE_DEREF",      11,   R, R, X,  "r[a] -> r[b]",                       "store r[a] into cell r[b]")
op("DELETE_DEREF",     12,   X, R, X,  "r[b] -> r[b]",                       "empty cell r[b] (error if already empty)")
op("MAKE_CELL",        13,   R, X, X,  "r[a] -> r[a]",                       "replace local a by a new cell holding its value (or empty)")
op("LOAD_CLASSDEREF",  14,   R, R, K,  "r[b] names[c] -> r[a]",              "in a class body: names[c] from the locals mapping, else cell r[b]")
op("LOAD_FROM_DICT_OR_DEREF",15, R, R, K, "r[a] r[b] names[c] -> r[a]",      "r[a] = names[c] from the mapping r[a] (a class namespace), else the contents of cell r[b]")
op("LOAD_FROM_DICT_OR_GLOBALS",16, R, K, X, "r[a] names[b] -> r[a]",         "r[a] = names[b] from the mapping r[a] (a class namespace), else the global or builtin")
op("MOVE2",            17,   R, R, R,  "r[b] r[c] -> r[a:a+2]",              "r[a] = r[b]; r[a+1] = r[c] (a specialisation numbered beside MOVE)")
# --- attributes and items ---
op("LOAD_ATTR",        20,   R, R, K,  "r[b] names[c] -> r[a]",              "r[a] = getattr(r[b], names[c])")
op("STORE_ATTR",       21,   R, R, K,  "r[a] r[b] names[c] -> -",            "setattr(r[b], names[c], r[a])")
op("DELETE_ATTR",      22,   X, R, K,  "r[b] names[c] -> -",                 "delattr(r[b], names[c])")
op("LOAD_SUBSCR",      23,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b][r[c]]")
op("STORE_SUBSCR",     24,   R, R, R,  "r[a] r[b] r[c] -> -",                "r[b][r[c]] = r[a]")
op("DELETE_SUBSCR",    25,   X, R, R,  "r[b] r[c] -> -",                     "del r[b][r[c]]")
op("LOAD_SUPER_ATTR",  26,   R, R, K,  "r[b:b+3] names[c] -> r[a]",          "r[a] = super(r[b+1], r[b+2]).names[c], r[b] being the super object")
# --- operators: r[a] = r[b] <op> r[c] ---
op("ADD",              30,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] + r[c]")
op("SUBTRACT",         31,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] - r[c]")
op("MULTIPLY",         32,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] * r[c]")
op("TRUE_DIVIDE",      33,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] / r[c]")
op("FLOOR_DIVIDE",     34,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] // r[c]")
op("REMAINDER",        35,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] % r[c]")
op("POWER",            36,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] ** r[c]")
op("MATRIX_MULTIPLY",  37,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] @ r[c]")
op("LSHIFT",           38,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] << r[c]")
op("RSHIFT",           39,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] >> r[c]")
op("AND",              40,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] & r[c]")
op("OR",               41,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] | r[c]")
op("XOR",              42,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] ^ r[c]")
op("INPLACE",          43,   R, R, F,  "r[a] r[b] -> r[a]",                  "r[a] = r[a] <op>= r[b]; c: 0 + 1 - 2 * 3 @ 4 / 5 % 6 ** 7 << 8 >> 9 | 10 ^ 11 & 12 // (ast's order)")
op("NEGATIVE",         44,   R, R, X,  "r[b] -> r[a]",                       "r[a] = -r[b]")
op("POSITIVE",         45,   R, R, X,  "r[b] -> r[a]",                       "r[a] = +r[b]")
op("INVERT",           46,   R, R, X,  "r[b] -> r[a]",                       "r[a] = ~r[b]")
op("NOT",              47,   R, R, X,  "r[b] -> r[a]",                       "r[a] = not r[b]")
op("TO_BOOL",          48,   R, R, X,  "r[b] -> r[a]",                       "r[a] = bool(r[b])")
# --- comparisons: r[a] = r[b] <cmp> r[c] ---
op("COMPARE_EQ",       50,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] == r[c]")
op("COMPARE_NE",       51,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] != r[c]")
op("COMPARE_LT",       52,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] < r[c]")
op("COMPARE_LE",       53,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] <= r[c]")
op("COMPARE_GT",       54,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] > r[c]")
op("COMPARE_GE",       55,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] >= r[c]")
op("IS",               56,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] is r[c]")
op("IS_NOT",           57,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] is not r[c]")
op("CONTAINS",         58,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] in r[c]")
op("NOT_CONTAINS",     59,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b] not in r[c]")
# --- jumps (a fused compare-and-branch family is added with the superinstructions) ---
op("JUMP",             60,   J, X, X,  "- -> @a",                            "continue at instruction a")
op("JUMP_IF_FALSE",    61,   R, J, X,  "r[a] -> @b",                         "continue at b if r[a] is false")
op("JUMP_IF_TRUE",     62,   R, J, X,  "r[a] -> @b",                         "continue at b if r[a] is true")
op("JUMP_IF_NONE",     63,   R, J, X,  "r[a] -> @b",                         "continue at b if r[a] is None")
op("JUMP_IF_NOT_NONE", 64,   R, J, X,  "r[a] -> @b",                         "continue at b if r[a] is not None")
# --- building values ---
op("BUILD_TUPLE",      70,   R, R, N_, "r[b:b+c] -> r[a]",                   "r[a] = tuple of the c registers from b")
op("BUILD_LIST",       71,   R, R, N_, "r[b:b+c] -> r[a]",                   "r[a] = list of the c registers from b")
op("BUILD_SET",        72,   R, R, N_, "r[b:b+c] -> r[a]",                   "r[a] = set of the c registers from b")
op("BUILD_MAP",        73,   R, R, N_, "r[b:b+2*c] -> r[a]",                 "r[a] = dict of c key/value pairs from register b")
op("BUILD_SLICE",      74,   R, R, N_, "r[b:b+c] -> r[a]",                   "r[a] = slice(*r[b:b+c]), c being 2 or 3")
op("BUILD_STRING",     75,   R, R, N_, "r[b:b+c] -> r[a]",                   "r[a] = ''.join of the c strings from register b")
op("FORMAT_VALUE",     76,   R, R, F,  "r[b:b+2] -> r[a]",                   "r[a] = format(conv(r[b]), r[b+1] or ''); c: conversion (0 none, 1 str, 2 repr, 3 ascii) + 4 if a spec")
op("LIST_APPEND",      77,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a].append(r[b])")
op("LIST_EXTEND",      78,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a].extend(r[b])")
op("SET_ADD",          79,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a].add(r[b])")
op("SET_UPDATE",       80,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a].update(r[b])")
op("MAP_ADD",          81,   R, R, R,  "r[a] r[b] r[c] -> r[a]",             "r[a][r[b]] = r[c]")
op("DICT_UPDATE",      82,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a].update(r[b]) ('**' in a display; TypeError names a non-mapping)")
op("DICT_MERGE",       83,   R, R, R,  "r[a] r[b] r[c] -> r[a]",             "merge r[b] into r[a] for a call to r[c]; TypeError on a repeated keyword")
op("LIST_TO_TUPLE",    84,   R, R, X,  "r[b] -> r[a]",                       "r[a] = tuple(r[b])")
op("UNPACK_SEQUENCE",  85,   R, R, N_, "r[b] -> r[a:a+c]",                   "unpack exactly c values of r[b] into c registers from a")
op("UNPACK_EX",        86,   R, R, F,  "r[b] -> r[a:a+n]",                   "unpack with a star: c = before + 256 * after; the starred list in between")
# --- iteration ---
op("GET_ITER",         90,   R, R, X,  "r[b] -> r[a]",                       "r[a] = iter(r[b])")
op("FOR_ITER",         91,   R, R, J,  "r[b] -> r[a] @c",                    "r[a] = next(r[b]); when exhausted continue at c")
op("GET_AITER",        92,   R, R, X,  "r[b] -> r[a]",                       "r[a] = r[b].__aiter__()")
op("GET_ANEXT",        93,   R, R, X,  "r[b] -> r[a]",                       "r[a] = awaitable of r[b].__anext__()")
op("END_ASYNC_FOR",    94,   R, J, X,  "r[a] -> @b",                         "if r[a] is StopAsyncIteration continue at b, else re-raise it")
# --- calls and functions ---
op("CALL",            100,   R, R, N_, "r[b:b+1+c] -> r[a]",                 "r[a] = r[b](*r[b+1:b+1+c])")
op("CALL_KW",         101,   R, R, N_, "r[b:b+2+c] -> r[a]",                 "as CALL, the last len(r[b+1+c]) arguments passed by the names in that tuple")
op("CALL_EX",         102,   R, R, F,  "r[b:b+3] -> r[a]",                   "r[a] = r[b](*r[b+1], **r[b+2]); c = 1 if there is a mapping")
op("MAKE_FUNCTION",   103,   R, R, F,  "r[b:b+1+n] -> r[a]",                 "r[a] = a function of the code object r[b]; c flags the extras (Notes)")
op("RETURN",          104,   R, X, X,  "r[a] -> -",                          "return r[a] to the caller")
op("LOAD_BUILD_CLASS",105,   R, X, X,  "- -> r[a]",                          "r[a] = __build_class__ from the builtins (Ouro's unless a program replaced it); a CALL follows")
op("LOAD_LOCALS",     106,   R, X, X,  "- -> r[a]",                          "r[a] = the frame's locals mapping")
op("SETUP_ANNOTATIONS",107,  X, X, X,  "- -> -",                             "create __annotations__ in the locals mapping if missing")
# --- generators and coroutines ---
op("RETURN_GENERATOR",110,   X, X, X,  "- -> -",                             "at entry: return a generator/coroutine object that runs this frame")
op("YIELD_VALUE",     111,   R, R, X,  "r[b] -> r[a]",                       "suspend with r[b]; r[a] receives the value sent in")
op("SEND",            112,   R, R, J,  "r[a] r[b] -> r[b] @c",               "send r[b] into sub-iterator r[a]; r[b] = what it yields, or on StopIteration its value and continue at c")
op("GET_AWAITABLE",   113,   R, R, F,  "r[b] -> r[a]",                       "r[a] = the iterator of awaitable r[b]; c: 0 await, 1 __aenter__, 2 __aexit__")
op("GET_YIELD_FROM_ITER",114, R, R, X, "r[b] -> r[a]",                       "r[a] = iter(r[b]) unless r[b] is a generator or coroutine")
# --- exceptions ---
op("RAISE",           120,   R, R, F,  "r[a] r[b] -> -",                     "c = 0: re-raise the handled exception; 1: raise r[a]; 2: raise r[a] from r[b]")
op("RERAISE",         121,   R, X, X,  "r[a] -> -",                          "raise r[a] again, keeping its traceback")
op("PUSH_EXC_INFO",   122,   R, R, X,  "r[b] -> r[a]",                       "r[a] = the exception being handled; make r[b] the one handled now")
op("POP_EXCEPT",      123,   R, X, X,  "r[a] -> -",                          "restore r[a] as the exception being handled")
op("CHECK_EXC_MATCH", 124,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = isinstance(r[b], r[c]), TypeError if r[c] is not an exception class")
op("CHECK_EG_MATCH",  125,   R, R, R,  "r[b] r[c] -> r[a:a+2]",              "except*: split group r[b] by r[c] into (rest, match) in r[a], r[a+1]")
op("INTRINSIC",       129,   R, R, F,  "r[b:b+2] -> r[a]",                   "r[a] = INTRINSICS[c] applied to r[b] (and r[b+1] for the two-argument ones)")
op("WITH_ENTER",      126,   R, R, F,  "r[b] -> r[a:a+2]",                   "r[a] = bound __exit__ (c=1: __aexit__), r[a+1] = result of __enter__ (c=1: __aenter__)")
op("WITH_EXIT",       127,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a] = r[a](type(r[b]), r[b], traceback) for exception r[b]")
op("ASSERT_FAIL",     128,   R, F, X,  "r[a] -> -",                          "raise AssertionError (with message r[a] if b is 1)")
# --- imports ---
op("IMPORT_NAME",     130,   R, K, R,  "names[b] r[c:c+2] -> r[a]",          "r[a] = __import__(names[b], fromlist=r[c+1], level=r[c])")
op("IMPORT_FROM",     131,   R, R, K,  "r[b] names[c] -> r[a]",              "r[a] = the attribute (or submodule) names[c] of module r[b]; ImportError if missing")
op("IMPORT_STAR",     132,   X, R, X,  "r[b] -> -",                          "bind every public name of module r[b] in the locals mapping")
# --- pattern matching ---
op("MATCH_CLASS",     140,   R, R, N_, "r[b:b+3] -> r[a]",                   "r[a] = attribute tuple if r[b] matches class r[b+1] with c positional and names r[b+2], else None")
op("MATCH_MAPPING",   141,   R, R, X,  "r[b] -> r[a]",                       "r[a] = whether r[b] is a mapping for match")
op("MATCH_SEQUENCE",  142,   R, R, X,  "r[b] -> r[a]",                       "r[a] = whether r[b] is a sequence for match")
op("MATCH_KEYS",      143,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = tuple of r[b]'s values for the keys tuple r[c], or None")
op("GET_LEN",         144,   R, R, X,  "r[b] -> r[a]",                       "r[a] = len(r[b])")
op("COPY_DICT_WITHOUT_KEYS",145, R, R, R, "r[b] r[c] -> r[a]",               "r[a] = a dict of r[b] without the keys in tuple r[c]")
# --- the interactive prompt ---
op("PRINT_EXPR",      150,   R, X, X,  "r[a] -> -",                          "show r[a] at the prompt (sys.displayhook)")
# --- specialised and fused instructions (issue #7): SPECIALISES names what each stands for.
# They are numbered from 160, except where the loop must find one in its generic
# instruction's group (loop.GROUPS): MOVE2 above. ---
op("INPLACE_ADD",     160,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a] += r[b]")
op("INPLACE_SUBTRACT",161,   R, R, X,  "r[a] r[b] -> r[a]",                  "r[a] -= r[b]")
op("FOR_ITER_BACK",   162,   R, R, J,  "r[b] -> r[a] @c",                    "a loop's back edge: r[a] = next(r[b]) and continue at c; when exhausted go on")
op("CALL1",           163,   R, R, R,  "r[b] r[c] -> r[a]",                  "r[a] = r[b](r[c])")
op("CALL2",           164,   R, R, R,  "r[a] r[b] r[c] -> r[a]",             "r[a] = r[a](r[b], r[c])")
op("JUMP_IF_EQ",      165,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c if r[a] == r[b]")
op("JUMP_IF_NE",      166,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c if r[a] != r[b]")
op("JUMP_IF_LT",      167,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c if r[a] < r[b]")
op("JUMP_IF_LE",      168,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c if r[a] <= r[b]")
op("JUMP_IF_GT",      169,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c if r[a] > r[b]")
op("JUMP_IF_GE",      170,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c if r[a] >= r[b]")
op("JUMP_UNLESS_EQ",  171,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c unless r[a] == r[b]")
op("JUMP_UNLESS_NE",  172,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c unless r[a] != r[b]")
op("JUMP_UNLESS_LT",  173,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c unless r[a] < r[b]")
op("JUMP_UNLESS_LE",  174,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c unless r[a] <= r[b]")
op("JUMP_UNLESS_GT",  175,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c unless r[a] > r[b]")
op("JUMP_UNLESS_GE",  176,   R, R, J,  "r[a] r[b] -> @c",                    "continue at c unless r[a] >= r[b]")
# fmt: on

# INTRINSIC's c: the operations too rare to deserve an opcode, by number (CPython's
# CALL_INTRINSIC_1/2 plays the same part).
INTRINSICS: tuple[str, ...] = (
    "",
    "TYPE_PARAMS",  # r[b] a spec of PEP 695 parameters, r[b+1] their lazy bounds -> a tuple
    "TYPE_ALIAS",  # r[b] (name, spec), r[b+1] (value function, *bound functions) -> an alias
    "SUBSCRIPT_GENERIC",  # r[b] a tuple of type parameters -> typing.Generic[*r[b]]
    "PREP_RERAISE_STAR",  # r[b] the group caught, r[b+1] what the except* clauses left
    "CALLER_MODULE",  # r[b] made by a host callable that names it after its caller's module
)
INTRINSIC_NUMBER: dict[str, int] = {
    name: i for i, name in enumerate(INTRINSICS) if name
}

# The specialised and fused instructions: each stands for this sequence of generic ones
# (the compiler's peephole pass makes them, ouro/compiler/peephole.py; docs/vm.md).  An
# instruction a fused one replaces is gone from the code, except the JUMP of FOR_ITER_BACK's
# loop head, which stays where the loop starts.
SPECIALISES: dict[str, tuple[str, ...]] = {
    "MOVE2": ("MOVE", "MOVE"),  # into consecutive registers (a call's arguments)
    "INPLACE_ADD": ("INPLACE",),  # c = 0
    "INPLACE_SUBTRACT": ("INPLACE",),  # c = 1
    "FOR_ITER_BACK": ("JUMP", "FOR_ITER"),  # the jump back to the loop's FOR_ITER
    "CALL1": ("MOVE", "CALL"),  # the argument read where it is, not moved
    "CALL2": ("MOVE", "MOVE", "CALL"),  # the same, two arguments
    **{
        f"JUMP_{sense}_{cmp}": (f"COMPARE_{cmp}", jump)
        for sense, jump in (("IF", "JUMP_IF_TRUE"), ("UNLESS", "JUMP_IF_FALSE"))
        for cmp in ("EQ", "NE", "LT", "LE", "GT", "GE")
    },
}

# --- derived views --------------------------------------------------------------------
OPS: tuple[OpInfo, ...] = tuple(_ROWS)
BY_NAME: dict[str, OpInfo] = {info.name: info for info in OPS}
BY_NUMBER: dict[int, OpInfo] = {info.number: info for info in OPS}
JUMPS: frozenset[int] = frozenset(
    info.number for info in OPS if TARGET in info.operands
)
# Opcodes after which control never falls through to the next instruction.
TERMINATORS: frozenset[int] = frozenset(
    BY_NAME[name].number
    for name in ("JUMP", "RETURN", "RAISE", "RERAISE", "ASSERT_FAIL")
)

# The opcode numbers as module constants (``opcodes.ADD``), one grep away from their row.
globals().update({info.name: info.number for info in OPS})

# A picture side is "-" or items: r[x], a run r[x:...], names[x], or a jump @x.
_ITEM = r"(?:r\[[a-c](?::[^\]]+)?\]|names\[[a-c]\]|@[a-c])"
_PICTURE_SIDE = re.compile(rf"^(?:-|{_ITEM}(?: {_ITEM})*)$")


def picture_sides(info: OpInfo) -> tuple[list[str], list[str]]:
    """The picture's inputs and outputs, as lists of their items."""
    before, _, after = info.picture.partition(" -> ")
    return _items(before), _items(after)


def _items(side: str) -> list[str]:
    return [] if side == "-" else side.split(" ")


def _check_table() -> None:
    """Import-time checks: unique names and numbers, known kinds, well-formed pictures."""
    names = [info.name for info in OPS]
    numbers = [info.number for info in OPS]
    assert len(set(names)) == len(names), "an opcode name is used twice"
    assert len(set(numbers)) == len(numbers), "an opcode number is used twice"
    for info in OPS:
        assert 0 <= info.number < 256, info.name
        assert all(kind in KINDS for kind in info.operands), info.name
        before, sep, after = info.picture.partition(" -> ")
        assert sep and _PICTURE_SIDE.match(before) and _PICTURE_SIDE.match(after), (
            f"{info.name}: bad picture {info.picture!r}"
        )
    for name, generic in SPECIALISES.items():
        assert name in BY_NAME, f"{name}: a specialisation without a row"
        assert all(g not in SPECIALISES for g in generic), f"{name}: {generic}"
    assert {i.name for i in OPS if i.number >= 160} <= set(SPECIALISES), (
        "the numbers from 160 are specialisations"
    )


_check_table()


def fingerprint() -> str:
    """A digest of every row: it changes whenever the instruction set does."""
    import hashlib  # here, not at the top: OpenSSL's load is not every start's cost

    digest = hashlib.sha256()
    digest.update(repr(INTRINSICS).encode())
    for info in OPS:
        digest.update(
            repr((info.name, info.number, info.operands, info.picture)).encode()
        )
    return digest.hexdigest()[:16]


# The .pyc magic number's history, newest last: (magic, date, table fingerprint, reason).
# A test checks that the newest entry's fingerprint is the table's: change the table, add a row.
MAGIC_HISTORY: tuple[tuple[int, str, str, str], ...] = (
    (
        3900,
        "2026-11-24",
        "e9767df64b10dd54",
        "the first instruction set (register format)",
    ),
    (
        3901,
        "2026-11-24",
        "e9195b8a046d4dd2",
        "SEND writes r[b]; BUILD_CLASS reads its names tuple",
    ),
    (
        3902,
        "2026-11-24",
        "feffe395417ad784",
        "LOAD_BUILD_CLASS + a call replace BUILD_CLASS; LOAD_FROM_DICT_OR_*; INTRINSIC",
    ),
    (
        3903,
        "2026-11-24",
        "73cc04ea26131033",
        "the fingerprint covers the INTRINSICS list; intrinsic CALLER_MODULE",
    ),
    (
        3904,
        "2026-11-24",
        "d245151205ba1c50",
        "issue #7: specialised and fused instructions (SPECIALISES)",
    ),
    (
        3905,
        "2026-11-24",
        "62a0bd225403c40b",
        "issue #7: MOVE2 (two moves into consecutive registers)",
    ),
)
MAGIC_NUMBER: int = MAGIC_HISTORY[-1][0]
