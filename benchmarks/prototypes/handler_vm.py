"""Variant C: register machine (B's format and listings), dispatch through a handler table.

Format: as variant B, 4-tuples (op, a, b, c) over a register list holding parameters, locals,
temporaries and constants. Dispatch: `frame = HANDLERS[op](frame, a, b, c)`, one host function
per opcode. A handler works on the frame object (registers, pc, globals, caller) and returns
the frame to continue with: the same one, the callee after a call, the caller after a return.

Calls: a new Frame object links to its caller (`back`); no host recursion. The outermost RETURN
ends the loop with a `Done` exception. Exceptions: one host `try` around the loop; the range
table is searched at pc - 1, then the callers' tables.
"""

from __future__ import annotations

from common import NULL, Function, lookup_method, opcode_numbers
from register_programs import OPS
from register_programs import build as build_program

OPCODES = opcode_numbers(OPS)


def build(name):
    return build_program(name, OPCODES)


class Frame:
    __slots__ = ("back", "code", "dest", "glb", "insts", "pc", "r")

    def __init__(self, func, args, back, dest):
        code = func.code
        self.code = code
        self.insts = code.insts
        self.glb = func.globals
        self.r = r = code.template[:]
        r[: len(args)] = args
        self.pc = 0
        self.back = back
        self.dest = dest


class Done(Exception):
    """The outermost frame returned."""


def op_add(f, a, b, c):  # ADD  r[b] r[c] -> r[a]
    r = f.r
    r[a] = r[b] + r[c]
    return f


def op_jump_if_lt(f, a, b, c):  # JUMP_IF_LT  r[a] r[b]: to c if r[a] < r[b]
    r = f.r
    if r[a] < r[b]:
        f.pc = c
    return f


def op_move(f, a, b, c):  # MOVE  r[b] -> r[a]
    r = f.r
    r[a] = r[b]
    return f


def op_mul(f, a, b, c):  # MUL  r[b] r[c] -> r[a]
    r = f.r
    r[a] = r[b] * r[c]
    return f


def op_mod(f, a, b, c):  # MOD  r[b] r[c] -> r[a]
    r = f.r
    r[a] = r[b] % r[c]
    return f


def op_sub(f, a, b, c):  # SUB  r[b] r[c] -> r[a]
    r = f.r
    r[a] = r[b] - r[c]
    return f


def op_call(f, a, b, c):  # CALL  r[b](r[b+1] .. r[b+c]) -> r[a]
    r = f.r
    func = r[b]
    if type(func) is Function:
        return Frame(func, r[b + 1 : b + 1 + c], f, a)
    r[a] = func(*r[b + 1 : b + 1 + c])
    return f


def op_return(f, a, b, c):  # RETURN  r[a] -> caller's dest register
    back = f.back
    if back is None:
        raise Done(f.r[a])
    back.r[f.dest] = f.r[a]
    return back


def op_load_global(f, a, b, c):  # LOAD_GLOBAL  globals[b] -> r[a]
    f.r[a] = f.glb[b]
    return f


def op_jump_if_not_lt(f, a, b, c):  # JUMP_IF_NOT_LT  r[a] r[b]: to c unless r[a] < r[b]
    r = f.r
    if not r[a] < r[b]:
        f.pc = c
    return f


def op_load_method(
    f, a, b, c
):  # LOAD_METHOD  r[b].c -> r[a] (callable), r[a+1] (self or NULL)
    r = f.r
    r[a], r[a + 1] = lookup_method(r[b], c)
    return f


def op_call_method(
    f, a, b, c
):  # CALL_METHOD  r[b](r[b+1]?, r[b+2] .. r[b+1+c]) -> r[a]
    r = f.r
    func = r[b]
    if type(func) is Function:
        return Frame(func, r[b + 1 : b + 2 + c], f, a)
    if r[b + 1] is NULL:
        r[a] = func(*r[b + 2 : b + 2 + c])
    else:
        r[a] = func(*r[b + 1 : b + 2 + c])
    return f


def op_getattr(f, a, b, c):  # GETATTR  r[b].c -> r[a]
    r = f.r
    r[a] = getattr(r[b], c)
    return f


def op_setattr(f, a, b, c):  # SETATTR  r[c] -> r[a].b
    r = f.r
    setattr(r[a], b, r[c])
    return f


def op_for_iter(f, a, b, c):  # FOR_ITER  next(r[b]) -> r[a]; to c when exhausted
    r = f.r
    value = next(r[b], NULL)
    if value is NULL:
        f.pc = c
    else:
        r[a] = value
    return f


def op_jump(f, a, b, c):  # JUMP  to a
    f.pc = a
    return f


def op_getitem(f, a, b, c):  # GETITEM  r[b][r[c]] -> r[a]
    r = f.r
    r[a] = r[b][r[c]]
    return f


def op_setitem(f, a, b, c):  # SETITEM  r[c] -> r[a][r[b]]
    r = f.r
    r[a][r[b]] = r[c]
    return f


def op_jump_if_not_eq(
    f, a, b, c
):  # JUMP_IF_NOT_EQ  r[a] r[b]: to c unless r[a] == r[b]
    r = f.r
    if not r[a] == r[b]:  # noqa: SIM201 (`not ==`, as `if a == b` compiles)
        f.pc = c
    return f


def op_get_iter(f, a, b, c):  # GET_ITER  iter(r[b]) -> r[a]
    r = f.r
    r[a] = iter(r[b])
    return f


def op_build_list(f, a, b, c):  # BUILD_LIST  [] -> r[a]
    f.r[a] = []
    return f


def op_build_map(f, a, b, c):  # BUILD_MAP  {} -> r[a]
    f.r[a] = {}
    return f


def op_raise(f, a, b, c):  # RAISE  r[a]
    raise f.r[a]


def op_jump_if_not_exc_match(
    f, a, b, c
):  # JUMP_IF_NOT_EXC_MATCH  to c unless r[a] matches r[b]
    r = f.r
    if not isinstance(r[a], r[b]):
        f.pc = c
    return f


def op_reraise(f, a, b, c):  # RERAISE  r[a]
    raise f.r[a]


HANDLERS = [globals()["op_" + name.lower()] for name in OPCODES]


def run(func, args):
    frame = Frame(func, list(args), None, 0)
    handlers = HANDLERS
    while True:
        try:
            while True:
                pc = frame.pc
                op, a, b, c = frame.insts[pc]
                frame.pc = pc + 1
                frame = handlers[op](frame, a, b, c)
        except Done as done:
            return done.args[0]
        except Exception as exc:
            while (entry := frame.code.find_handler(frame.pc - 1)) is None:
                if frame.back is None:
                    raise
                frame = frame.back
            frame.r[entry[3]] = exc
            frame.pc = entry[2]
