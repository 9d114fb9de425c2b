"""ouro.syntax.unparse against CPython: ``unparse`` against ``ast.unparse``, ``annotation_text``
against the PEP 563 strings CPython 3.12 stores.

* The stdlib sample of test_stdlib_sample.py: ``unparse(ouro parse)`` must equal
  ``ast.unparse(ast.parse)`` file for file. The reference is 3.12's ``ast.unparse``; on another
  host the comparison still runs for files whose text does not depend on what changed (3.11
  quotes f-strings by other rules, so files with f-strings skip there).
* Snippets for the node kinds and entry points a file sample may miss (other modes, parts
  of statements, patterns, type parameters), compared the same way.
* tests/syntax/annotations_expected.json, recorded by tools/regen_annotations.py on 3.12:
  each annotation's text must equal CPython's, on any host.
* Trees far deeper than the host stack, built by hand, unparse without recursion.
* ``slow``: the whole stdlib on 3.12.
"""

from __future__ import annotations

import ast  # host-ok: the reference the unparser is compared with
import json
import os
import sys
import warnings
from pathlib import Path

import pytest

from ouro import syntax
from ouro.syntax import nodes as n
from ouro.syntax.unparse import annotation_text, unparse
from ouro.tools.parsecheck import find_files, stdlib_root
from tests.syntax.test_stdlib_sample import stdlib_sample

HERE = Path(__file__).resolve().parent
ON_312 = sys.version_info[:2] == (3, 12)
ANNOTATIONS = json.loads(
    (HERE / "annotations_expected.json").read_text(encoding="utf-8")
)


def host_unparse(source: str | bytes, mode: str = "exec") -> str | None:
    """ast.unparse of the host's tree, or None when the host rejects the source."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            return ast.unparse(ast.parse(source, "<test>", mode))  # host-ok: reference
        except (SyntaxError, ValueError):
            return None


def ouro_unparse(source: str | bytes, mode: str = "exec") -> str:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return unparse(syntax.parse(source, "<test>", mode))


def has_fstring(tree: n.AST) -> bool:
    return any(isinstance(node, n.JoinedStr) for node in n.walk(tree))


def compare_file(path: str) -> str | None:
    """None if both unparsers agree on the file, else a description of the first difference;
    pytest.skip where the comparison is not defined."""
    with open(path, "rb") as f:
        source = f.read()
    expected = host_unparse(source)
    if expected is None:
        pytest.skip("the host rejects this file")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        tree = syntax.parse(source, path)
    if not ON_312 and has_fstring(tree):
        pytest.skip(
            "f-strings unparse by 3.12's rules, which this host's ast does not use"
        )
    got = unparse(tree)
    if got == expected:
        return None
    for number, (want, have) in enumerate(
        zip(expected.splitlines(), got.splitlines()), 1
    ):
        if want != have:
            return f"line {number}:\n  ast:  {want!r}\n  ouro: {have!r}"
    return f"lengths differ: {len(expected)} vs {len(got)} characters"


@pytest.mark.parametrize("relpath", stdlib_sample())
def test_stdlib_file_unparses_like_ast(relpath: str) -> None:
    difference = compare_file(os.path.join(stdlib_root(), relpath))
    assert difference is None, f"{relpath}: {difference}"


@pytest.mark.slow
@pytest.mark.timeout(3600)
@pytest.mark.skipif(not ON_312, reason="the reference is 3.12's ast.unparse")
def test_whole_stdlib_unparses_like_ast() -> None:
    differences = []
    for path in find_files([stdlib_root()]):
        try:
            difference = compare_file(path)
        except pytest.skip.Exception:
            continue
        if difference is not None:
            differences.append(f"{path}: {difference}")
    assert not differences, "\n".join(differences[:10])


# --- snippets: (source, mode), the 3.12-only ones marked ---

MATCH = """\
match x:
    case 1 | 2 | (3 | 4):
        pass
    case [a, *rest, (b as c)]:
        pass
    case {'k': v, **kw}:
        pass
    case {**kw}:
        pass
    case P(a, b=c) | Q(d=e) | R():
        pass
    case (a as b) | c if d:
        pass
    case None | True | -1 | 1 + 2j | 'x' | a.b:
        pass
    case [*_] | _:
        pass
"""

SNIPPETS = [
    (
        "x = 1; y = 2",
        "single",
    ),  # ast.unparse keeps only the last statement of Interactive
    ("pass", "single"),
    ("a + b", "eval"),
    ("(yield)", "eval"),
    ('"""doc"""\nx = 1', "exec"),
    ("def f():\n    '''doc\\n'''\n    return", "exec"),
    (
        "class C:\n    'it''s \"so\"'\n    x: int\n    (y): int = 1\n    z.w: int",
        "exec",
    ),
    ("'''a\\'''b'''", "exec"),
    ("x = '''a\nb'''", "exec"),
    ("u'x'\nu'y'", "exec"),
    ("@a.b(c)\n@d\nclass C(B, metaclass=M, **kw):\n    pass", "exec"),
    ("x = 1\n@dec\ndef f(a, /, b=1, *c, d, e=2, **f) -> r:\n    pass", "exec"),
    (
        "async def f():\n    async for x in y:\n        await z\n    async with a as b, c:\n        pass",
        "exec",
    ),
    (
        "try:\n    pass\nexcept E as e:\n    pass\nexcept:\n    pass\nelse:\n    pass\nfinally:\n    pass",
        "exec",
    ),
    (
        "if a:\n    pass\nelif b:\n    pass\nelse:\n    if c:\n        pass\n    x = 1",
        "exec",
    ),
    (
        "for x, y in z:\n    break\nelse:\n    continue\nwhile a:\n    pass\nelse:\n    pass",
        "exec",
    ),
    (
        "del a, (b, c), d[0]\nglobal g, h\nassert x, 'msg'\nraise E from F\nraise",
        "exec",
    ),
    ("from . import a\nfrom ..b.c import d as e, f\nimport g.h as i, j", "exec"),
    ("x += 1\nx **= y if z else w\na = b = c, d\n(a, b), c = d", "exec"),
    ("with (a as b, c as (d, e)):\n    pass", "exec"),
    ("f(*a, *b, c=1, **d, **e)\nf(x for x in y)\nf((yield))", "exec"),
    ("lambda: 0\nlambda *a, **k: 0\nlambda a, /, *, b=1: (a, b)", "exec"),
    ("x = (yield)\ny = yield a, b\nz = await w\nv = not -a ** -b", "exec"),
    ("a[1:2, ::3, ...]\na[()]\na[b,]\na[*b]\na[b:=1]\n1 .real\n1.0.real", "exec"),
    (
        "{**a, 'b': 1}\n{*a, *b}\n[*a]\n{a: b for a, b in c if d}\n{a for b in c for d in e}",
        "exec",
    ),
    ("[x async for x in y if a if b]\n(x := 1)\nprint((x := 2))", "exec"),
    ("x = 1e400, 1e400j, -1e400, 2.5j, 0xff, 1_000", "exec"),
    ("b'\\x00' b'\\'\"' + 'a\\tb\\n' + '\\x7f\\u2028é'", "exec"),
    (
        "a or b or not c\na and b and c and not d\n(a or b) and c\nnot (a < b < c)",
        "exec",
    ),
    (
        "a if b else c if d else e\n(a if b else c) if d else e\n(lambda: 1) if a else b",
        "exec",
    ),
    (
        "a - (b - c)\n(a ** b) ** c\na ** b ** c\n(-a) ** b\na | b & c ^ d << e + f * g @ h",
        "exec",
    ),
    (MATCH, "exec"),
]
SNIPPETS_312 = [
    ("type A = int\ntype B[T: (int, str), *Ts, **P] = dict[T, P]", "exec"),
    ("def f[T: int, *Ts, **P](x: T) -> T:\n    pass\nclass C[T](B):\n    pass", "exec"),
    ("try:\n    pass\nexcept* E:\n    pass\nexcept* (F, G) as g:\n    pass", "exec"),
    ("f'{x!r:>{w}}' f\"{y['k']}\" f'{ {1: 2}[1] }' f'{x=}' f'{{}}' f'a\\nb'", "exec"),
    ("f'''{x}\n''' f'{x:\\n}' f'{f\"{y}\"}' f'{x, y}' f\"'\\\"{x}\"", "exec"),
    ("'a' f'{b}' 'c'\nf'{x:{y:{z}}}'\nf'{(lambda: 1)!r}'", "exec"),
]


def snippet_params() -> list[object]:
    params = [
        pytest.param(source, mode, id=f"{i}")
        for i, (source, mode) in enumerate(SNIPPETS)
    ]
    skip = pytest.mark.skipif(not ON_312, reason="3.12 syntax or 3.12 unparse rules")
    params += [
        pytest.param(source, mode, id=f"312-{i}", marks=skip)
        for i, (source, mode) in enumerate(SNIPPETS_312)
    ]
    return params


@pytest.mark.parametrize(("source", "mode"), snippet_params())
def test_snippet_unparses_like_ast(source: str, mode: str) -> None:
    expected = host_unparse(source, mode)
    assert expected is not None, "the host rejects the snippet"
    assert ouro_unparse(source, mode) == expected


def test_parts_of_trees_unparse_like_ast() -> None:
    source = (
        "def f(a: int = 1, *b, c, **d):\n"
        "    with open(p) as q:\n"
        "        return [x for x in y if x]\n"
        "match m:\n"
        "    case [1, *r] if r:\n"
        "        pass\n"
    )
    ours = list(n.walk(syntax.parse(source)))
    theirs = list(ast.walk(ast.parse(source)))  # host-ok: the reference
    assert [type(x).__name__ for x in ours] == [type(x).__name__ for x in theirs]
    for mine, host in zip(ours, theirs):
        assert unparse(mine) == ast.unparse(host), type(mine).__name__


def test_function_type_unparses_like_ast() -> None:
    # Built by hand: Ouro's parser does not take mode "func_type" yet.
    expected = ast.unparse(ast.parse("(int, str) -> bool", mode="func_type"))  # host-ok
    names = [n.Name(name, n.Load()) for name in ("int", "str", "bool")]
    tree = n.FunctionType(names[:2], names[2])
    assert unparse(tree) == expected == "(int, str) -> bool"


# --- PEP 563 annotations ---


def annotation_node(expression: str) -> n.expr:
    """The annotation of x in the source tools/regen_annotations.py ran for this case."""
    star = expression.startswith("*")
    source = f"def f({'*' if star else ''}x: {expression}): pass\n"
    function = syntax.parse(source).body[0]  # type: ignore[attr-defined]
    arguments = function.args
    argument = arguments.vararg if star else arguments.args[0]
    annotation: n.expr = argument.annotation
    return annotation


@pytest.mark.parametrize(
    "case",
    [case for case in ANNOTATIONS["cases"] if "text" in case],
    ids=lambda case: case["source"],
)
def test_annotation_text_matches_cpython(case: dict[str, str]) -> None:
    assert annotation_text(annotation_node(case["source"])) == case["text"]


# --- depth ---

DEPTH = 100_000  # far beyond the host's recursion limit


def const(value: object) -> n.Constant:
    return n.Constant(value)


def test_deep_left_chain() -> None:
    tree: n.expr = const(1)
    for _ in range(DEPTH):
        tree = n.BinOp(tree, n.Add(), const(1))
    text = "1" + " + 1" * DEPTH
    assert unparse(tree) == text
    assert annotation_text(tree) == text


def test_deep_right_chain_is_parenthesised() -> None:
    tree: n.expr = const(1)
    for _ in range(DEPTH):
        tree = n.BinOp(const(2), n.Sub(), tree)
    inner = DEPTH - 1
    assert unparse(tree) == "2 - (" * inner + "2 - 1" + ")" * inner


def test_deep_statements_and_subscripts() -> None:
    body: list[n.stmt] = [n.Pass()]
    for _ in range(2000):
        body = [n.If(n.Name("x", n.Load()), body, [])]
    lines = unparse(n.Module(body, [])).splitlines()
    assert lines[1999] == "    " * 1999 + "if x:"
    assert lines[-1] == "    " * 2000 + "pass"
    target: n.expr = n.Name("t", n.Load())
    for _ in range(DEPTH):
        target = n.Subscript(target, n.Name("i", n.Load()), n.Load())
    assert annotation_text(target) == "t" + "[i]" * DEPTH


def test_deep_source_from_the_parser() -> None:
    source = "1+" * 20_000 + "1"
    assert ouro_unparse(source) == "1" + " + 1" * 20_000
