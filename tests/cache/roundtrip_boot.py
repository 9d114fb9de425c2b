"""Run ``ouro`` with every code object the compiler makes passed through the serializer.

``python3 -c "import tests.cache.roundtrip_boot as b; b.main()" prog.py args...`` behaves as
``python3 -m ouro prog.py args...`` except that ``ouro.compiler.compile_source`` hands on
``loads(dumps(code))`` (checking that dumping it again gives the same bytes): the program
runs from deserialized code, its ``compile()`` calls too.  tests/cache/test_roundtrip_programs.py
compares what it prints with the plain run.
"""

from __future__ import annotations

import os
import sys
from typing import Any

import ouro.compiler
from ouro.bytecode.code import Code
from ouro.cache import dumps, loads
from ouro.vm.frames import OURO_DIR

_compile_source = ouro.compiler.compile_source


def _round_trip(*args: Any, **kwargs: Any) -> Code:
    code = _compile_source(*args, **kwargs)
    data = dumps(code)
    back = loads(data)
    if dumps(back) != data:
        raise AssertionError("dumps(loads(data)) != data")
    return back


# Tracebacks leave out the frames of Ouro's own machinery, recognised by their file: a
# SyntaxError from compile() must not show this wrapper as a host frame.
_round_trip.__code__ = _round_trip.__code__.replace(
    co_filename=os.path.join(OURO_DIR, "cache", "roundtrip_boot.py")
)


def main() -> None:
    ouro.compiler.compile_source = _round_trip
    from ouro.cli import main as ouro_main

    sys.exit(ouro_main(sys.argv[1:]))
