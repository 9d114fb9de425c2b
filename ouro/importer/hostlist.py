"""The pure-Python standard-library modules Ouro takes from the host: THE list, with reasons.

DESIGN.md: pure-Python stdlib modules are compiled and run by Ouro from the host's sources;
built-in and extension modules (C: ``math``, ``_io``, ``_sre``, ``posix``...) come from the
host; modules tied to the implementation are Ouro's own (ouro/vm/own_modules.py and
ouro/importer/api.py).  Any other module taken straight from the host is an exception, and this
is the one place that lists them.  The rule for every entry is the same: the host's C code
keeps state in, or calls back into, *that* module object, so a second copy run by Ouro would be
a different module that the C code never sees.

A name listed here stands for its submodules too (``encodings`` covers ``encodings.utf_8``).

Host C code that looks a pure-Python module up by name is never a reason to take the module
from the host: the standard library runs from source inside Ouro, and the C code is given
Ouro's module instead.  The two tables of C accelerators below say how, each entry with its
reason: HIDDEN_MODULES (Ouro code falls back to the Python implementation) and
BOUND_EXTENSIONS (Ouro makes the extension module so that its init finds Ouro's modules).  A
C accelerator that looks a module up at each use rather than at its init is handled once Ouro
has run that module (ouro/importer/fixups.py: ``json.decoder``, ``re``, ``typing``).
"""

from __future__ import annotations

import functools
import os
import sys as host_sys
import types
from typing import Any, Final

HOST_MODULES: Final[dict[str, str]] = {
    # Frozen into the host; no source on sys.path to run.  Stdlib code asks for them by name
    # (importlib.abc registers the host's loaders with its ABCs); Ouro's machinery is
    # ouro/importer, these are only looked at, never used to import Ouro code.
    "_frozen_importlib": "the host's frozen import machinery (no source file)",
    "_frozen_importlib_external": "the host's frozen import machinery (no source file)",
    # The host's C codec registry already holds the host's encodings.search_function and
    # caches codecs made from the host's encodings.*; a copy run by Ouro would register a
    # second search function in that same registry.
    "encodings": "the C codec registry calls the host's encodings package",
    # The host ran site at its start (sys.path, .pth files, builtins' exit/quit/help,
    # sitecustomize); running it again inside Ouro would repeat all of that.
    "site": "already run by the host at start-up; running it again repeats its effects",
    # C code (object.__reduce_ex__, _pickle, copy of extension types) reads the host's
    # copyreg.dispatch_table, extension registry and __newobj__: copyreg.pickle() must
    # register where that C code looks.
    "copyreg": "its tables are read by the host's C pickling code",
    # The host joins non-daemon threads at exit through its threading._shutdown, and
    # _thread/os.fork call back into the host's module; threads started through a second
    # copy would be killed at exit instead of joined.
    "threading": "the host's shutdown and fork hooks call into the host's module",
}


# C accelerators Ouro code does not get: ``import NAME`` finds None in sys.modules, so the
# stdlib module that tries it first falls back to its pure-Python implementation.
HIDDEN_MODULES: Final[dict[str, str]] = {
    # The C Pickler/Unpickler find a class or function by importing its module by name
    # through the host's import system, whose sys.modules holds the host's own copies of the
    # stdlib (and of the tests): "it's not the same object as collections.Counter".
    # pickle.py's own _Pickler/_Unpickler import through Ouro's sys.modules.
    "_pickle": "imports classes by module name through the host's sys.modules",
}


# C accelerators whose module init imports pure-Python stdlib modules by name and keeps what
# it finds (classes, functions, ABCs to register with).  Run by the host's import, the init
# would find the host's copies of those modules, not the ones the program uses; Ouro makes the
# extension's module with every such import answered from Ouro's sys.modules instead
# (``load_bound``), which is what CPython's init sees: the program's own modules.
BOUND_EXTENSIONS: Final[dict[str, str]] = {
    # Keeps asyncio.exceptions' CancelledError and InvalidStateError (raised and caught by
    # the C Future and Task), asyncio.events' get_event_loop_policy, asyncio.base_futures'
    # and base_tasks' repr and stack helpers, asyncio.coroutines.iscoroutine, and the
    # WeakSet of scheduled tasks that asyncio.all_tasks reads.  Hiding it instead would make
    # asyncio fall back to its Python Future and Task, whose frames CPython's tracebacks of
    # a failing task do not show and whose classes print as asyncio.tasks.Task.
    "_asyncio": "its init keeps asyncio's exceptions, event loop policy and helpers",
    # Registers Decimal with numbers.Number, keeps numbers.Rational (Decimal compares with
    # a Fraction only if it is one), builds DecimalTuple with collections.namedtuple and the
    # flags' SignalDict on collections.abc.MutableMapping.
    "_decimal": "its init registers Decimal with numbers.Number and keeps numbers.Rational",
}


def is_host_module(name: str) -> bool:
    """Is ``name`` (or the package it is in) taken from the host by this list?"""
    if name in HOST_MODULES:
        return True
    head = name.partition(".")[0]
    return head != name and head in HOST_MODULES


# --- what the host sees of Ouro's modules ----------------------------------------------------


@functools.cache
def _stdlib_folders() -> tuple[str, ...]:
    """The host's stdlib folders, each as a prefix ending in a separator."""
    # Imported here, not at the top: sysconfig reads the host's build data (_sysconfigdata_*),
    # ~1.5 ms that a start which shares no module with the host need not pay.
    import sysconfig

    paths = sysconfig.get_paths()
    return tuple(
        os.path.join(os.path.normcase(os.path.realpath(folder)), "")
        for folder in {paths["stdlib"], paths["platstdlib"]}
    )


def share_with_host(name: str, module: object) -> None:
    """Let host C code find a program's module by name: a module Ouro ran from a file
    outside the standard library (the program's own, site-packages) goes into the host's
    sys.modules too, unless the host has or may load a module of that name (a stdlib name:
    Ouro's own code imports the host's later, a traceback's linecache).  C pickle imports the
    module of a class or function by name (and checks it is the same object) through the
    host's import, which would otherwise run the module's source a second time, on the host.
    """
    if (
        name in host_sys.modules
        or name.partition(".")[0] in host_sys.stdlib_module_names
    ):
        return  # the host's (a program's traceback.py must not stand in for the host's)
    origin = getattr(module, "__file__", None)
    if not isinstance(origin, str):
        return
    if in_stdlib(origin):
        return
    host_sys.modules[name] = module  # type: ignore[assignment]


def in_stdlib(path: str) -> bool:
    """Is the file ``path`` part of the host's standard library (not site-packages)?"""
    where = os.path.normcase(os.path.realpath(path))
    return where.startswith(_stdlib_folders()) and "site-packages" not in where


_ABSENT: Final = object()


def load_bound(name: str, path: str) -> types.ModuleType:
    """The extension module ``name`` (a BOUND_EXTENSIONS entry, the file ``path``), made
    for Ouro: the by-name imports of its init are answered from Ouro's sys.modules.

    The C init imports with ``PyImport_ImportModule``, which calls the ``__import__`` of the
    builtins of the innermost Python frame's globals, then reads the module from the host's
    ``sys.modules``.  So the init runs from a frame whose builtins' ``__import__`` imports
    through Ouro and puts the module (with its packages) into the host's ``sys.modules``
    until the init's next import or its end, when the host's own entries come back.

    A module with multi-phase init (``_asyncio`` from 3.12) is made anew each time, as
    CPython's import makes it afresh (``import_fresh_module``); one with a single-phase init
    (``_decimal``, 3.11's ``_asyncio``) runs its init once per process, at Ouro's first import
    of it (the host itself imports none of them while a program runs).
    """
    import _imp
    import importlib.machinery
    import importlib.util

    from ouro.importer import core, specs

    loader = importlib.machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    placed: dict[str, object] = {}

    def restore() -> None:
        for key, previous in placed.items():
            if previous is _ABSENT:
                host_sys.modules.pop(key, None)
            else:
                host_sys.modules[key] = previous  # type: ignore[assignment]
        placed.clear()

    def ouro_import(
        wanted: str,
        globals: object = None,
        locals: object = None,
        fromlist: object = (),
        level: int = 0,
    ) -> object:
        restore()
        found = core.import_name(wanted, None, fromlist, level)
        parts = wanted.split(".")
        for end in range(1, len(parts) + 1):
            key = ".".join(parts[:end])
            placed[key] = host_sys.modules.get(key, _ABSENT)
            host_sys.modules[key] = core.MODULES[key]  # type: ignore[assignment]
        return found

    init = types.FunctionType(
        _make_extension.__code__, {"__builtins__": {"__import__": ouro_import}}
    )
    try:
        module: types.ModuleType = init(_imp, spec, specs.init_module_attrs)
    finally:
        restore()
    return module


def _make_extension(imp: Any, spec: object, init_module_attrs: Any) -> object:
    # Run by load_bound with globals whose builtins hold only Ouro's __import__: it must
    # name no builtin.  The steps of importlib's module_from_spec and exec_module.
    module = imp.create_dynamic(spec)
    init_module_attrs(spec, module)
    imp.exec_dynamic(module)
    return module
