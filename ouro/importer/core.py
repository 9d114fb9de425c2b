"""The import algorithm: ``__import__``, find-and-load, packages, relative names, fromlist.

Takes a module name (and the importing frame's globals, for relative imports); hands on a
module from Ouro's ``sys.modules`` (``MODULES``, a dict of Ouro's own, not the host's), finding
its spec through ``sys.meta_path`` and running its loader when it is not there yet.

Invariants (CPython's, language reference §5):
* A module is in ``MODULES`` *before* its code runs and leaves it if that code raises, so a
  circular import sees the partially initialised module (``__spec__._initializing`` is true
  meanwhile, which CPython's messages read) and each module runs once per run.
* Importing ``a.b.c`` imports ``a`` then ``a.b`` first, and binds ``c`` as an attribute of
  ``a.b`` once it is loaded.
* One lock per module name: a second thread importing a module another thread is loading
  waits for it; a thread meeting its own partially loaded module (a cycle) takes it as is.
"""

from __future__ import annotations

import _thread  # threading's locks, without importing threading at start
import sys as host_sys
import types
import warnings
from time import perf_counter

from ouro.importer import fixups, hostlist, specs

# Ouro's sys.modules: the dict ``sys.modules`` shows Ouro code (sysview).  Rebinding
# ``sys.modules`` does not replace it, as in CPython where the import system keeps its own.
MODULES: dict[str, object] = {}
_NEEDS_LOADING = object()
_ERR_MSG_PREFIX = "No module named "


def sys_attr(name: str) -> object:
    """The current value of ``sys.NAME`` as Ouro code sees it (programs rebind them)."""
    from ouro.vm.sysview import SYS

    return getattr(SYS, name, None)


def sys_path() -> list[object]:
    path = sys_attr("path")
    return path if isinstance(path, list) else list(path or ())  # type: ignore[call-overload]


def path_importer_cache() -> dict[str, object]:
    cache = sys_attr("path_importer_cache")
    assert isinstance(cache, dict)
    return cache


# --- locks -----------------------------------------------------------------------------------

_locks_guard = _thread.allocate_lock()
_locks: dict[str, _thread.RLock] = {}


def _module_lock(name: str) -> _thread.RLock:
    with _locks_guard:
        lock = _locks.get(name)
        if lock is None:
            lock = _locks[name] = _thread.RLock()
        return lock


# --- finding ---------------------------------------------------------------------------------


def find_spec(name: str, path: object = None, target: object = None) -> object:
    """The spec of ``name`` from the first ``sys.meta_path`` finder that knows it."""
    meta_path = sys_attr("meta_path")
    if meta_path is None:
        raise ImportError("sys.meta_path is None, Python is likely shutting down")
    if not meta_path:
        warnings.warn("sys.meta_path is empty", ImportWarning, stacklevel=2)
    is_reload = name in MODULES
    for finder in list(meta_path):  # type: ignore[call-overload]
        try:
            find = finder.find_spec
        except AttributeError:
            continue
        spec = find(name, path, target)
        if spec is None:
            continue
        if not is_reload and name in MODULES:  # the finder imported it as a side effect
            module = MODULES[name]
            return getattr(module, "__spec__", None) or spec
        return spec
    return None


# --- loading ---------------------------------------------------------------------------------


def find_and_load(name: str) -> object:
    """The module ``name`` (absolute), imported now if it is not in sys.modules."""
    module = MODULES.get(name, _NEEDS_LOADING)
    if module is _NEEDS_LOADING or _initializing(module):
        with _module_lock(name):
            module = MODULES.get(name, _NEEDS_LOADING)
            if module is _NEEDS_LOADING:
                if _clock.on:
                    return _timed_find_and_load(name)
                return _find_and_load_unlocked(name)
    if module is None:
        raise ModuleNotFoundError(
            f"import of {name} halted; None in sys.modules", name=name
        )
    return module


class _ImportClock:
    """``-X importtime`` / PYTHONPROFILEIMPORTTIME: how long each import took, printed as
    CPython prints it when the import ends (innermost first, indented by depth): the time
    spent in the module itself, then with the imports it made (microseconds)."""

    on = False
    depth = 0
    nested = 0.0  # time spent in the finished imports made by the one being timed
    header = True


_clock = _ImportClock()


def profile_imports(header: bool = True) -> None:
    """Turn ``-X importtime`` on; ``header``: False if the host printed it already."""
    _clock.on = True
    _clock.header = header


def _timed_find_and_load(name: str) -> object:
    clock = _clock
    if clock.header:
        clock.header = False
        host_sys.stderr.write(
            "import time: self [us] | cumulative | imported package\n"
        )
    outer_nested = clock.nested
    clock.nested = 0.0
    clock.depth += 1
    start = perf_counter()
    try:
        return _find_and_load_unlocked(name)
    finally:
        took = perf_counter() - start
        clock.depth -= 1
        own = int((took - clock.nested) * 1e6)
        line = (
            f"import time: {own:9} | {int(took * 1e6):10} | {'  ' * clock.depth}{name}"
        )
        host_sys.stderr.write(line + "\n")
        clock.nested = outer_nested + took


def _initializing(module: object) -> bool:
    return bool(getattr(getattr(module, "__spec__", None), "_initializing", False))


def _find_and_load_unlocked(name: str) -> object:
    path = None
    parent, _, child = name.rpartition(".")
    parent_spec = None
    if parent:
        if parent not in MODULES:
            find_and_load(parent)
        if name in MODULES:  # importing the parent imported it
            return MODULES[name]
        parent_module = MODULES[parent]
        try:
            path = parent_module.__path__  # type: ignore[attr-defined]
        except AttributeError:
            message = f"{_ERR_MSG_PREFIX}{name!r}; {parent!r} is not a package"
            raise ModuleNotFoundError(message, name=name) from None
        parent_spec = getattr(parent_module, "__spec__", None)
    spec = find_spec(name, path)
    if spec is None:
        raise ModuleNotFoundError(f"{_ERR_MSG_PREFIX}{name!r}", name=name)
    pending = getattr(parent_spec, "_uninitialized_submodules", None)
    if isinstance(
        pending, list
    ):  # 3.12 names the submodule in its circular-import message
        pending.append(child)
    try:
        module = load(spec)
    finally:
        if isinstance(pending, list) and pending:
            pending.pop()
    if parent:
        parent_module = MODULES[parent]
        try:
            setattr(parent_module, child, module)
        except AttributeError:
            warnings.warn(
                f"Cannot set an attribute on {parent!r} for child module {child!r}",
                ImportWarning,
                stacklevel=2,
            )
    return module


def load(spec: object) -> object:
    """Make the module of ``spec``, put it in sys.modules, run it (out again if it fails)."""
    name: str = spec.name  # type: ignore[attr-defined]
    loader = spec.loader  # type: ignore[attr-defined]
    if getattr(loader, "loads_host_module", False):
        module = loader.host_module(spec)
        MODULES[name] = module
        return module
    if loader is not None and not hasattr(loader, "exec_module"):
        return _legacy_load(loader, name)
    module = specs.module_from_spec(spec)  # type: ignore[arg-type]
    spec._initializing = True  # type: ignore[attr-defined]
    try:
        MODULES[name] = module
        try:
            if loader is None:
                if spec.submodule_search_locations is None:  # type: ignore[attr-defined]
                    raise ImportError("missing loader", name=name)
            else:
                _running[0] += 1
                try:
                    loader.exec_module(module)
                finally:
                    _running[0] -= 1
        except BaseException:
            MODULES.pop(name, None)
            raise
        # The module's code may have replaced itself in sys.modules (a common trick).
        module = MODULES.pop(name)
        MODULES[name] = module
        fixups.apply(name, module)
        hostlist.share_with_host(name, module)
        _verbose(f"import {name!r} # {loader!r}")
    finally:
        spec._initializing = False  # type: ignore[attr-defined]
    return module


# How many modules' code is running now (imports under way, in any thread).
_running = [0]


def loading() -> int:
    """How many modules are being run by an import now (0: none)."""
    return _running[0]


def _legacy_load(loader: object, name: str) -> object:
    """A PEP 302 loader with only ``load_module`` (it puts the module in sys.modules)."""
    warnings.warn(
        f"{type(loader).__name__}.exec_module() not found; falling back to load_module()",
        ImportWarning,
        stacklevel=2,
    )
    module = loader.load_module(name)  # type: ignore[attr-defined]
    module = MODULES.get(name, module)
    if getattr(module, "__loader__", None) is None:
        try:
            module.__loader__ = loader
        except AttributeError:
            pass
    return module


def exec_spec(spec: object, module: types.ModuleType) -> types.ModuleType:
    """Run ``spec``'s code again in the existing ``module`` (importlib.reload)."""
    name: str = spec.name  # type: ignore[attr-defined]
    with _module_lock(name):
        if MODULES.get(name) is not module:
            raise ImportError(f"module {name!r} not in sys.modules", name=name)
        try:
            loader = spec.loader  # type: ignore[attr-defined]
            if loader is None:
                if spec.submodule_search_locations is None:  # type: ignore[attr-defined]
                    raise ImportError("missing loader", name=name)
                specs.init_module_attrs(spec, module, override=True)  # type: ignore[arg-type]
            else:
                specs.init_module_attrs(spec, module, override=True)  # type: ignore[arg-type]
                if not hasattr(loader, "exec_module"):
                    loader.load_module(name)
                else:
                    spec._initializing = True  # type: ignore[attr-defined]
                    loader.exec_module(module)
        finally:
            spec._initializing = False  # type: ignore[attr-defined]
        found = MODULES.pop(name)
        MODULES[name] = found
    return found  # type: ignore[return-value]


def load_module_shim(loader: object, fullname: str) -> types.ModuleType:
    """``loader.load_module(fullname)`` done with exec_module through Ouro's sys.modules."""
    spec = specs.spec_from_loader(fullname, loader)
    module = MODULES.get(fullname)
    if module is not None:
        return exec_spec(spec, module)  # type: ignore[arg-type]
    return load(spec)  # type: ignore[return-value]


def _verbose(message: str) -> None:
    flags = sys_attr("flags")
    if getattr(flags, "verbose", 0):
        print(message, file=host_sys.stderr)


# --- names -----------------------------------------------------------------------------------


def resolve_name(name: str, package: str, level: int) -> str:
    """The absolute name of a relative import of ``name`` ``level`` dots up from ``package``."""
    bits = package.rsplit(".", level - 1)
    if len(bits) < level:
        raise ImportError("attempted relative import beyond top-level package")
    base = bits[0]
    return f"{base}.{name}" if name else base


def package_of(globals: object) -> str:
    """The package a relative import starts from: ``__package__``, else ``__spec__.parent``,
    else ``__name__`` (with CPython's warnings and errors)."""
    if globals is None:
        raise KeyError("'__name__' not in globals")
    if not isinstance(globals, dict):
        raise TypeError("globals must be a dict")
    package = globals.get("__package__")
    spec = globals.get("__spec__")
    if package is not None:
        if not isinstance(package, str):
            raise TypeError("package must be a string")
        parent = getattr(spec, "parent", None) if spec is not None else None
        if spec is not None and package != parent:
            warnings.warn(
                f"__package__ != __spec__.parent ({package!r} != {parent!r})",
                DeprecationWarning,
                stacklevel=3,
            )
        return package
    if spec is not None:
        parent = spec.parent
        if not isinstance(parent, str):
            raise TypeError("__spec__.parent must be a string")
        return parent
    warnings.warn(
        "can't resolve package from __spec__ or __package__, "
        "falling back on __name__ and __path__",
        ImportWarning,
        stacklevel=3,
    )
    if "__name__" not in globals:
        raise KeyError("'__name__' not in globals")
    package = globals["__name__"]
    if not isinstance(package, str):
        raise TypeError("__name__ must be a string")
    if "__path__" not in globals:
        package = package.rpartition(".")[0]
    return package


def absolute_name(name: str, globals: object, level: int) -> str:
    package = package_of(globals)
    if not package:
        raise ImportError("attempted relative import with no known parent package")
    return resolve_name(name, package, level)


# --- __import__ ------------------------------------------------------------------------------


def import_name(
    name: object, globals: object = None, fromlist: object = (), level: object = 0
) -> object:
    """What the statement ``import``/``from ... import`` asks for (``builtins.__import__``
    without its unused ``locals``)."""
    if not isinstance(name, str):
        raise TypeError("module name must be a string")
    if not isinstance(level, int):
        raise TypeError(
            f"'{type(level).__name__}' object cannot be interpreted as an integer"
        )
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        absolute = absolute_name(name, globals, level)
    else:
        if not name:
            raise ValueError("Empty module name")
        absolute = name
    module = find_and_load(absolute)
    if not fromlist:
        if level == 0 or name:
            head, dot, _ = name.partition(".")
            if not dot:
                return module
            if level == 0:
                return find_and_load(head)
            cut_off = len(name) - len(head)
            top = absolute[: len(absolute) - cut_off]
            try:
                return MODULES[top]
            except KeyError:
                raise KeyError(f"{top!r} not in sys.modules as expected") from None
        return module
    if hasattr(module, "__path__"):
        return handle_fromlist(module, fromlist)
    return module


def handle_fromlist(
    module: object, fromlist: object, recursive: bool = False
) -> object:
    """``from package import a, b``: import the submodules among the names that are not
    attributes of the package yet (``*``: those of ``__all__``)."""
    for item in fromlist:  # type: ignore[attr-defined]
        if not isinstance(item, str):
            where = (
                f"{module.__name__}.__all__" if recursive else "``from list''"  # type: ignore[attr-defined]
            )
            raise TypeError(f"Item in {where} must be str, not {type(item).__name__}")
        if item == "*":
            if not recursive and hasattr(module, "__all__"):
                handle_fromlist(module, module.__all__, recursive=True)
        elif not hasattr(module, item):
            sub = f"{module.__name__}.{item}"  # type: ignore[attr-defined]
            try:
                find_and_load(sub)
            except ModuleNotFoundError as e:
                if e.name == sub and MODULES.get(sub, _NEEDS_LOADING) is not None:
                    continue
                raise
    return module


def import_from(module: object, name: str) -> object:
    """IMPORT_FROM: ``module.name``, else the submodule ``module.name`` from sys.modules, else
    CPython's ImportError (naming a circular import when the module is still running)."""
    try:
        return getattr(module, name)
    except AttributeError:
        pass
    module_name = getattr(module, "__name__", None)
    if not isinstance(module_name, str):
        error = ImportError(
            f"cannot import name '{name}' from '<unknown module name>' (unknown location)"
        )
        error.name_from = name  # type: ignore[attr-defined]
        raise error
    found = MODULES.get(f"{module_name}.{name}")
    if found is not None:
        return found
    where = getattr(module, "__file__", None)
    if not isinstance(where, str):
        message = f"cannot import name '{name}' from '{module_name}' (unknown location)"
    elif _initializing(module):
        message = (
            f"cannot import name '{name}' from partially initialized module "
            f"'{module_name}' (most likely due to a circular import) ({where})"
        )
    else:
        message = f"cannot import name '{name}' from '{module_name}' ({where})"
    error = ImportError(message, name=module_name, path=where)
    error.name_from = name  # type: ignore[attr-defined]  # 3.12's "Did you mean" reads it
    raise error


def gcd_import(name: str, package: str | None = None, level: int = 0) -> object:
    """importlib.import_module's core: the module itself (not its top package)."""
    if not isinstance(name, str):
        raise TypeError(f"module name must be str, not {type(name)}")
    if level < 0:
        raise ValueError("level must be >= 0")
    if level > 0:
        if not isinstance(package, str):
            raise TypeError("__package__ not set to a string")
        if not package:
            raise ImportError("attempted relative import with no known parent package")
    if not name and level == 0:
        raise ValueError("Empty module name")
    if level > 0:
        name = resolve_name(name, package, level)  # type: ignore[arg-type]
    return find_and_load(name)
