"""The ``importlib`` Ouro programs see, and the other modules the importer owns.

The choice (docs/import.md): Ouro runs the standard library's own pure-Python ``importlib``
submodules (``util``, ``machinery``, ``abc``, ``_abc``, ``resources``, ``metadata``,
``readers``...) from source, on top of Ouro's core.  What they build on is Ouro's:

* ``importlib`` itself (the package module): its ``__init__.py`` installs CPython's machinery
  into the interpreter (``_bootstrap._setup(sys, _imp)``, ``sys.modules['importlib._bootstrap']
  = _frozen_importlib``), which is exactly what Ouro must not run, so the package module is
  Ouro's own, with ``import_module``, ``reload``, ``invalidate_caches`` and ``__import__``, and
  ``__path__`` pointing at the host's importlib folder for every other submodule.
* ``importlib._bootstrap`` and ``importlib._bootstrap_external`` (also known, as in CPython, as
  ``_frozen_importlib`` and ``_frozen_importlib_external``): the host's modules' names overlaid
  with Ouro's core (ModuleSpec, module_from_spec, _find_spec, the loaders and finders,
  cache_from_source, MAGIC_NUMBER...), so ``from ._bootstrap import module_from_spec`` in
  util.py, or ``exec_module = _bootstrap_external._LoaderBasics.exec_module`` in abc.py, get
  Ouro's machinery.
* ``zipimport``: the zip importer on Ouro's ``sys.path_hooks`` (zipimporter.py).
"""

from __future__ import annotations

import importlib as host_importlib
import importlib._bootstrap as host_bootstrap
import importlib._bootstrap_external as host_external
import types
from collections.abc import Callable

from ouro.cache import pycfile
from ouro.importer import core, finders, loaders, specs

# --- importlib's public functions ------------------------------------------------------------


def import_module(name: str, package: str | None = None) -> object:
    """Import a module; a name starting with dots is relative to ``package``."""
    level = 0
    if name.startswith("."):
        if not package:
            raise TypeError(
                "the 'package' argument is required to perform a relative "
                f"import for {name!r}"
            )
        for character in name:
            if character != ".":
                break
            level += 1
    return core.gcd_import(name[level:], package, level)


_RELOADING: dict[str, object] = {}


def reload(module: object) -> object:
    """Run an already imported module's code again in the same module object."""
    try:
        name = module.__spec__.name  # type: ignore[attr-defined]
    except AttributeError:
        try:
            name = module.__name__  # type: ignore[attr-defined]
        except AttributeError:
            raise TypeError("reload() argument must be a module") from None
    if core.MODULES.get(name) is not module:
        raise ImportError(f"module {name} not in sys.modules", name=name)
    if name in _RELOADING:
        return _RELOADING[name]
    _RELOADING[name] = module
    try:
        parent_name = name.rpartition(".")[0]
        path = None
        if parent_name:
            try:
                parent = core.MODULES[parent_name]
            except KeyError:
                raise ImportError(
                    f"parent {parent_name!r} not in sys.modules", name=parent_name
                ) from None
            path = parent.__path__  # type: ignore[attr-defined]
        spec = core.find_spec(name, path, module)
        if spec is None:
            raise ModuleNotFoundError(
                f"spec not found for the module {name!r}", name=name
            )
        module.__spec__ = spec  # type: ignore[attr-defined]
        core.exec_spec(spec, module)  # type: ignore[arg-type]
        return core.MODULES[name]
    finally:
        del _RELOADING[name]


def invalidate_caches() -> None:
    """Ask every finder on sys.meta_path to forget what it cached (new files appear)."""
    for finder in list(core.sys_attr("meta_path") or ()):  # type: ignore[call-overload]
        if hasattr(finder, "invalidate_caches"):
            finder.invalidate_caches()


def ouro_import(
    name: object,
    globals: object = None,
    locals: object = None,
    fromlist: object = (),
    level: object = 0,
) -> object:
    """``builtins.__import__`` of Ouro programs."""
    return core.import_name(name, globals, fromlist or (), level)


ouro_import.__name__ = ouro_import.__qualname__ = "__import__"
ouro_import.__module__ = "builtins"


def _find_spec(name: str, path: object = None, target: object = None) -> object:
    return core.find_spec(name, path, target)


def _handle_fromlist(
    module: object, fromlist: object, import_: object = None, *, recursive: bool = False
) -> object:
    return core.handle_fromlist(module, fromlist, recursive)


def _call_with_frames_removed(
    f: Callable[..., object], *args: object, **kwargs: object
) -> object:
    return f(*args, **kwargs)


def _load(spec: object) -> object:
    with core._module_lock(spec.name):  # type: ignore[attr-defined]
        return core.load(spec)


# --- the modules ------------------------------------------------------------------------------


def _overlay(
    name: str, host: types.ModuleType, own: dict[str, object]
) -> types.ModuleType:
    """A module called ``name`` with the host module's names, Ouro's ``own`` on top."""
    module = types.ModuleType(name, host.__doc__)
    skip = {
        "__name__",
        "__spec__",
        "__loader__",
        "__package__",
        "__file__",
        "__cached__",
    }
    module.__dict__.update((k, v) for k, v in vars(host).items() if k not in skip)
    module.__dict__.update(own)
    module.__package__ = "importlib"
    return module


def _make_bootstrap() -> types.ModuleType:
    return _overlay(
        "importlib._bootstrap",
        host_bootstrap,
        {
            "ModuleSpec": specs.ModuleSpec,
            "module_from_spec": specs.module_from_spec,
            "spec_from_loader": specs.spec_from_loader,
            "_init_module_attrs": specs.init_module_attrs,
            "_find_spec": _find_spec,
            "_find_and_load": lambda name, import_=None: core.find_and_load(name),
            "_gcd_import": core.gcd_import,
            "_handle_fromlist": _handle_fromlist,
            "_resolve_name": core.resolve_name,
            "_call_with_frames_removed": _call_with_frames_removed,
            "_load": _load,
            "_exec": lambda spec, module: core.exec_spec(spec, module),
            "_load_module_shim": core.load_module_shim,
            "__import__": ouro_import,
            "BuiltinImporter": finders.HostImporter,
            # importlib.abc finds each machinery class here again by its __name__.
            "HostImporter": finders.HostImporter,
            "OwnImporter": finders.OwnImporter,
        },
    )


def _make_external() -> types.ModuleType:
    return _overlay(
        "importlib._bootstrap_external",
        host_external,
        {
            "MAGIC_NUMBER": pycfile.MAGIC,
            "_RAW_MAGIC_NUMBER": int.from_bytes(pycfile.MAGIC, "little"),
            "SOURCE_SUFFIXES": specs.SOURCE_SUFFIXES,
            "BYTECODE_SUFFIXES": specs.BYTECODE_SUFFIXES,
            "EXTENSION_SUFFIXES": specs.EXTENSION_SUFFIXES,
            "cache_from_source": specs.cache_from_source,
            "source_from_cache": specs.source_from_cache,
            "spec_from_file_location": specs.spec_from_file_location,
            "_LoaderBasics": loaders.LoaderBasics,
            "SourceLoader": loaders.SourceLoader,
            "SourceFileLoader": loaders.SourceFileLoader,
            "SourcelessFileLoader": loaders.SourcelessFileLoader,
            "NamespaceLoader": loaders.NamespaceLoader,
            "_NamespaceLoader": loaders.NamespaceLoader,
            "_NamespacePath": loaders.NamespacePath,
            "PathFinder": finders.PathFinder,
            "FileFinder": finders.FileFinder,
            "_get_supported_file_loaders": finders.file_loader_details,
        },
    )


def _package_getattr(name: str) -> object:
    """``importlib.util`` / ``importlib.machinery`` without importing them first, as on
    CPython, whose start-up has imported them."""
    if name in ("util", "machinery"):
        return core.gcd_import(f"importlib.{name}")
    raise AttributeError(f"module 'importlib' has no attribute '{name}'")


def _link(bootstrap: types.ModuleType) -> types.ModuleType:
    """The two overlays name each other, as CPython's modules do."""
    external = own_module("importlib._bootstrap_external")
    bootstrap._bootstrap_external = external  # type: ignore[attr-defined]
    external._bootstrap = bootstrap  # type: ignore[attr-defined]
    return bootstrap


def _make_importlib() -> types.ModuleType:
    module = types.ModuleType("importlib", host_importlib.__doc__)
    module.__dict__.update(
        import_module=import_module,
        reload=reload,
        invalidate_caches=invalidate_caches,
        __import__=ouro_import,
        _bootstrap=own_module("importlib._bootstrap"),
        _bootstrap_external=own_module("importlib._bootstrap_external"),
        _pack_uint32=getattr(host_importlib, "_pack_uint32", None),
        _unpack_uint32=getattr(host_importlib, "_unpack_uint32", None),
        __getattr__=_package_getattr,
        __path__=list(host_importlib.__path__),
        __file__=host_importlib.__file__,
        __package__="importlib",
        __all__=["__import__", "import_module", "invalidate_caches", "reload"],
    )
    return module


def _make_zipimport() -> types.ModuleType:
    from ouro.importer import zipimporter

    return _alias("zipimport", zipimporter)


def _alias(name: str, source: types.ModuleType) -> types.ModuleType:
    module = types.ModuleType(name, source.__doc__)
    module.__dict__.update(
        (k, v) for k, v in vars(source).items() if not k.startswith("__")
    )
    return module


OWN: dict[str, Callable[[], types.ModuleType]] = {
    "importlib": _make_importlib,
    "importlib._bootstrap": lambda: _link(_make_bootstrap()),
    "importlib._bootstrap_external": _make_external,
    "zipimport": _make_zipimport,
}
ALIASES = {
    "_frozen_importlib": "importlib._bootstrap",
    "_frozen_importlib_external": "importlib._bootstrap_external",
}
_made: dict[str, types.ModuleType] = {}


def is_own(name: str) -> bool:
    from ouro.vm import own_modules

    return name in OWN or name in ALIASES or name in own_modules.OWN_MODULES


def own_module(name: str) -> types.ModuleType:
    """Ouro's module ``name`` (made once)."""
    from ouro.vm import own_modules

    name = ALIASES.get(name, name)
    module = _made.get(name)
    if module is None:
        make = OWN.get(name)
        if make is None:
            found = own_modules.find(name)
            assert found is not None, name
            return found
        module = _made[name] = make()
    return module
