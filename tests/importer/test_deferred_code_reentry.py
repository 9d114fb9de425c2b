"""A deferred code object (a .pyc's nested function, read on first use) can be used while its
body is being read.

Reading allocates, and a garbage collection it triggers may run a weakref callback or a
``__del__`` whose function is that very code object's: with asyncio run from source, the
callback of the scheduled tasks' WeakSet (``WeakSet.__init__.<locals>._remove``) did, and
found the code object's fields missing.
"""

from __future__ import annotations

from ouro.bytecode.code import Code
from ouro.cache import dumps, loads
from ouro.compiler import compile_source

SOURCE = "def outer(a):\n    def inner(b):\n        return a + b\n    return inner\n"


def nested(code: Code, name: str) -> Code:
    return next(c for c in code.co_consts if isinstance(c, Code) and c.co_name == name)


def test_use_during_the_read_reads_too() -> None:
    eager = nested(compile_source(SOURCE, "m.py"), "outer")
    lazy = nested(loads(dumps(compile_source(SOURCE, "m.py")), lazy=True), "outer")
    assert not lazy.loaded
    read = lazy._body
    assert read is not None
    calls: list[str] = []
    seen: list[object] = []

    def body_used_while_read(code: Code) -> None:
        calls.append("read")
        if (
            len(calls) == 1
        ):  # as a callback run by a collection in the middle of the read
            seen.append(code.co_code)
        read(code)

    lazy._body = body_used_while_read
    assert lazy.co_consts[1:] == eager.co_consts[1:]
    assert seen == [eager.co_code]
    assert calls == ["read", "read"]
    assert lazy.co_code == eager.co_code
    assert lazy.loaded
