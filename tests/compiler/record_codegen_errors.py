"""Record codegen_errors.json: the SyntaxErrors CPython 3.12 compiler raises for each case.

Run with CPython 3.12: ``python3.12 tests/compiler/record_codegen_errors.py tests/compiler/codegen_errors.json``.
"""

import json
import sys

cases = [
    "return 1",
    "é=1; break",
    "for x in y:\n  def f():\n    continue",
    "continue",
    "while x:\n  class C:\n    break",
    "yield 1",
    "class C:\n  yield",
    "class C:\n  x = yield from y",
    "await x",
    "def f():\n  await x",
    "lambda: await x",
    "def f():\n  [x async for x in y]",
    "def f():\n  {x: 1 async for x in y}",
    "x=1\nfrom __future__ import annotations",
    '"doc"\nfrom __future__ import annotations\nimport os\nfrom __future__ import division',
    "a, *b, *c = d",
    "*a = b",
    "for *a in b: pass",
    "*a",
    "a = *b",
    "print(*a if b else c)\n*a, = *b",
    "[*a, *b] = c, *d = e",
    "def f():\n  return *a",
    "async def f():\n  yield 1\n  return 2",
    "a, " * 256 + "*b = c",
    "def f():\n  try:\n    pass\n  finally:\n    break",
    # match statements (ouro/compiler/patterns.py)
    "match x:\n case y: pass\n case 1: pass",
    "match x:\n case _: pass\n case 1: pass",
    "match x:\n case y | 1: pass",
    "match x:\n case 1 | y: pass\n case 2: pass",
    "match x:\n case (y | z) if y: pass\n case 2: pass",
    "match x:\n case 0 | 1 | _: pass\n case 2: pass",
    "match x:\n case (y as z) | 1: pass",
    "match x:\n case _ as y: pass\n case 1: pass",
    "match x:\n case a if a: pass\n case b: pass\n case c: pass",
    "def f():\n match x:\n  case a:\n   pass\n  case b:\n   pass",
    "match x:\n case [a] | (b): pass",
    "match x:\n case [a, b] | [b, c]: pass",
    "match x:\n case {'a': 1} | {**r}: pass",
    "match x:\n case [a, a]: pass",
    "match x:\n case [a, (a | a)]: pass",
    "match x:\n case [a, ([a] | [a, _])]: pass",
    "match x:\n case {'a': a, **a}: pass",
    "match x:\n case ((a as b) as a): pass",
    "match x:\n case C(x=1, x=2): pass",
    "match x:\n case C(x=1, y=2, x=[3]): pass",
    "match x:\n case C(a, b=_, b=_): pass",
    "match x:\n case {'a': 1, 'a': 2}: pass",
    "match x:\n case {1: 1, True: 2}: pass",
    "match x:\n case {0: 1, -0.0: 2}: pass",
    "match x:\n case {C.a: 1, 2: _, C.a: 3, 2.0: 4}: pass",
    "match x:\n case [*a, *b]: pass",
    "match x:\n case [1, *a, 2, *_]: pass",
    "match x:\n case __debug__: pass",
    "match x:\n case C(__debug__=1): pass",
    "match x:\n case [*__debug__]: pass",
    "match x:\n case {**__debug__}: pass",
    "match x:\n case 1 as __debug__: pass",
    "match x:\n case f'{x}': pass",
]
out = []
for s in cases:
    try:
        compile(s, "<string>", "exec")
        print("OK?", repr(s), file=sys.stderr)
    except SyntaxError as e:
        out.append(
            {
                "source": s,
                "expected": [e.msg, e.lineno, e.offset, e.end_lineno, e.end_offset],
            }
        )
with open(sys.argv[1], "w", encoding="utf-8") as file:
    json.dump(out, file, indent=1, ensure_ascii=False)
print(len(out))
