"""The modules Ouro owns: what ``import NAME`` gives Ouro code instead of the host's module.

DESIGN.md: modules tied to the implementation (``sys``, ``dis``, ...) are Ouro's own.  This
is the one table of them, name -> a function making the module; IMPORT_NAME asks ``find``
before the host's import, and ``ouro -m NAME`` runs the ``main()`` of the module found here.
Each module is made on first use, so starting the VM imports none of them.

The modules are not put into the host's ``sys.modules``: host code (the host's ``inspect``,
``traceback``, ...) keeps the host's modules, which work on host code objects.
"""

from __future__ import annotations

import importlib
import sys as host_sys
import types
from collections.abc import Callable


def _sys() -> types.ModuleType:
    from ouro.vm.sysview import SYS

    return SYS


def _alias(name: str, implementation: str) -> Callable[[], types.ModuleType]:
    """A module named ``name`` whose contents are those of the Ouro module ``implementation``
    (so a program sees ``dis.__name__ == 'dis'`` as on CPython)."""

    def make() -> types.ModuleType:
        source = importlib.import_module(implementation)
        module = types.ModuleType(name, source.__doc__)
        module.__dict__.update(
            (key, value)
            for key, value in vars(source).items()
            if key not in ("__name__", "__spec__", "__loader__", "__package__")
        )
        return module

    return make


def _warnings() -> types.ModuleType:
    from ouro.vm.sysview import WARNINGS  # Ouro's warn(), the host's filters

    return WARNINGS


def _traceback() -> types.ModuleType:
    from ouro.vm.traceback_module import TRACEBACK

    return TRACEBACK


def _builtins() -> types.ModuleType:
    from ouro.vm.ourobuiltins import BUILTINS

    return BUILTINS


OWN_MODULES: dict[str, Callable[[], types.ModuleType]] = {
    "sys": _sys,
    "builtins": _builtins,
    "traceback": _traceback,
    "warnings": _warnings,
    "dis": _alias("dis", "ouro.bytecode.dis"),
    "py_compile": _alias("py_compile", "ouro.tools.py_compile"),
    "compileall": _alias("compileall", "ouro.tools.compileall"),
}

_made: dict[str, types.ModuleType] = {}

# Ouro's import system (ouro/importer) once ``ouro.importer.install()`` has switched it on:
# IMPORT_NAME and IMPORT_FROM go through it (its ``builtin`` is ``builtins.__import__``,
# ``import_name``, ``import_from``).  None: Ouro code imports through the host's __import__.
IMPORT_SYSTEM: object = None


def find(name: str) -> types.ModuleType | None:
    """Ouro's own module called ``name`` (made once), or None if the host's is used."""
    module = _made.get(name)
    if module is None:
        make = OWN_MODULES.get(name)
        if make is None:
            return None
        module = _made[name] = make()
    return module


def owned(module: object) -> object:
    """Ouro's module in place of the host's module of the same name, else ``module``
    (for an ``__import__`` a program installed, which hands back host modules)."""
    name = getattr(module, "__name__", None)
    is_host_module = isinstance(name, str) and host_sys.modules.get(name) is module
    if is_host_module and name in OWN_MODULES:
        return find(name)
    from ouro.vm.sysview import see_ouro_frames  # inspect & co. read Ouro's frames

    see_ouro_frames(module)
    return module
