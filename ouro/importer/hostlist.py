"""The pure-Python standard-library modules Ouro takes from the host: THE list, with reasons.

DESIGN.md: pure-Python stdlib modules are compiled and run by Ouro from the host's sources;
built-in and extension modules (C: ``math``, ``_io``, ``_sre``, ``posix``...) come from the
host; modules tied to the implementation are Ouro's own (ouro/vm/own_modules.py and
ouro/importer/api.py).  Any other module taken straight from the host is an exception, and this
is the one place that lists them.  The rule for every entry is the same: the host's C code
keeps state in, or calls back into, *that* module object, so a second copy run by Ouro would be
a different module that the C code never sees.

A name listed here stands for its submodules too (``encodings`` covers ``encodings.utf_8``).
"""

from __future__ import annotations

import os
import sys as host_sys
import sysconfig
from typing import Final

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
    # C accelerators that look classes up by name in the host's modules: _json raises
    # json.decoder.JSONDecodeError, _asyncio makes and catches asyncio.exceptions'
    # CancelledError/InvalidStateError and calls asyncio.events, _decimal registers Decimal
    # with numbers.Number.  A copy run by Ouro would own classes the C code never raises or
    # registers.  TODO(#6): serve the host's by-name imports of these from Ouro's modules.
    "json": "_json raises the host's json.decoder.JSONDecodeError",
    "asyncio": "_asyncio uses the host's asyncio.exceptions, events and futures",
    "numbers": "_decimal registers Decimal with the host's numbers.Number",
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


def is_host_module(name: str) -> bool:
    """Is ``name`` (or the package it is in) taken from the host by this list?"""
    if name in HOST_MODULES:
        return True
    head = name.partition(".")[0]
    return head != name and head in HOST_MODULES


# --- what the host sees of Ouro's modules ----------------------------------------------------

_STDLIB = tuple(
    os.path.join(os.path.normcase(os.path.realpath(folder)), "")
    for folder in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
)


def share_with_host(name: str, module: object) -> None:
    """Let host C code find a program's module by name: a module Ouro ran from a file
    outside the standard library (the program's own, site-packages) goes into the host's
    sys.modules too, unless the host has a module of that name.  C pickle imports the
    module of a class or function by name (and checks it is the same object) through the
    host's import, which would otherwise run the module's source a second time, on the host.
    """
    if name in host_sys.modules:
        return
    origin = getattr(module, "__file__", None)
    if not isinstance(origin, str):
        return
    where = os.path.normcase(os.path.realpath(origin))
    if where.startswith(_STDLIB) and "site-packages" not in where:
        return
    host_sys.modules[name] = module  # type: ignore[assignment]
