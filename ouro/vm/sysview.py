"""The ``sys`` module as Ouro programs see it.

A module object that answers from the host's ``sys`` except where the answer is about running
code, which Ouro owns: the recursion limit (Ouro's call depth, not the host's stack), the
exception being handled (``exc_info``, ``exception``), frames (``_getframe``, see
``frames``), tracing and profiling (``settrace``..., see ``tracing``), ``implementation`` and
the version of the language (3.12 whatever the host).  Assignments
(``sys.stdout = ...``, ``sys.argv = ...``) go through to the host's ``sys``, which ``print``
and the host's library read.
"""

from __future__ import annotations

import sys as host_sys
import types
from collections.abc import Callable

import ouro
from ouro.vm import frames, ourobuiltins, state, tracing
from ouro.vm.frame_builtins import FrameBuiltin


def _exc_info() -> tuple[object, object, object]:
    exc = state.current_exception()
    if exc is None:
        return (None, None, None)
    return (type(exc), exc, exc.__traceback__)


# Ouro's own version, in the shape of sys.version_info (name, cache tag: DESIGN.md).
_IMPLEMENTATION = types.SimpleNamespace(
    name="ouro",
    cache_tag=ouro.CACHE_TAG,
    version=types.SimpleNamespace(
        major=0, minor=1, micro=0, releaselevel="alpha", serial=0
    ),
    hexversion=0x000100A0,
    # The platform triple the host's build names its files with (sysconfig's data module,
    # extension modules): the same machine, the same files.
    **(
        {"_multiarch": host_sys.implementation._multiarch}
        if hasattr(host_sys.implementation, "_multiarch")
        else {}
    ),
)


class VersionInfo(tuple):  # type: ignore[type-arg]
    """sys.version_info's shape (the host's type makes no new instances)."""

    __slots__ = ()
    _fields = ("major", "minor", "micro", "releaselevel", "serial")

    major = property(lambda self: self[0])
    minor = property(lambda self: self[1])
    micro = property(lambda self: self[2])
    releaselevel = property(lambda self: self[3])
    serial = property(lambda self: self[4])

    def __repr__(self) -> str:
        fields = ", ".join(
            f"{k}={v!r}" for k, v in zip(self._fields, self, strict=True)
        )
        return f"sys.version_info({fields})"


def _language_version() -> tuple[object, str, int]:
    """(version_info, version, hexversion) of the language Ouro implements: 3.12.

    On a 3.12 host the host's own; on another host 3.12.0 with the host's build text."""
    if host_sys.version_info[:2] == (3, 12):
        return host_sys.version_info, host_sys.version, host_sys.hexversion
    host = ".".join(map(str, host_sys.version_info[:3]))
    version = host_sys.version.replace(host, "3.12.0", 1)
    return VersionInfo((3, 12, 0, "final", 0)), version, 0x030C00F0


_VERSION_INFO, _VERSION, _HEXVERSION = _language_version()


def _setter(set_function: Callable[[object], None]) -> Callable[..., object]:
    def call(
        env: object, r: object, args: tuple[object, ...], kwargs: dict[str, object]
    ) -> object:
        if kwargs:
            raise TypeError(f"{set_function.__name__}() takes no keyword arguments")
        if len(args) != 1:
            raise TypeError(
                f"{set_function.__name__}() takes exactly one argument ({len(args)} given)"
            )
        set_function(args[0])
        return None

    return call


def getframemodulename(depth: int = 0) -> object:
    """``sys._getframemodulename(depth)``: the module of the frame ``depth`` calls below the
    caller's (typing and enum name the classes they make after it)."""
    chain = frames.stack(host_sys._getframe(1))
    depth = max(depth, 0)
    if depth >= len(chain):
        return None
    item = chain[depth]
    if isinstance(item, tuple):
        return item[0][2].get("__name__")
    return item.f_globals.get("__name__")


OWN: dict[str, object] = {
    "getrecursionlimit": state.getrecursionlimit,
    "setrecursionlimit": state.setrecursionlimit,
    "exc_info": _exc_info,
    "exception": state.current_exception,
    "implementation": _IMPLEMENTATION,
    "version_info": _VERSION_INFO,
    "version": _VERSION,
    "hexversion": _HEXVERSION,
    "_getframe": frames.getframe,
    "_getframemodulename": getframemodulename,
    "displayhook": ourobuiltins.displayhook,
    "__displayhook__": ourobuiltins.displayhook,
    # FrameBuiltins: the loop that calls them goes on in the traced loop (tracing.py).
    "settrace": FrameBuiltin("settrace", _setter(tracing.settrace), needs_frame=False),
    "gettrace": tracing.gettrace,
    "setprofile": FrameBuiltin(
        "setprofile", _setter(tracing.setprofile), needs_frame=False
    ),
    "getprofile": tracing.getprofile,
}


class SysView(types.ModuleType):
    """``sys`` for Ouro code: Ouro's answers first, the host's module for the rest."""

    def __getattr__(self, name: str) -> object:
        try:
            return getattr(host_sys, name)
        except AttributeError:
            raise AttributeError(
                f"module 'sys' has no attribute '{name}'", name=name, obj=self
            ) from None

    def __setattr__(self, name: str, value: object) -> None:
        if name in OWN or name.startswith("__"):
            super().__setattr__(name, value)
        else:
            setattr(host_sys, name, value)

    def __delattr__(self, name: str) -> None:
        if name in OWN or name.startswith("__"):
            super().__delattr__(name)
        else:
            try:
                delattr(host_sys, name)
            except AttributeError:
                raise AttributeError(
                    f"'module' object has no attribute '{name}'"
                ) from None

    def __dir__(self) -> list[str]:
        return sorted(set(dir(host_sys)) | set(OWN))


# type(sys) reads as CPython's (the importer's fixups.py keeps types.ModuleType the real one).
SysView.__name__ = SysView.__qualname__ = "module"
SysView.__module__ = "builtins"
SYS = SysView("sys", host_sys.__doc__)
for _name, _value in OWN.items():
    types.ModuleType.__setattr__(SYS, _name, _value)


def set_own(name: str, value: object) -> None:
    """Make ``sys.NAME`` Ouro's own from now on (Ouro's importer: ``modules``, ``path``,
    ``meta_path``, ``path_hooks``, ``path_importer_cache``; the command line: ``flags``)."""
    OWN[name] = value
    types.ModuleType.__setattr__(SYS, name, value)


# --- host modules Ouro code imports -----------------------------------------------------------
# TODO(#4): until Ouro runs the standard library from its sources (its importer), Ouro code
# imports host modules.  Those that read frames through their global ``sys`` are pointed at
# this view (inspect.currentframe/stack, traceback.extract_stack, logging's findCaller):
# called by host code with no Ouro code running, the view answers as the host's sys does.
# Host modules that name things after their caller's frame (namedtuple, NamedTuple, Enum's
# functional API, make_dataclass, ...) or read frames (inspect, traceback, logging).
SEES_OURO_SYS = (
    "inspect",
    "traceback",
    "logging",
    "collections",
    "typing",
    "enum",
    "dataclasses",
    "abc",
    "functools",
    "string",
)


class WarningsView(types.ModuleType):
    """``warnings`` for Ouro code: Ouro's ``warn`` (frames.warn), the host module for the
    rest, so filters, ``catch_warnings`` and ``showwarning`` stay the host's one state."""

    def __getattr__(self, name: str) -> object:
        import warnings

        return getattr(warnings, name)

    def __setattr__(self, name: str, value: object) -> None:
        import warnings

        if name.startswith("__"):
            super().__setattr__(name, value)
        else:
            setattr(warnings, name, value)

    def __dir__(self) -> list[str]:
        import warnings

        return dir(warnings)


WARNINGS = WarningsView("warnings", "Python part of the warnings subsystem.")
types.ModuleType.__setattr__(WARNINGS, "warn", frames.warn)


def see_ouro_frames(module: object) -> None:
    """Point a host module of ``SEES_OURO_SYS`` that Ouro code imports at this view."""
    name = getattr(module, "__name__", None)
    if name in SEES_OURO_SYS:
        for attr in ("sys", "_sys"):
            if getattr(module, attr, None) is host_sys:
                setattr(module, attr, SYS)
    if name == "logging":  # logger.exception() formats with Ouro's traceback entries
        import traceback

        from ouro.vm.traceback_module import TRACEBACK

        if getattr(module, "traceback", None) is traceback:
            module.traceback = TRACEBACK  # type: ignore[attr-defined]
