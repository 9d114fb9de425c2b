"""The dispatch loop on hand-assembled Code objects: values, names, operators, jumps, loops,
building and unpacking, cells, exceptions and generators.

``asm`` (also used by test_calls.py) writes instructions with symbolic operands, resolved by
the operand kinds of the opcode table: a register operand is a variable name, ``$n`` (temporary
n) or ``K(value)`` (a constant); a NAME operand is the name itself; a jump is ``"@label"``;
counts and flags are ints. A string item in the listing is a label.
"""

from __future__ import annotations

import types

import pytest

from ouro.bytecode import opcodes as O
from ouro.bytecode.code import CO_GENERATOR, Code
from ouro.vm import execute
from ouro.vm.function import Function


class K:
    """A constant operand."""

    def __init__(self, value: object) -> None:
        self.value = value


def asm(
    listing: list[object],
    *,
    params: tuple[str, ...] = (),
    names: tuple[str, ...] = (),
    cells: tuple[str, ...] = (),
    frees: tuple[str, ...] = (),
    temps: int = 4,
    handlers: tuple[tuple[str, str, str, str], ...] = (),
    name: str = "<module>",
    qualname: str | None = None,
    flags: int = 0,
    argcount: int | None = None,
    posonly: int = 0,
    kwonly: int = 0,
) -> Code:
    """A Code from a listing (see the module docstring); ``names`` are extra locals."""
    varnames = params + tuple(n for n in names if n not in params)
    labels: dict[str, int] = {}
    insts = [item for item in listing if not isinstance(item, str)]
    index = 0
    for item in listing:
        if isinstance(item, str):
            labels[item.rstrip(":")] = index
        else:
            index += 1
    consts: list[object] = []
    const_keys: list[tuple[type, object]] = []
    co_names: list[str] = []
    own_cells = [c for c in cells if c not in varnames]
    layout = list(varnames) + own_cells + list(frees)
    temp_base = len(layout)

    def const(value: object) -> int:
        key = (type(value), value)
        if key not in const_keys:
            const_keys.append(key)
            consts.append(value)
        return const_keys.index(key)

    for inst in insts:  # constants first: their registers depend on their count
        for operand in inst[1:]:  # type: ignore[index]
            if isinstance(operand, K):
                const(operand.value)
    const_base = temp_base + temps

    def resolve(kind: str, operand: object) -> int:
        if kind == O.REG:
            if isinstance(operand, K):
                return const_base + const(operand.value)
            if isinstance(operand, str):
                if operand.startswith("$"):
                    return temp_base + int(operand[1:])
                return layout.index(operand)
            return operand  # type: ignore[return-value]
        if kind == O.NAME and isinstance(operand, str):
            if operand not in co_names:
                co_names.append(operand)
            return co_names.index(operand)
        if kind == O.KINDS[3] and isinstance(operand, str):
            return labels[operand.lstrip("@")]
        return operand  # type: ignore[return-value]

    code: list[tuple[int, int, int, int]] = []
    for inst in insts:
        opname, *operands = inst  # type: ignore[misc]
        info = O.BY_NAME[opname]
        operands += [0] * (3 - len(operands))
        kinds = info.operands
        code.append(
            (
                info.number,
                *(resolve(k, x) for k, x in zip(kinds, operands, strict=True)),
            )  # type: ignore[arg-type]
        )
    table = tuple(
        (
            labels[s],
            labels[e],
            labels[h],
            layout.index(reg) if not reg.startswith("$") else temp_base + int(reg[1:]),
        )
        for s, e, h, reg in handlers
    )
    return Code(
        co_code=tuple(code),
        co_consts=tuple(consts),
        co_names=tuple(co_names),
        co_varnames=varnames,
        co_cellvars=cells,
        co_freevars=frees,
        co_ntemps=temps,
        co_argcount=len(params) - kwonly if argcount is None else argcount,
        co_posonlyargcount=posonly,
        co_kwonlyargcount=kwonly,
        co_flags=flags,
        co_name=name,
        co_qualname=qualname,
        co_exceptiontable=table,
    )


def run(
    listing: list[object], env: dict[str, object] | None = None, **kw: object
) -> object:
    return execute(asm(listing, **kw), {} if env is None else env)  # type: ignore[arg-type]


def func(
    listing: list[object], env: dict[str, object] | None = None, **kw: object
) -> Function:
    kw.setdefault("name", "f")
    return Function(asm(listing, **kw), {} if env is None else env)  # type: ignore[arg-type]


# --- values, names, operators ---------------------------------------------------------------


def test_move_and_return() -> None:
    assert run([("MOVE", "$0", K(42)), ("RETURN", "$0")]) == 42


def test_arithmetic() -> None:
    listing = [
        ("ADD", "$0", K(7), K(5)),
        ("MULTIPLY", "$0", "$0", K(3)),
        ("SUBTRACT", "$0", "$0", K(1)),
        ("FLOOR_DIVIDE", "$0", "$0", K(2)),
        ("POWER", "$0", "$0", K(2)),
        ("REMAINDER", "$0", "$0", K(1000)),
        ("NEGATIVE", "$0", "$0"),
        ("RETURN", "$0"),
    ]
    assert run(listing) == -((((7 + 5) * 3 - 1) // 2) ** 2 % 1000)


@pytest.mark.parametrize(
    ("index", "left", "right"),
    [(0, 5, 3), (1, 5, 3), (2, 5, 3), (3, None, None), (4, 5, 2), (5, 5, 3), (6, 2, 5),
     (7, 1, 4), (8, 64, 2), (9, 5, 3), (10, 5, 3), (11, 6, 3), (12, 7, 2)],
)  # fmt: skip
def test_inplace_operators_in_ast_order(
    index: int, left: object, right: object
) -> None:
    if index == 3:  # MatMult

        class M:
            def __imatmul__(self, other: object) -> str:
                return "imatmul"

        left, right, expected = M(), 1, "imatmul"
    else:
        symbol = ["+", "-", "*", "@", "/", "%", "**", "<<", ">>", "|", "^", "&", "//"]
        expected = eval(f"{left} {symbol[index]} {right}")
    listing = [
        ("MOVE", "$0", K(left)),
        ("INPLACE", "$0", K(right), index),
        ("RETURN", "$0"),
    ]
    assert run(listing) == expected


def test_list_inplace_add_mutates() -> None:
    items = [1]
    env = {"items": items}
    run(
        [
            ("LOAD_GLOBAL", "$0", "items"),
            ("INPLACE", "$0", K((2,)), 0),
            ("RETURN", "$0"),
        ],
        env,
    )
    assert items == [1, 2]


def test_comparisons_and_identity() -> None:
    listing = [
        ("COMPARE_LT", "$0", K(1), K(2)),
        ("COMPARE_GE", "$1", K(1), K(2)),
        ("IS", "$2", K(None), K(None)),
        ("CONTAINS", "$3", K(2), K((1, 2))),
        ("BUILD_TUPLE", "$0", "$0", 4),
        ("RETURN", "$0"),
    ]
    assert run(listing) == (True, False, True, True)


def test_globals_builtins_and_name_error() -> None:
    env: dict[str, object] = {"x": 10}
    listing = [
        ("LOAD_GLOBAL", "$0", "x"),
        ("LOAD_GLOBAL", "$1", "len"),
        ("STORE_GLOBAL", "$0", "y"),
        ("BUILD_TUPLE", "$0", "$0", 2),
        ("RETURN", "$0"),
    ]
    assert run(listing, env) == (10, len)
    assert env["y"] == 10
    with pytest.raises(NameError) as info:
        run([("LOAD_GLOBAL", "$0", "nope"), ("RETURN", "$0")])
    assert str(info.value) == "name 'nope' is not defined"
    assert info.value.name == "nope"


def test_load_name_and_store_name_use_the_locals_mapping() -> None:
    g: dict[str, object] = {"a": 1}
    ns: dict[str, object] = {"b": 2}
    listing = [
        ("LOAD_NAME", "$0", "a"),
        ("LOAD_NAME", "$1", "b"),
        ("ADD", "$0", "$0", "$1"),
        ("STORE_NAME", "$0", "c"),
        ("DELETE_NAME", 0, "b"),
        ("RETURN", "$0"),
    ]
    assert execute(asm(listing), g, ns) == 3
    assert ns == {"c": 3}
    with pytest.raises(NameError, match="name 'q' is not defined"):
        execute(asm([("DELETE_NAME", 0, "q"), ("RETURN", K(None))]), {}, {})


def test_check_local_message_matches_cpython() -> None:
    f = func([("CHECK_LOCAL", "x"), ("RETURN", "x")], names=("x",))

    def host() -> object:
        y = x  # noqa: F821 (unbound on purpose)
        x = 1
        return y + x

    with pytest.raises(UnboundLocalError) as host_error:
        host()
    with pytest.raises(UnboundLocalError) as ouro_error:
        f()
    assert str(ouro_error.value) == str(host_error.value)
    assert str(ouro_error.value) == (
        "cannot access local variable 'x' where it is not associated with a value"
    )


def test_attributes_and_items() -> None:
    ns = types.SimpleNamespace()
    listing = [
        ("STORE_ATTR", K(5), "o", "value"),
        ("LOAD_ATTR", "$0", "o", "value"),
        ("BUILD_MAP", "$1", "$0", 0),
        ("STORE_SUBSCR", K("v"), "$1", "$0"),
        ("LOAD_SUBSCR", "$2", "$1", "$0"),
        ("DELETE_ATTR", 0, "o", "value"),
        ("RETURN", "$2"),
    ]
    f = func(listing, params=("o",))
    assert f(ns) == "v"
    assert not hasattr(ns, "value")


# --- jumps and loops ------------------------------------------------------------------------


def test_while_loop_sums() -> None:
    # total = 0; i = 0; while i < n: total += i * 2 % 7; i += 1
    f = func(
        [
            ("MOVE", "total", K(0)),
            ("MOVE", "i", K(0)),
            ("JUMP", "@test"),
            "body:",
            ("MULTIPLY", "$0", "i", K(2)),
            ("REMAINDER", "$0", "$0", K(7)),
            ("INPLACE", "total", "$0", 0),
            ("ADD", "i", "i", K(1)),
            "test:",
            ("COMPARE_LT", "$0", "i", "n"),
            ("JUMP_IF_TRUE", "$0", "@body"),
            ("RETURN", "total"),
        ],
        params=("n",),
        names=("total", "i"),
    )
    assert f(1000) == sum(i * 2 % 7 for i in range(1000))


def test_for_loop_and_jump_if_none() -> None:
    f = func(
        [
            ("BUILD_LIST", "out", "$0", 0),
            ("GET_ITER", "$0", "items"),
            "loop:",
            ("FOR_ITER", "x", "$0", "@done"),
            ("JUMP_IF_NONE", "x", "@loop"),
            ("LOAD_ATTR", "$1", "out", "append"),
            ("MOVE", "$2", "x"),
            ("CALL", "$1", "$1", 1),
            ("JUMP", "@loop"),
            "done:",
            ("RETURN", "out"),
        ],
        params=("items",),
        names=("out", "x"),
    )
    assert f([1, None, 2, None, 3]) == [1, 2, 3]


# --- building and unpacking -----------------------------------------------------------------


def test_build_values() -> None:
    listing = [
        ("MOVE", "$0", K(1)),
        ("MOVE", "$1", K(2)),
        ("BUILD_LIST", "$2", "$0", 2),
        ("BUILD_SET", "$3", "$0", 2),
        ("BUILD_MAP", "$4", "$0", 1),
        ("BUILD_SLICE", "$5", "$0", 2),
        ("BUILD_STRING", "$6", K("a"), 1),
        ("FORMAT_VALUE", "$7", "$8", 2 + 4),
        ("BUILD_TUPLE", "$0", "$2", 6),
        ("RETURN", "$0"),
    ]
    # FORMAT_VALUE reads r[b], r[b+1]: put "x" and the spec "^5" in $8, $9 first.
    code = asm([("MOVE", "$8", K("x")), ("MOVE", "$9", K("^5")), *listing], temps=10)
    assert execute(code, {}) == (
        [1, 2],
        {1, 2},
        {1: 2},
        slice(1, 2),
        "a",
        format(repr("x"), "^5"),
    )


def test_unpack_sequence_messages_match_cpython() -> None:
    listing = [
        ("UNPACK_SEQUENCE", "$0", "v", 2),
        ("BUILD_TUPLE", "$0", "$0", 2),
        ("RETURN", "$0"),
    ]
    f = func(listing, params=("v",))
    assert f([1, 2]) == (1, 2)
    assert f(iter("ab")) == ("a", "b")
    for make in (lambda: [1], lambda: [1, 2, 3], lambda: iter([1, 2, 3]), lambda: 5):
        with pytest.raises((ValueError, TypeError)) as host:
            _a, _b = make()
        with pytest.raises(host.type) as ouro:
            f(make())
        assert str(ouro.value) == str(host.value)
    assert str(ouro.value) == "cannot unpack non-iterable int object"


def test_unpack_ex() -> None:
    # a, *b, c = v  -> c = 1 + 256 * 1
    listing = [
        ("UNPACK_EX", "$0", "v", 1 + 256),
        ("BUILD_TUPLE", "$0", "$0", 3),
        ("RETURN", "$0"),
    ]
    f = func(listing, params=("v",))
    assert f(range(5)) == (0, [1, 2, 3], 4)
    assert f("ab") == ("a", [], "b")
    with pytest.raises(ValueError) as info:
        f([1])
    assert str(info.value) == "not enough values to unpack (expected at least 2, got 1)"


def test_star_in_displays() -> None:
    listing = [
        ("BUILD_LIST", "$0", "$0", 0),
        ("LIST_EXTEND", "$0", "v"),
        ("RETURN", "$0"),
    ]
    f = func(listing, params=("v",))
    assert f((1, 2)) == [1, 2]
    with pytest.raises(
        TypeError, match="^Value after \\* must be an iterable, not int$"
    ):
        f(1)
    g = func(
        [("BUILD_MAP", "$0", "$0", 0), ("DICT_UPDATE", "$0", "v"), ("RETURN", "$0")],
        params=("v",),
    )
    assert g({1: 2}) == {1: 2}
    with pytest.raises(TypeError, match="^'int' object is not a mapping$"):
        g(1)


# --- cells ----------------------------------------------------------------------------------


def test_closure_cells_are_host_cells() -> None:
    # def outer(x): def inner(): return x; return inner
    inner = asm(
        [("LOAD_DEREF", "$0", "x"), ("RETURN", "$0")],
        frees=("x",),
        name="inner",
        qualname="outer.<locals>.inner",
    )
    outer = func(
        [
            ("MAKE_CELL", "x"),
            ("BUILD_TUPLE", "$1", "x", 1),
            ("MOVE", "$0", K(inner)),
            ("MAKE_FUNCTION", "$0", "$0", 8),
            ("RETURN", "$0"),
        ],
        params=("x",),
        cells=("x",),
        name="outer",
    )
    made = outer(41)
    assert made() == 41
    assert isinstance(made.__closure__[0], types.CellType)
    assert made.__closure__[0].cell_contents == 41
    assert made.__qualname__ == "outer.<locals>.inner"


def test_store_deref_and_empty_free_variable() -> None:
    inner = asm([("LOAD_DEREF", "$0", "y"), ("RETURN", "$0")], frees=("y",), name="h")
    outer = func(
        [
            ("MAKE_CELL", "y"),
            ("BUILD_TUPLE", "$1", "y", 1),
            ("MOVE", "$0", K(inner)),
            ("MAKE_FUNCTION", "$0", "$0", 8),
            ("RETURN", "$0"),
        ],
        cells=("y",),
        name="g",
    )
    with pytest.raises(NameError) as info:
        outer()()
    assert str(info.value) == (
        "cannot access free variable 'y' where it is not associated with a value in"
        " enclosing scope"
    )
    setter = func(
        [
            ("MAKE_CELL", "y"),
            ("STORE_DEREF", K(3), "y"),
            ("LOAD_DEREF", "$0", "y"),
            ("RETURN", "$0"),
        ],
        cells=("y",),
    )
    assert setter() == 3


# --- exceptions -----------------------------------------------------------------------------


def _catching(body: list[object], kind: str = "ValueError") -> list[object]:
    """try: <body> except <kind>: return 'caught'  (the handler leaves the exception in e)."""
    return [
        "try:",
        *body,
        "try_end:",
        ("RETURN", K("no exception")),
        "handler:",
        ("PUSH_EXC_INFO", "$3", "e"),
        ("LOAD_GLOBAL", "$0", kind),
        ("CHECK_EXC_MATCH", "$0", "e", "$0"),
        ("JUMP_IF_FALSE", "$0", "@reraise"),
        ("POP_EXCEPT", "$3"),
        ("RETURN", "e"),
        "reraise:",
        ("POP_EXCEPT", "$3"),
        ("RERAISE", "e"),
    ]


def test_exception_caught_by_handler_range() -> None:
    body = [
        ("LOAD_GLOBAL", "$0", "ValueError"),
        ("MOVE", "$1", K("bad")),
        ("CALL", "$0", "$0", 1),
        ("RAISE", "$0", 0, 1),
    ]
    f = func(
        _catching(body), names=("e",), handlers=(("try", "try_end", "handler", "e"),)
    )
    exc = f()
    assert isinstance(exc, ValueError) and str(exc) == "bad"
    code, index = exc.__ouro_traceback__[0]
    assert code is f.__code__ and index == 3


def test_exception_not_matching_propagates() -> None:
    body = [("TRUE_DIVIDE", "$0", K(1), K(0))]
    f = func(
        _catching(body), names=("e",), handlers=(("try", "try_end", "handler", "e"),)
    )
    with pytest.raises(ZeroDivisionError):
        f()


def test_exception_propagates_through_frames_with_traceback() -> None:
    inner = func([("TRUE_DIVIDE", "$0", K(1), K(0)), ("RETURN", "$0")], name="inner")
    body = [("LOAD_GLOBAL", "$0", "inner"), ("CALL", "$0", "$0", 0)]
    env = {"inner": inner}
    outer = func(
        _catching(body, "ZeroDivisionError"),
        env,
        names=("e",),
        handlers=(("try", "try_end", "handler", "e"),),
    )
    exc = outer()
    assert isinstance(exc, ZeroDivisionError)
    assert [(c.co_name, i) for c, i in exc.__ouro_traceback__] == [
        ("inner", 0),
        ("f", 1),
    ]


def test_raise_from_context_and_bare_raise() -> None:
    # try: 1/0  except: raise KeyError from None  -> context kept, suppressed
    listing = [
        "try:",
        ("TRUE_DIVIDE", "$0", K(1), K(0)),
        "try_end:",
        ("RETURN", K(None)),
        "handler:",
        ("PUSH_EXC_INFO", "$3", "e"),
        "inner:",
        ("LOAD_GLOBAL", "$0", "KeyError"),
        ("RAISE", "$0", K(None), 2),
        "inner_end:",
        "cleanup:",
        ("POP_EXCEPT", "$3"),
        ("RERAISE", "$2"),
    ]
    f = func(
        listing,
        names=("e",),
        handlers=(
            ("try", "try_end", "handler", "e"),
            ("inner", "inner_end", "cleanup", "$2"),
        ),
    )
    with pytest.raises(KeyError) as info:
        f()
    assert isinstance(info.value.__context__, ZeroDivisionError)
    assert info.value.__suppress_context__ and info.value.__cause__ is None
    with pytest.raises(RuntimeError, match="^No active exception to reraise$"):
        func([("RAISE", 0, 0, 0)])()
    with pytest.raises(TypeError, match="^exceptions must derive from BaseException$"):
        func([("RAISE", K(1), 0, 1)])()


def test_with_enter_and_exit() -> None:
    log = []

    class Manager:
        def __enter__(self) -> str:
            log.append("enter")
            return "value"

        def __exit__(self, *args: object) -> None:
            log.append(args)

    listing = [
        ("WITH_ENTER", "$0", "m", 0),
        ("MOVE", "$2", K(None)),
        ("WITH_EXIT", "$0", "$2"),
        ("RETURN", "$1"),
    ]
    assert func(listing, params=("m",))(Manager()) == "value"
    assert log == ["enter", (None, None, None)]
    with pytest.raises(TypeError) as info:
        func(listing, params=("m",))(1)
    assert (
        str(info.value) == "'int' object does not support the context manager protocol"
    )


# --- generators -----------------------------------------------------------------------------


def test_generator_yields_receives_and_returns() -> None:
    # def gen(n): i = 0; while i < n: got = yield i; i += 1 + (got or 0)  ; return "done"
    gen = func(
        [
            ("RETURN_GENERATOR",),
            ("MOVE", "i", K(0)),
            "loop:",
            ("COMPARE_LT", "$0", "i", "n"),
            ("JUMP_IF_FALSE", "$0", "@end"),
            ("YIELD_VALUE", "got", "i"),
            ("JUMP_IF_NOT_NONE", "got", "@add"),
            ("MOVE", "got", K(0)),
            "add:",
            ("ADD", "i", "i", K(1)),
            ("ADD", "i", "i", "got"),
            ("JUMP", "@loop"),
            "end:",
            ("RETURN", K("done")),
        ],
        params=("n",),
        names=("i", "got"),
        flags=CO_GENERATOR,
        name="gen",
    )
    assert list(gen(4)) == [0, 1, 2, 3]
    g = gen(10)
    assert next(g) == 0
    assert g.send(3) == 4
    with pytest.raises(StopIteration) as info:
        g.send(10)
    assert info.value.value == "done"
    assert repr(g).startswith("<generator object f at ") or "gen" in repr(g)


def test_yield_from_with_send() -> None:
    sub = func(
        [
            ("RETURN_GENERATOR",),
            ("YIELD_VALUE", "$0", K(1)),
            ("YIELD_VALUE", "$0", K(2)),
            ("RETURN", K("r")),
        ],
        flags=CO_GENERATOR,
        name="sub",
    )
    outer = func(
        [
            ("RETURN_GENERATOR",),
            ("LOAD_GLOBAL", "$0", "sub"),
            ("CALL", "$0", "$0", 0),
            ("GET_YIELD_FROM_ITER", "$0", "$0"),
            ("MOVE", "$1", K(None)),
            "send:",
            ("SEND", "$0", "$1", "@done"),
            ("YIELD_VALUE", "$1", "$1"),
            ("JUMP", "@send"),
            "done:",
            ("YIELD_VALUE", "$2", "$1"),
            ("RETURN", K(None)),
        ],
        {"sub": sub},
        flags=CO_GENERATOR,
        name="outer",
    )
    assert list(outer()) == [1, 2, "r"]


def test_generator_throw_and_close() -> None:
    # def gen(): try: yield 1  except ValueError: yield "caught"
    gen = func(
        [
            ("RETURN_GENERATOR",),
            "try:",
            ("YIELD_VALUE", "$0", K(1)),
            "try_end:",
            ("RETURN", K(None)),
            "handler:",
            ("PUSH_EXC_INFO", "$3", "e"),
            ("LOAD_GLOBAL", "$0", "ValueError"),
            ("CHECK_EXC_MATCH", "$0", "e", "$0"),
            ("JUMP_IF_FALSE", "$0", "@reraise"),
            ("YIELD_VALUE", "$0", K("caught")),
            ("POP_EXCEPT", "$3"),
            ("RETURN", K(None)),
            "reraise:",
            ("POP_EXCEPT", "$3"),
            ("RERAISE", "e"),
        ],
        names=("e",),
        handlers=(("try", "try_end", "handler", "e"),),
        flags=CO_GENERATOR,
    )
    g = gen()
    assert next(g) == 1
    assert g.throw(ValueError) == "caught"
    g.close()
    g = gen()
    next(g)
    with pytest.raises(KeyError):
        g.throw(KeyError("k"))
    with pytest.raises(StopIteration):
        next(g)
