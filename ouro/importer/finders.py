"""Finders: from a module name to a spec (PEP 451), for ``sys.meta_path`` and ``sys.path``.

Ouro's ``sys.meta_path`` starts as ``[OwnImporter, HostImporter, PathFinder]``:

* ``OwnImporter``: the modules Ouro implements itself (``sys``, ``builtins``, ``dis``,
  ``importlib``...: ouro/vm/own_modules.py and api.py).
* ``HostImporter``: the host's built-in C modules (``sys.builtin_module_names``) and the short
  list of hostlist.py.  The host's *frozen* modules (``os``, ``abc``, ``codecs``... frozen into
  CPython 3.11+ for its own start-up) are not taken: their sources are on ``sys.path`` and Ouro
  runs those.
* ``PathFinder``: each ``sys.path`` entry (or a package's ``__path__``) through
  ``sys.path_importer_cache`` / ``sys.path_hooks`` — ``FileFinder`` for folders, the zip
  importer for archives — and namespace packages (PEP 420) from the portions found.

``FileFinder`` looks a folder up for, in CPython's order, a package (``NAME/__init__``), an
extension module, ``NAME.py``, a sourceless ``NAME.pyc``, and keeps the folder's listing until
its mtime changes (``invalidate_caches`` forgets it).
"""

from __future__ import annotations

import os
import sys as host_sys
import warnings
from collections.abc import Callable

from ouro.importer import hostlist, loaders, specs

# Ouro's own modules whose CPython counterparts are plain stdlib files that a program's
# start has not imported: a module of that name found on sys.path ahead of the standard
# library (the program's traceback.py) is imported instead, as in CPython.  The others are
# built in (sys, builtins) or already in sys.modules when a program starts (warnings,
# importlib, zipimport).
SHADOWABLE = frozenset({"traceback", "dis", "py_compile", "compileall"})


class OwnImporter:
    """Meta path finder for Ouro's own modules (made once, taken as they are)."""

    @classmethod
    def find_spec(
        cls, fullname: str, path: object = None, target: object = None
    ) -> specs.ModuleSpec | None:
        from ouro.importer import api

        if not api.is_own(fullname):
            return None
        if fullname in SHADOWABLE and _outside_stdlib(PathFinder.find_spec(fullname)):
            return None  # the path finder, next on sys.meta_path, finds it again
        spec = specs.ModuleSpec(fullname, OwnLoader(fullname), origin="built-in")
        return spec

    @classmethod
    def invalidate_caches(cls) -> None:
        pass


def _outside_stdlib(spec: object) -> bool:
    """Was ``spec`` found somewhere other than the host's standard library?"""
    origin = getattr(spec, "origin", None)
    if not isinstance(origin, str) or not os.path.isabs(origin):
        return False
    return not hostlist.in_stdlib(origin)


class OwnLoader(loaders.HostLoader):
    """Hands over Ouro's own module object (not the host's)."""

    def host_module(self, spec: object) -> object:  # type: ignore[override]
        from ouro.importer import api

        return api.own_module(self.name)

    def __repr__(self) -> str:
        return f"<ouro own module {self.name!r}>"


class HostImporter:
    """Meta path finder for the modules that stay the host's (built-in C modules and
    hostlist.HOST_MODULES)."""

    @classmethod
    def find_spec(
        cls, fullname: str, path: object = None, target: object = None
    ) -> specs.ModuleSpec | None:
        if fullname in host_sys.builtin_module_names:
            return specs.ModuleSpec(
                fullname, loaders.HostLoader(fullname), origin="built-in"
            )
        if hostlist.is_host_module(fullname):
            try:
                import importlib.util

                found = importlib.util.find_spec(fullname)
            except (ImportError, ValueError):
                found = None
            if found is None:
                return None
            return specs.ModuleSpec(
                fullname,
                loaders.HostLoader(fullname),
                origin=found.origin,
                is_package=found.submodule_search_locations is not None,
            )
        return None

    @classmethod
    def invalidate_caches(cls) -> None:
        pass


# --- sys.path --------------------------------------------------------------------------------


class PathFinder:
    """Meta path finder for ``sys.path`` and packages' ``__path__``."""

    @classmethod
    def invalidate_caches(cls) -> None:
        from ouro.importer import core

        for name, finder in list(core.path_importer_cache().items()):
            if finder is None or not os.path.isabs(name):
                core.path_importer_cache().pop(name, None)
            elif hasattr(finder, "invalidate_caches"):
                finder.invalidate_caches()

    @classmethod
    def _finder_for(cls, entry: str) -> object:
        """The path entry finder of ``entry`` (cached in sys.path_importer_cache)."""
        from ouro.importer import core

        if entry == "":
            try:
                entry = os.getcwd()
            except FileNotFoundError:
                return None
        cache = core.path_importer_cache()
        try:
            return cache[entry]
        except KeyError:
            finder = cls._path_hooks(entry)
            cache[entry] = finder
            return finder

    @staticmethod
    def _path_hooks(entry: str) -> object:
        from ouro.importer import core

        hooks = core.sys_attr("path_hooks")
        if hooks is not None and not hooks:
            warnings.warn("sys.path_hooks is empty", ImportWarning, stacklevel=2)
        for hook in hooks or ():
            try:
                return hook(entry)
            except ImportError:
                continue
        return None

    @classmethod
    def find_spec(
        cls, fullname: str, path: object = None, target: object = None
    ) -> specs.ModuleSpec | None:
        from ouro.importer import core

        entries = core.sys_path() if path is None else path
        portions: list[str] = []
        for entry in entries:  # type: ignore[attr-defined]
            if not isinstance(entry, (str, bytes)):
                continue
            finder = cls._finder_for(entry)  # type: ignore[arg-type]
            if finder is None:
                continue
            spec = finder.find_spec(fullname, target)  # type: ignore[attr-defined]
            if spec is None:
                continue
            if spec.loader is not None:
                return spec  # type: ignore[no-any-return]
            portions.extend(spec.submodule_search_locations or ())
        if not portions:
            return None
        spec = specs.ModuleSpec(fullname, None, is_package=True)
        spec.submodule_search_locations = loaders.NamespacePath(  # type: ignore[assignment]
            fullname, portions, cls
        )
        return spec

    @classmethod
    def find_distributions(cls, *args: object, **kwargs: object) -> object:
        """importlib.metadata's hook on path finders."""
        from importlib.metadata import MetadataPathFinder

        return MetadataPathFinder.find_distributions(*args, **kwargs)


LoaderDetails = tuple[Callable[[str, str], object], list[str]]


class FileFinder:
    """Path entry finder for one folder."""

    def __init__(self, path: str, *loader_details: LoaderDetails) -> None:
        self._loaders = [
            (suffix, loader)
            for loader, suffixes in loader_details
            for suffix in suffixes
        ]
        self.path = os.path.abspath(path) if path else os.getcwd()
        self._path_mtime = -1.0
        self._path_cache: set[str] = set()

    def invalidate_caches(self) -> None:
        self._path_mtime = -1.0

    def _listing(self) -> set[str]:
        try:
            mtime = os.stat(self.path).st_mtime
        except OSError:
            mtime = -1.0
        if mtime != self._path_mtime or mtime == -1.0:
            try:
                self._path_cache = set(os.listdir(self.path))
            except OSError:
                self._path_cache = set()
            self._path_mtime = mtime
        return self._path_cache

    def find_spec(
        self, fullname: str, target: object = None
    ) -> specs.ModuleSpec | None:
        tail = fullname.rpartition(".")[2]
        names = self._listing()
        folder = os.path.join(self.path, tail)
        namespace = False
        if tail in names:
            for suffix, loader in self._loaders:
                init = os.path.join(folder, "__init__" + suffix)
                if os.path.isfile(init):
                    return self._spec(loader, fullname, init, [folder])
            namespace = os.path.isdir(folder)
        for suffix, loader in self._loaders:
            if tail + suffix in names:
                full = os.path.join(self.path, tail + suffix)
                if os.path.isfile(full):
                    return self._spec(loader, fullname, full, None)
        if namespace:
            spec = specs.ModuleSpec(fullname, None, is_package=True)
            spec.submodule_search_locations = [folder]
            return spec
        return None

    @staticmethod
    def _spec(
        loader_class: Callable[[str, str], object],
        fullname: str,
        path: str,
        search: list[str] | None,
    ) -> specs.ModuleSpec | None:
        loader = loader_class(fullname, path)
        return specs.spec_from_file_location(
            fullname, path, loader=loader, submodule_search_locations=search
        )

    @classmethod
    def path_hook(cls, *loader_details: LoaderDetails) -> Callable[[str], FileFinder]:
        """A sys.path_hooks entry making a FileFinder for each folder."""

        def path_hook_for_FileFinder(path: str) -> FileFinder:
            if not os.path.isdir(path or "."):
                raise ImportError("only directories are supported", path=path)
            return cls(path, *loader_details)

        return path_hook_for_FileFinder

    def __repr__(self) -> str:
        return f"FileFinder({self.path!r})"


def file_loader_details() -> list[LoaderDetails]:
    """Extension modules first, then sources, then sourceless bytecode (CPython's order)."""
    return [
        (loaders.HostLoader, list(specs.EXTENSION_SUFFIXES)),
        (loaders.SourceFileLoader, list(specs.SOURCE_SUFFIXES)),
        (loaders.SourcelessFileLoader, list(specs.BYTECODE_SUFFIXES)),
    ]
