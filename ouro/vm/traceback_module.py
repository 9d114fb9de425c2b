"""The ``traceback`` module as Ouro programs see it.

The host's module formats the host's traceback objects, which for an exception raised in Ouro
code list the VM's own frames.  Until Ouro runs the standard library's ``traceback`` from
source (the importer, issue #5), Ouro code gets this view: the functions that format a whole
exception (``print_exc``, ``format_exc``, ``print_exception``, ``format_exception``) use Ouro's
own traceback entries (traceback.py) for exceptions that went through Ouro code; the rest is
the host's module.  Host ``logging`` is pointed here too, so ``logger.exception`` prints
CPython's text.
"""

from __future__ import annotations

import sys as host_sys
import traceback as host_traceback
import types
from typing import Any

from ouro.vm import state
from ouro.vm.traceback import format_exception as ouro_format

_SENTINEL = object()


def _exception(exc: Any, value: Any) -> Any:
    return exc if value is _SENTINEL else value


def _ours(exc: object) -> bool:
    return isinstance(exc, BaseException) and hasattr(exc, "__ouro_traceback__")


def format_exception(
    exc: Any,
    /,
    value: Any = _SENTINEL,
    tb: Any = _SENTINEL,
    limit: int | None = None,
    chain: bool = True,
) -> list[str]:
    error = _exception(exc, value)
    if _ours(error) and limit is None and chain:
        return ouro_format(error).splitlines(keepends=True)
    if value is _SENTINEL:
        return host_traceback.format_exception(exc, limit=limit, chain=chain)
    return host_traceback.format_exception(
        exc, value, None if tb is _SENTINEL else tb, limit=limit, chain=chain
    )


def print_exception(
    exc: Any,
    /,
    value: Any = _SENTINEL,
    tb: Any = _SENTINEL,
    limit: int | None = None,
    file: Any = None,
    chain: bool = True,
) -> None:
    out = host_sys.stderr if file is None else file
    for line in format_exception(exc, value, tb, limit=limit, chain=chain):
        print(line, file=out, end="")


def format_exc(limit: int | None = None, chain: bool = True) -> str:
    exc = state.current_exception()
    if exc is None:
        return "NoneType: None\n"
    return "".join(format_exception(exc, limit=limit, chain=chain))


def print_exc(limit: int | None = None, file: Any = None, chain: bool = True) -> None:
    exc = state.current_exception()
    out = host_sys.stderr if file is None else file
    if exc is None:
        print("NoneType: None", file=out)
        return
    print_exception(exc, limit=limit, file=out, chain=chain)


OWN = {
    "format_exception": format_exception,
    "print_exception": print_exception,
    "format_exc": format_exc,
    "print_exc": print_exc,
}


class TracebackView(types.ModuleType):
    """``traceback`` for Ouro code: the functions above, the host's module for the rest."""

    def __getattr__(self, name: str) -> object:
        return getattr(host_traceback, name)

    def __dir__(self) -> list[str]:
        return sorted(set(dir(host_traceback)) | set(OWN))


TRACEBACK = TracebackView("traceback", host_traceback.__doc__)
for _name, _value in OWN.items():
    setattr(TRACEBACK, _name, _value)
