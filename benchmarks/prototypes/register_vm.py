"""Variant B: register machine, if/elif dispatch.

Format: each instruction is a pre-decoded 4-tuple (op, a, b, c) of ints (and a literal name
where an instruction needs one). Operands are indexes into the frame's register list r, which
holds [parameters, locals and temporaries, constants]; constants are copied in when the frame
is created, so `ADD a b c` (r[a] = r[b] + r[c]) serves `total += i` and `i += 1` alike.
Compare and branch are fused (JUMP_IF_LT a b target). Dispatch: one if/elif chain, ordered by
how often the opcodes run.

Calls: CALL to an Ouro Function saves (code, r, pc, dest, globals) on a list and switches the
loop's locals to the callee; RETURN pops it. No host recursion. Exceptions: one host `try`
around the dispatch loop; on an exception the code's range table is searched at pc - 1, then
the callers' tables, frame by frame.
"""

from __future__ import annotations

from common import NULL, Function, lookup_method, opcode_numbers
from register_programs import OPS
from register_programs import build as build_program

OPCODES = opcode_numbers(OPS)


def build(name):
    return build_program(name, OPCODES)


def run(func, args):
    code = func.code
    insts = code.insts
    glb = func.globals
    r = code.template[:]
    r[: len(args)] = args
    pc = 0
    frames = []  # callers: (code, r, pc, dest register, globals)
    while True:
        try:
            while True:
                op, a, b, c = insts[pc]
                pc += 1
                if op == 0:  # ADD  r[b] r[c] -> r[a]
                    r[a] = r[b] + r[c]
                elif op == 1:  # JUMP_IF_LT  r[a] r[b]: to c if r[a] < r[b]
                    if r[a] < r[b]:
                        pc = c
                elif op == 2:  # MOVE  r[b] -> r[a]
                    r[a] = r[b]
                elif op == 3:  # MUL  r[b] r[c] -> r[a]
                    r[a] = r[b] * r[c]
                elif op == 4:  # MOD  r[b] r[c] -> r[a]
                    r[a] = r[b] % r[c]
                elif op == 5:  # SUB  r[b] r[c] -> r[a]
                    r[a] = r[b] - r[c]
                elif op == 6:  # CALL  r[b](r[b+1] .. r[b+c]) -> r[a]
                    f = r[b]
                    if type(f) is Function:
                        frames.append((code, r, pc, a, glb))
                        code = f.code
                        insts = code.insts
                        glb = f.globals
                        new = code.template[:]
                        new[:c] = r[b + 1 : b + 1 + c]
                        r = new
                        pc = 0
                    else:
                        r[a] = f(*r[b + 1 : b + 1 + c])
                elif op == 7:  # RETURN  r[a] -> caller's dest register
                    value = r[a]
                    if not frames:
                        return value
                    code, r, pc, dest, glb = frames.pop()
                    insts = code.insts
                    r[dest] = value
                elif op == 8:  # LOAD_GLOBAL  globals[c] -> r[a]
                    r[a] = glb[b]
                elif op == 9:  # JUMP_IF_NOT_LT  r[a] r[b]: to c unless r[a] < r[b]
                    if not r[a] < r[b]:
                        pc = c
                elif (
                    op == 10
                ):  # LOAD_METHOD  r[b].c -> r[a] (callable), r[a+1] (self or NULL)
                    r[a], r[a + 1] = lookup_method(r[b], c)
                elif op == 11:  # CALL_METHOD  r[b](r[b+1]?, r[b+2] .. r[b+1+c]) -> r[a]
                    f = r[b]
                    if type(f) is Function:
                        frames.append((code, r, pc, a, glb))
                        code = f.code
                        insts = code.insts
                        glb = f.globals
                        new = code.template[:]
                        new[: c + 1] = r[b + 1 : b + 2 + c]
                        r = new
                        pc = 0
                    elif r[b + 1] is NULL:
                        r[a] = f(*r[b + 2 : b + 2 + c])
                    else:
                        r[a] = f(*r[b + 1 : b + 2 + c])
                elif op == 12:  # GETATTR  r[b].c -> r[a]
                    r[a] = getattr(r[b], c)
                elif op == 13:  # SETATTR  r[c] -> r[a].b
                    setattr(r[a], b, r[c])
                elif op == 14:  # FOR_ITER  next(r[b]) -> r[a]; to c when exhausted
                    value = next(r[b], NULL)
                    if value is NULL:
                        pc = c
                    else:
                        r[a] = value
                elif op == 15:  # JUMP  to a
                    pc = a
                elif op == 16:  # GETITEM  r[b][r[c]] -> r[a]
                    r[a] = r[b][r[c]]
                elif op == 17:  # SETITEM  r[c] -> r[a][r[b]]
                    r[a][r[b]] = r[c]
                elif op == 18:  # JUMP_IF_NOT_EQ  r[a] r[b]: to c unless r[a] == r[b]
                    if not r[a] == r[b]:  # noqa: SIM201 (`not ==`, as `if a == b` compiles)
                        pc = c
                elif op == 19:  # GET_ITER  iter(r[b]) -> r[a]
                    r[a] = iter(r[b])
                elif op == 20:  # BUILD_LIST  [] -> r[a]
                    r[a] = []
                elif op == 21:  # BUILD_MAP  {} -> r[a]
                    r[a] = {}
                elif op == 22:  # RAISE  r[a]
                    raise r[a]
                elif (
                    op == 23
                ):  # JUMP_IF_NOT_EXC_MATCH  r[a] r[b]: to c unless r[a] matches r[b]
                    if not isinstance(r[a], r[b]):
                        pc = c
                elif op == 24:  # RERAISE  r[a]
                    raise r[a]
                else:
                    raise SystemError(f"bad opcode {op}")
        except Exception as exc:
            while (entry := code.find_handler(pc - 1)) is None:
                if not frames:
                    raise
                code, r, pc, _, glb = frames.pop()
                insts = code.insts
            r[entry[3]] = exc
            pc = entry[2]
