"""The six programs hand-assembled for the plain register format (variants B and C).

The layout is what a straightforward compiler would emit, shaped like CPython 3.12's code: a
`while` loop tests its condition once before the loop and again at the bottom (one backward
conditional jump per iteration); a `for` loop has FOR_ITER at the top and a JUMP back.
CALL a b c: r[a] = r[b](r[b+1], ..., r[b+c]). LOAD_METHOD a b name puts the callable in r[a]
and self (or NULL) in r[a+1]; CALL_METHOD a b c calls it with r[b+2] ... r[b+1+c].
"""

from __future__ import annotations

from common import Function, K, assemble_register

OPS = (
    "ADD JUMP_IF_LT MOVE MUL MOD SUB CALL RETURN LOAD_GLOBAL JUMP_IF_NOT_LT LOAD_METHOD"
    " CALL_METHOD GETATTR SETATTR FOR_ITER JUMP GETITEM SETITEM JUMP_IF_NOT_EQ GET_ITER"
    " BUILD_LIST BUILD_MAP RAISE JUMP_IF_NOT_EXC_MATCH RERAISE"
)


def listings():
    """name -> [(function name, params, registers, listing, handlers)], main first."""
    loop_end = [("ADD", "i", "i", K(1)), ("JUMP_IF_LT", "i", "n", "@body"), "exit:"]
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
            ("main", ["n"], ["f", "a"], [
                ("LOAD_GLOBAL", "f", "$fib"), ("MOVE", "a", "n"), ("CALL", "f", "f", 1),
                ("RETURN", "f"),
            ], ()),
            ("fib", ["n"], ["t", "f", "a"], [
                ("JUMP_IF_NOT_LT", "n", K(2), "@rec"), ("RETURN", "n"),
                "rec:",
                ("LOAD_GLOBAL", "f", "$fib"), ("SUB", "a", "n", K(1)), ("CALL", "t", "f", 1),
                ("LOAD_GLOBAL", "f", "$fib"), ("SUB", "a", "n", K(2)), ("CALL", "f", "f", 1),
                ("ADD", "t", "t", "f"), ("RETURN", "t"),
            ], ()),
        ],
        "method_loop": [
            ("main", ["n"], ["c", "i", "m", "s"], [
                ("LOAD_GLOBAL", "c", "$Counter"), ("CALL", "c", "c", 0),
                ("SETATTR", "c", "$count", K(0)), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                ("LOAD_METHOD", "m", "c", "$incr"), ("CALL_METHOD", "m", "m", 0),
                *loop_end,
                ("GETATTR", "m", "c", "$count"), ("RETURN", "m"),
            ], ()),
            ("incr", ["self"], ["t"], [
                ("GETATTR", "t", "self", "$count"), ("ADD", "t", "t", K(1)),
                ("SETATTR", "self", "$count", "t"), ("RETURN", K(None)),
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
            ("main", ["n"], ["items", "i", "m", "s", "a", "b", "total", "it", "x", "counts", "k"], [
                ("BUILD_LIST", "items"), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@fill_end"),
                "fill:",
                ("LOAD_METHOD", "m", "items", "$append"), ("MOVE", "a", "i"),
                ("CALL_METHOD", "m", "m", 1),
                ("ADD", "i", "i", K(1)), ("JUMP_IF_LT", "i", "n", "@fill"),
                "fill_end:",
                ("MOVE", "total", K(0)), ("GET_ITER", "it", "items"),
                "sum:",
                ("FOR_ITER", "x", "it", "@sum_end"), ("ADD", "total", "total", "x"),
                ("JUMP", "@sum"),
                "sum_end:",
                ("BUILD_MAP", "counts"), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                ("MOD", "k", "i", K(100)),
                ("LOAD_METHOD", "m", "counts", "$get"), ("MOVE", "a", "k"), ("MOVE", "b", K(0)),
                ("CALL_METHOD", "m", "m", 2), ("ADD", "m", "m", "i"),
                ("SETITEM", "counts", "k", "m"),
                *loop_end,
                ("GETITEM", "k", "counts", K(7)), ("ADD", "total", "total", "k"),
                ("RETURN", "total"),
            ], ()),
        ],
        "exc_loop": [
            ("main", ["n"], ["total", "i", "t", "f", "a", "e", "T"], [
                ("MOVE", "total", K(0)), ("MOVE", "i", K(0)),
                ("JUMP_IF_NOT_LT", "i", "n", "@exit"),
                "body:",
                "try:",
                ("MOD", "t", "i", K(10)), ("JUMP_IF_NOT_EQ", "t", K(0), "@no_raise"),
                ("LOAD_GLOBAL", "f", "$ValueError"), ("MOVE", "a", "i"), ("CALL", "f", "f", 1),
                ("RAISE", "f"),
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


def make_globals(functions: dict) -> dict:
    """The globals a program sees: its functions, Counter with an Ouro method, ValueError."""
    glb = {"ValueError": ValueError}
    glb.update(functions)
    if "incr" in functions:
        glb["Counter"] = type("Counter", (), {"incr": functions["incr"]})
    return glb


def build(name, opcodes, ops_listings=None, assemble=assemble_register):
    """The program's main Function and every Code object it uses (for the dispatch counter)."""
    table = (ops_listings or listings())[name]
    functions: dict = {}
    glb = make_globals(functions)
    codes = []
    for fname, params, regs, listing, handlers in table:
        code = assemble(fname, params, regs, listing, handlers, opcodes)
        codes.append(code)
        functions[fname] = Function(code, glb)
    glb.update(make_globals(functions))
    return functions["main"], codes
