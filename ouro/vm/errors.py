"""The slow and error paths of opcodes, with CPython 3.12's exceptions and messages.

Each function here is what one opcode does when its inline case cannot finish (a missing name,
a bad unpack, an argument that is not a mapping...). Messages are checked against CPython 3.12
by the tests in tests/vm/.
"""

from __future__ import annotations

import sys
import types
from collections.abc import Iterable

from ouro.bytecode.code import Code

# --- names and cells ------------------------------------------------------------------------


def name_error(name: object) -> NameError:
    return NameError(f"name '{name}' is not defined", name=name)


def unbound_local(code: Code, reg: int) -> UnboundLocalError:
    name = code.register_name(reg)
    return UnboundLocalError(
        f"cannot access local variable '{name}' where it is not associated with a value"
    )


def empty_cell(code: Code, reg: int) -> NameError:
    """LOAD_DEREF/DELETE_DEREF of an empty cell: a free variable or a local one."""
    if code.free_base <= reg < code.temp_base:
        name = code.register_name(reg)
        return NameError(
            f"cannot access free variable '{name}' where it is not associated with a"
            " value in enclosing scope",
            name=name,
        )
    return unbound_local(code, reg)


# --- calls ----------------------------------------------------------------------------------


def function_str(func: object) -> str:
    """How CPython names a callable in call errors: ``module.qualname()``."""
    qualname = getattr(func, "__qualname__", None)
    if not isinstance(qualname, str):
        return f"{type(func).__name__} object"
    module = getattr(func, "__module__", None)
    if isinstance(module, str) and module != "builtins":
        return f"{module}.{qualname}()"
    return f"{qualname}()"


def star_args(func: object, args: object) -> tuple[object, ...]:
    """CALL_EX's positional part as a tuple."""
    if type(args) is tuple:
        return args
    try:
        return tuple(args)  # type: ignore[call-overload]
    except TypeError:
        if not isinstance(args, Iterable) and not hasattr(args, "__getitem__"):
            raise TypeError(
                f"{function_str(func)} argument after * must be an iterable,"
                f" not {type(args).__name__}"
            ) from None
        raise


def star_kwargs(func: object, kwargs: object) -> dict[str, object]:
    """CALL_EX's keyword part as a new dict with string keys."""
    if type(kwargs) is not dict:
        merged: dict[str, object] = {}
        dict_merge(merged, kwargs, func)
        kwargs = merged
    for key in kwargs:  # type: ignore[attr-defined]
        if type(key) is not str and not isinstance(key, str):
            raise TypeError("keywords must be strings")
    return kwargs  # type: ignore[return-value]


def dict_merge(target: dict[object, object], source: object, func: object) -> None:
    """DICT_MERGE: ``**source`` into a call's keywords; a repeated key is an error."""
    if not hasattr(source, "keys"):
        raise TypeError(
            f"{function_str(func)} argument after ** must be a mapping,"
            f" not {type(source).__name__}"
        )
    for key in source.keys():  # noqa: SIM118 (the mapping protocol CPython uses)
        if key in target:
            # CPython 3.12 names a repeated key even when it is not a string.
            raise TypeError(
                f"{function_str(func)} got multiple values for keyword argument '{key}'"
            )
        target[key] = source[key]  # type: ignore[index]


def dict_update(target: dict[object, object], source: object) -> None:
    """DICT_UPDATE: ``**source`` in a dict display."""
    if not hasattr(source, "keys"):
        raise TypeError(f"'{type(source).__name__}' object is not a mapping")
    target.update(source)  # type: ignore[call-overload]


def list_extend(target: list[object], source: object) -> None:
    """LIST_EXTEND: ``*source`` in a display."""
    try:
        target.extend(source)  # type: ignore[call-overload]
    except TypeError:
        if not isinstance(source, Iterable) and not hasattr(source, "__getitem__"):
            raise TypeError(
                f"Value after * must be an iterable, not {type(source).__name__}"
            ) from None
        raise


# --- unpacking ------------------------------------------------------------------------------


def _iterate(value: object) -> Iterable[object]:
    try:
        return iter(value)  # type: ignore[call-overload, no-any-return]
    except TypeError:
        if not hasattr(type(value), "__iter__") and not hasattr(
            type(value), "__getitem__"
        ):
            raise TypeError(
                f"cannot unpack non-iterable {type(value).__name__} object"
            ) from None
        raise


def unpack(value: object, count: int) -> list[object]:
    """UNPACK_SEQUENCE's general case: exactly ``count`` values."""
    it = iter(_iterate(value))
    values = []
    for item in it:
        if len(values) == count:
            raise ValueError(f"too many values to unpack (expected {count})")
        values.append(item)
    if len(values) < count:
        raise ValueError(
            f"not enough values to unpack (expected {count}, got {len(values)})"
        )
    return values


def unpack_ex(value: object, before: int, after: int) -> list[object]:
    """UNPACK_EX: ``before`` values, the starred list, ``after`` values."""
    values = list(_iterate(value))
    if len(values) < before + after:
        raise ValueError(
            f"not enough values to unpack (expected at least {before + after},"
            f" got {len(values)})"
        )
    end = len(values) - after
    return [*values[:before], values[before:end], *values[end:]]


# --- raising and catching -------------------------------------------------------------------


def exception_instance(value: object) -> BaseException:
    """RAISE's operand as an exception instance (a class is called without arguments)."""
    if isinstance(value, type) and issubclass(value, BaseException):
        exc = value()
        if not isinstance(exc, BaseException):
            raise TypeError(
                f"calling {value!r} should have returned an instance of BaseException,"
                f" not {type(exc).__name__}"
            )
        return exc
    if isinstance(value, BaseException):
        return value
    raise TypeError("exceptions must derive from BaseException")


def exception_cause(value: object) -> BaseException | None:
    """The operand of ``raise ... from cause``."""
    if value is None:
        return None
    if isinstance(value, type) and issubclass(value, BaseException):
        return value()
    if isinstance(value, BaseException):
        return value
    raise TypeError("exception causes must derive from BaseException")


def check_except_type(kind: object) -> None:
    """CHECK_EXC_MATCH: what follows ``except`` must be exception classes."""
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for item in kinds:
        if not (isinstance(item, type) and issubclass(item, BaseException)):
            raise TypeError(
                "catching classes that do not inherit from BaseException is not allowed"
            )


def exception_group_match(exc: object, kind: object) -> tuple[object, object]:
    """CHECK_EG_MATCH: (rest, match) of ``except* kind`` applied to ``exc``."""
    check_except_type(kind)
    kinds = kind if isinstance(kind, tuple) else (kind,)
    for item in kinds:
        if issubclass(item, BaseExceptionGroup):
            raise TypeError(
                "catching ExceptionGroup with except* is not allowed. "
                "Use except instead."
            )
    if exc is None:
        return None, None
    if isinstance(exc, kind):  # type: ignore[arg-type]
        if isinstance(exc, BaseExceptionGroup):
            return None, exc
        group = BaseExceptionGroup("", (exc,))  # type: ignore[type-var]
        return None, group
    if isinstance(exc, BaseExceptionGroup):
        match, rest = exc.split(kind)  # type: ignore[arg-type]
        return rest, match
    return exc, None


def lookup_special(obj: object, name: str) -> object:
    """``type(obj).name`` bound to obj, as the interpreter looks up dunder methods."""
    for klass in type(obj).__mro__:
        if name in klass.__dict__:
            attr = klass.__dict__[name]
            get = getattr(type(attr), "__get__", None)
            return attr if get is None else get(attr, obj, type(obj))
    return None


def with_enter(manager: object, is_async: bool) -> tuple[object, object]:
    """WITH_ENTER: (bound __exit__, result of __enter__), or the async pair."""
    enter_name, exit_name = (
        ("__aenter__", "__aexit__") if is_async else ("__enter__", "__exit__")
    )
    protocol = "asynchronous context manager" if is_async else "context manager"
    enter = lookup_special(manager, enter_name)
    if enter is None:
        raise TypeError(
            f"'{type(manager).__name__}' object does not support the {protocol} protocol"
        )
    exit = lookup_special(manager, exit_name)
    if exit is None:
        raise TypeError(
            f"'{type(manager).__name__}' object does not support the {protocol}"
            f" protocol (missed {exit_name} method)"
        )
    return exit, enter()  # type: ignore[operator]


# --- async ----------------------------------------------------------------------------------


def get_awaitable(value: object, where: int) -> object:
    """GET_AWAITABLE: the iterator behind ``await value``."""
    from ouro.vm.generator import Coroutine, Generator

    if isinstance(value, (Coroutine, types.CoroutineType)):
        if (
            type(value) is Coroutine
            and value._started
            and value._delegate() is not None
        ):
            # Suspended in an await of its own: another await would run it twice.
            raise RuntimeError("coroutine is being awaited already")
        return value
    if isinstance(value, (Generator, types.GeneratorType)) and (
        value.gi_code.co_flags & 0x100  # CO_ITERABLE_COROUTINE: @types.coroutine
    ):
        return value
    method = lookup_special(value, "__await__")
    if method is None:
        if where == 1:
            raise TypeError(
                "'async with' received an object from __aenter__ that does not"
                f" implement __await__: {type(value).__name__}"
            )
        if where == 2:
            raise TypeError(
                "'async with' received an object from __aexit__ that does not"
                f" implement __await__: {type(value).__name__}"
            )
        raise TypeError(
            f"object {type(value).__name__} can't be used in 'await' expression"
        )
    it = method()  # type: ignore[operator]
    if isinstance(it, (Coroutine, types.CoroutineType)):
        raise TypeError("__await__() returned a coroutine")
    if not hasattr(it, "__next__"):
        raise TypeError(
            f"__await__() returned non-iterator of type '{type(it).__name__}'"
        )
    return it


def get_aiter(value: object) -> object:
    method = lookup_special(value, "__aiter__")
    if method is None:
        raise TypeError(
            "'async for' requires an object with __aiter__ method,"
            f" got {type(value).__name__}"
        )
    it = method()  # type: ignore[operator]
    if lookup_special(it, "__anext__") is None:
        raise TypeError(
            "'async for' received an object from __aiter__ that does not implement"
            f" __anext__: {type(it).__name__}"
        )
    return it


def get_anext(value: object) -> object:
    method = lookup_special(value, "__anext__")
    if method is None:
        raise TypeError(
            "'async for' requires an iterator with __anext__ method,"
            f" got {type(value).__name__}"
        )
    awaitable = method()  # type: ignore[operator]
    try:
        return get_awaitable(awaitable, 0)
    except TypeError:
        raise TypeError(
            "'async for' received an invalid object from __anext__:"
            f" {type(awaitable).__name__}"
        ) from None


# --- imports --------------------------------------------------------------------------------


def import_from(module: object, name: str) -> object:
    """IMPORT_FROM: an attribute of the module, else its submodule, else ImportError."""
    try:
        return getattr(module, name)
    except AttributeError:
        pass
    module_name = getattr(module, "__name__", None)
    if isinstance(module_name, str):
        found = sys.modules.get(f"{module_name}.{name}")
        if found is not None:
            return found
    else:
        module_name = "<unknown module name>"
    where = getattr(module, "__file__", None) or "unknown location"
    error = ImportError(
        f"cannot import name '{name}' from '{module_name}' ({where})",
        name=module_name,
        path=getattr(module, "__file__", None),
    )
    error.name_from = name  # as CPython 3.12's: traceback suggests a close name from it
    raise error


def import_star(module: object, namespace: object) -> None:
    """IMPORT_STAR: bind the module's public names (``__all__`` if it has one)."""
    names = getattr(module, "__all__", None)
    public_only = names is None
    if names is None:
        names = module.__dict__.keys()
    for name in list(names):
        if not isinstance(name, str):
            kind = "__all__" if not public_only else "__dict__"
            raise TypeError(
                f"Item in {module.__name__}.{kind} must be str,"  # type: ignore[attr-defined]
                f" not {type(name).__name__}"
            )
        if public_only and name.startswith("_"):
            continue
        namespace[name] = getattr(module, name)  # type: ignore[index]


# --- pattern matching -----------------------------------------------------------------------

_TPFLAGS_MATCH_SELF = 1 << 22
_TPFLAGS_HEAPTYPE = 1 << 9
_MISSING = object()


def _type_name(cls: type) -> str:
    """The type's C-level name, as CPython's MATCH_CLASS messages print it: the bare name
    of a class made by a class statement or of a builtin, ``module.name`` for another
    static type (``collections.OrderedDict``)."""
    if cls.__flags__ & _TPFLAGS_HEAPTYPE or cls.__module__ == "builtins":
        return cls.__name__
    return f"{cls.__module__}.{cls.__name__}"


def match_class(
    subject: object, cls: object, count: int, names: tuple[str, ...]
) -> tuple[object, ...] | None:
    """MATCH_CLASS: the matched attributes, or None if ``subject`` does not match."""
    if not isinstance(cls, type):
        raise TypeError("called match pattern must be a class")
    if not isinstance(subject, cls):
        return None
    seen: set[str] = set()
    attrs: list[object] = []
    if count:
        match_args = getattr(cls, "__match_args__", _MISSING)
        match_self = False
        if match_args is _MISSING:
            match_self = bool(cls.__flags__ & _TPFLAGS_MATCH_SELF)
            allowed = 1 if match_self else 0
            match_args = ()
        elif type(match_args) is not tuple:
            raise TypeError(
                f"{_type_name(cls)}.__match_args__ must be a tuple"
                f" (got {_type_name(type(match_args))})"
            )
        else:
            allowed = len(match_args)
        if allowed < count:
            plural = "" if allowed == 1 else "s"
            raise TypeError(
                f"{_type_name(cls)}() accepts {allowed} positional sub-pattern{plural}"
                f" ({count} given)"
            )
        if match_self:
            attrs.append(subject)
        else:
            for name in match_args[:count]:  # type: ignore[index]
                if type(name) is not str:
                    raise TypeError(
                        "__match_args__ elements must be strings"
                        f" (got {_type_name(type(name))})"
                    )
                if not _match_attr(subject, cls, name, seen, attrs):
                    return None
    for name in names:
        if not _match_attr(subject, cls, name, seen, attrs):
            return None
    return tuple(attrs)


def _match_attr(
    subject: object, cls: type, name: str, seen: set[str], attrs: list[object]
) -> bool:
    if name in seen:
        raise TypeError(
            f"{_type_name(cls)}() got multiple sub-patterns for attribute {name!r}"
        )
    seen.add(name)
    try:
        attrs.append(getattr(subject, name))
    except AttributeError:
        return False
    return True


def match_keys(subject: object, keys: tuple[object, ...]) -> tuple[object, ...] | None:
    """MATCH_KEYS: the values for ``keys``, or None if one is missing.

    As CPython does, through ``subject.get(key, sentinel)`` (a defaultdict's __missing__
    is not called), and keys seen in a set (an unhashable key is a TypeError)."""
    if not keys:
        return ()
    get = subject.get  # type: ignore[attr-defined]
    seen: set[object] = set()
    missing = object()
    values = []
    for key in keys:
        if key in seen:
            raise ValueError(f"mapping pattern checks duplicate key ({key!r})")
        seen.add(key)
        value = get(key, missing)
        if value is missing:
            return None
        values.append(value)
    return tuple(values)
