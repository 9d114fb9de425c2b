"""Record the strings CPython 3.12 stores for annotations under ``from __future__ import annotations``.

PEP 563 annotations are not ``ast.unparse`` text: the compiler writes them with its own C
unparser (Python/ast_unparse.c), which spaces, quotes and parenthesises differently in places.
``ouro.syntax.unparse.annotation_text`` reproduces that text; tests/syntax/test_unparse.py
checks it against what this script records. For each expression ``E`` in ``CASES`` it runs::

    from __future__ import annotations
    def f(x: E): pass          # `def f(*x: E)` when E is starred (PEP 646: `*x: *Ts`)

on the host and keeps ``f.__annotations__['x']``. Run it after editing the case list::

    PYENV_VERSION=3.12.1 python3.12 tools/regen_annotations.py

The output (tests/syntax/annotations_expected.json) is a pure function of the list and the
CPython version. A case CPython rejects is recorded with its SyntaxError message instead.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
OUTPUT_PATH = ROOT / "tests" / "syntax" / "annotations_expected.json"

CASES = [
    # atoms and constants
    "int",
    "None",
    "True",
    "...",
    "1",
    "-1",
    "1.5",
    "1e400",
    "-1e400",
    "1e400j",
    "2j",
    "1+2j",
    "0x10",
    "1_000",
    "'str'",
    '"str"',
    "'it\\'s'",
    "'both \\' and \"'",
    "'line\\nbreak'",
    "'tab\\t'",
    "'\\x00\\x7f\\u2028'",
    "'ünïcode'",
    "u'prefixed'",
    "r'raw\\d'",
    "'implicit' 'concat'",
    "b'bytes'",
    "b'\\x00\\xff'",
    "'''triple'''",
    # containers
    "()",
    "(int,)",
    "(int, str)",
    "[]",
    "[int, str]",
    "{}",
    "{'a': int, **rest}",
    "{int, str}",
    "[*a, *b]",
    "(*a, b)",
    # subscripts and slices
    "list[int]",
    "dict[str, int]",
    "tuple[int, ...]",
    "tuple[()]",
    "tuple[int,]",
    "tuple[*Ts]",
    "tuple[int, *Ts]",
    "x[1:2]",
    "x[::2]",
    "x[:]",
    "x[a:b, c]",
    "x[1:2:3]",
    "x[-1]",
    "x[a or b]",
    "x[lambda: 1]",
    "Literal['a', \"b\"]",
    "Annotated[int, 'meta']",
    "Callable[[int, str], None]",
    "Callable[..., T]",
    # attributes and calls
    "a.b.c",
    "(1).real",
    "1 .real",
    "1.0.real",
    "'s'.upper",
    "f()",
    "f(a, b=1, *c, **d)",
    "f(x for x in y)",
    "f((x for x in y), z)",
    "f(*a)",
    "f(a)(b)",
    "f()[0]",
    # operators and precedence
    "int | str",
    "int | None | str",
    "a + b * c",
    "(a + b) * c",
    "a - (b - c)",
    "a - b - c",
    "a ** b ** c",
    "(a ** b) ** c",
    "-a ** b",
    "(-a) ** b",
    "a ** -b",
    "~a",
    "+a",
    "- -a",
    "not a",
    "not not a",
    "a and b",
    "a or b or c",
    "a or b or not c",
    "(a or b) and c",
    "a and (b or c)",
    "a and b and c and d and e",
    "not (a and b)",
    "a < b < c",
    "(a < b) < c",
    "a is not b",
    "a not in b",
    "a in b == c",
    "a if b else c",
    "(a if b else c) if d else e",
    "a if (b if c else d) else e",
    "a if b else (c if d else e)",
    "a @ b // c % d / e",
    "a << b >> c",
    "a & b ^ c | d",
    "(a | b) & c",
    "(a, b)[0]",
    "-(1)",
    "(not a) + b",
    "a + (not b)",
    "(lambda: 1)()",
    "(a if b else c).d",
    "(a + b).c",
    "(await_ if x else y)",
    # lambdas
    "lambda: 0",
    "lambda x: x",
    "lambda x, y=1: x",
    "lambda *a: a",
    "lambda **k: k",
    "lambda *, k: k",
    "lambda *, k=1: k",
    "lambda a, /, b: a",
    "lambda a, /: a",
    "lambda a=1, /, b=2, *c, d, e=3, **f: a",
    "lambda x: (yield_ := 1)",
    "lambda: (lambda: 1)",
    "lambda: a if b else c",
    "(lambda: a) if b else c",
    # comprehensions
    "[x for x in y]",
    "[x for x in y if x if not x]",
    "[x async for x in y]",
    "{x for x in y}",
    "{k: v for k, v in d.items()}",
    "(x for x in y)",
    "[(a, b) for a, b in c]",
    "[x for x in (a if b else c)]",
    "[x for x in y for z in x]",
    "[x for x in lambda: y]",
    # f-strings
    "f'plain'",
    "f'{x}'",
    "f'a{x}b{y}c'",
    "f'{x!r}'",
    "f'{x!s:>10}'",
    "f'{x!a}'",
    "f'{x:{w}.{p}}'",
    "f'{x=}'",
    "f'{x = }'",
    "f'{x=:>10}'",
    "f'{{braces}}'",
    "f'{ {1: 2}[1] }'",
    "f'{x, y}'",
    "f'{(lambda: 1)()}'",
    "f'{a if b else c}'",
    "f\"{x['k']}\"",
    "f'{x}\\n'",
    "f'it\\'s {x}'",
    "f'{x:\\n}'",
    "f'{f\"{y}\"}'",
    "f'{x:{{}}>10}'",
    "'a' f'{b}'",
    "f'{x!r:^{w}}' 'tail'",
    "f'{u\"x\"}'",
    "f'{x!r:{y!r}}'",
    "f'{x}' f'{y}'",
    "f'{\"\\n\"}'",
    "f'{x:%H\\n}'",
    "f'\\\\{x}'",
    "f'\\\\'",
    "f'{x}' '\\\\'",
    'f"\'{x}"',
    'f"\'\\"{x}"',
    "f'''{x}\n'''",
    "f'''{x:\n}'''",
    "f'{x:{y:{z}}}'",
    "f'{ {x} }'",
    "f'{ {x: y} }'",
    "f'{[x]}'",
    "f'{-x}'",
    "f'{not x}'",
    "f'{x or y}'",
    "f'{(lambda: 1)!r}'",
    "f'{*a,}'",
    "f'{x}' 'é\\x00'",
    # named expressions and other scopes inside an annotation
    "lambda: (x := a + b)",
    "lambda: (x := (y := 1))",
    "lambda: [(y := 1), 2]",
    "lambda: f(y := 1)",
    "lambda: x[y := 1]",
    "lambda: (x := 1).real",
    "lambda: (x := lambda: 1)",
    "lambda: (x := (1, 2))",
    "[(y := f(x)) for x in z]",
    "lambda: (yield)",
    "u'a' 'b'",
    "(u'a', 'b')",
    # other expressions
    "*Ts",
    "*tuple[int, ...]",
    "(yield)",
    "(yield x)",
    "(yield from x)",
    "await x",
    "(x := 1)",
]


def record(expression: str) -> dict[str, str]:
    star = expression.startswith("*")
    source = (
        "from __future__ import annotations\n"
        f"def f({'*' if star else ''}x: {expression}): pass\n"
    )
    namespace: dict[str, object] = {}
    try:
        code = compile(
            source, "<annotation>", "exec"
        )  # host-ok: recording the reference
    except SyntaxError as exc:
        return {"source": expression, "error": str(exc.msg)}
    exec(code, namespace)  # noqa: S102  # host-ok: recording the reference
    function = namespace["f"]
    text = function.__annotations__["x"]  # type: ignore[attr-defined]
    return {"source": expression, "text": text}


def main() -> None:
    if sys.version_info[:2] != (3, 12):
        sys.exit(
            "run this on CPython 3.12: PYENV_VERSION=3.12.1 python3.12 " + __file__
        )
    records = [record(expression) for expression in CASES]
    document = {
        "generated_by": "tools/regen_annotations.py",
        "python": ".".join(map(str, sys.version_info[:3])),
        "cases": records,
    }
    OUTPUT_PATH.write_text(
        json.dumps(document, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(records)} cases to {OUTPUT_PATH.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
