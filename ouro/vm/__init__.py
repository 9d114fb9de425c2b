"""The virtual machine: runs Code objects (issue #4).

``execute(code, globals, locals=None)`` runs a module's code; ``Function`` is what
MAKE_FUNCTION makes; ``getrecursionlimit``/``setrecursionlimit`` bound the Ouro call depth.
Modules: ``loop`` (the dispatch loop, calls, unwinding), ``handlers`` (the rarer opcodes),
``errors`` (slow paths and CPython's messages), ``function`` (functions, argument binding),
``classes`` (BUILD_CLASS), ``generator`` (generators, coroutines), ``state`` (per thread).
"""

from __future__ import annotations

from ouro.vm.function import Function
from ouro.vm.loop import execute, run_frame
from ouro.vm.state import current_exception, getrecursionlimit, setrecursionlimit

__all__ = [
    "Function",
    "current_exception",
    "execute",
    "getrecursionlimit",
    "run_frame",
    "setrecursionlimit",
]
