"""The modules a program imports, found without running it (what CPython's modulefinder does).

Takes the program's file and the search path it will see (its own folder first, then
``sys.path``); hands on a ``ModuleGraph``: every module reached by an ``import`` statement,
followed recursively, each compiled by Ouro's compiler (through the .pyc cache, so a second
freeze is quick), plus the names it could not find.  Imports are read from Ouro's own syntax
tree (``ouro.syntax.parse``): every ``import``/``from ... import`` statement anywhere in a
module — inside functions, ``try`` blocks and ``if`` branches too — absolute or relative, a
package's ``__init__`` before its submodules, and ``from PKG import NAME`` tried as the
submodule ``PKG.NAME`` (a name that is no submodule is an attribute, not a missing module).

Not followed: names computed at run time (``importlib.import_module(name)``); ``include``
adds them by hand.  Modules that are not Ouro bytecode are recorded as ``host``: Ouro's own
modules (``sys``, ``importlib``...), built-in and extension modules, and the pure-Python
modules Ouro takes from the host (ouro/importer/hostlist.py); they come from the host that
runs the frozen program.
"""

from __future__ import annotations

import importlib.machinery
import os
import sys
import sysconfig
from dataclasses import dataclass, field

from ouro.bytecode.code import Code
from ouro.cache import pycfile
from ouro.syntax import nodes

SOURCE = ".py"
_EXTENSIONS = tuple(importlib.machinery.EXTENSION_SUFFIXES)
# Statement fields holding nested statements (bodies of def, class, if, try, with, match...).
_BODIES = ("body", "orelse", "finalbody", "handlers", "cases")


@dataclass(slots=True)
class Module:
    """One module of the program: ``kind`` is ``source`` (Ouro bytecode to freeze),
    ``namespace`` (a PEP 420 package: no code) or ``host`` (comes from the host)."""

    name: str
    kind: str
    file: str | None = None
    search: list[str] | None = None  # a package's __path__
    stdlib: bool = False
    code: Code | None = None

    @property
    def is_package(self) -> bool:
        return self.search is not None


@dataclass(slots=True)
class ModuleGraph:
    """Modules found from the program, in the order they were first reached."""

    path: list[str]
    optimize: int = 0
    modules: dict[str, Module] = field(default_factory=dict)
    missing: dict[str, set[str]] = field(default_factory=dict)  # name -> importers
    bad: dict[str, str] = field(default_factory=dict)  # name -> compile error

    # --- entry points ---------------------------------------------------------------------

    def run_script(self, path: str) -> Code:
        """Compile the program (SyntaxError as Ouro reports it) and follow its imports."""
        from ouro.compiler import compile_source

        path = os.path.abspath(path)
        with open(path, "rb") as file:
            source = file.read()
        code = compile_source(source, path, "exec", optimize=self.optimize)
        self._follow(source, path, Module("__main__", "source", path))
        return code

    def include(self, name: str) -> bool:
        """Add ``name`` (and its parents) as if imported; False if it cannot be found."""
        return self.import_module(name, "<--include>") is not None

    # --- one import -------------------------------------------------------------------------

    def import_module(self, name: str, importer: str) -> Module | None:
        """The module ``name``, loading its parents first; None (noted as missing) if any
        part cannot be found."""
        found: Module | None = None
        parts = name.split(".")
        for count in range(1, len(parts) + 1):
            found = self._load(".".join(parts[:count]), importer)
            if found is None:
                return None
        return found

    def _load(self, name: str, importer: str, optional: bool = False) -> Module | None:
        if name in self.modules:
            return self.modules[name]
        if name in self.missing or name in self.bad:
            if not optional:
                self.missing.setdefault(name, set()).add(importer)
            return None
        module = self._find(name)
        if module is None:
            if not optional:
                self.missing.setdefault(name, set()).add(importer)
            return None
        self.modules[name] = module
        if module.kind == "source":
            assert module.file is not None
            try:
                module.code = pycfile.compile_file(module.file, self.optimize)
                with open(module.file, "rb") as file:
                    self._follow(file.read(), module.file, module)
            except (SyntaxError, ValueError, OSError) as e:
                del self.modules[name]
                self.bad[name] = f"{type(e).__name__}: {e}"
                return None
        return module

    # --- finding ----------------------------------------------------------------------------

    def _find(self, name: str) -> Module | None:
        if _from_host(name):
            return Module(name, "host")
        parent, _, tail = name.rpartition(".")
        if parent:
            owner = self.modules.get(parent)
            if owner is None:
                return None
            if owner.kind == "host":
                where = _own_package_path(parent)
                if where is None:  # a host package's submodules stay the host's
                    return Module(name, "host")
            elif owner.search is None:
                return None
            else:
                where = owner.search
        else:
            where = self.path
        return _find_in(name, tail, where)

    # --- reading imports --------------------------------------------------------------------

    def _follow(self, source: bytes, filename: str, module: Module) -> None:
        """Load what every import statement of ``source`` names."""
        from ouro import syntax

        tree = syntax.parse(source, filename)
        for node in _import_statements(tree):
            if isinstance(node, nodes.Import):
                for alias in node.names:
                    self.import_module(alias.name, module.name)
            else:
                self._import_from(node, module)

    def _import_from(self, node: nodes.ImportFrom, module: Module) -> None:
        base = node.module or ""
        if node.level:
            package = (
                module.name if module.is_package else module.name.rpartition(".")[0]
            )
            parts = package.split(".") if package else []
            if node.level - 1 > len(parts) or not parts:
                return  # "attempted relative import beyond top-level package" at run time
            parts = parts[: len(parts) - (node.level - 1)]
            base = ".".join(parts + ([base] if base else []))
        target = self.import_module(base, module.name)
        if target is None or not target.is_package:
            return
        for alias in node.names:
            if alias.name != "*":
                self._load(f"{base}.{alias.name}", module.name, optional=True)


def _import_statements(tree: nodes.AST) -> list[nodes.AST]:
    """Every Import/ImportFrom statement in the tree, in source order (statements only: an
    import is never inside an expression), walked with a stack, not host recursion."""
    found: list[nodes.AST] = []
    stack: list[nodes.AST] = [tree]
    while stack:
        node = stack.pop()
        if isinstance(node, (nodes.Import, nodes.ImportFrom)):
            found.append(node)
            continue
        children: list[nodes.AST] = []
        for name in _BODIES:
            value = getattr(node, name, None)
            if isinstance(value, list):
                children.extend(item for item in value if isinstance(item, nodes.AST))
        stack.extend(reversed(children))
    return found


def _from_host(name: str) -> bool:
    """Is ``name`` a module the frozen program takes from its host at run time?"""
    from ouro.importer import api, hostlist

    top = name.partition(".")[0]
    return (
        api.is_own(name)
        or api.is_own(top)
        or name in sys.builtin_module_names
        or hostlist.is_host_module(name)
    )


def _own_package_path(name: str) -> list[str] | None:
    """The folders of the stdlib package behind one of Ouro's own packages (``importlib``:
    Ouro runs ``importlib.util`` & co. from their sources), None for other host modules."""
    from ouro.importer import api

    if not api.is_own(name) or "." in name:
        return None
    try:
        import importlib.util

        spec = importlib.util.find_spec(name)
    except (ImportError, ValueError):
        return None
    search = None if spec is None else spec.submodule_search_locations
    return list(search) if search else None


def _find_in(name: str, tail: str, where: list[str]) -> Module | None:
    """Look ``tail`` up in the folders ``where``, as Ouro's FileFinder does: a package, an
    extension module, a source file; else the portions of a namespace package."""
    portions: list[str] = []
    for entry in where:
        folder = os.path.abspath(entry or os.curdir)
        if not os.path.isdir(folder):
            continue  # zip archives and missing folders: left to the run-time importer
        package = os.path.join(folder, tail)
        init = os.path.join(package, "__init__" + SOURCE)
        if os.path.isfile(init):
            return Module(name, "source", init, [package], is_stdlib(init))
        for suffix in _EXTENSIONS:
            if os.path.isfile(package + suffix):
                return Module(name, "host", package + suffix)
        if os.path.isfile(package + SOURCE):
            file = package + SOURCE
            return Module(name, "source", file, None, is_stdlib(file))
        if os.path.isdir(package):
            portions.append(package)
    if portions:
        return Module(name, "namespace", None, portions)
    return None


_STDLIB = tuple(
    os.path.join(os.path.normcase(os.path.realpath(folder)), "")
    for folder in {sysconfig.get_paths()["stdlib"], sysconfig.get_paths()["platstdlib"]}
)


def is_stdlib(path: str) -> bool:
    """Is ``path`` in the host's standard library (not site-packages)?  Those modules fit
    the C modules of this host version only (see boot.py)."""
    where = os.path.normcase(os.path.realpath(path))
    return where.startswith(_STDLIB) and "site-packages" not in where
