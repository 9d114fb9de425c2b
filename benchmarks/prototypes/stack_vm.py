"""Variant A: stack machine, one instruction per CPython-style step, if/elif dispatch.

Format: each instruction is a pre-decoded 2-tuple (op, arg): a local slot index, a jump
target, an argument count, an attribute or global name, or (LOAD_CONST) the constant itself.
Operands move through a per-frame value stack (a host list; push and pop are its bound
`append` and `pop`, held in locals). Binary operators and comparisons have one opcode each
(BINARY_ADD, COMPARE_LT, ...) so no second dispatch on an operator argument is needed. The
listings follow CPython 3.12's shapes: a `while` tests at the top once and at the bottom.

Calls: CALL to an Ouro Function saves (code, stack, locals, pc, globals) on a list and switches
the loop's locals to the callee; RETURN_VALUE pops it. No host recursion. Exceptions: one host
`try` around the loop; the range table gives the handler and the stack depth to cut back to,
and the handler starts with the exception pushed.
"""

from __future__ import annotations

from common import NULL, Function, K, assemble_stack, lookup_method, opcode_numbers
from register_programs import build as build_program

OPCODES = opcode_numbers(
    "LOAD_FAST LOAD_CONST STORE_FAST BINARY_ADD COMPARE_LT POP_JUMP_IF_TRUE BINARY_MUL"
    " BINARY_MOD BINARY_SUB POP_JUMP_IF_FALSE LOAD_GLOBAL CALL RETURN_VALUE LOAD_METHOD"
    " CALL_METHOD LOAD_ATTR STORE_ATTR POP_TOP FOR_ITER JUMP BINARY_SUBSCR STORE_SUBSCR"
    " COMPARE_EQ GET_ITER BUILD_LIST BUILD_MAP RAISE CHECK_EXC_MATCH RERAISE"
)


def _test(label, jump):  # `i < n`, then branch
    return [("LOAD_FAST", "i"), ("LOAD_FAST", "n"), ("COMPARE_LT",), (jump, label)]


def _loop_end(label="@body"):  # i += 1; while i < n
    return [
        ("LOAD_FAST", "i"), ("LOAD_CONST", K(1)), ("BINARY_ADD",), ("STORE_FAST", "i"),
        *_test(label, "POP_JUMP_IF_TRUE"),
    ]  # fmt: skip


def _add_to(name, *load):  # name += <load>
    return [("LOAD_FAST", name), *load, ("BINARY_ADD",), ("STORE_FAST", name)]


def listings():
    """name -> [(function name, params, other locals, listing, handlers)], main first."""
    top = _test("@exit", "POP_JUMP_IF_FALSE")
    zero_i = [("LOAD_CONST", K(0)), ("STORE_FAST", "i")]
    return {
        "int_loop": [
            ("main", ["n"], ["total", "i"], [
                ("LOAD_CONST", K(0)), ("STORE_FAST", "total"), *zero_i, *top,
                "body:",
                *_add_to("total", ("LOAD_FAST", "i"), ("LOAD_CONST", K(2)), ("BINARY_MUL",),
                         ("LOAD_CONST", K(7)), ("BINARY_MOD",)),
                *_loop_end(),
                "exit:",
                ("LOAD_FAST", "total"), ("RETURN_VALUE",),
            ], ()),
        ],
        "fib": [
            ("main", ["n"], [], [
                ("LOAD_GLOBAL", "$fib"), ("LOAD_FAST", "n"), ("CALL", 1), ("RETURN_VALUE",),
            ], ()),
            ("fib", ["n"], [], [
                ("LOAD_FAST", "n"), ("LOAD_CONST", K(2)), ("COMPARE_LT",),
                ("POP_JUMP_IF_FALSE", "@rec"), ("LOAD_FAST", "n"), ("RETURN_VALUE",),
                "rec:",
                ("LOAD_GLOBAL", "$fib"), ("LOAD_FAST", "n"), ("LOAD_CONST", K(1)),
                ("BINARY_SUB",), ("CALL", 1),
                ("LOAD_GLOBAL", "$fib"), ("LOAD_FAST", "n"), ("LOAD_CONST", K(2)),
                ("BINARY_SUB",), ("CALL", 1),
                ("BINARY_ADD",), ("RETURN_VALUE",),
            ], ()),
        ],
        "method_loop": [
            ("main", ["n"], ["c", "i"], [
                ("LOAD_GLOBAL", "$Counter"), ("CALL", 0), ("STORE_FAST", "c"),
                ("LOAD_CONST", K(0)), ("LOAD_FAST", "c"), ("STORE_ATTR", "$count"),
                *zero_i, *top,
                "body:",
                ("LOAD_FAST", "c"), ("LOAD_METHOD", "$incr"), ("CALL_METHOD", 0), ("POP_TOP",),
                *_loop_end(),
                "exit:",
                ("LOAD_FAST", "c"), ("LOAD_ATTR", "$count"), ("RETURN_VALUE",),
            ], ()),
            ("incr", ["self"], [], [
                ("LOAD_FAST", "self"), ("LOAD_ATTR", "$count"), ("LOAD_CONST", K(1)),
                ("BINARY_ADD",), ("LOAD_FAST", "self"), ("STORE_ATTR", "$count"),
                ("LOAD_CONST", K(None)), ("RETURN_VALUE",),
            ], ()),
        ],
        "float_loop": [
            ("main", ["n"], ["x", "y", "i"], [
                ("LOAD_CONST", K(0.0)), ("STORE_FAST", "x"),
                ("LOAD_CONST", K(1.0)), ("STORE_FAST", "y"), *zero_i, *top,
                "body:",
                ("LOAD_FAST", "x"), ("LOAD_CONST", K(0.999)), ("BINARY_MUL",),
                ("LOAD_FAST", "y"), ("BINARY_ADD",), ("STORE_FAST", "x"),
                *_add_to("y", ("LOAD_CONST", K(0.25))),
                *_loop_end(),
                "exit:",
                ("LOAD_FAST", "x"), ("RETURN_VALUE",),
            ], ()),
        ],
        "list_dict": [
            ("main", ["n"], ["items", "i", "total", "x", "counts", "k"], [
                ("BUILD_LIST",), ("STORE_FAST", "items"), *zero_i,
                *_test("@fill_end", "POP_JUMP_IF_FALSE"),
                "fill:",
                ("LOAD_FAST", "items"), ("LOAD_METHOD", "$append"), ("LOAD_FAST", "i"),
                ("CALL_METHOD", 1), ("POP_TOP",),
                *_loop_end("@fill"),
                "fill_end:",
                ("LOAD_CONST", K(0)), ("STORE_FAST", "total"),
                ("LOAD_FAST", "items"), ("GET_ITER",),
                "sum:",
                ("FOR_ITER", "@sum_end"), ("STORE_FAST", "x"),
                *_add_to("total", ("LOAD_FAST", "x")), ("JUMP", "@sum"),
                "sum_end:",
                ("BUILD_MAP",), ("STORE_FAST", "counts"), *zero_i, *top,
                "body:",
                ("LOAD_FAST", "i"), ("LOAD_CONST", K(100)), ("BINARY_MOD",), ("STORE_FAST", "k"),
                ("LOAD_FAST", "counts"), ("LOAD_METHOD", "$get"), ("LOAD_FAST", "k"),
                ("LOAD_CONST", K(0)), ("CALL_METHOD", 2), ("LOAD_FAST", "i"), ("BINARY_ADD",),
                ("LOAD_FAST", "counts"), ("LOAD_FAST", "k"), ("STORE_SUBSCR",),
                *_loop_end(),
                "exit:",
                ("LOAD_FAST", "total"), ("LOAD_FAST", "counts"), ("LOAD_CONST", K(7)),
                ("BINARY_SUBSCR",), ("BINARY_ADD",), ("RETURN_VALUE",),
            ], ()),
        ],
        "exc_loop": [
            ("main", ["n"], ["total", "i"], [
                ("LOAD_CONST", K(0)), ("STORE_FAST", "total"), *zero_i, *top,
                "body:",
                "try:",
                ("LOAD_FAST", "i"), ("LOAD_CONST", K(10)), ("BINARY_MOD",),
                ("LOAD_CONST", K(0)), ("COMPARE_EQ",), ("POP_JUMP_IF_FALSE", "@no_raise"),
                ("LOAD_GLOBAL", "$ValueError"), ("LOAD_FAST", "i"), ("CALL", 1), ("RAISE",),
                "no_raise:",
                *_add_to("total", ("LOAD_FAST", "i")),
                "try_end:",
                "next:",
                *_loop_end(),
                "exit:",
                ("LOAD_FAST", "total"), ("RETURN_VALUE",),
                "handler:",
                ("LOAD_GLOBAL", "$ValueError"), ("CHECK_EXC_MATCH",),
                ("POP_JUMP_IF_FALSE", "@reraise"), ("POP_TOP",),
                *_add_to("total", ("LOAD_CONST", K(1))), ("JUMP", "@next"),
                "reraise:",
                ("RERAISE",),
            ], [("try", "try_end", "handler", 0)]),
        ],
    }  # fmt: skip


def build(name):
    return build_program(name, OPCODES, listings(), assemble_stack)


def _new_locals(code, args):
    return args + [None] * (code.nlocals - len(args))


def run(func, args):
    code = func.code
    insts = code.insts
    glb = func.globals
    fast = _new_locals(code, list(args))
    stack = []
    push = stack.append
    pop = stack.pop
    pc = 0
    frames = []  # callers: (code, stack, locals, pc, globals)
    while True:
        try:
            while True:
                op, arg = insts[pc]
                pc += 1
                if op == 0:  # LOAD_FAST  -- locals[arg]
                    push(fast[arg])
                elif op == 1:  # LOAD_CONST  -- arg
                    push(arg)
                elif op == 2:  # STORE_FAST  value --
                    fast[arg] = pop()
                elif op == 3:  # BINARY_ADD  lhs rhs -- lhs+rhs
                    rhs = pop()
                    stack[-1] = stack[-1] + rhs
                elif op == 4:  # COMPARE_LT  lhs rhs -- lhs<rhs
                    rhs = pop()
                    stack[-1] = stack[-1] < rhs
                elif op == 5:  # POP_JUMP_IF_TRUE  cond --
                    if pop():
                        pc = arg
                elif op == 6:  # BINARY_MUL  lhs rhs -- lhs*rhs
                    rhs = pop()
                    stack[-1] = stack[-1] * rhs
                elif op == 7:  # BINARY_MOD  lhs rhs -- lhs%rhs
                    rhs = pop()
                    stack[-1] = stack[-1] % rhs
                elif op == 8:  # BINARY_SUB  lhs rhs -- lhs-rhs
                    rhs = pop()
                    stack[-1] = stack[-1] - rhs
                elif op == 9:  # POP_JUMP_IF_FALSE  cond --
                    if not pop():
                        pc = arg
                elif op == 10:  # LOAD_GLOBAL  -- globals[arg]
                    push(glb[arg])
                elif (
                    op == 11 or op == 14
                ):  # CALL / CALL_METHOD  f [self] args*arg -- result
                    base = len(stack) - arg
                    call_args = stack[base:]
                    del stack[base:]
                    if op == 14:
                        self = pop()
                        if self is not NULL:
                            call_args.insert(0, self)
                    f = pop()
                    if type(f) is Function:
                        frames.append((code, stack, fast, pc, glb))
                        code = f.code
                        insts = code.insts
                        glb = f.globals
                        fast = _new_locals(code, call_args)
                        stack = []
                        push = stack.append
                        pop = stack.pop
                        pc = 0
                    else:
                        push(f(*call_args))
                elif op == 12:  # RETURN_VALUE  value --
                    value = pop()
                    if not frames:
                        return value
                    code, stack, fast, pc, glb = frames.pop()
                    insts = code.insts
                    push = stack.append
                    pop = stack.pop
                    push(value)
                elif op == 13:  # LOAD_METHOD  obj -- callable self_or_NULL
                    push(NULL)
                    stack[-2], stack[-1] = lookup_method(stack[-2], arg)
                elif op == 15:  # LOAD_ATTR  obj -- obj.arg
                    stack[-1] = getattr(stack[-1], arg)
                elif op == 16:  # STORE_ATTR  value obj --
                    obj = pop()
                    setattr(obj, arg, pop())
                elif op == 17:  # POP_TOP  value --
                    pop()
                elif (
                    op == 18
                ):  # FOR_ITER  it -- it next(it); pop it and jump when exhausted
                    value = next(stack[-1], NULL)
                    if value is NULL:
                        pop()
                        pc = arg
                    else:
                        push(value)
                elif op == 19:  # JUMP
                    pc = arg
                elif op == 20:  # BINARY_SUBSCR  container key -- container[key]
                    key = pop()
                    stack[-1] = stack[-1][key]
                elif op == 21:  # STORE_SUBSCR  value container key --
                    key = pop()
                    container = pop()
                    container[key] = pop()
                elif op == 22:  # COMPARE_EQ  lhs rhs -- lhs==rhs
                    rhs = pop()
                    stack[-1] = stack[-1] == rhs
                elif op == 23:  # GET_ITER  iterable -- iterator
                    stack[-1] = iter(stack[-1])
                elif op == 24:  # BUILD_LIST  -- []
                    push([])
                elif op == 25:  # BUILD_MAP  -- {}
                    push({})
                elif op == 26:  # RAISE  exc --
                    raise pop()
                elif op == 27:  # CHECK_EXC_MATCH  exc type -- exc matches
                    typ = pop()
                    push(isinstance(stack[-1], typ))
                elif op == 28:  # RERAISE  exc --
                    raise pop()
                else:
                    raise SystemError(f"bad opcode {op}")
        except Exception as exc:
            while (entry := code.find_handler(pc - 1)) is None:
                if not frames:
                    raise
                code, stack, fast, pc, glb = frames.pop()
                insts = code.insts
            del stack[entry[3] :]
            push = stack.append
            pop = stack.pop
            push(exc)
            pc = entry[2]
