"""The serializer: every constant kind round-trips bit for bit, compiler output round-trips
field for field, output is deterministic, and damaged data raises BadBytecode and nothing else."""

from __future__ import annotations

import glob
import math
import os
import random
import struct
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from ouro.bytecode import opcodes as O
from ouro.bytecode.code import CO_VARARGS, FIELDS, Code
from ouro.cache import BadBytecode, dumps, loads, serializer
from ouro.compiler import compile_source

ROOT = Path(__file__).resolve().parent.parent.parent


def holder(*consts: object, **changes: object) -> Code:
    """A minimal valid code object carrying ``consts``."""
    fields: dict[str, object] = {
        "co_code": ((O.RETURN, 0, 0, 0),),
        "co_consts": consts,
        "co_varnames": ("x",),
        "co_positions_table": ((1, 1, 0, 4),),
    }
    fields.update(changes)
    return Code(**fields)  # type: ignore[arg-type]


def same(a: object, b: object) -> bool:
    """Equal and of the same type all the way down, floats compared by their bits."""
    if type(a) is not type(b):
        return False
    if isinstance(a, float):
        return struct.pack("<d", a) == struct.pack("<d", b)  # type: ignore[arg-type]
    if isinstance(a, complex):
        assert isinstance(b, complex)
        return same(a.real, b.real) and same(a.imag, b.imag)
    if isinstance(a, tuple):
        assert isinstance(b, tuple)
        return len(a) == len(b) and all(map(same, a, b))
    if isinstance(a, frozenset):
        assert isinstance(b, frozenset)
        return len(a) == len(b) and all(any(same(x, y) for y in b) for x in a)
    if isinstance(a, slice):
        assert isinstance(b, slice)
        return all(map(same, (a.start, a.stop, a.step), (b.start, b.stop, b.step)))
    if isinstance(a, Code):
        assert isinstance(b, Code)
        return all(same(getattr(a, f), getattr(b, f)) for f in FIELDS)
    return a == b  # type: ignore[no-any-return]


def round_trip(code: Code) -> Code:
    data = dumps(code)
    back = loads(data)
    assert dumps(back) == data
    assert same(code, back)
    lazy = loads(
        data, lazy=True
    )  # nested bodies read on first use: the same in the end
    assert same(code, lazy)
    assert dumps(lazy) == data
    return back


def float_bits(bits: int) -> float:
    return struct.unpack("<d", bits.to_bytes(8, "little"))[0]  # type: ignore[no-any-return]


# --- every constant kind ------------------------------------------------------------------

NAN_PAYLOAD = float_bits(0xFFF8_0000_DEAD_BEEF)  # negative, with payload bits
CONSTANTS = [
    None,
    ...,
    True,
    False,
    0,
    1,
    -1,
    2**63 - 1,
    -(2**63),
    2**63,
    -(2**63) - 1,
    2**64,
    10**1000,
    -(10**1000),
    1.5,
    0.0,
    -0.0,
    math.inf,
    -math.inf,
    math.nan,
    -math.nan,
    NAN_PAYLOAD,
    5e-324,
    complex(0.0, -0.0),
    complex(math.nan, math.inf),
    "",
    "text",
    "é€😀",
    "\ud800",  # a lone high surrogate
    "\udc00x\ud83d",
    "\ud83d\ude00",  # a surrogate *pair* stays two code points
    "\x00",
    b"",
    b"\x00\xff" * 100,
    (),
    (1, (2, (3,)), "a"),
    frozenset(),
    frozenset({1, "a", (2.0, None), frozenset({b"x"})}),
    slice(1, None, -1),
    holder(1, "inner"),
    "x" * 100_000,
]


@pytest.mark.parametrize("value", CONSTANTS, ids=[repr(v)[:40] for v in CONSTANTS])
def test_constant_kinds(value: object) -> None:
    back = round_trip(holder(value, value))
    assert same(back.co_consts[0], value)


def test_constants_together_share_strings() -> None:
    code = holder(*CONSTANTS[:-1], co_names=("text", "x"), co_filename="text")
    back = round_trip(code)
    assert back.co_names == ("text", "x")
    # the string table holds each string once
    assert dumps(code).count(b"inner") == 1


def test_unserializable() -> None:
    with pytest.raises(ValueError, match="unserializable constant of type list"):
        dumps(holder([1]))
    with pytest.raises(TypeError):
        dumps((1, 2))  # type: ignore[arg-type]
    with pytest.raises(ValueError):
        dumps(holder(co_names=(1,)))


def test_deep_nesting_without_host_recursion() -> None:
    value: object = ()
    for _ in range(serializer.MAX_DEPTH - 2):
        value = (value,)
    data = dumps(holder(value))
    assert dumps(loads(data)) == data
    with pytest.raises(ValueError, match="nested too deeply"):
        dumps(holder(((value,),)))


# --- hypothesis: random constants -----------------------------------------------------------

texts = st.lists(st.integers(0, 0x10FFFF), max_size=12).map(
    lambda points: "".join(map(chr, points))
)
floats = st.integers(0, 2**64 - 1).map(float_bits)
atoms = st.one_of(
    st.none(),
    st.just(...),
    st.booleans(),
    st.integers(),
    st.integers(-(2**200), 2**200),
    floats,
    st.builds(complex, floats, floats),
    texts,
    st.binary(max_size=20),
)
hashables = st.recursive(
    atoms,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(tuple), st.frozensets(inner, max_size=4)
    ),
    max_leaves=12,
)
constants = st.recursive(
    hashables,
    lambda inner: st.one_of(
        st.lists(inner, max_size=4).map(tuple),
        st.builds(slice, inner, inner, inner),
        st.lists(inner, max_size=3).map(lambda items: holder(*items)),
    ),
    max_leaves=16,
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(constants, max_size=5))
def test_random_constants_round_trip(values: list[object]) -> None:
    round_trip(holder(*values))


@settings(max_examples=100, deadline=None)
@given(st.lists(hashables, max_size=8))
def test_frozenset_order_is_canonical(items: list[object]) -> None:
    # Equal items of different types (False, 0, 0.0) would make the two sets differ in
    # which of them is kept: only items no other item equals.
    items = [x for x in items if sum(1 for y in items if y == x) == 1]
    first = frozenset(items)
    second = frozenset(reversed(items))
    assert dumps(holder(first)) == dumps(holder(second))


def test_output_does_not_depend_on_hash_seed() -> None:
    program = (
        "from ouro.cache import dumps; from ouro.compiler import compile_source;"
        "import sys; sys.stdout.write(dumps(compile_source("
        '\'x in {"a", "b", "c", "d", 1.5, (2, "e")}\', \'m.py\')).hex())'
    )
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed, PYTHONPATH=str(ROOT))
        outputs.add(
            subprocess.run(
                [sys.executable, "-c", program],
                env=env,
                capture_output=True,
                text=True,
                check=True,
            ).stdout
        )
    assert len(outputs) == 1


# --- compiler output -------------------------------------------------------------------------


def corpus_files() -> list[Path]:
    return sorted((ROOT / "tests" / "programs").rglob("*.py"))


def stdlib_sample(count: int = 40) -> list[str]:
    files = sorted(glob.glob(os.path.join(os.path.dirname(os.__file__), "*.py")))
    return files[:: max(1, len(files) // count)][:count]


def compiled(path: str | Path, optimize: int = 0) -> Code | None:
    try:
        return compile_source(Path(path).read_bytes(), str(path), optimize=optimize)
    except SyntaxError:
        return None  # the corpus has programs that are meant not to compile


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@pytest.mark.parametrize(
    "path", corpus_files(), ids=lambda p: f"{p.parent.name}/{p.name}"
)
def test_corpus_round_trips(path: Path) -> None:
    code = compiled(path)
    if code is not None:
        round_trip(code)


@pytest.mark.filterwarnings("ignore::SyntaxWarning")
@pytest.mark.parametrize("path", stdlib_sample(), ids=os.path.basename)
def test_stdlib_round_trips(path: str) -> None:
    for optimize in (0, 2):
        code = compiled(path, optimize)
        if code is not None:
            round_trip(code)


# --- damage ----------------------------------------------------------------------------------


def small() -> bytes:
    return dumps(
        compile_source(
            "def f(a, *b):\n    try:\n        return a + b[0]\n    except E:\n"
            "        return {1.5: 'x'}\nprint(f(1, 2), -3 ** 70, b'z', (None, ...))\n",
            "s.py",
        )
    )


def test_every_truncation_is_bad() -> None:
    data = small()
    for end in range(len(data)):
        with pytest.raises(BadBytecode):
            loads(data[:end])


def test_every_bit_flip_is_bad_or_still_valid() -> None:
    data = small()
    for index in range(len(data)):
        for bit in range(8):
            damaged = bytearray(data)
            damaged[index] ^= 1 << bit
            try:
                code = loads(bytes(damaged))
            except BadBytecode:
                continue
            dumps(code)  # what loads accepts is a sound code object


@settings(max_examples=500, deadline=None)
@given(st.binary(max_size=200))
def test_garbage_is_bad(data: bytes) -> None:
    with pytest.raises(BadBytecode):
        loads(bytes([serializer.VERSION]) + data)


@settings(max_examples=500, deadline=None)
@given(st.lists(st.tuples(st.integers(0, 10**6), st.integers(0, 255)), max_size=4))
def test_random_overwrites(changes: list[tuple[int, int]]) -> None:
    damaged = bytearray(small())
    for where, byte in changes:
        damaged[where % len(damaged)] = byte
    try:
        dumps(loads(bytes(damaged)))
    except BadBytecode:
        pass


def varint(value: int) -> bytes:
    out = bytearray()
    while value >= 0x80:
        out.append((value & 0x7F) | 0x80)
        value >>= 7
    out.append(value)
    return bytes(out)


def with_instructions(*code: tuple[int, int, int, int], **changes: object) -> bytes:
    """The bytes of a holder whose instructions were not checked on the way out."""
    fields: dict[str, object] = {
        "co_code": code,
        "co_positions_table": ((1, 1, 0, 1),) * len(code),
        "co_varnames": ("x",),
        "co_consts": (None,),
        "co_names": ("n",),
    }
    fields.update(changes)
    return dumps(Code(**fields))  # type: ignore[arg-type]


R = O.BY_NAME
BAD_CODE = {
    # register 0 is x, register 1 the constant None
    "unknown opcode": [(255, 0, 0, 0)],
    "register past the frame": [
        (R["MOVE"].number, 0, 2, 0),
        (R["RETURN"].number, 0, 0, 0),
    ],
    "name index": [(R["LOAD_GLOBAL"].number, 0, 1, 0), (R["RETURN"].number, 0, 0, 0)],
    "jump past the end": [(R["JUMP"].number, 5, 0, 0)],
    "unused operand set": [(R["RETURN"].number, 0, 1, 0)],
    "run past the frame": [(R["CALL"].number, 0, 0, 2), (R["RETURN"].number, 0, 0, 0)],
    "two-register run": [
        (R["BUILD_MAP"].number, 0, 0, 2),
        (R["RETURN"].number, 0, 0, 0),
    ],
    "unknown intrinsic": [
        (R["INTRINSIC"].number, 0, 0, 99),
        (R["RETURN"].number, 0, 0, 0),
    ],
    "intrinsic zero": [(R["INTRINSIC"].number, 0, 0, 0), (R["RETURN"].number, 0, 0, 0)],
    "raise kind": [(R["RAISE"].number, 0, 0, 3)],
    "unpack_ex past the frame": [
        (R["UNPACK_EX"].number, 0, 0, 2),
        (R["RETURN"].number, 0, 0, 0),
    ],
    "make_function extras": [
        (R["MAKE_FUNCTION"].number, 0, 0, 24),
        (R["RETURN"].number, 0, 0, 0),
    ],
    "falls off the end": [(R["MOVE"].number, 0, 1, 0)],
}


@pytest.mark.parametrize("case", BAD_CODE)
def test_bad_instructions(case: str) -> None:
    data = with_instructions(*BAD_CODE[case])
    with pytest.raises(BadBytecode):
        loads(data)


def test_good_runs_pass() -> None:
    ret = (R["RETURN"].number, 0, 0, 0)
    loads(
        with_instructions((R["CALL"].number, 0, 0, 1), ret)
    )  # r[0:2], the whole frame
    loads(with_instructions((R["UNPACK_EX"].number, 0, 0, 1), ret))
    loads(with_instructions((R["MAKE_FUNCTION"].number, 0, 0, 8), ret))
    loads(
        with_instructions((R["BUILD_TUPLE"].number, 0, 2, 0), ret)
    )  # empty run at the end


BAD_LAYOUT = {
    "exception table past the end": {"co_exceptiontable": ((0, 2, 0, 0),)},
    "handler register": {"co_exceptiontable": ((0, 1, 0, 9),)},
    "argcount": {"co_argcount": 2},
    "posonly": {"co_posonlyargcount": 1},
    "varargs slot": {"co_argcount": 1, "co_flags": CO_VARARGS},
    "huge temporaries": {"co_ntemps": 10**6},
}


@pytest.mark.parametrize("case", BAD_LAYOUT)
def test_bad_layout(case: str) -> None:
    data = with_instructions((R["RETURN"].number, 0, 0, 0), **BAD_LAYOUT[case])
    with pytest.raises(BadBytecode):
        loads(data)


def test_bad_framing() -> None:
    data = small()
    for damaged in (
        b"",
        bytes([serializer.VERSION + 1]) + data[1:],
        data + b"\x00",
        data[:1] + varint(2**62) + data[2:],  # a huge string count
        data[:1] + b"\xff" * 20,  # an endless varint
    ):
        with pytest.raises(BadBytecode):
            loads(damaged)
    # the root must be a code object
    with pytest.raises(BadBytecode):
        loads(bytes([serializer.VERSION, 0, 0, ord("N")]))


def test_nesting_past_the_limit_is_bad_not_a_crash() -> None:
    depth = serializer.MAX_DEPTH + 10
    body = b"(" + varint(1)
    data = dumps(holder(None))
    # replace the constant None by `depth` nested one-tuples around None
    assert data.endswith(b"N")
    with pytest.raises(BadBytecode, match="nested too deeply"):
        loads(data[:-1] + body * depth + b"N")
    with pytest.raises(BadBytecode):
        loads(data[:-1] + body * 10**5)  # truncated and deep: still the one error


def test_duplicate_frozenset_items_are_bad() -> None:
    data = dumps(holder(frozenset({1, 2})))
    one, two = b"i" + varint(2), b"i" + varint(4)
    assert one + two in data or two + one in data
    with pytest.raises(BadBytecode, match="repeated"):
        loads(data.replace(one + two, one + one).replace(two + one, one + one))


# --- deferred bodies (loads(lazy=True), what .pyc files use) ---------------------------------

NESTED = (
    "def outer(a):\n    'outer doc'\n    def inner(b):\n        return a + b\n"
    "    return inner\nclass K:\n    def m(self):\n        return 1 / 0\n"
    "f = lambda: 'not a doc'\n"
)


def nested_functions(code: Code) -> dict[str, Code]:
    return {c.co_name: c for c in code.co_consts if isinstance(c, Code)}


def test_lazy_loads_reads_nested_bodies_on_first_use() -> None:
    data = dumps(compile_source(NESTED, "n.py"))
    code = loads(data, lazy=True)
    assert code.loaded  # the module's own code is read at once
    nested = nested_functions(code)
    outer = nested["outer"]
    assert not outer.loaded
    # The head is there: names, counts, flags, and the docstring without the body.
    assert (outer.co_name, outer.co_varnames, outer.co_argcount) == (
        "outer",
        ("a", "inner"),
        1,
    )
    assert outer.docstring == "outer doc" and not outer.loaded
    assert nested["<lambda>"].docstring is None
    assert outer.co_code and outer.loaded  # any body field reads the body
    inner = nested_functions(outer)["inner"]
    assert not inner.loaded  # one level at a time
    assert same(code, loads(data))


def test_lazy_positions_are_expanded_on_first_use() -> None:
    data = dumps(compile_source(NESTED, "n.py"))
    code = loads(data, lazy=True)
    assert code._positions is not None
    assert code.co_positions_table == loads(data).co_positions_table
    assert code._positions is None


def test_damaged_nested_body_is_bad_when_first_used() -> None:
    """With lazy=True the damage of a nested body (which a .pyc's checksum has already ruled
    out) is found when that body is read: BadBytecode naming where the data came from."""
    data = dumps(compile_source("def f():\n    return 1\n", "d.py"))
    body = nested_functions(loads(data, lazy=True))["f"]._body
    assert isinstance(body, serializer._DeferredBody)
    damaged = data[: body.end - 1] + b"\xff" + data[body.end :]  # f's last byte
    code = loads(damaged, lazy=True, label="x.pyc")
    f = nested_functions(code)["f"]
    with pytest.raises(BadBytecode, match="in x.pyc"):
        f.co_code  # noqa: B018
    with pytest.raises(BadBytecode):  # and again: the failure is kept
        f.co_consts  # noqa: B018
    with pytest.raises(BadBytecode):
        loads(damaged)  # read at once, the same damage is found at once


def test_deferred_header_order_is_header_fields() -> None:
    """Code.deferred sets HEADER_FIELDS in that order (the serializer relies on it)."""
    from ouro.bytecode.code import HEADER_FIELDS

    code = Code.deferred(lambda c: None, None, tuple(range(len(HEADER_FIELDS))))
    assert [getattr(code, name) for name in HEADER_FIELDS] == list(
        range(len(HEADER_FIELDS))
    )


# --- the operand checks: the fast path agrees with the rules ---------------------------------


def random_instructions(rng: random.Random, nregs: int, nnames: int) -> list[int]:
    """Instructions whose operands are mostly small and valid, some sitting on or past a
    limit a check compares with."""
    n = rng.randint(1, 12)
    edges = [1, 2, 3, 7, 8, 12, 13, 31, 32, 255, 256, 257, 1 << 20]
    edges += [nregs - 3, nregs - 2, nregs - 1, nregs, nregs + 1, nnames - 1, nnames]
    edges += [n - 1, n, n + 1]
    ops = [info.number for info in O.OPS] + [250, 300]
    small = max(1, min(nregs - 3, nnames, n))
    values: list[int] = []
    for _ in range(n):
        values.append(rng.choice(ops))
        for _ in range(3):
            pick = rng.random()
            if pick < 0.6:
                values.append(0)
            elif pick < 0.95:
                values.append(rng.randrange(small))
            else:
                values.append(max(rng.choice(edges), 0))
    if rng.random() < 0.95:  # usually a proper ending
        values[-4:] = [O.RETURN, 0, 0, 0]
    return values


def test_fast_operand_check_agrees_with_the_rules() -> None:
    from ouro.cache import verify

    rng = random.Random(5)
    outcomes = []
    for _ in range(20000):
        nregs, nnames = rng.randint(1, 40), rng.randint(0, 6)
        values = random_instructions(rng, nregs, nnames)
        code = list(zip(*[iter(values)] * 4))
        fast = verify._fast_check(values, nregs, nnames)
        rules = verify._first_problem(code, nregs, nnames) is None
        assert fast == rules, (values, nregs, nnames)
        assert (verify.check_instructions(values, nregs, nnames) is None) == rules
        outcomes.append(fast)
    assert 0.1 < sum(outcomes) / len(outcomes) < 0.9  # both ways, often
