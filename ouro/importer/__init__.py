"""Ouro's import system (issue #5): imported modules compiled by Ouro, cached, run on its VM.

Takes the statement ``import``/``from ... import`` (the VM's IMPORT_NAME and IMPORT_FROM,
through ``builtins.__import__``) and ``importlib``'s calls; hands on module objects from Ouro's
own ``sys.modules``.  A module's source is compiled by Ouro's compiler, its code cached as
``__pycache__/NAME.ouro-312.pyc`` by ouro/cache (never the main script or the prompt), and run
on Ouro's VM, once per run.

Modules, in the order a name flows through them:

* ``core``: the algorithm — ``__import__``, find-and-load with per-module locks, packages,
  relative names, fromlist, CPython's messages (``No module named 'x'``, circular imports).
* ``finders``: ``sys.meta_path`` (Ouro's own modules, the host's C modules, ``PathFinder``) and
  ``FileFinder`` for ``sys.path`` folders; ``zipimporter``: zip archives on the path.
* ``specs``: ModuleSpec (``__cached__`` names Ouro's .pyc), module creation and attributes.
* ``loaders``: source, sourceless .pyc, namespace packages, modules that stay the host's.
* ``api``: the ``importlib`` programs see.  Choice: Ouro runs the stdlib's pure-Python
  ``importlib.util``/``machinery``/``abc``/``resources``/``metadata`` from source, on Ouro's
  own ``importlib`` package module and own ``importlib._bootstrap``/``_bootstrap_external``
  (the host's names with Ouro's core on top); see api.py and docs/import.md for why.
* ``hostlist``: THE list of pure-Python stdlib modules still taken from the host, with reasons.

Switch: the importer is on by default (``install``, called by the command line).  ``-X
importer=host`` or ``OURO_IMPORTER=host`` make Ouro code import through the host's
``__import__`` instead (the host compiles and runs imported modules): a way to tell an
importer bug from a VM bug.
"""

from __future__ import annotations

import os
import sys as host_sys

from ouro.importer import api, core, finders, hostlist
from ouro.importer.zipimporter import zipimporter

__all__ = ["enabled", "install", "installed", "requested"]

_state = {"installed": False}


def requested(
    xoptions: dict[str, object], environ: dict[str, str] | None = None
) -> bool:
    """Is Ouro's importer to be used?  Yes, unless the command line (``-X importer=host``)
    or the environment (``OURO_IMPORTER=host``) asks for the host's; the command line wins."""
    choice = xoptions.get("importer")
    if isinstance(choice, str):
        return choice != "host"
    environ = os.environ if environ is None else environ
    return environ.get("OURO_IMPORTER", "") != "host"


def installed() -> bool:
    return _state["installed"]


enabled = installed


class ImportSystem:
    """What the VM's import opcodes call while the importer is on (own_modules.IMPORT_SYSTEM)."""

    builtin = staticmethod(api.ouro_import)
    import_name = staticmethod(core.import_name)
    import_from = staticmethod(core.import_from)
    modules = core.MODULES


def install(path: list[str] | None = None) -> None:
    """Make Ouro's importer the one Ouro code uses: Ouro's ``sys.modules``, ``sys.path``
    (a copy of ``path``, default the host's, which the command line has set up: the
    program's folder, PYTHONPATH, the stdlib, site-packages), ``sys.meta_path``,
    ``sys.path_hooks``, ``sys.path_importer_cache`` and ``builtins.__import__``."""
    from ouro.vm import generator, own_modules, sysview
    from ouro.vm.ourobuiltins import BUILTINS

    if _state["installed"]:
        return
    core.MODULES["sys"] = sysview.SYS
    core.MODULES["builtins"] = BUILTINS
    for name in hostlist.HIDDEN_MODULES:
        core.MODULES[name] = None
    main = host_sys.modules.get("__main__")
    if (
        getattr(main, "__builtins__", None) is BUILTINS
    ):  # the program's __main__ (cli.py)
        core.MODULES["__main__"] = main
    hooks = [zipimporter, finders.FileFinder.path_hook(*finders.file_loader_details())]
    entries = {
        "modules": core.MODULES,
        "path": list(host_sys.path if path is None else path),
        "meta_path": [finders.OwnImporter, finders.HostImporter, finders.PathFinder],
        "path_hooks": hooks,
        "path_importer_cache": {},
    }
    for name, value in entries.items():
        sysview.set_own(name, value)
    BUILTINS.__dict__["__import__"] = api.ouro_import
    own_modules.IMPORT_SYSTEM = ImportSystem
    generator.ouro_world()
    _state["installed"] = True
