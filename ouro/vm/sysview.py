"""The ``sys`` module as Ouro programs see it.

A module object that answers from the host's ``sys`` except where the answer is about running
code, which Ouro owns: the recursion limit (Ouro's call depth, not the host's stack), the
exception being handled (``exc_info``, ``exception``) and ``implementation``.  Assignments
(``sys.stdout = ...``, ``sys.argv = ...``) go through to the host's ``sys``, which ``print``
and the host's library read.
"""

from __future__ import annotations

import sys as host_sys
import types

from ouro.vm import state


def _exc_info() -> tuple[object, object, object]:
    exc = state.current_exception()
    if exc is None:
        return (None, None, None)
    return (type(exc), exc, exc.__traceback__)


# Ouro's own version, in the shape of sys.version_info (name, cache tag: DESIGN.md).
_IMPLEMENTATION = types.SimpleNamespace(
    name="ouro",
    cache_tag="ouro-312",
    version=types.SimpleNamespace(
        major=0, minor=1, micro=0, releaselevel="alpha", serial=0
    ),
    hexversion=0x000100A0,
)
# TODO(#4): sys.version_info/version/hexversion still describe the host; Ouro speaks 3.12.

OWN: dict[str, object] = {
    "getrecursionlimit": state.getrecursionlimit,
    "setrecursionlimit": state.setrecursionlimit,
    "exc_info": _exc_info,
    "exception": state.current_exception,
    "implementation": _IMPLEMENTATION,
}


class SysView(types.ModuleType):
    """``sys`` for Ouro code: Ouro's answers first, the host's module for the rest."""

    def __getattr__(self, name: str) -> object:
        return getattr(host_sys, name)

    def __setattr__(self, name: str, value: object) -> None:
        if name in OWN or name.startswith("__"):
            super().__setattr__(name, value)
        else:
            setattr(host_sys, name, value)

    def __dir__(self) -> list[str]:
        return sorted(set(dir(host_sys)) | set(OWN))


SYS = SysView("sys", host_sys.__doc__)
for _name, _value in OWN.items():
    types.ModuleType.__setattr__(SYS, _name, _value)
