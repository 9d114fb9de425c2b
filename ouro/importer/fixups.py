"""Stdlib modules that come out of their source differently under Ouro than under CPython:
THE list of corrections, applied right after such a module has run (core.load).

DESIGN.md: the standard library runs from its sources inside Ouro.  A few of its lines name a
built-in type by taking ``type()`` of an object at hand, and where that object is one of
Ouro's stand-ins the name would be bound to the stand-in's class; a module whose C
accelerator Ouro hides falls back to Python functions with other names.  Each entry says
which names, why, and what they become.
"""

from __future__ import annotations

import sys as host_sys
import types as host_types
from collections.abc import Callable
from typing import Any, Final


def _types(module: object) -> None:
    # ``ModuleType = type(sys)``: Ouro's ``sys`` is a view (ouro/vm/sysview.py, a subclass
    # of the module type that answers from the host's sys for what Ouro does not own), so
    # the name would be the view's class: ``inspect.ismodule(json)`` would be False and
    # ``types.ModuleType("m")`` a second view of sys.  It is the module type of every other
    # module.
    module.ModuleType = host_types.ModuleType  # type: ignore[attr-defined]
    # ``GetSetDescriptorType = type(FunctionType.__code__)`` and ``MemberDescriptorType =
    # type(FunctionType.__globals__)``: Ouro's function class serves both as properties,
    # so both names would be ``property``; dataclasses would then not know a __slots__
    # member for what it is (a default value), nor typing.get_type_hints a class's
    # __annotations__ getset descriptor.
    module.GetSetDescriptorType = host_types.GetSetDescriptorType  # type: ignore[attr-defined]
    module.MemberDescriptorType = host_types.MemberDescriptorType  # type: ignore[attr-defined]


def _pickle(module: object) -> None:
    # The C accelerator _pickle is hidden from Ouro code (hostlist.HIDDEN_MODULES), so
    # pickle.py binds its public names to its Python implementations (_dumps, _Pickler,
    # ...).  They keep the public names, as CPython's C ones are called: programs and
    # error messages show ``dumps``, not ``_dumps``; and a global that cannot be pickled
    # by reference gets the C pickler's error, which programs see on CPython.
    names = vars(module)
    for public in ("dump", "dumps", "load", "loads", "Pickler", "Unpickler"):
        value = names.get(public)
        if value is not None and value is names.get(f"_{public}"):
            value.__name__ = value.__qualname__ = public
    pickler = names.get("_Pickler")
    if pickler is not None:
        _c_global_errors(pickler, names)


def _c_global_errors(pickler: Any, names: dict[str, Any]) -> None:
    """``save_global`` raising what the C pickler raises when a global is not found."""
    original = pickler.save_global
    error_type = names["PicklingError"]

    def save_global(self: object, obj: object, name: str | None = None) -> object:
        try:
            return original(self, obj, name)
        except error_type as error:
            if "it's not found as" not in str(error):
                raise
            qualname = name or getattr(obj, "__qualname__", None) or obj.__name__  # type: ignore[attr-defined]
            if "<locals>" in qualname.split("."):
                raise AttributeError(
                    f"Can't pickle local object {qualname!r}"
                ) from None
            module_name = names["whichmodule"](obj, qualname)
            # pickle.py's own save_global has just tried to import it (through Ouro).
            if names["sys"].modules.get(module_name) is None:
                raise error_type(
                    f"Can't pickle {obj!r}: import of module {module_name!r} failed"
                ) from None
            raise error_type(
                f"Can't pickle {obj!r}: attribute lookup {qualname} on {module_name} failed"
            ) from None

    save_global.__name__ = save_global.__qualname__ = "save_global"
    pickler.save_global = save_global
    dispatch = pickler.dispatch
    for key, value in list(dispatch.items()):
        if value is original:
            dispatch[key] = save_global
    # types.FunctionType is Ouro's function class in Ouro's world; the host's functions
    # (copyreg's _reconstructor and __newobj__, which reductions name) pickle by reference too.
    dispatch[host_types.FunctionType] = save_global


# The functions of the typing module that the host's C typing objects (TypeVar, ParamSpec,
# TypeVarTuple, Generic: Objects/typevarobject.c from 3.12 on) call by name.
_TYPING_CALLBACKS: Final = (
    "_type_check",
    "_typevar_subst",
    "_paramspec_subst",
    "_paramspec_prepare_subst",
    "_typevartuple_prepare_subst",
    "_generic_class_getitem",
    "_generic_init_subclass",
    "_GenericAlias",
    "_make_union",  # TypeVar.__or__: ``T | str`` is Ouro's typing.Union[T, str]
    "Unpack",  # TypeVarTuple.__iter__: ``*Ts`` is Ouro's typing.Unpack[Ts]
)


def _typing(module: object) -> None:
    # From 3.12 TypeVar, ParamSpec, TypeVarTuple and Generic are C types, shared by both
    # worlds, and their C code calls typing's helpers through the host's import, which
    # gives the host's typing: ``Protocol[T]`` would reach a _generic_class_getitem that
    # does not know Ouro's Protocol, and substitutions would build the host's aliases.
    # Once the program has Ouro's typing, the host's module hands those calls to it (the
    # host's typing serves nothing else while a program runs).
    import _typing
    import typing as host_typing

    if "Generic" not in vars(
        _typing
    ):  # 3.11: typing's classes are all Python, per world
        return
    for name in _TYPING_CALLBACKS:
        function = getattr(module, name, None)
        if function is not None:
            setattr(host_typing, name, function)


def _re(module: object) -> None:
    # The C matcher (_sre, shared by both worlds) turns a replacement template into its
    # parts by calling ``re._compile_template`` (3.11: ``re._subx``), found through the
    # host's import: the host's re, whose errors are the host's re.error, which Ouro's
    # ``except re.error`` does not catch (``re.sub('a', '\\c', 'a')``).  Once the program
    # has Ouro's re, the host's module hands that call to it, as for typing's helpers.
    import re as host_re

    for name in ("_compile_template", "_subx"):
        function = getattr(module, name, None)
        if function is not None:
            setattr(host_re, name, function)


class HostView(host_types.ModuleType):
    """What the host's ``sys.modules`` holds under a name whose module the host's C code
    looks up there at each use: every attribute read, write and deletion goes to the module
    of that name in Ouro's ``sys.modules`` at that moment (imported through Ouro if it is
    not there, as the C code's ``__import__`` would)."""

    def __getattribute__(self, attr: str) -> Any:
        return getattr(_ouro_module(self), attr)

    def __setattr__(self, attr: str, value: object) -> None:
        setattr(_ouro_module(self), attr, value)

    def __delattr__(self, attr: str) -> None:
        delattr(_ouro_module(self), attr)

    def __dir__(self) -> list[str]:
        return dir(_ouro_module(self))

    def __repr__(self) -> str:
        return f"<host view of Ouro's module {_view_name(self)!r}>"


def _view_name(view: HostView) -> str:
    name: str = host_types.ModuleType.__getattribute__(view, "__name__")
    return name


def _ouro_module(view: HostView) -> object:
    from ouro.importer import core

    return core.gcd_import(_view_name(view))


def _json_decoder(module: object) -> None:
    # The C scanner of _json (3.12) raises ``json.decoder.JSONDecodeError`` for a malformed
    # document, found at each error by importing ``json.decoder`` through the host's import
    # and reading the host's ``sys.modules``: the host's class, which a program's ``except
    # json.JSONDecodeError`` does not catch.  Once the program has Ouro's json.decoder, the
    # host's entry is a view of whichever module Ouro's ``sys.modules`` holds under that name
    # when the error is raised (test_json swaps fresh copies of json in and out; CPython's
    # scanner raises the class of the one in place).  The host's json package is imported
    # first, with its own json.decoder: the host's import of ``json.decoder`` imports ``json``
    # as well, and host code keeps a working json.
    import json  # noqa: F401  (the host's package, see above)

    if not isinstance(host_sys.modules.get("json.decoder"), HostView):
        host_sys.modules["json.decoder"] = HostView("json.decoder")


def _re_compiler(module: object) -> None:
    # Not a correction: the start-up patterns' compiled code is cached across runs, when
    # re._compiler is the source file beside which the cache goes (not a frozen program's
    # copy of another host's library, nor one a program's own finder supplied).
    from ouro.cache import regexes
    from ouro.importer import core, loaders
    from ouro.vm import frames

    spec = getattr(module, "__spec__", None)
    if not isinstance(getattr(spec, "loader", None), loaders.SourceFileLoader):
        return

    regexes.install(module, core.loading, lambda: frames.issued)


FIXUPS: Final[dict[str, Callable[[object], None]]] = {
    "types": _types,
    "re": _re,
    "re._compiler": _re_compiler,
    "pickle": _pickle,
    "typing": _typing,
    "json.decoder": _json_decoder,
}


def apply(name: str, module: object) -> None:
    """Correct ``module`` (just run as ``name``) if the list has an entry for it."""
    fix = FIXUPS.get(name)
    if fix is not None:
        fix(module)
