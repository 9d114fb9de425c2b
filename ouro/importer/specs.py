"""Module specs and module objects: what a finder hands on and what a loader fills in.

``ModuleSpec`` is the host's class (``importlib.machinery.ModuleSpec``: name, loader, origin,
submodule_search_locations, parent, has_location...) with one change: ``cached`` names Ouro's
.pyc (``__pycache__/NAME.ouro-312.pyc``, ``sys.pycache_prefix`` honoured), not CPython's.
Being a subclass keeps every program and library check ``isinstance(spec, ModuleSpec)`` true.

``module_from_spec`` makes the module (the loader's ``create_module`` or a fresh one) and sets
``__name__``, ``__loader__``, ``__package__``, ``__spec__``, ``__path__``, ``__file__`` and
``__cached__`` from the spec, as PEP 451 says.
"""

from __future__ import annotations

import _imp
import os
import sys as host_sys
import types
from importlib.machinery import ModuleSpec as HostModuleSpec

from ouro.cache import pycfile

SOURCE_SUFFIXES = [".py"]
BYTECODE_SUFFIXES = [".pyc"]
EXTENSION_SUFFIXES = list(_imp.extension_suffixes())


def optimize_level() -> int:
    """-O level of the program (Ouro's sys.flags), which names its .pyc files."""
    from ouro.vm.sysview import SYS

    return int(getattr(SYS.flags, "optimize", 0) or 0)


def cache_from_source(path: str, optimization: object = None) -> str:
    """``importlib.util.cache_from_source`` for Ouro's files."""
    if optimization is None:
        level = optimize_level()
        optimization = str(level) if level else ""
    prefix = getattr(host_sys, "pycache_prefix", None)
    return pycfile.cache_path(os.fspath(path), optimization, prefix=prefix)


def source_from_cache(path: str) -> str:
    """``importlib.util.source_from_cache`` for Ouro's files."""
    prefix = getattr(host_sys, "pycache_prefix", None)
    return pycfile.source_from_cache(os.fspath(path), prefixes=(prefix,))


class ModuleSpec(HostModuleSpec):
    """The host's ModuleSpec whose ``cached`` is Ouro's .pyc path."""

    @property  # type: ignore[override]
    def cached(self) -> str | None:
        if self._cached is None and self.origin is not None and self._set_fileattr:
            origin = str(self.origin)
            if origin.endswith(tuple(SOURCE_SUFFIXES)):
                try:
                    self._cached = cache_from_source(origin)
                except (NotImplementedError, ValueError):
                    pass
            elif origin.endswith(tuple(BYTECODE_SUFFIXES)):
                self._cached = origin
        return self._cached  # type: ignore[no-any-return]

    @cached.setter
    def cached(self, value: str | None) -> None:
        self._cached = value


def spec_from_loader(
    name: str,
    loader: object,
    *,
    origin: str | None = None,
    is_package: bool | None = None,
) -> ModuleSpec | None:
    """``importlib.util.spec_from_loader``: a spec from a loader alone (file loaders give a
    located spec, as spec_from_file_location would)."""
    if origin is None and hasattr(loader, "get_filename"):
        if is_package is None:
            return spec_from_file_location(name, loader=loader)
        search = [] if is_package else None
        return spec_from_file_location(
            name, loader=loader, submodule_search_locations=search
        )
    if is_package is None:
        is_pkg = getattr(loader, "is_package", None)
        if is_pkg is not None:
            try:
                is_package = bool(is_pkg(name))
            except ImportError:
                is_package = None
        else:
            is_package = False
    return ModuleSpec(name, loader, origin=origin, is_package=bool(is_package))


_UNSET = object()


def spec_from_file_location(
    name: str,
    location: object = None,
    *,
    loader: object = None,
    submodule_search_locations: object = _UNSET,
) -> ModuleSpec | None:
    """``importlib.util.spec_from_file_location``: a spec for a file, with Ouro's loader for
    its suffix when none is given (None for a suffix no loader takes)."""
    if location is None:
        location = "<unknown>"
        get_filename = getattr(loader, "get_filename", None)
        if get_filename is not None:
            try:
                location = get_filename(name)
            except ImportError:
                pass
    else:
        location = os.fspath(location)  # type: ignore[call-overload]
        try:
            location = os.path.join(os.getcwd(), location)  # type: ignore[arg-type]
        except OSError:
            pass
    if loader is None:
        from ouro.importer.loaders import loader_for_file

        loader = loader_for_file(name, str(location))
        if loader is None:
            return None
    spec = ModuleSpec(name, loader, origin=location)  # type: ignore[arg-type]
    spec._set_fileattr = True
    if submodule_search_locations is _UNSET:
        is_pkg = getattr(loader, "is_package", None)
        if is_pkg is not None:
            try:
                if is_pkg(name):
                    spec.submodule_search_locations = []
            except ImportError:
                pass
    else:
        spec.submodule_search_locations = submodule_search_locations  # type: ignore[assignment]
    if spec.submodule_search_locations == [] and location:
        folder = os.path.split(str(location))[0]
        spec.submodule_search_locations.append(folder)  # type: ignore[union-attr]
    return spec


# --- modules ---------------------------------------------------------------------------------


def module_from_spec(spec: HostModuleSpec) -> types.ModuleType:
    """``importlib.util.module_from_spec``: the loader's module (or a new one), its
    attributes set from the spec."""
    module = None
    loader = spec.loader
    if hasattr(loader, "create_module"):
        module = loader.create_module(spec)
    elif hasattr(loader, "exec_module"):
        raise ImportError(
            "loaders that define exec_module() must also define create_module()"
        )
    if module is None:
        module = types.ModuleType(spec.name)
    init_module_attrs(spec, module)
    return module


def init_module_attrs(
    spec: HostModuleSpec, module: types.ModuleType, override: bool = False
) -> None:
    """Set the import attributes of ``module`` from ``spec`` (only missing ones unless
    ``override``; ``__spec__`` always)."""

    def put(name: str, value: object) -> None:
        if override or getattr(module, name, None) is None:
            try:
                setattr(module, name, value)
            except AttributeError:
                pass

    put("__name__", spec.name)
    loader = spec.loader
    if loader is None and spec.submodule_search_locations is not None:
        from ouro.importer.loaders import NamespaceLoader

        loader = NamespaceLoader(spec.name, spec.submodule_search_locations, None)
        spec.loader = loader
        module.__file__ = (
            None  # as CPython: a namespace package has no file, but the name
        )
    put("__loader__", loader)
    put("__package__", spec.parent)
    try:
        module.__spec__ = spec
    except AttributeError:
        pass
    if spec.submodule_search_locations is not None:
        put("__path__", spec.submodule_search_locations)
    if spec.has_location:
        put("__file__", spec.origin)
        if spec.cached is not None:
            put("__cached__", spec.cached)
