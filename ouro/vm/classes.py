"""Class creation: Ouro's ``__build_class__`` (LOAD_BUILD_CLASS loads it, a CALL calls it).

Takes the class body function, the name, the bases and the keywords of a ``class`` statement;
resolves ``__mro_entries__``, picks the most derived metaclass, asks it for a namespace
(``__prepare__``), runs the body with that namespace as its locals mapping, calls the
metaclass, and checks the ``__class__`` cell the body returned (zero-argument ``super``).
The body runs in a nested loop: class statements nest as deep as the source does, not as deep
as recursion goes.
"""

from __future__ import annotations

import types
from collections.abc import Mapping

from ouro.vm import function


def build_class(*args: object, **keywords: object) -> object:
    """The ``__build_class__`` builtin: func, name, /, *bases, metaclass=..., **kwds."""
    if len(args) < 2:
        raise TypeError("__build_class__: not enough arguments")
    body, name, bases = args[0], args[1], args[2:]
    if not isinstance(body, function.Function):
        raise TypeError("__build_class__: func must be a function")
    if not isinstance(name, str):
        raise TypeError("__build_class__: name is not a string")
    orig_bases = bases
    bases = update_bases(bases)
    meta = keywords.pop("metaclass", None)
    if meta is None:
        meta = type(bases[0]) if bases else type
        meta = calculate_metaclass(meta, bases)
    elif isinstance(meta, type):
        meta = calculate_metaclass(meta, bases)
    namespace = prepare(meta, name, bases, keywords)
    if body._env is None:  # made from a deferred code object (function.py)
        body._prepare()
    env = body._env
    cell = function.run_frame(
        (env[0], env[1], env[2], env[3], namespace), body._template.copy()
    )
    if bases is not orig_bases:
        namespace["__orig_bases__"] = orig_bases  # type: ignore[index]
    implicit_method_kinds(namespace)
    cls = meta(name, bases, namespace, **keywords)  # type: ignore[operator]
    if isinstance(cls, type) and isinstance(cell, types.CellType):
        _check_class_cell(cell, cls, name)
    return cls


build_class.__name__ = build_class.__qualname__ = "__build_class__"


# type.__new__ makes these implicitly static or class methods, but only for host functions;
# Ouro's functions get the same treatment here (the Python reference, "Customizing class
# creation" and "Emulating generic types").
IMPLICIT_KINDS = (
    ("__new__", staticmethod),
    ("__init_subclass__", classmethod),
    ("__class_getitem__", classmethod),
)


def implicit_method_kinds(namespace: object) -> None:
    for key, kind in IMPLICIT_KINDS:
        if key in namespace:  # type: ignore[operator]
            value = namespace[key]  # type: ignore[index]
            if type(value) is function.Function:
                namespace[key] = kind(value)  # type: ignore[index]


def update_bases(bases: tuple[object, ...]) -> tuple[object, ...]:
    """Replace each non-class base by what its ``__mro_entries__`` returns."""
    result: list[object] | None = None
    for i, base in enumerate(bases):
        if isinstance(base, type):
            if result is not None:
                result.append(base)
            continue
        entries = getattr(base, "__mro_entries__", None)
        if entries is None:
            if result is not None:
                result.append(base)
            continue
        new = entries(bases)
        if not isinstance(new, tuple):
            raise TypeError("__mro_entries__ must return a tuple")
        if result is None:
            result = list(bases[:i])
        result.extend(new)
    return bases if result is None else tuple(result)


def calculate_metaclass(meta: type, bases: tuple[object, ...]) -> type:
    """The most derived of ``meta`` and the bases' metaclasses."""
    winner = meta
    for base in bases:
        kind = type(base)
        if issubclass(winner, kind):
            continue
        if issubclass(kind, winner):
            winner = kind
            continue
        raise TypeError(
            "metaclass conflict: the metaclass of a derived class must be a (non-strict)"
            " subclass of the metaclasses of all its bases"
        )
    return winner


def prepare(
    meta: object, name: str, bases: tuple[object, ...], keywords: dict[str, object]
) -> object:
    """The namespace from ``meta.__prepare__`` (a plain dict if it has none)."""
    method = getattr(meta, "__prepare__", None)
    if method is None:
        return {}
    namespace = method(name, bases, **keywords)
    if not isinstance(namespace, Mapping) and not hasattr(namespace, "__getitem__"):
        who = meta.__name__ if isinstance(meta, type) else "<metaclass>"
        raise TypeError(
            f"{who}.__prepare__() must return a mapping, not {type(namespace).__name__}"
        )
    return namespace


def _check_class_cell(cell: types.CellType, cls: type, name: str) -> None:
    try:
        contents = cell.cell_contents
    except ValueError:
        raise RuntimeError(
            f"__class__ not set defining {name!r} as {cls!r}. "
            "Was __classcell__ propagated to type.__new__?"
        ) from None
    if contents is not cls:
        raise TypeError(f"__class__ set to {contents!r} defining {name!r} as {cls!r}")
