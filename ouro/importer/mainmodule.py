"""``ouro -m NAME`` through Ouro's importer: find the module, get its code, make ``__main__``.

What runpy's ``_get_module_details`` does for CPython, with Ouro's machinery: the parent
packages are imported (and run) by Ouro, the module itself is found with Ouro's finders and its
code comes from its loader's ``get_code`` — through the .pyc cache, as CPython's ``-m`` does —
then runs as ``__main__`` (not imported under its own name).  A package runs its
``__main__`` submodule.  Errors carry runpy's texts (cli.py prints them after ``ouro:``).
"""

from __future__ import annotations

import types
from collections.abc import Callable

from ouro.importer import core


def find_spec(name: str) -> object:
    """``importlib.util.find_spec`` for an absolute name: the spec of an imported module,
    else the finders' (the parent package imported first)."""
    if name in core.MODULES:
        module = core.MODULES[name]
        if module is None:
            return None
        spec = getattr(module, "__spec__", None)
        if spec is None:
            raise ValueError(f"{name}.__spec__ is None")
        return spec
    parent = name.rpartition(".")[0]
    path = None
    if parent:
        package = core.find_and_load(parent)
        try:
            path = package.__path__  # type: ignore[attr-defined]
        except AttributeError as e:
            raise ModuleNotFoundError(
                f"__path__ attribute not found on {parent!r} while trying to find {name!r}",
                name=name,
            ) from e
    return core.find_spec(name, path)


def find_main(name: str, error: type[Exception]) -> tuple[object, object]:
    """(spec, code) of the module ``-m NAME`` runs; ``error`` with runpy's texts if none."""
    if name.startswith("."):
        raise error("Relative module names not supported")
    parent = name.rpartition(".")[0]
    if parent:
        try:
            core.find_and_load(parent)
        except ImportError as e:
            if e.name is None or (
                e.name != parent and not parent.startswith(e.name + ".")
            ):
                raise
    try:
        spec = find_spec(name)
    except (ImportError, AttributeError, TypeError, ValueError) as e:
        message = (
            f"Error while finding module specification for {name!r} "
            f"({type(e).__name__}: {e})"
        )
        if name.endswith(".py"):
            message += (
                f". Try using '{name[:-3]}' instead of '{name}' as the module name."
            )
        raise error(message) from e
    if spec is None:
        raise error(f"No module named {name}")
    if spec.submodule_search_locations is not None:  # type: ignore[attr-defined]
        if name == "__main__" or name.endswith(".__main__"):
            raise error("Cannot use package as __main__ module")
        try:
            return find_main(name + ".__main__", error)
        except error as e:
            if name not in core.MODULES:
                raise
            raise error(
                f"{e}; {name!r} is a package and cannot be directly executed"
            ) from None
    loader = spec.loader  # type: ignore[attr-defined]
    if loader is None:
        raise error(f"{name!r} is a namespace package and cannot be executed")
    try:
        code = loader.get_code(name)
    except ImportError as e:
        raise error(str(e)) from e
    if code is None:
        raise error(f"No code object available for {name}")
    return spec, code


def main_module(
    spec: object, make: Callable[..., types.ModuleType]
) -> types.ModuleType:
    """The ``__main__`` module for ``spec`` (made by cli.main_module)."""
    return make(
        spec.origin,  # type: ignore[attr-defined]
        __spec__=spec,
        __loader__=spec.loader,  # type: ignore[attr-defined]
        __package__=spec.parent,  # type: ignore[attr-defined]
        __cached__=spec.cached,  # type: ignore[attr-defined]
    )
