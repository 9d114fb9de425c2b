"""ouro.syntax.nodes against the host's ``ast``: the class table, construction, and ``dump``.

The table checks run on 3.11, 3.12 and 3.13 hosts, each against what that host's ``ast`` has in
common with 3.12. ``dump`` is compared text for text with ``ast.dump`` only on a 3.12 host,
through a test-only converter from host trees to Ouro trees.
"""

from __future__ import annotations

import _ast
import ast
import copy
import importlib.util
import sys
import sysconfig
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ouro.syntax import nodes

ON_312 = sys.version_info[:2] == (3, 12)
only_312 = pytest.mark.skipif(not ON_312, reason="ast.dump and the table are 3.12's")

# What 3.12 added to 3.11's grammar, and what 3.13 added to 3.12's.
NEW_IN_312_CLASSES = {"TypeAlias", "type_param", "TypeVar", "ParamSpec", "TypeVarTuple"}
NEW_IN_312_FIELDS = {"type_params"}
NEW_IN_313_FIELDS = {"default_value"}


def ouro_classes() -> dict[str, type[nodes.AST]]:
    return {
        name: value
        for name, value in vars(nodes).items()
        if isinstance(value, type) and issubclass(value, nodes.AST)
    }


def host_classes() -> dict[str, type[ast.AST]]:
    # _ast holds exactly the grammar's classes; ast.py's deprecated ones (Num, Index...) are not.
    return {
        name: value
        for name, value in vars(_ast).items()
        if isinstance(value, type) and issubclass(value, _ast.AST)
    }


def host_optional(cls: type[ast.AST]) -> frozenset[str]:
    # 3.12's ast gives optional fields and attributes a class-level default of None.
    names = cls._fields + cls._attributes
    return frozenset(name for name in names if getattr(cls, name, ...) is None)


def ouro_row(cls: type[nodes.AST], drop: set[str]) -> tuple[object, ...]:
    fields = tuple(name for name in cls._fields if name not in drop)
    optional = frozenset(cls._optional - drop)
    return cls.__bases__[0].__name__, fields, cls._attributes, optional


def host_row(cls: type[ast.AST], drop: set[str]) -> tuple[object, ...]:
    fields = tuple(name for name in cls._fields if name not in drop)
    optional = frozenset(host_optional(cls) - drop)
    return cls.__bases__[0].__name__, fields, cls._attributes, optional


# --- the table ---


@only_312
def test_table_matches_host_312() -> None:
    ours, host = ouro_classes(), host_classes()
    assert sorted(ours) == sorted(host)
    for name, cls in host.items():
        assert ouro_row(ours[name], set()) == host_row(cls, set()), name


@pytest.mark.skipif(sys.version_info[:2] != (3, 11), reason="3.11 host check")
def test_table_matches_host_311_except_312_additions() -> None:
    ours, host = ouro_classes(), host_classes()
    assert set(ours) - set(host) == NEW_IN_312_CLASSES
    assert set(host) <= set(ours)
    for name, cls in host.items():
        assert ouro_row(ours[name], NEW_IN_312_FIELDS) == host_row(cls, set()), name


@pytest.mark.skipif(sys.version_info[:2] != (3, 13), reason="3.13 host check")
def test_table_matches_host_313_except_313_additions() -> None:
    ours, host = ouro_classes(), host_classes()
    assert sorted(ours) == sorted(host)
    for name, cls in host.items():
        assert ouro_row(ours[name], set()) == host_row(cls, NEW_IN_313_FIELDS), name


def test_generated_section_is_fresh() -> None:
    path = Path(__file__).resolve().parents[2] / "tools" / "gen_nodes.py"
    spec = importlib.util.spec_from_file_location("gen_nodes", path)
    assert spec is not None and spec.loader is not None
    gen = importlib.util.module_from_spec(spec)
    sys.modules["gen_nodes"] = gen  # dataclasses look their module up while building
    try:
        spec.loader.exec_module(gen)
        text = gen.NODES_PY.read_text(encoding="utf-8")
        assert gen.splice(text, gen.render()) == text, "run python3 tools/gen_nodes.py"
    finally:
        del sys.modules["gen_nodes"]


def test_abstract_bases_and_attributes() -> None:
    assert issubclass(nodes.Name, nodes.expr) and issubclass(nodes.expr, nodes.AST)
    assert issubclass(nodes.TypeVar, nodes.type_param)
    assert nodes.stmt._attributes == (
        "lineno",
        "col_offset",
        "end_lineno",
        "end_col_offset",
    )
    assert nodes.pattern._optional == frozenset()
    assert nodes.expr._optional == {"end_lineno", "end_col_offset"}
    assert nodes.Constant._optional == {"kind", "end_lineno", "end_col_offset"}
    assert nodes.Name.__match_args__ == ("id", "ctx")


# --- construction ---


def test_positional_order_is_fields_then_attributes() -> None:
    name = nodes.Name("x", nodes.LOAD, 1, 2, 3, 4)
    assert (name.id, name.ctx, name.lineno, name.col_offset) == ("x", nodes.LOAD, 1, 2)
    assert (name.end_lineno, name.end_col_offset) == (3, 4)
    left, right = nodes.Constant(1), nodes.Constant(2)
    binop = nodes.BinOp(left, nodes.ADD, right, 5, 6, 7, 8)
    assert (binop.left, binop.op, binop.right) == (left, nodes.ADD, right)
    assert (binop.lineno, binop.col_offset, binop.end_lineno, binop.end_col_offset) == (
        5,
        6,
        7,
        8,
    )


def test_keywords_work_too() -> None:
    name = nodes.Name(ctx=nodes.STORE, id="y", end_col_offset=9, lineno=2)
    assert (name.id, name.ctx, name.lineno, name.end_col_offset) == (
        "y",
        nodes.STORE,
        2,
        9,
    )


def test_defaults() -> None:
    name = nodes.Name("x", nodes.LOAD)
    assert (name.lineno, name.col_offset, name.end_lineno, name.end_col_offset) == (
        0,
        0,
        None,
        None,
    )
    match_as = nodes.MatchAs()
    assert (match_as.pattern, match_as.name, match_as.end_lineno) == (None, None, 0)
    first, second = nodes.Module(), nodes.Module()
    assert first.body == [] and first.type_ignores == []
    assert first.body is not second.body
    func = nodes.FunctionDef("f", nodes.arguments())
    assert (func.body, func.decorator_list, func.returns, func.type_params) == (
        [],
        [],
        None,
        [],
    )
    assert nodes.arguments().kw_defaults == [] and nodes.arguments().vararg is None
    assert nodes.Return().value is None and nodes.Constant(3).kind is None
    assert nodes.ClassDef("C", body=None).body == []


def test_required_fields_stay_required() -> None:
    with pytest.raises(TypeError):
        nodes.Name("x")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        nodes.keyword(value=nodes.Constant(1))  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        nodes.Name("x", nodes.LOAD, 1, 2, 3, 4, 5)  # type: ignore[call-arg]


def test_slots_identity_and_singletons() -> None:
    name = nodes.Name("x", nodes.LOAD)
    assert not hasattr(name, "__dict__")
    with pytest.raises(AttributeError):
        name.spam = 1  # type: ignore[attr-defined]
    assert name != nodes.Name("x", nodes.LOAD)
    assert nodes.Name.__eq__ is object.__eq__ and nodes.Name.__hash__ is object.__hash__
    assert isinstance(nodes.LOAD, nodes.Load) and isinstance(nodes.NOTIN, nodes.NotIn)
    assert isinstance(nodes.MATMULT, nodes.MatMult) and isinstance(
        nodes.USUB, nodes.USub
    )
    shared = [nodes.STORE, nodes.DEL, nodes.AND, nodes.OR, nodes.FLOORDIV, nodes.ISNOT]
    assert [type(x).__name__ for x in shared] == [
        "Store",
        "Del",
        "And",
        "Or",
        "FloorDiv",
        "IsNot",
    ]
    clone = copy.deepcopy(nodes.BinOp(name, nodes.ADD, nodes.Constant(1), 1, 0, 1, 5))
    assert nodes.dump(clone, include_attributes=True).startswith(
        "BinOp(left=Name(id='x'"
    )


def test_match_statement_on_nodes() -> None:
    match nodes.BinOp(nodes.Name("a", nodes.LOAD), nodes.ADD, nodes.Constant(1)):
        case nodes.BinOp(nodes.Name(name), nodes.Add(), nodes.Constant(value)):
            assert (name, value) == ("a", 1)
        case _:
            pytest.fail("no match")


def test_repr_is_one_level() -> None:
    tree = nodes.BinOp(
        nodes.Name("a", nodes.LOAD), nodes.ADD, nodes.Constant("x" * 100)
    )
    assert repr(tree) == "BinOp(left=Name(...), op=Add(), right=Constant(...))"
    assert repr(tree.left) == "Name(id='a', ctx=Load())"
    assert len(repr(tree.right)) < 80
    module = nodes.Module([nodes.Pass() for _ in range(5)])
    assert repr(module) == "Module(body=[Pass(), Pass(), Pass(), ...], type_ignores=[])"


# --- helpers ---


def sample_tree() -> nodes.Module:
    call = nodes.Call(nodes.Name("f", nodes.LOAD), [nodes.Constant(1)], [], 1, 0, 1, 4)
    assign = nodes.Assign([nodes.Name("x", nodes.STORE)], call, None, 1, 0, 1, 8)
    return nodes.Module([assign, nodes.Pass(2, 0, 2, 4)])


def test_iter_fields_and_children() -> None:
    tree = sample_tree()
    assign = tree.body[0]
    assert [name for name, _ in nodes.iter_fields(assign)] == [
        "targets",
        "value",
        "type_comment",
    ]
    assert [type(x).__name__ for x in nodes.iter_child_nodes(assign)] == [
        "Name",
        "Call",
    ]
    del assign.type_comment  # a missing field is skipped, as ast does
    assert [name for name, _ in nodes.iter_fields(assign)] == ["targets", "value"]


def test_walk_is_breadth_first_like_ast() -> None:
    kinds = [type(x).__name__ for x in nodes.walk(sample_tree())]
    host = ast.parse("x = f(1)\npass\n")
    assert kinds == [type(x).__name__ for x in ast.walk(host)]


def test_copy_location() -> None:
    old = nodes.Name("x", nodes.LOAD, 3, 4, 5, 6)
    new = nodes.copy_location(nodes.Constant(1), old)
    assert (new.lineno, new.col_offset, new.end_lineno, new.end_col_offset) == (
        3,
        4,
        5,
        6,
    )
    assert nodes.copy_location(nodes.Load(), old)._attributes == ()


def test_node_visitor() -> None:
    class Names(nodes.NodeVisitor):
        def __init__(self) -> None:
            self.seen: list[str] = []

        def visit_Name(self, node: nodes.Name) -> None:
            self.seen.append(node.id)

        def visit_Call(self, node: nodes.Call) -> None:
            self.seen.append("call")
            self.generic_visit(node)

    visitor = Names()
    visitor.visit(sample_tree())
    assert visitor.seen == ["x", "call", "f"]


# --- dump ---


def convert(node: object) -> object:
    """A host ast tree as an Ouro tree, field by field (test-only).

    A field or attribute the host node lacks (AttributeError) is deleted from the Ouro node
    too, so trees built by hand with gaps compare as well as parsed ones.
    """
    if isinstance(node, ast.AST):
        cls = getattr(nodes, type(node).__name__)
        names = node._fields + node._attributes
        missing = [name for name in names if not hasattr(node, name)]
        values = {name: convert(getattr(node, name, None)) for name in names}
        result = cls(**values)
        for name in missing:
            delattr(result, name)
        return result
    if isinstance(node, list):
        return [convert(item) for item in node]
    return node


INDENTS: tuple[int | str | None, ...] = (None, 2, "\t")
ALL_INDENTS: tuple[int | str | None, ...] = (None, 0, 1, 2, -1, "", "\t", "--")


def assert_same_dumps(
    host_tree: ast.AST, indents: tuple[int | str | None, ...]
) -> None:
    ours = convert(host_tree)
    assert isinstance(ours, nodes.AST)
    for annotate in (True, False):
        for attributes in (False, True):
            for indent in indents:
                want = ast.dump(host_tree, annotate, attributes, indent=indent)
                got = nodes.dump(ours, annotate, attributes, indent=indent)
                assert got == want, (annotate, attributes, indent)


SNIPPETS = {
    "simple": "x = 1\ny: int = 2\nz: list[int]\ndel x, y[0], z.a\nx += 1\npass\n",
    "functions": (
        "@dec\ndef f(a, /, b: int = 1, *args, c, d=2, **kw) -> int:\n"
        "    global g\n    nonlocal_ = lambda q, *r, s=1: q\n    return\n"
        "async def g():\n    await x\n    async for i in y:\n        break\n"
        "    else:\n        continue\n    async with a as b, c:\n        yield\n"
        "    yield from z\n"
        "def outer():\n    v = 1\n    def inner():\n        nonlocal v\n"
    ),
    "classes": "class C(B, metaclass=M, **kw):\n    '''doc'''\n    x: int = 0\n",
    "control": (
        "for i in range(3):\n    if i: pass\n    elif not i: continue\n    else: break\n"
        "else:\n    pass\n"
        "while x < 3 <= y != z is not w in v not in u is t > s >= r == q:\n    x -= 1\n"
        "try:\n    pass\nexcept E as e:\n    raise X from e\nexcept (A, B):\n    raise\n"
        "except:\n    pass\nelse:\n    pass\nfinally:\n    pass\n"
        "try:\n    pass\nexcept* ValueError:\n    pass\n"
        "with open(f) as (a, b):\n    assert x, 'msg'\n    assert y\n"
    ),
    "imports": "import a.b as c, d\nfrom . import x\nfrom ..m import (y as z, w)\nfrom m import *\n",
    "expressions": (
        "a and b or c and not d\n-x + +y * ~z / w // v % u ** t @ s << r >> q | p ^ o & n - m\n"
        "(yield)\nf(*a, k=1, **b)\nx[1:2, ::3, 4:]\nx[...]\n[*a, b]\n{1, 2}\n{1: 2, **d}\n"
        "{}\n()\n(1,)\n[]\n[x for x in y if x if z for w in x]\n{x for x in y}\n"
        "{k: v async for k, v in z}\n(x for x in y)\n(n := 10)\na if b else c\n"
        "x.y.z\nb'bytes' + 'str' u'kind'\n1j + 2.5 + 0x10 + 1_000 + 1e400\nNone, True, False\n"
        "'''multi\\nline'''\n'\\x00\\udcff' + '\\N{BULLET}' + 'a\\tb'\n"
    ),
    "fstrings": (
        "f'{x}' f'{y!r:>{w}}' f'{z=}' f'{a!s}{b!a}' f'''{'nested' + f'{q}'}'''\n"
        "f'plain' f'{x:{y}.{z}f}' rf'\\d{x}'\n"
    ),
    "match": (
        "match command.split():\n"
        "    case [action]:\n        pass\n"
        "    case [action, obj, *rest] if obj:\n        pass\n"
        "    case Point(x=0, y=0) | Point(1, 2, z=_):\n        pass\n"
        "    case {'key': value, 1: _, **others}:\n        pass\n"
        "    case {}:\n        pass\n"
        "    case None | True | False:\n        pass\n"
        "    case -1 | 1 + 2j | 'str' | b'bytes' | a.b.c:\n        pass\n"
        "    case (1, *_) | [] | ():\n        pass\n"
        "    case str() as s:\n        pass\n"
        "    case _:\n        pass\n"
    ),
    "type_params": (
        "type Alias = int\ntype Generic[T, *Ts, **P] = tuple[T, *Ts]\n"
        "def f[T: int, U: (str, bytes), *Ts, **P](x: T) -> T: pass\n"
        "class C[T](Base[T]): pass\n"
        "async def g[T](): pass\n"
    ),
    "unicode": "é = 'ü'\nπ = f'{é!r} ∑'\n",
}


@only_312
@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_dump_matches_ast_on_snippets(name: str) -> None:
    assert_same_dumps(ast.parse(SNIPPETS[name]), ALL_INDENTS)


@only_312
def test_dump_matches_ast_in_other_modes() -> None:
    assert_same_dumps(ast.parse("if x:\n    y = 1\n", mode="single"), ALL_INDENTS)
    assert_same_dumps(ast.parse("a + b * c", mode="eval"), ALL_INDENTS)
    assert_same_dumps(ast.parse("(int, str) -> bool", mode="func_type"), ALL_INDENTS)
    source = "x = []  # type: List[int]\ndef f(a):  # type: (int) -> None\n    pass\n"
    source += "for i in x:  # type: int\n    pass\nimport os  # type: ignore[attr]\n"
    assert_same_dumps(ast.parse(source, type_comments=True), ALL_INDENTS)


@only_312
def test_snippets_cover_every_node_kind() -> None:
    seen: set[str] = set()
    trees = [ast.parse(source) for source in SNIPPETS.values()]
    trees.append(ast.parse("x", mode="single"))
    trees.append(ast.parse("x", mode="eval"))
    trees.append(ast.parse("() -> int", mode="func_type"))
    trees.append(ast.parse("import a  # type: ignore", type_comments=True))
    for tree in trees:
        seen.update(type(node).__name__ for node in ast.walk(tree))
    concrete = {
        name for name, cls in ouro_classes().items() if not cls.__subclasses__()
    }
    assert concrete - seen == set()


def hand_built_trees() -> Iterator[ast.AST]:
    """Trees the parser never makes: missing fields, None in odd places, odd constants."""
    yield ast.ImportFrom(None, [ast.alias("x")], 2)
    yield ast.Dict(
        [None, ast.Constant(1)], [ast.Name("d", ast.Load()), ast.Constant(2)]
    )
    yield ast.MatchSingleton(None)
    yield ast.Constant(None, "u")
    for value in (
        ...,
        b"\x00",
        1 + 2j,
        float("inf"),
        -0.0,
        (1, "a"),
        frozenset(),
        "q'\"",
    ):
        yield ast.Constant(value)
    yield ast.Constant([])  # a list as a value is formatted as a list
    yield ast.Constant([[], [1, ast.Pass()]])
    yield ast.Pass()
    yield ast.Module([], [])
    yield ast.keyword(None, ast.Name("k", ast.Load()))
    yield ast.Slice(None, ast.Constant(1), None)
    yield ast.Return(ast.Constant(1), lineno=1, col_offset=0, end_lineno=None)
    yield ast.Name(None, None)  # required fields holding None still show
    yield ast.Name("x", lineno=1, col_offset=0)  # no ctx, no end positions
    yield ast.BinOp(
        op=ast.Add(), right=ast.Constant(1)
    )  # no left: keywords from then on
    yield ast.Expr(
        ast.Call(ast.Name("f", ast.Load()), [ast.Constant(i) for i in range(3)], [])
    )
    yield ast.Tuple([ast.Constant(1), ast.Constant(2), ast.Constant(3)], ast.Load())


@only_312
def test_dump_matches_ast_on_hand_built_trees() -> None:
    for tree in hand_built_trees():
        assert_same_dumps(tree, ALL_INDENTS)


def stdlib_sample(count: int = 40) -> list[Path]:
    """count stdlib modules spread evenly over the sorted list: the same files on every run."""
    root = Path(sysconfig.get_paths()["stdlib"])
    files = sorted(
        path
        for path in root.rglob("*.py")
        if not {"site-packages", "test", "tests", "idle_test"} & set(path.parts)
    )
    step = max(1, len(files) // count)
    return files[::step][:count]


@only_312
@pytest.mark.parametrize(
    "path", stdlib_sample() if ON_312 else [], ids=lambda p: p.stem
)
def test_dump_matches_ast_on_stdlib(path: Path) -> None:
    tree = ast.parse(path.read_bytes(), filename=str(path))
    assert_same_dumps(tree, INDENTS)


def test_dump_rejects_non_nodes() -> None:
    with pytest.raises(TypeError, match="expected AST, got 'list'"):
        nodes.dump([])  # type: ignore[arg-type]


def test_dump_simple_cases_on_any_host() -> None:
    tree = nodes.BinOp(
        nodes.Name("x", nodes.LOAD, 1, 0, 1, 1), nodes.ADD, nodes.Constant(1)
    )
    assert nodes.dump(tree) == (
        "BinOp(left=Name(id='x', ctx=Load()), op=Add(), right=Constant(value=1))"
    )
    assert nodes.dump(tree, False) == "BinOp(Name('x', Load()), Add(), Constant(1))"
    assert (
        nodes.dump(nodes.ImportFrom(None, [], 1), False)
        == "ImportFrom(names=[], level=1)"
    )
    assert nodes.dump(nodes.Module(), indent=2) == "Module(body=[], type_ignores=[])"


# --- depth ---

DEPTH = 100_000


def left_chain(depth: int) -> nodes.expr:
    tree: nodes.expr = nodes.Name("x", nodes.LOAD)
    for _ in range(depth):
        tree = nodes.BinOp(tree, nodes.ADD, nodes.Constant(1))
    return tree


def test_deep_tree_dumps_without_recursion() -> None:
    tree = left_chain(DEPTH)
    start = time.perf_counter()
    text = nodes.dump(tree)
    elapsed = time.perf_counter() - start
    tail = ", op=Add(), right=Constant(value=1))"
    assert text == "BinOp(left=" * DEPTH + "Name(id='x', ctx=Load())" + tail * DEPTH
    assert elapsed < 10, f"dump of a {DEPTH}-deep chain took {elapsed:.1f}s"
    assert nodes.dump(tree, False, True).count("\n") == 0
    assert sum(1 for _ in nodes.walk(tree)) == 3 * DEPTH + 2


def test_deep_tree_indented() -> None:
    text = nodes.dump(left_chain(2000), indent=1)
    assert text.count("\n") == 2000 * 3
    assert text.splitlines()[-1] == " right=Constant(value=1))"
    assert text.splitlines()[2000] == " " * 2000 + "left=Name(id='x', ctx=Load()),"


@only_312
def test_deep_tree_matches_ast() -> None:
    host: ast.expr = ast.Name("x", ast.Load())
    for _ in range(300):
        host = ast.BinOp(host, ast.Add(), ast.List([ast.Constant(1)], ast.Load()))
    assert_same_dumps(host, INDENTS)
