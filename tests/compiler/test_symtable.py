"""The symbol table pass against CPython 3.12.

* Everywhere: the compile-time errors of ``symtable_error_cases.py`` against the outcomes
  ``tools/regen_symtable_errors.py`` recorded from CPython 3.12 (message, every location
  field), deep expression trees (no host recursion), and unit checks of the helpers.
* On a 3.12 host only: every block and every name's flag word against the host ``symtable``
  module, for snippets covering each block kind and flag and for a sample of stdlib files; and
  ``co_varnames`` (parameters), ``co_cellvars``, ``co_freevars`` and the generator/coroutine
  flags against the code objects the host compiler makes.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import sysconfig
import types
from pathlib import Path

import pytest

from ouro.compiler import symtable as st
from ouro.syntax import parse

from .symtable_error_cases import CASES

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
RECORD = json.loads((HERE / "symtable_errors.json").read_text(encoding="utf-8"))[
    "cases"
]
ON_312 = sys.version_info[:2] == (3, 12)
needs_312 = pytest.mark.skipif(
    not ON_312, reason="compares with the host; 3.12 is the reference"
)


def build(source: str, filename: str = "<snippet>") -> st.SymbolTable:
    return st.build(parse(source, filename), filename)


# --- the error table ------------------------------------------------------------------------


def test_every_case_is_recorded() -> None:
    assert sorted(RECORD) == sorted(case_id for case_id, _ in CASES), (
        "rerun tools/regen_symtable_errors.py"
    )


@pytest.mark.parametrize(
    ("case_id", "source"), CASES, ids=[case_id for case_id, _ in CASES]
)
def test_error_matches_cpython(case_id: str, source: str) -> None:
    expected = RECORD[case_id]
    if expected["stage"] != "symtable":
        build(source)  # CPython's symtable accepts it: so must we
        return
    with pytest.raises(SyntaxError) as info:
        build(source)
    exc = info.value
    got = {
        "msg": exc.msg,
        "filename": exc.filename,
        "lineno": exc.lineno,
        "offset": exc.offset,
        "end_lineno": exc.end_lineno,
        "end_offset": exc.end_offset,
        "text": exc.text,
    }
    want = {key: value for key, value in expected.items() if key != "stage"}
    assert got == want


def test_error_text_is_read_from_the_file(tmp_path: Path) -> None:
    # CPython reads the offending line from the file named by the filename; the offsets
    # stay UTF-8 byte columns + 1 even on a non-ASCII line.
    path = tmp_path / "bad.py"
    source = "def f():\n    é=1; nonlocal é\n"
    path.write_text(source, encoding="utf-8")
    with pytest.raises(SyntaxError) as info:
        build(source, str(path))
    exc = info.value
    assert (exc.msg, exc.lineno, exc.offset, exc.end_lineno, exc.end_offset) == (
        "name 'é' is assigned to before nonlocal declaration",
        2,
        11,
        2,
        22,
    )
    assert exc.text == "    é=1; nonlocal é\n"
    assert exc.filename == str(path)


# --- deep trees -------------------------------------------------------------------------------

# (head, repeated unit, tail): built in the child, 100,000 units each.
DEEP = {
    "sum": ("x = 1", "+y", ""),
    "attributes": ("x = a", ".b", ""),
    "calls": ("x = f", "()", ""),
    "subscripts": ("x = a", "[i]", ""),
    "in-function": ("def f(y):\n    return lambda: 1", "+y", "\n"),
}

DEEP_RUNNER = """
import sys
from ouro.compiler import symtable as st
from ouro.syntax import parse
head, unit, tail = {cases}[sys.argv[1]]
source = head + unit * 100_000 + tail
table = st.build(parse(source, "<deep>"), "<deep>")
print(len(table.scopes()), sorted(table.top.symbols))
"""


@pytest.mark.parametrize("case_id", sorted(DEEP))
def test_deep_tree(case_id: str) -> None:
    # A fresh interpreter with the default recursion limit: a host crash or RecursionError
    # shows up as a failed child.
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), env.get("PYTHONPATH")])
    )
    done = subprocess.run(
        [sys.executable, "-c", DEEP_RUNNER.format(cases=repr(DEEP)), case_id],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=300,
        check=False,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    assert done.stdout.strip(), done.stderr[-3000:]


def test_deep_sum_in_process() -> None:
    head, unit, tail = DEEP["sum"]
    table = build(head + unit * 100_000 + tail)
    assert table.top.symbols == {
        "x": st.DEF_LOCAL | st.LOCAL << st.SCOPE_OFF,
        "y": st.USE | st.GLOBAL_IMPLICIT << st.SCOPE_OFF,
    }


# --- helpers and the code generator's view ------------------------------------------------


@pytest.mark.parametrize(
    ("private", "name", "mangled"),
    [
        ("C", "__x", "_C__x"),
        ("_C", "__x", "_C__x"),
        ("__C__", "__x", "_C____x"),
        ("___", "__x", "__x"),
        ("C", "__x__", "__x__"),
        ("C", "_x", "_x"),
        ("C", "__a.b", "__a.b"),
        (None, "__x", "__x"),
    ],
)
def test_mangle(private: str | None, name: str, mangled: str) -> None:
    assert st.mangle(private, name) == mangled


def test_code_generator_view() -> None:
    source = (
        "class C:\n"
        "    def m(self, a, /, b, *args, c, **kw):\n"
        "        return [lambda: __p + y for y in a]\n"
        "    type A[T] = list[T]\n"
    )
    tree = parse(source, "<s>")
    table = st.build(tree, "<s>")
    cls = tree.body[0]
    method = cls.body[0]
    comp = method.body[0].value
    alias = cls.body[1]
    m = table.scope_of(method)
    assert m.varnames == ["self", "a", "b", "c", "args", "kw"]
    assert (m.has_varargs, m.has_varkeywords) == (True, True)
    assert m.returns_value
    inlined = table.scope_of(comp)
    assert inlined.comp_inlined and inlined.comprehension is st.Comprehension.LIST
    assert inlined not in m.children  # spliced out, as the host module reports
    assert [child.name for child in m.children] == ["lambda"]
    assert m.scope("y") == st.CELL and m.flags("y") & st.DEF_COMP_CELL
    assert m.mangle("__p") == "_C__p"
    assert m.children[0].scope("_C__p") == st.GLOBAL_IMPLICIT
    assert m.cellvars == ["y"]
    assert m.code_cellvars(["self", "a", "b", "c", "args", "kw", "y"]) == ["y"]
    outer = table.type_params_scope_of(alias)
    assert outer.type is st.BlockType.TYPE_PARAM and outer.can_see_class_scope
    value = table.scope_of(alias)
    assert value.type is st.BlockType.TYPE_ALIAS and value.parent is outer
    assert value.scope("T") == st.FREE
    assert table.scope_of(cls).needs_classdict
    assert table.scope_of(cls).cellvars == ["__classdict__"]
    everything = table.scopes()
    assert everything[0] is table.top and inlined in everything and value in everything


def test_generic_class_does_not_leak_its_private_name() -> None:
    # CPython 3.12.1's symtable keeps mangling after a generic class (3.13 fixed it; the
    # 3.12 compiler never did it): Ouro does not mirror that.
    table = build("class C[T]: pass\ndef f():\n    return __y\n")
    assert "__y" in table.top.children[-1].symbols


# --- host comparisons: blocks and flags --------------------------------------------------------

SNIPPETS = {
    "globals-imports": (
        "import os, os.path as p, a.b.c\nfrom x import y as z, w\n"
        "g = 1\ndel g\nfor i, (j, *k) in x: pass\nwith a as (b, c): pass\nprint(g, i)\n"
        "def f():\n    global g, h\n    g = 1\n    return h\n"
    ),
    "closures": (
        "def f(a, /, b=1, *args, c, d=2, **kw):\n"
        "    x = 1\n    y = 2\n"
        "    def g(e=x):\n        nonlocal y\n        y += a\n"
        "        def h():\n            return b, c, kw, y\n        return h\n"
        "    return g\n"
    ),
    "class-super": (
        "class C(B, metaclass=M, **kw):\n    x = 1\n    __p = 2\n"
        "    def m(self):\n        return super().m(), x, self.__p\n"
        "    def n(self):\n        return __class__\n"
        "    @staticmethod\n    def s(): return x\n"
        "def outer():\n    x = 1\n    class D:\n        x = 2\n"
        "        def m(self): return x\n    return D\n"
    ),
    "annotations": (
        "x: int\ny: str = 'a'\n(z): int = 1\na.b: int\n"
        "def f(p: P, *a: A, k: K = 1, **kw: KW) -> R:\n    q: Q\n    r: S = 1\n"
        "class C:\n    t: T\n    u: U = 1\n"
    ),
    "future-annotations": (
        "from __future__ import annotations\nx: int\n"
        "def f(p: P, *a: A, k: K = 1, **kw: KW) -> R:\n    q: Q = 1\n"
    ),
    "comprehensions": (
        "a = [x for x in y if x]\nb = {x for x in y for z in x}\nc = {k: v for k, v in d}\n"
        "e = (x for x in y)\nf = [[i for i in row] for row in m]\n"
        "def g(n):\n    return [lambda: i + n for i in range(n)], (n for _ in ())\n"
        "class C:\n    v = 1\n    w = [v for _ in range(3)]\n    z = [x for x in v]\n"
        "def h():\n    [k := 1 for _ in ()]\n    return k\n"
        "[j := 2 for _ in ()]\n"
        "def g2():\n    global q\n    [q := 1 for _ in ()]\n"
    ),
    "async": (
        "async def f():\n    await x\n    async for a in b: pass\n    async with c as d: pass\n"
        "    return [y async for y in z], (y async for y in z), [await y for y in z]\n"
        "async def g():\n    yield 1\n"
        "def h():\n    yield 1\n    yield from x\n    return (await y for y in z)\n"
    ),
    "pep695": (
        "def f[T: int, *Ts, **P](x: T, *a: *Ts) -> T: pass\n"
        "class C[T: (int, str), U](Base[T], U):\n    def m[V](self, v: V = 1, *, k=2): return super()\n"
        "    type A[W: T] = list[W]\n    x = 1\n    type B = x\n"
        "    def n[X: x](self): pass\n"
        "type Alias[K, V] = dict[K, V]\ntype Simple = int\n"
        "def outer():\n    y = 1\n    class D[T]:\n        type A = y\n        y = 2\n    return D\n"
    ),
    "match": (
        "match x:\n    case [a, *rest]: pass\n    case {'k': v, **kw}: pass\n"
        "    case Point(x=px, y=py) | Other(px, py): pass\n    case (b as c) if c: pass\n"
        "    case _: pass\n"
    ),
    "try-except": (
        "try:\n    pass\nexcept E as e:\n    f = lambda: e\nelse:\n    g = lambda: 1\n"
        "finally:\n    h = lambda: 2\n"
        "try:\n    pass\nexcept* F as ef:\n    pass\n"
    ),
    "private-names": (
        "class _C:\n    __a = 1\n    import __mod\n    def __m(self, __p):\n"
        "        global __g\n        return __a, __p, __x__, [__q for __q in ()]\n"
        "    class __Inner:\n        __b = 2\n        def f(self): return __b\n"
    ),
    "misc": (
        "x += 1\na[b] = c\na.b = c\nf'{x!r:{y}}'\n{**a, b: c}\nf(*a, **k, kw=v)\n"
        "lambda *a, **k: (a, k)\nlambda: (yield)\n"
        "@d1\n@d2(arg)\ndef f(x=lambda: 0): pass\n"
        "if (n := 10) > 5: pass\nassert x, y\nraise E from F\nwhile w: break\n"
    ),
    "class-walrus-free": (
        "def f():\n    class C:\n        def g(self): return x\n        x = 1\n"
        "    x = 2\n    return C\n"
        "def f2():\n    x = 1\n    class C:\n        nonlocal x\n        def g(self): return x\n"
    ),
    "inlined-cells": (
        "def f():\n    x = 1\n    return [lambda: x + y for y in range(3)]\n"
        "def g():\n    return [[lambda: a + b for a in ()] for b in ()]\n"
        "def h(y):\n    return [y for y in y], y\n"
        "class C:\n    y = [lambda: z for z in ()]\n"
    ),
}


def host_tree(table: object) -> tuple[object, ...]:
    entry = table._table  # type: ignore[attr-defined]
    children = table.get_children()  # type: ignore[attr-defined]
    return (
        entry.type,
        entry.name,
        entry.lineno,
        bool(entry.nested),
        list(entry.varnames),
        dict(entry.symbols),
        [host_tree(child) for child in children],
    )


def our_tree(scope: st.Scope) -> tuple[object, ...]:
    return (
        int(scope.type),
        scope.name,
        scope.lineno,
        scope.nested,
        list(scope.varnames),
        dict(scope.symbols),
        [our_tree(child) for child in scope.children],
    )


def first_difference(
    host: tuple[object, ...], ours: tuple[object, ...], path: str
) -> str:
    here = f"{path}/{ours[1]}"
    if host[:5] != ours[:5]:
        return f"{here}: host {host[:5]} != ours {ours[:5]}"
    host_symbols, our_symbols = host[5], ours[5]
    assert isinstance(host_symbols, dict) and isinstance(our_symbols, dict)
    for name in sorted(set(host_symbols) | set(our_symbols)):
        if host_symbols.get(name) != our_symbols.get(name):
            return f"{here}: {name!r} host {host_symbols.get(name)} != ours {our_symbols.get(name)}"
    host_children, our_children = host[6], ours[6]
    assert isinstance(host_children, list) and isinstance(our_children, list)
    if len(host_children) != len(our_children):
        return f"{here}: children {[c[1] for c in host_children]} != {[c[1] for c in our_children]}"
    for h, o in zip(host_children, our_children):
        found = first_difference(h, o, here)
        if found:
            return found
    return ""


def compare_with_host(source: str, filename: str) -> None:
    import symtable as host_symtable

    host = host_tree(host_symtable.symtable(source, filename, "exec"))
    ours = our_tree(st.build(parse(source, filename), filename).top)
    assert host == ours, first_difference(host, ours, "")


@needs_312
@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_matches_host_symtable(name: str) -> None:
    compare_with_host(SNIPPETS[name], f"<{name}>")


@needs_312
@pytest.mark.parametrize(
    ("mode", "source"),
    [
        ("eval", "[x for x in y] + (lambda: z)() + sum(a for a in b)"),
        ("eval", "(yield)"),
        ("single", "x = [y for y in z]; print(x)\n"),
    ],
)
def test_other_modes_match_host_symtable(mode: str, source: str) -> None:
    import symtable as host_symtable

    host = host_tree(host_symtable.symtable(source, "<s>", mode))
    ours = our_tree(st.build(parse(source, "<s>", mode), "<s>").top)
    assert host == ours, first_difference(host, ours, "")


STDLIB_SAMPLE = [
    "abc.py",
    "argparse.py",
    "ast.py",
    "asyncio/base_events.py",
    "asyncio/tasks.py",
    "collections/__init__.py",
    "contextlib.py",
    "dataclasses.py",
    "difflib.py",
    "email/_header_value_parser.py",
    "enum.py",
    "fractions.py",
    "functools.py",
    "importlib/_bootstrap.py",
    "importlib/_bootstrap_external.py",
    "inspect.py",
    "json/decoder.py",
    "pathlib.py",
    "re/_parser.py",
    "statistics.py",
    "string.py",
    "textwrap.py",
    "tomllib/_parser.py",
    "typing.py",
    "unittest/mock.py",
    "test/test_type_params.py",
    "test/test_type_aliases.py",
    "test/test_listcomps.py",
    "test/test_named_expressions.py",
    "test/test_scope.py",
    "test/test_super.py",
    "test/test_coroutines.py",
    "test/test_patma.py",
]
STDLIB = Path(sysconfig.get_paths()["stdlib"])


def stdlib_source(relative: str) -> tuple[str, str]:
    path = STDLIB / relative
    if not path.exists():
        pytest.skip(f"{relative} is not in this host's stdlib")
    return path.read_text(encoding="utf-8"), str(path)


@needs_312
@pytest.mark.parametrize("relative", STDLIB_SAMPLE)
def test_stdlib_file_matches_host_symtable(relative: str) -> None:
    source, filename = stdlib_source(relative)
    compare_with_host(source, filename)


# --- host comparisons: code objects ---------------------------------------------------------

CO_GENERATOR = 0x20
CO_COROUTINE = 0x80
CO_ASYNC_GENERATOR = 0x200


def code_name(scope: st.Scope) -> str:
    if scope.type is st.BlockType.TYPE_PARAM:
        return f"<generic parameters of {scope.name}>"
    if scope.comprehension or scope.name == "lambda":
        return f"<{scope.name}>"
    return scope.name


def pair_code(
    scope: st.Scope, code: types.CodeType
) -> list[tuple[st.Scope, types.CodeType]]:
    """Each block that makes a code object with the host's code object for it: children are
    matched by name, in order of appearance."""
    pairs = []
    todo = [(scope, code)]
    while todo:
        scope, code = todo.pop()
        pairs.append((scope, code))
        host_children = [c for c in code.co_consts if isinstance(c, types.CodeType)]
        for name in {c.co_name for c in host_children} | {
            code_name(s) for s in scope.children
        }:
            hosts = [c for c in host_children if c.co_name == name]
            ours = [s for s in scope.children if code_name(s) == name]
            if len(hosts) != len(ours):
                # co_consts folds equal code objects into one
                assert len(set(hosts)) == len(hosts) < len(ours), (name, hosts, ours)
                continue
            todo.extend(zip(ours, hosts))
    return pairs


def check_code_objects(source: str, filename: str) -> None:
    table = st.build(parse(source, filename), filename)
    code = compile(source, filename, "exec", dont_inherit=True)
    for scope, co in pair_code(table.top, code):
        where = f"{co.co_qualname} line {co.co_firstlineno}"
        nparams = co.co_argcount + co.co_kwonlyargcount
        nparams += bool(co.co_flags & 0x04) + bool(co.co_flags & 0x08)
        # A generic def's type-params block always lists ".defaults" (CPython's parser
        # always gives it a defaults list) but takes it as an argument only when there are
        # defaults; its co_varnames still start with it.
        if scope.type is not st.BlockType.MODULE:
            assert list(co.co_varnames[: len(scope.varnames)]) == scope.varnames, where
        if scope.type is not st.BlockType.TYPE_PARAM:
            assert nparams == len(scope.varnames), where
        assert tuple(scope.code_cellvars(co.co_varnames)) == co.co_cellvars, where
        assert tuple(scope.freevars) == co.co_freevars, where
        if scope.type is st.BlockType.FUNCTION:
            flags = co.co_flags & (CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR)
            if scope.generator and scope.coroutine:
                assert flags == CO_ASYNC_GENERATOR, where
            elif scope.coroutine:
                assert flags == CO_COROUTINE, where
            elif scope.generator:
                assert flags == CO_GENERATOR, where
            else:
                assert flags == 0, where


@needs_312
@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_snippet_code_objects(name: str) -> None:
    check_code_objects(SNIPPETS[name], f"<{name}>")


@needs_312
@pytest.mark.parametrize("relative", STDLIB_SAMPLE)
def test_stdlib_code_objects(relative: str) -> None:
    source, filename = stdlib_source(relative)
    check_code_objects(source, filename)


def stdlib_files() -> list[str]:
    found = []
    for path in sorted(STDLIB.rglob("*.py")):
        relative = path.relative_to(STDLIB).as_posix()
        if "site-packages" not in relative:
            found.append(relative)
    return found


@needs_312
@pytest.mark.slow
def test_whole_stdlib_matches_host() -> None:
    """Every stdlib file the host compiles: blocks, flags and code-object layout."""
    import warnings

    failures = []
    for relative in stdlib_files():
        path = STDLIB / relative
        try:
            source = path.read_text(encoding="utf-8")
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                compile(source, str(path), "exec", dont_inherit=True)
        except (SyntaxError, UnicodeDecodeError, ValueError):
            continue  # deliberately bad files in the test suite
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                compare_with_host(source, str(path))
                check_code_objects(source, str(path))
        except AssertionError as exc:
            failures.append(f"{relative}: {str(exc).splitlines()[0]}")
    assert not failures, "\n".join(failures[:20])
