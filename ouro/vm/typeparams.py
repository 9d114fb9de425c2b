"""PEP 695 objects: the type parameters of generics and ``type`` aliases (INTRINSIC).

Python 3.12 evaluates a TypeVar's bound or constraints and an alias's value lazily, on first
use, so they may name things defined later (``class Node[T: Tree]``, ``type L = list[L]``).
The objects a program gets must be the host's own ``typing.TypeVar``, ``ParamSpec``,
``TypeVarTuple`` and ``TypeAliasType`` (``typing`` checks for them by type), and the host can
make those lazy only from its own compiler's code: their constructors take the bound or value
eagerly and the types cannot be subclassed.  So on a 3.12+ host Ouro writes a small fixed
template, e.g. for ``def f[T: B, *Ts]``::

    def _make(_ouro_bounds):
        def _f[T: _ouro_bounds[0](), *Ts](): pass
        return _f.__type_params__

compiles it with the host once per shape (the parameters' kinds, names and constraint
counts; names are identifiers the parser accepted), and calls it with the bound functions.
No expression of the program is in a template: each bound, constraint tuple and alias value
is an Ouro function (of the annotation scope Ouro's compiler made) that the host calls back
when the value is first asked for.  The template's globals carry the program module's
``__name__``, which the host records as the objects' ``__module__``.

On a 3.11 host (no PEP 695 in the host) bounds are evaluated at once and aliases are Ouro's
own ``TypeAliasType`` with a lazy ``__value__``.
"""

from __future__ import annotations

import sys
import types
import typing
from collections.abc import Callable, Sequence
from typing import Any

# A parameter's shape: (kind, name, bound) where kind is "TypeVar", "TypeVarTuple" or
# "ParamSpec" and bound is NO_BOUND, BOUND, or the number of constraints.
Spec = tuple[tuple[str, str, int], ...]
NO_BOUND = -1
BOUND = -2

HOST_HAS_PEP695 = sys.version_info >= (3, 12)

_templates: dict[tuple[object, ...], types.CodeType] = {}


def type_params(
    spec: Spec, bounds: Sequence[Callable[[], object]], module: str | None
) -> tuple[Any, ...]:
    """INTRINSIC TYPE_PARAMS: the type parameter objects of a generic def or class."""
    if not HOST_HAS_PEP695:
        return _eager_params(spec, bounds)
    make = _template(("params", spec), _params_source(spec), module)
    return make(_lazy(spec, bounds))  # type: ignore[no-any-return]


def type_alias(
    name: str, spec: Spec, functions: Sequence[Callable[[], object]], module: str | None
) -> object:
    """INTRINSIC TYPE_ALIAS: ``type name[spec] = value``; functions = (value, *bounds)."""
    value, bounds = functions[0], functions[1:]
    if not HOST_HAS_PEP695:
        return TypeAliasType(name, _eager_params(spec, bounds), value, module)
    make = _template(("alias", name, spec), _alias_source(name, spec), module)
    return make(value, _lazy(spec, bounds))


def named_after(made: Any, module: str | None) -> object:
    """INTRINSIC CALLER_MODULE: ``made`` (by a host callable that named it after its
    caller's module, which was the VM's) named after ``module`` instead.  A TypeAliasType's
    ``__module__`` cannot be set: it is made again, by a call from a host function whose
    module is ``module``, as the C constructor reads it off its caller."""
    try:
        made.__module__ = module
        return made
    except (AttributeError, TypeError):
        pass
    if HOST_HAS_PEP695 and type(made) is typing.TypeAliasType:  # type: ignore[attr-defined]
        call = _template(("call", ()), _CALL_SOURCE, module)
        return call(
            typing.TypeAliasType,  # type: ignore[attr-defined]
            made.__name__,
            made.__value__,
            type_params=made.__type_params__,
        )
    return made


def subscript_generic(params: tuple[Any, ...]) -> object:
    """INTRINSIC SUBSCRIPT_GENERIC: the ``Generic[...]`` base a generic class gets."""
    unpacked = tuple(
        typing.Unpack[p] if isinstance(p, typing.TypeVarTuple) else p for p in params
    )
    alias = typing._GenericAlias  # type: ignore[attr-defined]
    return alias(typing.Generic, unpacked)


# --- templates (3.12+ hosts) ---------------------------------------------------------------


def _fresh(base: str, taken: set[str]) -> str:
    while base in taken:
        base += "_"
    return base


def _param_text(spec: Spec, bounds: str) -> str:
    parts = []
    index = 0
    for kind, name, bound in spec:
        if kind == "TypeVarTuple":
            parts.append("*" + name)
        elif kind == "ParamSpec":
            parts.append("**" + name)
        elif bound == NO_BOUND:
            parts.append(name)
        elif bound == BOUND:
            parts.append(f"{name}: {bounds}[{index}]()")
            index += 1
        else:  # constraints: one tuple display, its items read from one (cached) call
            items = "".join(f"{bounds}[{index}]()[{i}], " for i in range(bound))
            parts.append(f"{name}: ({items})")
            index += 1
    return ", ".join(parts)


def _params_source(spec: Spec) -> str:
    taken = {name for _, name, _ in spec}
    bounds, func = _fresh("_ouro_bounds", taken), _fresh("_ouro_f", taken)
    return (
        f"def _make({bounds}):\n"
        f"    def {func}[{_param_text(spec, bounds)}](): pass\n"
        f"    return {func}.__type_params__\n"
    )


def _alias_source(name: str, spec: Spec) -> str:
    taken = {p for _, p, _ in spec} | {name}
    bounds, value = _fresh("_ouro_bounds", taken), _fresh("_ouro_value", taken)
    params = f"[{_param_text(spec, bounds)}]" if spec else ""
    return (
        f"def _make({value}, {bounds}):\n"
        f"    type {name}{params} = {value}()\n"
        f"    return {name}\n"
    )


_CALL_SOURCE = "def _make(f, /, *args, **kwargs):\n    return f(*args, **kwargs)\n"


def _template(
    key: tuple[object, ...], source: str, module: str | None
) -> Callable[..., Any]:
    code = _templates.get(key)
    if code is None:
        for _, name, _ in key[-1]:  # type: ignore[attr-defined]
            assert name.isidentifier(), name
        host_compile = (
            compile  # host-ok: only Ouro's fixed templates (see the docstring)
        )
        code = _templates[key] = host_compile(source, "<ouro typeparams>", "exec")
    namespace: dict[str, Any] = {"__name__": module}
    exec(code, namespace)  # noqa: S102 host-ok: runs the template above (defines _make)
    return namespace["_make"]  # type: ignore[no-any-return]


def _lazy(
    spec: Spec, bounds: Sequence[Callable[[], object]]
) -> list[Callable[[], object]]:
    """The bound functions, those of constraint tuples made to run once."""
    kinds = [
        bound for kind, _, bound in spec if kind == "TypeVar" and bound != NO_BOUND
    ]
    return [f if k == BOUND else _once(f) for k, f in zip(kinds, bounds, strict=True)]


def _once(function: Callable[[], object]) -> Callable[[], object]:
    result: list[object] = []

    def run() -> object:
        if not result:
            result.append(function())
        return result[0]

    return run


# --- 3.11 hosts ------------------------------------------------------------------------------


def _eager_params(
    spec: Spec, bounds: Sequence[Callable[[], object]]
) -> tuple[Any, ...]:
    params: list[Any] = []
    pending = iter(bounds)
    for kind, name, bound in spec:
        if kind == "TypeVarTuple":
            params.append(typing.TypeVarTuple(name))
        elif kind == "ParamSpec":
            params.append(typing.ParamSpec(name))
        elif bound == NO_BOUND:
            params.append(typing.TypeVar(name))
        elif bound == BOUND:
            params.append(typing.TypeVar(name, bound=next(pending)()))  # type: ignore[misc]
        else:
            params.append(typing.TypeVar(name, *next(pending)()))  # type: ignore[misc]
    return tuple(params)


class TypeAliasType:
    """``type X = ...`` on a host without ``typing.TypeAliasType``: a lazy value."""

    def __init__(
        self,
        name: str,
        params: tuple[Any, ...],
        compute: Callable[[], object],
        module: str,
    ) -> None:
        self.__name__ = name
        self.__type_params__ = params
        self.__parameters__ = params
        self.__module__ = module
        self._compute = compute
        self._value: list[object] = []

    @property
    def __value__(self) -> object:
        if not self._value:
            self._value.append(self._compute())
        return self._value[0]

    def __getitem__(self, args: object) -> object:
        if not self.__type_params__:
            raise TypeError("Only generic type aliases are subscriptable")
        return types.GenericAlias(self, args if isinstance(args, tuple) else (args,))

    def __or__(self, other: object) -> object:
        return typing.Union[self, other]  # noqa: UP007 - the host's Union of an alias

    def __ror__(self, other: object) -> object:
        return typing.Union[other, self]  # noqa: UP007 - as above

    def __repr__(self) -> str:
        return self.__name__
