"""Calls: argument binding for every parameter kind with CPython's messages (compared with the
host calling an equivalent function), keyword and star calls, bound methods, stackless deep
recursion and the recursion limit, host code calling Ouro functions, and class creation."""

from __future__ import annotations

import inspect
from collections.abc import Callable, Iterator

import pytest

from ouro.bytecode.code import CO_VARARGS, CO_VARKEYWORDS, Code
from ouro.vm import execute, getrecursionlimit, setrecursionlimit
from ouro.vm.function import Function
from tests.vm.test_loop import K, asm, func

# --- binding, compared with the host --------------------------------------------------------


def f0() -> tuple[object, ...]:
    return ()


def f1(x: object, y: object) -> tuple[object, ...]:
    return (x, y)


def f2(
    a: object, /, b: object, c: object = 1, *, k: object, m: object = 2
) -> tuple[object, ...]:
    return (a, b, c, k, m)


def f3(
    a: object,
    /,
    b: object,
    c: object = 1,
    *args: object,
    k: object,
    m: object = 2,
    **kw: object,
) -> tuple[object, ...]:
    return (a, b, c, args, k, m, kw)


def f4(*args: object, **kw: object) -> tuple[object, ...]:
    return (args, kw)


def f5(a: object, b: object = 2, /, *, k: object) -> tuple[object, ...]:
    return (a, b, k)


def f6(x: object, *, k: object = 1) -> tuple[object, ...]:
    return (x, k)


def f7(a: object, b: object, c: object, d: object = 4) -> tuple[object, ...]:
    return (a, b, c, d)


HOSTS = [f0, f1, f2, f3, f4, f5, f6, f7]


def mirror(host: Callable[..., object]) -> Function:
    """An Ouro function with host's signature whose body returns its parameters in order."""
    hc = host.__code__
    flags = hc.co_flags & (CO_VARARGS | CO_VARKEYWORDS)
    nparams = (
        hc.co_argcount
        + hc.co_kwonlyargcount
        + bool(flags & CO_VARARGS)
        + bool(flags & CO_VARKEYWORDS)
    )
    params = hc.co_varnames[:nparams]
    order = [p for p in inspect.signature(host).parameters]
    listing: list[object] = [("MOVE", f"${i}", name) for i, name in enumerate(order)]
    listing += [("BUILD_TUPLE", "$0", "$0", len(order)), ("RETURN", "$0")]
    code = asm(
        listing,
        params=params,
        temps=max(len(order), 1),
        argcount=hc.co_argcount,
        posonly=hc.co_posonlyargcount,
        kwonly=hc.co_kwonlyargcount,
        flags=flags,
        name=host.__name__,
        qualname=host.__qualname__,
    )
    return Function(
        code, {}, defaults=host.__defaults__, kwdefaults=host.__kwdefaults__
    )


CALLS: list[tuple[tuple[object, ...], dict[str, object]]] = [
    ((), {}),
    ((1,), {}),
    ((1, 2), {}),
    ((1, 2, 3), {}),
    ((1, 2, 3, 4), {}),
    ((1, 2, 3, 4, 5), {}),
    ((1,), {"k": 9}),
    ((1, 2), {"k": 9}),
    ((1, 2, 3, 4), {"k": 9}),
    ((1, 2, 3, 4), {"k": 9, "m": 8}),
    ((), {"a": 1, "b": 2, "k": 3}),
    ((), {"a": 1, "b": 2}),
    ((1,), {"a": 1, "b": 2, "k": 3}),
    ((1, 2), {"b": 3, "k": 1}),
    ((1, 2), {"x": 3}),
    ((1,), {"y": 2}),
    ((), {"x": 1, "y": 2}),
    ((1, 2), {"k": 1, "z": 3}),
    ((), {"k": 1}),
    ((1, 2), {"c": 5, "k": 1}),
    ((1,), {"b": 2, "c": 3, "d": 4}),
    ((1, 2, 3, 4, 5, 6), {"k": 1, "q": 2}),
]


def outcome(
    callable_: Callable[..., object],
    args: tuple[object, ...],
    kwargs: dict[str, object],
) -> object:
    try:
        return ("ok", callable_(*args, **kwargs))
    except TypeError as exc:
        return ("TypeError", str(exc))


@pytest.mark.parametrize("host", HOSTS, ids=lambda h: h.__name__)
def test_binding_matches_the_host(host: Callable[..., object]) -> None:
    ouro = mirror(host)
    for args, kwargs in CALLS:
        assert outcome(ouro, args, kwargs) == outcome(host, args, kwargs), (
            args,
            kwargs,
        )


def test_exact_messages() -> None:
    g = mirror(f2)
    cases = {
        "f2() missing 2 required positional arguments: 'a' and 'b'": ((), {}),
        "f2() got some positional-only arguments passed as keyword arguments: 'a'": (
            (),
            {"a": 1, "b": 2, "k": 3},
        ),
        "f2() missing 1 required keyword-only argument: 'k'": ((1, 2), {}),
        "f2() got multiple values for argument 'b'": ((1, 2), {"b": 3, "k": 1}),
        "f2() got an unexpected keyword argument 'z'": ((1, 2), {"k": 1, "z": 3}),
        "f2() takes from 2 to 3 positional arguments but 4 were given": (
            (1, 2, 3, 4),
            {},
        ),
    }
    for message, (args, kwargs) in cases.items():
        assert outcome(g, args, kwargs) == ("TypeError", message)
    assert outcome(mirror(f1), (1, 2, 3), {}) == (
        "TypeError",
        "f1() takes 2 positional arguments but 3 were given",
    )
    assert outcome(mirror(f7), (), {}) == (
        "TypeError",
        "f7() missing 3 required positional arguments: 'a', 'b', and 'c'",
    )


def test_call_kw_and_call_ex_in_the_loop() -> None:
    target = mirror(f3)
    # f3(1, 2, k=3, z=4) via CALL_KW; f3(*(1, 2, 3, 4), k=5) via CALL_EX
    listing = [
        ("LOAD_GLOBAL", "$0", "f3"),
        ("MOVE", "$1", K(1)),
        ("MOVE", "$2", K(2)),
        ("MOVE", "$3", K(3)),
        ("MOVE", "$4", K(4)),
        ("MOVE", "$5", K(("k", "z"))),
        ("CALL_KW", "$6", "$0", 4),
        ("LOAD_GLOBAL", "$0", "f3"),
        ("MOVE", "$1", K((1, 2, 3, 4))),
        ("LOAD_GLOBAL", "$2", "kw"),
        ("CALL_EX", "$7", "$0", 1),
        ("BUILD_TUPLE", "$0", "$6", 2),
        ("RETURN", "$0"),
    ]
    result = execute(asm(listing, temps=8), {"f3": target, "kw": {"k": 5}})
    assert result == (f3(1, 2, k=3, z=4), f3(*(1, 2, 3, 4), k=5))


def test_call_ex_errors_match_cpython() -> None:
    listing = [
        ("LOAD_GLOBAL", "$0", "f"),
        ("MOVE", "$1", K(())),
        ("MOVE", "$2", "v"),
        ("CALL_EX", "$0", "$0", 1),
        ("RETURN", "$0"),
    ]
    caller = func(listing, {"f": mirror(f4)}, params=("v",))
    with pytest.raises(TypeError) as info:
        caller(1)
    assert str(info.value) == "f4() argument after ** must be a mapping, not int"
    host = func(listing, {"f": print}, params=("v",))
    with pytest.raises(TypeError) as info:
        host(1)
    with pytest.raises(TypeError) as expected:
        print(**1)  # type: ignore[arg-type]
    assert str(info.value) == str(expected.value)


# --- recursion ------------------------------------------------------------------------------


@pytest.fixture
def limit() -> Iterator[None]:
    saved = getrecursionlimit()
    yield
    setrecursionlimit(saved)


def recursive() -> Function:
    # def rec(n): if n == 0: return 0; return rec(n - 1) + 1
    env: dict[str, object] = {}
    rec = func(
        [
            ("COMPARE_EQ", "$0", "n", K(0)),
            ("JUMP_IF_FALSE", "$0", "@rec"),
            ("RETURN", K(0)),
            "rec:",
            ("LOAD_GLOBAL", "$0", "rec"),
            ("SUBTRACT", "$1", "n", K(1)),
            ("CALL", "$0", "$0", 1),
            ("ADD", "$0", "$0", K(1)),
            ("RETURN", "$0"),
        ],
        env,
        params=("n",),
        name="rec",
    )
    env["rec"] = rec
    return rec


def test_default_limit_is_1000() -> None:
    assert getrecursionlimit() == 1000


def test_deep_recursion_is_stackless(limit: None) -> None:
    setrecursionlimit(200_000)
    assert recursive()(100_000) == 100_000


def test_recursion_error_past_the_limit_is_catchable(limit: None) -> None:
    setrecursionlimit(500)
    rec = recursive()
    assert rec(400) == 400
    with pytest.raises(RecursionError) as info:
        rec(1000)
    assert str(info.value) == "maximum recursion depth exceeded"
    # try: return rec(n) except RecursionError: return "caught"  (in Ouro)
    guard = func(
        [
            "try:",
            ("LOAD_GLOBAL", "$0", "rec"),
            ("MOVE", "$1", "n"),
            ("CALL", "$0", "$0", 1),
            "try_end:",
            ("RETURN", "$0"),
            "handler:",
            ("PUSH_EXC_INFO", "$3", "e"),
            ("LOAD_GLOBAL", "$0", "RecursionError"),
            ("CHECK_EXC_MATCH", "$0", "e", "$0"),
            ("POP_EXCEPT", "$3"),
            ("RETURN", K("caught")),
        ],
        {"rec": rec},
        params=("n",),
        names=("e",),
        handlers=(("try", "try_end", "handler", "e"),),
    )
    assert guard(10) == 10
    assert guard(10_000) == "caught"
    assert rec(400) == 400  # the frame stack is back to its base
    with pytest.raises(ValueError):
        setrecursionlimit(0)


# --- host code calling Ouro -----------------------------------------------------------------


def test_host_calls_ouro_functions() -> None:
    neg = func([("NEGATIVE", "$0", "x"), ("RETURN", "$0")], params=("x",), name="neg")
    assert sorted([3, 1, 2], key=neg) == [3, 2, 1]
    assert list(map(neg, [1, 2])) == [-1, -2]
    assert neg.__name__ == "neg" and neg.__code__.co_name == "neg"
    assert neg.__defaults__ is None and neg.__closure__ is None and neg.__dict__ == {}
    assert repr(neg).startswith("<function neg at 0x")


def test_function_attributes() -> None:
    code = asm([("RETURN", K(None))], name="f")
    doc = asm([("RETURN", K("the doc"))], name="g")
    f = Function(code, {"__name__": "mod"})
    assert f.__module__ == "mod" and f.__doc__ is None and f.__annotations__ == {}
    g = Function(doc, {})
    assert g.__doc__ == "the doc"  # co_consts[0] is a str: the docstring (CPython 3.12)
    f.attr = 1  # type: ignore[attr-defined]
    assert f.__dict__ == {"attr": 1}


# --- methods and classes --------------------------------------------------------------------


def class_program(
    body: list[object], bases: list[str], keywords: dict[str, str]
) -> Code:
    """module: class C(<bases>, <keywords>): <body>; return C"""
    body_code = asm(body, cells=("__class__",), name="C", temps=4)
    names = tuple(keywords)
    listing: list[object] = [
        ("LOAD_BUILD_CLASS", "$0"),
        ("MOVE", "$1", K(body_code)),
        ("MAKE_FUNCTION", "$1", "$1", 0),
        ("MOVE", "$2", K("C")),
    ]
    registers = [*bases, *keywords.values()]
    for i, name in enumerate(registers):
        listing.append(("LOAD_GLOBAL", f"${3 + i}", name))
    listing.append(("MOVE", f"${3 + len(registers)}", K(names)))
    listing.append(("CALL_KW", "$0", "$0", 2 + len(registers)))
    listing.append(("RETURN", "$0"))
    return asm(listing, temps=8)


def test_build_class_with_method_and_zero_argument_super() -> None:
    class Base:
        def greet(self) -> str:
            return "base"

    # def greet(self): return "child+" + super().greet()
    greet = asm(
        [
            ("LOAD_GLOBAL", "$0", "super"),
            ("LOAD_DEREF", "$1", "__class__"),
            ("MOVE", "$2", "self"),
            ("LOAD_SUPER_ATTR", "$0", "$0", "greet"),
            ("CALL", "$0", "$0", 0),
            ("ADD", "$0", K("child+"), "$0"),
            ("RETURN", "$0"),
        ],
        params=("self",),
        frees=("__class__",),
        name="greet",
        qualname="C.greet",
    )
    body = [
        ("MAKE_CELL", "__class__"),
        ("LOAD_NAME", "$0", "__name__"),
        ("STORE_NAME", "$0", "__module__"),
        ("STORE_NAME", K("C"), "__qualname__"),
        ("BUILD_TUPLE", "$1", "__class__", 1),
        ("MOVE", "$0", K(greet)),
        ("MAKE_FUNCTION", "$0", "$0", 8),
        ("STORE_NAME", "$0", "greet"),
        ("STORE_NAME", "__class__", "__classcell__"),
        ("RETURN", "__class__"),
    ]
    cls = execute(class_program(body, ["Base"], {}), {"Base": Base, "__name__": "m"})
    assert isinstance(cls, type) and cls.__name__ == "C" and cls.__bases__ == (Base,)
    assert cls.__module__ == "m" and cls.__qualname__ == "C"
    assert "__classcell__" not in cls.__dict__
    assert cls().greet() == "child+base"
    assert cls.greet.__closure__[0].cell_contents is cls
    # a bound Ouro method called from Ouro code (LOAD_ATTR + CALL) runs in the same loop
    caller = func(
        [
            ("LOAD_ATTR", "$0", "obj", "greet"),
            ("CALL", "$0", "$0", 0),
            ("RETURN", "$0"),
        ],
        params=("obj",),
    )
    assert caller(cls()) == "child+base"


def test_build_class_metaclass_prepare_and_keywords() -> None:
    log: list[object] = []

    class Meta(type):
        @classmethod
        def __prepare__(
            mcs, name: str, bases: tuple[type, ...], **kw: object
        ) -> dict[str, object]:
            log.append(("prepare", name, kw))
            return {"prepared": True}

        def __new__(
            mcs, name: str, bases: tuple[type, ...], ns: dict[str, object], **kw: object
        ) -> Meta:
            log.append(("new", sorted(ns), kw))
            return super().__new__(mcs, name, bases, ns)

    class Base(metaclass=Meta):
        pass

    body = [("STORE_NAME", K(1), "x"), ("RETURN", K(None))]
    code = class_program(body, ["Base"], {"flag": "flag"})
    cls = execute(code, {"Base": Base, "flag": "on"})
    assert type(cls) is Meta and cls.x == 1 and cls.prepared is True
    assert log[-2:] == [
        ("prepare", "C", {"flag": "on"}),
        ("new", ["prepared", "x"], {"flag": "on"}),
    ]


def test_build_class_metaclass_conflict() -> None:
    class M1(type):
        pass

    class M2(type):
        pass

    A = M1("A", (), {})
    B = M2("B", (), {})
    code = class_program([("RETURN", K(None))], ["A", "B"], {})
    with pytest.raises(TypeError, match="^metaclass conflict"):
        execute(code, {"A": A, "B": B})


def test_deep_method_recursion_is_stackless(limit: None) -> None:
    # class with: def down(self, n): return 0 if n == 0 else self.down(n - 1) + 1
    setrecursionlimit(20_000)
    down = asm(
        [
            ("COMPARE_EQ", "$0", "n", K(0)),
            ("JUMP_IF_FALSE", "$0", "@rec"),
            ("RETURN", K(0)),
            "rec:",
            ("LOAD_ATTR", "$0", "self", "down"),
            ("SUBTRACT", "$1", "n", K(1)),
            ("CALL", "$0", "$0", 1),
            ("ADD", "$0", "$0", K(1)),
            ("RETURN", "$0"),
        ],
        params=("self", "n"),
        name="down",
    )
    cls = type("D", (), {"down": Function(down, {})})
    assert cls().down(10_000) == 10_000
