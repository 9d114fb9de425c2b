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
