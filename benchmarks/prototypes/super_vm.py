"""Variant D: variant B plus superinstructions and a cheap call path.

Format: B's 4-tuples (op, a, b, c) over one register list per frame ([parameters, locals and
temporaries, constants]), if/elif dispatch. Added instructions fuse the pairs and triples that
ran most often in B's dispatch counts:

    INC_JUMP_IF_LT a b c    r[a] += 1; to c if r[a] < r[b]        (ADD + JUMP_IF_LT: loop end)
    FOR_ITER_BACK a b c     next(r[b]) -> r[a] and to c; fall through when exhausted
                            (FOR_ITER + JUMP: the test sits at the bottom of the loop)
    CALL_GLOBAL1 a b c      globals[b](r[c]) -> r[a]               (LOAD_GLOBAL + MOVE + CALL)
    CALL_METHOD0 a b c      r[b].c() -> r[a]                       (LOAD_METHOD + CALL_METHOD)
    CALL_METHOD1 a b c      c = (name, x): r[b].name(r[x]) -> r[a]  (+ one MOVE)
    CALL_METHOD2 a b c      c = (name, x, y): r[b].name(r[x], r[y]) -> r[a]  (+ two MOVEs)
    ADD_ATTR a b c          r[a].b += r[c]                          (GETATTR + ADD + SETATTR)

A compiler would emit these directly (they depend only on the shape of the source), so no
run-time quickening pass is needed for them. Calls to an Ouro function take a register list
from the callee's pool (returned frames give theirs back) instead of copying the template, and
store the argument straight into it; the caller is saved as one tuple on a list, as in B. The
pool reuses lists whose locals still hold the last activation's values: a real VM must clear
the locals it cannot prove are assigned before use.
"""

from __future__ import annotations

from common import NULL, Function, K, opcode_numbers
from register_programs import build as build_program

OPCODES = opcode_numbers(
    "ADD INC_JUMP_IF_LT MUL MOD SUB MOVE CALL_GLOBAL1 RETURN JUMP_IF_NOT_LT CALL_METHOD0"
    " ADD_ATTR FOR_ITER_BACK CALL_METHOD1 CALL_METHOD2 SETITEM JUMP_IF_LT CALL LOAD_GLOBAL"
    " GETATTR SETATTR JUMP GETITEM JUMP_IF_NOT_EQ GET_ITER BUILD_LIST BUILD_MAP RAISE"
    " JUMP_IF_NOT_EXC_MATCH RERAISE"
)


def listings():
    """name -> [(function name, params, registers, listing, handlers)], main first."""
    loop_end = [("INC_JUMP_IF_LT", "i", "n", "@body"), "exit:"]
    return {
        "int_loop": [
            ("main", ["n"], ["total", "i", "t"], [
                ("MOVE", "total", K(0)), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                ("MUL", "t", "i", K(2)), ("MOD", "t", "t", K(7)),
                ("ADD", "total", "total", "t"),
                *loop_end,
                ("RETURN", "total"),
            ], ()),
        ],
        "fib": [
            ("main", ["n"], ["f"], [("CALL_GLOBAL1", "f", "$fib", "n"), ("RETURN", "f")], ()),
            ("fib", ["n"], ["t", "f", "a"], [
                ("JUMP_IF_NOT_LT", "n", K(2), "@rec"), ("RETURN", "n"),
                "rec:",
                ("SUB", "a", "n", K(1)), ("CALL_GLOBAL1", "t", "$fib", "a"),
                ("SUB", "a", "n", K(2)), ("CALL_GLOBAL1", "f", "$fib", "a"),
                ("ADD", "t", "t", "f"), ("RETURN", "t"),
            ], ()),
        ],
        "method_loop": [
            ("main", ["n"], ["c", "i", "m"], [
                ("LOAD_GLOBAL", "c", "$Counter"), ("CALL", "c", "c", 0),
                ("SETATTR", "c", "$count", K(0)), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                ("CALL_METHOD0", "m", "c", "$incr"),
                *loop_end,
                ("GETATTR", "m", "c", "$count"), ("RETURN", "m"),
            ], ()),
            ("incr", ["self"], [], [
                ("ADD_ATTR", "self", "$count", K(1)), ("RETURN", K(None)),
            ], ()),
        ],
        "float_loop": [
            ("main", ["n"], ["x", "y", "i", "t"], [
                ("MOVE", "x", K(0.0)), ("MOVE", "y", K(1.0)), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                ("MUL", "t", "x", K(0.999)), ("ADD", "x", "t", "y"),
                ("ADD", "y", "y", K(0.25)),
                *loop_end,
                ("RETURN", "x"),
            ], ()),
        ],
        "list_dict": [
            ("main", ["n"], ["items", "i", "m", "total", "it", "x", "counts", "k"], [
                ("BUILD_LIST", "items"), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@fill_end"),
                "fill:",
                ("CALL_METHOD1", "m", "items", ("$append", "i")),
                ("INC_JUMP_IF_LT", "i", "n", "@fill"),
                "fill_end:",
                ("MOVE", "total", K(0)), ("GET_ITER", "it", "items"), ("JUMP", "@sum_test"),
                "sum:",
                ("ADD", "total", "total", "x"),
                "sum_test:",
                ("FOR_ITER_BACK", "x", "it", "@sum"),
                ("BUILD_MAP", "counts"), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                ("MOD", "k", "i", K(100)),
                ("CALL_METHOD2", "m", "counts", ("$get", "k", K(0))), ("ADD", "m", "m", "i"),
                ("SETITEM", "counts", "k", "m"),
                *loop_end,
                ("GETITEM", "k", "counts", K(7)), ("ADD", "total", "total", "k"),
                ("RETURN", "total"),
            ], ()),
        ],
        "exc_loop": [
            ("main", ["n"], ["total", "i", "t", "f", "e", "T"], [
                ("MOVE", "total", K(0)), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                "try:",
                ("MOD", "t", "i", K(10)), ("JUMP_IF_NOT_EQ", "t", K(0), "@no_raise"),
                ("CALL_GLOBAL1", "f", "$ValueError", "i"), ("RAISE", "f"),
                "no_raise:",
                ("ADD", "total", "total", "i"),
                "try_end:",
                "next:",
                *loop_end,
                ("RETURN", "total"),
                "handler:",
                ("LOAD_GLOBAL", "T", "$ValueError"),
                ("JUMP_IF_NOT_EXC_MATCH", "e", "T", "@reraise"),
                ("ADD", "total", "total", K(1)), ("JUMP", "@next"),
                "reraise:",
                ("RERAISE", "e"),
            ], [("try", "try_end", "handler", "e")]),
        ],
    }  # fmt: skip


def build(name):
    return build_program(name, OPCODES, listings())


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
                elif op == 1:  # INC_JUMP_IF_LT  r[a] + 1 -> r[a]; to c if r[a] < r[b]
                    x = r[a] + 1
                    r[a] = x
                    if x < r[b]:
                        pc = c
                elif op == 2:  # MUL  r[b] r[c] -> r[a]
                    r[a] = r[b] * r[c]
                elif op == 3:  # MOD  r[b] r[c] -> r[a]
                    r[a] = r[b] % r[c]
                elif op == 4:  # SUB  r[b] r[c] -> r[a]
                    r[a] = r[b] - r[c]
                elif op == 5:  # MOVE  r[b] -> r[a]
                    r[a] = r[b]
                elif op == 6:  # CALL_GLOBAL1  globals[b](r[c]) -> r[a]
                    f = glb[b]
                    if type(f) is Function:
                        frames.append((code, r, pc, a, glb))
                        x = r[c]
                        code = f.code
                        insts = code.insts
                        glb = f.globals
                        pool = code.pool
                        r = pool.pop() if pool else code.template[:]
                        r[0] = x
                        pc = 0
                    else:
                        r[a] = f(r[c])
                elif op == 7:  # RETURN  r[a] -> caller's dest register
                    x = r[a]
                    if not frames:
                        return x
                    code.pool.append(r)
                    code, r, pc, a, glb = frames.pop()
                    insts = code.insts
                    r[a] = x
                elif op == 8:  # JUMP_IF_NOT_LT  r[a] r[b]: to c unless r[a] < r[b]
                    if not r[a] < r[b]:
                        pc = c
                elif op == 9:  # CALL_METHOD0  r[b].c() -> r[a]
                    x = r[b]
                    f = getattr(type(x), c, None)
                    if type(f) is Function:  # an Ouro method: self is its only argument
                        frames.append((code, r, pc, a, glb))
                        code = f.code
                        insts = code.insts
                        glb = f.globals
                        pool = code.pool
                        r = pool.pop() if pool else code.template[:]
                        r[0] = x
                        pc = 0
                    else:
                        r[a] = getattr(x, c)()
                elif op == 10:  # ADD_ATTR  r[a].b + r[c] -> r[a].b
                    x = r[a]
                    setattr(x, b, getattr(x, b) + r[c])
                elif (
                    op == 11
                ):  # FOR_ITER_BACK  next(r[b]) -> r[a] and to c; on when exhausted
                    x = next(r[b], NULL)
                    if x is not NULL:
                        r[a] = x
                        pc = c
                elif op == 12:  # CALL_METHOD1  c = (name, x): r[b].name(r[x]) -> r[a]
                    name, x = c
                    obj = r[b]
                    if type(getattr(type(obj), name, None)) is Function:
                        raise NotImplementedError(
                            "prototype: Ouro methods take no arguments"
                        )
                    r[a] = getattr(obj, name)(r[x])
                elif (
                    op == 13
                ):  # CALL_METHOD2  c = (name, x, y): r[b].name(r[x], r[y]) -> r[a]
                    name, x, y = c
                    obj = r[b]
                    if type(getattr(type(obj), name, None)) is Function:
                        raise NotImplementedError(
                            "prototype: Ouro methods take no arguments"
                        )
                    r[a] = getattr(obj, name)(r[x], r[y])
                elif op == 14:  # SETITEM  r[c] -> r[a][r[b]]
                    r[a][r[b]] = r[c]
                elif op == 15:  # JUMP_IF_LT  r[a] r[b]: to c if r[a] < r[b]
                    if r[a] < r[b]:
                        pc = c
                elif (
                    op == 16
                ):  # CALL  r[b](r[b+1] .. r[b+c]) -> r[a]   (host callables only here)
                    r[a] = r[b](*r[b + 1 : b + 1 + c])
                elif op == 17:  # LOAD_GLOBAL  globals[b] -> r[a]
                    r[a] = glb[b]
                elif op == 18:  # GETATTR  r[b].c -> r[a]
                    r[a] = getattr(r[b], c)
                elif op == 19:  # SETATTR  r[c] -> r[a].b
                    setattr(r[a], b, r[c])
                elif op == 20:  # JUMP  to a
                    pc = a
                elif op == 21:  # GETITEM  r[b][r[c]] -> r[a]
                    r[a] = r[b][r[c]]
                elif op == 22:  # JUMP_IF_NOT_EQ  r[a] r[b]: to c unless r[a] == r[b]
                    if not r[a] == r[b]:  # noqa: SIM201 (`not ==`, as `if a == b` compiles)
                        pc = c
                elif op == 23:  # GET_ITER  iter(r[b]) -> r[a]
                    r[a] = iter(r[b])
                elif op == 24:  # BUILD_LIST  [] -> r[a]
                    r[a] = []
                elif op == 25:  # BUILD_MAP  {} -> r[a]
                    r[a] = {}
                elif op == 26:  # RAISE  r[a]
                    raise r[a]
                elif (
                    op == 27
                ):  # JUMP_IF_NOT_EXC_MATCH  r[a] r[b]: to c unless r[a] matches r[b]
                    if not isinstance(r[a], r[b]):
                        pc = c
                elif op == 28:  # RERAISE  r[a]
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
