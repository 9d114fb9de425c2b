"""Loaders: turn a spec into a module's code and run it on Ouro's VM.

The file loaders are the host's classes (``importlib.machinery.SourceFileLoader``...) with the
steps that touch code replaced: ``get_code`` compiles with Ouro's compiler through the .pyc
cache (ouro/cache/pycfile.py: read a current ``__pycache__/NAME.ouro-312.pyc`` or compile and
write one, as the cache policy allows), ``source_to_code`` is Ouro's compiler, ``exec_module``
runs the code in the module's namespace on Ouro's VM, and ``load_module`` goes through Ouro's
``sys.modules``.  Everything else (``get_data``, ``get_filename``, ``path_stats``,
``get_resource_reader``, equality) is inherited, so libraries that read resources or check
``isinstance(loader, SourceFileLoader)`` see what they expect.

``HostLoader`` stands for modules that stay the host's (built-in and extension modules, the
list in hostlist.py): it imports them with the host's machinery, once, and hands Ouro the
host's module object itself, never a copy.
"""

from __future__ import annotations

import importlib
import importlib._bootstrap_external as host_external
import importlib.machinery as host_machinery
import os
import sys as host_sys
import types

from ouro.cache import pycfile
from ouro.importer import hostlist, specs

# --- running code ----------------------------------------------------------------------------


def run_code(code: object, module: types.ModuleType) -> None:
    """Run a module's code object in the module's namespace on Ouro's VM."""
    from ouro import vm
    from ouro.vm.ourobuiltins import NAMESPACE

    namespace = module.__dict__
    if "__builtins__" not in namespace:
        namespace["__builtins__"] = NAMESPACE
    vm.execute(code, namespace)  # type: ignore[arg-type]


def cache_policy() -> pycfile.CachePolicy:
    """The .pyc policy in force now (-B, sys.dont_write_bytecode, the prefix; -v notes)."""
    from ouro.vm.sysview import SYS

    verbose = int(getattr(SYS.flags, "verbose", 0) or 0)
    note = _note if verbose >= 2 else None
    return pycfile.CachePolicy.from_sys(note=note)


def _note(message: str) -> None:
    print(message, file=host_sys.stderr)


class OuroLoaderBasics:
    """exec_module/load_module for loaders whose ``get_code`` gives Ouro code."""

    def exec_module(self, module: types.ModuleType) -> None:
        code = self.get_code(module.__name__)  # type: ignore[attr-defined]
        if code is None:
            raise ImportError(
                f"cannot load module {module.__name__!r} when get_code() returns None"
            )
        run_code(code, module)

    def load_module(self, fullname: str) -> types.ModuleType:
        """The deprecated PEP 302 call (still used by some finders): through Ouro's import."""
        import warnings

        from ouro.importer import core

        warnings.warn(
            "the load_module() method is deprecated and slated for removal in "
            "Python 3.12; use exec_module() instead",
            DeprecationWarning,
            stacklevel=2,
        )
        return core.load_module_shim(self, fullname)


class OuroSourceLoader(OuroLoaderBasics):
    """Ouro's compiler in place of the host's for a loader that reads source."""

    def source_to_code(
        self, data: object, path: object = "<string>", *, _optimize: int = -1
    ) -> object:
        from ouro.compiler import compile_source

        level = specs.optimize_level() if _optimize == -1 else _optimize
        if isinstance(path, (bytes, os.PathLike)):
            path = os.fsdecode(path)  # type: ignore[call-overload]
        return compile_source(data, str(path), "exec", optimize=level)  # type: ignore[arg-type]

    def get_code(self, fullname: str) -> object:
        path = self.get_filename(fullname)  # type: ignore[attr-defined]
        if _reads_plain_files(self) and os.path.isfile(path):
            return pycfile.compile_file(path, specs.optimize_level(), cache_policy())
        data = self.get_data(path)  # type: ignore[attr-defined]
        return self.source_to_code(data, path)


def _reads_plain_files(loader: object) -> bool:
    """True when the loader reads its source straight from the file system (so the .pyc
    cache may stand for it); a subclass with its own get_data does not."""
    get_data = getattr(type(loader), "get_data", None)
    return get_data is host_external.FileLoader.get_data


class LoaderBasics(OuroLoaderBasics, host_external._LoaderBasics):
    """``importlib._bootstrap_external._LoaderBasics`` for Ouro code (importlib.abc's
    InspectLoader takes its exec_module and load_module)."""


class SourceLoader(OuroSourceLoader, host_external.SourceLoader):
    """``importlib.abc.SourceLoader``'s base for Ouro code: a program's own source loader
    (get_data, get_filename) is compiled by Ouro."""


class SourceFileLoader(OuroSourceLoader, host_machinery.SourceFileLoader):
    """A ``.py`` file, compiled by Ouro and cached as ``__pycache__/NAME.ouro-312.pyc``."""


class SourcelessFileLoader(OuroLoaderBasics, host_machinery.SourcelessFileLoader):
    """A ``NAME.pyc`` standing where ``NAME.py`` would be (Ouro's format: shipped bytecode)."""

    def get_code(self, fullname: str) -> object:
        path = self.get_filename(fullname)
        code = pycfile.read_pyc(path, None)
        if code is None:
            raise ImportError(
                f"bad or damaged Ouro bytecode in {fullname!r}: {path!r}",
                name=fullname,
                path=path,
            )
        return code


class NamespacePath:
    """``__path__`` of a namespace package: the portions found along the parent's path,
    found again when that path changes (PEP 420's dynamic path computation)."""

    def __init__(self, name: str, path: list[str], finder: object) -> None:
        self._name = name
        self._path = list(path)
        self._finder = finder
        self._last_parent = tuple(self._parent_path())

    def _parent_path(self) -> list[str]:
        from ouro.importer import core

        parent, dot, _ = self._name.rpartition(".")
        if not dot:
            return list(core.sys_path())
        module = core.MODULES.get(parent)
        return list(getattr(module, "__path__", None) or [])

    def _recalculate(self) -> list[str]:
        parent = tuple(self._parent_path())
        if parent != self._last_parent:
            find = getattr(self._finder, "find_spec", None)
            spec = find(self._name, list(parent)) if find is not None else None
            if spec is not None and spec.loader is None:
                self._path = list(spec.submodule_search_locations or [])
            self._last_parent = parent
        return self._path

    def __iter__(self):  # type: ignore[no-untyped-def]
        return iter(self._recalculate())

    def __getitem__(self, index: int) -> str:
        return self._recalculate()[index]

    def __setitem__(self, index: int, value: str) -> None:
        self._path[index] = value

    def __len__(self) -> int:
        return len(self._recalculate())

    def __contains__(self, item: object) -> bool:
        return item in self._recalculate()

    def append(self, item: str) -> None:
        self._path.append(item)

    def __repr__(self) -> str:
        return f"_NamespacePath({self._path!r})"


NamespacePath.__name__ = NamespacePath.__qualname__ = "_NamespacePath"  # CPython's name


class NamespaceLoader:
    """The loader of a namespace package (a folder without ``__init__.py``): nothing to run."""

    def __init__(self, name: str, path: object, finder: object) -> None:
        if isinstance(path, NamespacePath):
            self._path = path
        else:
            self._path = NamespacePath(name, list(path or []), finder)  # type: ignore[call-overload]

    def is_package(self, fullname: str) -> bool:
        return True

    def get_source(self, fullname: str) -> str:
        return ""

    def get_code(self, fullname: str) -> object:
        from ouro.compiler import compile_source

        return compile_source("", "<string>", "exec")

    def create_module(self, spec: object) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        pass

    def load_module(self, fullname: str) -> types.ModuleType:
        from ouro.importer import core

        return core.load_module_shim(self, fullname)

    def get_resource_reader(self, module: object) -> object:
        from importlib.readers import NamespaceReader

        return NamespaceReader(self._path)


# --- modules that stay the host's ------------------------------------------------------------


class HostLoader:
    """Built-in, extension and listed modules: the host's module object, imported by the
    host once.  ``loads_host_module`` tells core.py to take the module as it is (its
    ``__spec__`` and ``__loader__`` stay the host's)."""

    loads_host_module = True

    def __init__(self, name: str, path: str | None = None) -> None:
        self.name = name
        self.path = path

    def host_module(self, spec: object) -> types.ModuleType:
        if self.path is not None and self.name in hostlist.BOUND_EXTENSIONS:
            return hostlist.load_bound(self.name, self.path)
        module = host_sys.modules.get(self.name)
        if module is not None and (
            self.path is None or getattr(module, "__file__", None) == self.path
        ):
            return module
        if self.path is None:
            return importlib.import_module(self.name)
        return _load_extension(self.name, self.path)

    def create_module(self, spec: object) -> types.ModuleType:
        return self.host_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        pass

    def is_package(self, fullname: str) -> bool:
        if self.name in hostlist.BOUND_EXTENSIONS:  # not made again to be asked
            return False
        module = self.host_module(None)
        return hasattr(module, "__path__")

    def get_code(self, fullname: str) -> None:
        return None

    def get_source(self, fullname: str) -> None:
        return None

    def __repr__(self) -> str:
        where = f" from {self.path!r}" if self.path else ""
        return f"<ouro host loader for {self.name!r}{where}>"


def _load_extension(name: str, path: str) -> types.ModuleType:
    """An extension module file loaded by the host (into the host's sys.modules)."""
    import importlib.util

    loader = host_machinery.ExtensionFileLoader(name, path)
    spec = importlib.util.spec_from_file_location(name, path, loader=loader)
    assert spec is not None
    module = importlib.util.module_from_spec(spec)
    host_sys.modules[name] = module
    try:
        loader.exec_module(module)
    except BaseException:
        host_sys.modules.pop(name, None)
        raise
    return module


def loader_for_file(name: str, path: str) -> object | None:
    """The loader Ouro uses for a file with this name (by its suffix), or None."""
    if path.endswith(tuple(specs.SOURCE_SUFFIXES)):
        return SourceFileLoader(name, path)
    if path.endswith(tuple(specs.BYTECODE_SUFFIXES)):
        return SourcelessFileLoader(name, path)
    if path.endswith(tuple(specs.EXTENSION_SUFFIXES)):
        return HostLoader(name, path)
    return None
