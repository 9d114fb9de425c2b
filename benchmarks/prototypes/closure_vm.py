"""Variant E: register machine (B's format and listings) run as threaded code, a closure per instruction.

Format: at load time each 4-tuple (op, a, b, c) of B becomes a host closure over its operands
(and the function's globals) that takes the register list and returns the next pc. Dispatch:
`pc = fns[pc](r)`: no opcode test at all. A closure that must switch frames returns a negative
pc (-1 call, -2 return) and leaves what the loop needs in PENDING.

Calls: the loop saves (code, r, return pc, dest) on a list and switches to the callee; no host
recursion. Exceptions: one host `try` around the loop; pc still names the failing instruction
(the assignment never happened), so the range table is searched at pc, then at each caller's
return pc - 1.
"""

from __future__ import annotations

from common import NULL, Function, lookup_method, opcode_numbers
from register_programs import OPS
from register_programs import build as build_program

OPCODES = opcode_numbers(OPS)
CALL, RETURN = -1, -2
PENDING = [None]  # the call (func, args, dest, return pc) or the returned value


def build(name):
    main, codes = build_program(name, OPCODES)
    for code in codes:
        code.insts = [
            _compile(pc, *inst, main.globals) for pc, inst in enumerate(code.insts)
        ]
    return main, codes


def _compile(pc, op, a, b, c, glb):  # one short case per opcode
    """The closure for one instruction; `nxt` is the fall-through pc."""
    nxt = pc + 1
    name = {v: k for k, v in OPCODES.items()}[op]
    if name == "ADD":

        def step(r):
            r[a] = r[b] + r[c]
            return nxt
    elif name == "SUB":

        def step(r):
            r[a] = r[b] - r[c]
            return nxt
    elif name == "MUL":

        def step(r):
            r[a] = r[b] * r[c]
            return nxt
    elif name == "MOD":

        def step(r):
            r[a] = r[b] % r[c]
            return nxt
    elif name == "MOVE":

        def step(r):
            r[a] = r[b]
            return nxt
    elif name == "JUMP_IF_LT":

        def step(r):
            return c if r[a] < r[b] else nxt
    elif name == "JUMP_IF_NOT_LT":

        def step(r):
            return nxt if r[a] < r[b] else c
    elif name == "JUMP_IF_NOT_EQ":

        def step(r):
            return nxt if r[a] == r[b] else c
    elif name == "JUMP":

        def step(r):
            return a
    elif name == "LOAD_GLOBAL":

        def step(r):
            r[a] = glb[b]
            return nxt
    elif name == "CALL":

        def step(r):
            f = r[b]
            if type(f) is Function:
                PENDING[0] = (f, r[b + 1 : b + 1 + c], a, nxt)
                return CALL
            r[a] = f(*r[b + 1 : b + 1 + c])
            return nxt
    elif name == "CALL_METHOD":

        def step(r):
            f = r[b]
            if type(f) is Function:
                PENDING[0] = (f, r[b + 1 : b + 2 + c], a, nxt)
                return CALL
            if r[b + 1] is NULL:
                r[a] = f(*r[b + 2 : b + 2 + c])
            else:
                r[a] = f(*r[b + 1 : b + 2 + c])
            return nxt
    elif name == "RETURN":

        def step(r):
            PENDING[0] = r[a]
            return RETURN
    elif name == "LOAD_METHOD":

        def step(r):
            r[a], r[a + 1] = lookup_method(r[b], c)
            return nxt
    elif name == "GETATTR":

        def step(r):
            r[a] = getattr(r[b], c)
            return nxt
    elif name == "SETATTR":

        def step(r):
            setattr(r[a], b, r[c])
            return nxt
    elif name == "FOR_ITER":

        def step(r):
            value = next(r[b], NULL)
            if value is NULL:
                return c
            r[a] = value
            return nxt
    elif name == "GETITEM":

        def step(r):
            r[a] = r[b][r[c]]
            return nxt
    elif name == "SETITEM":

        def step(r):
            r[a][r[b]] = r[c]
            return nxt
    elif name == "GET_ITER":

        def step(r):
            r[a] = iter(r[b])
            return nxt
    elif name == "BUILD_LIST":

        def step(r):
            r[a] = []
            return nxt
    elif name == "BUILD_MAP":

        def step(r):
            r[a] = {}
            return nxt
    elif name in ("RAISE", "RERAISE"):

        def step(r):
            raise r[a]
    elif name == "JUMP_IF_NOT_EXC_MATCH":

        def step(r):
            return nxt if isinstance(r[a], r[b]) else c
    else:
        raise SystemError(f"no closure for {name}")
    return step


def run(func, args):
    code = func.code
    fns = code.insts
    r = code.template[:]
    r[: len(args)] = args
    pc = 0
    frames = []  # callers: (code, r, return pc, dest register)
    while True:
        try:
            while True:
                while pc >= 0:
                    pc = fns[pc](r)
                if pc == CALL:
                    f, call_args, dest, ret = PENDING[0]
                    frames.append((code, r, ret, dest))
                    code = f.code
                    fns = code.insts
                    r = code.template[:]
                    r[: len(call_args)] = call_args
                    pc = 0
                else:  # RETURN
                    if not frames:
                        return PENDING[0]
                    code, r, pc, dest = frames.pop()
                    fns = code.insts
                    r[dest] = PENDING[0]
        except Exception as exc:
            where = pc
            while (entry := code.find_handler(where)) is None:
                if not frames:
                    raise
                code, r, pc, _ = frames.pop()
                fns = code.insts
                where = pc - 1
            r[entry[3]] = exc
            pc = entry[2]
