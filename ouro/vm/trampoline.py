"""Host functions standing in for Ouro functions, for host code that accepts nothing else.

An Ouro ``Function`` is a host callable (and ``isinstance(f, types.FunctionType)`` holds, by
its ``__class__``), but C code that tests the exact type (``PyFunction_Check``) refuses it.
In the 3.12 standard library the ones a program meets are ``BaseExceptionGroup.split`` and
``.subgroup``: their argument must be a function, an exception type or a tuple of exception
types, and anything else is a TypeError.  ``host_function(f)`` makes a genuine host function
that calls ``f``: one fixed host code object (``_CODE``, written here, never a program's)
with ``f`` in its closure cell, so making one costs a ``types.FunctionType`` call.

Where the conversion happens (the slow path, never an ordinary call):

* Converting arguments before every host call would tax the loop's commonest call (a
  builtin), and ``eg.split`` is found by a plain ``getattr`` in LOAD_ATTR, where a test for
  one method would tax every attribute load.  So host callables are called as they are.
* When such a call raises TypeError, the callee is looked up in ``INSISTS`` (a short table
  of the C functions that want host functions) and its arguments for Ouro functions: only
  then is the call made again with trampolines.  The untraced loop's CALL does it in
  ``loop.unwind`` (the exception path; ``retry_call`` puts the trampolines in the call's
  argument registers, which are temporaries, and the loop runs the CALL again), the other
  host calls (``loop.ouro_frame``, the traced loop's ``_host_call``: ``call_host``) in
  an ``except TypeError`` around the call, retrying after it.  These C functions check their argument
  before doing anything, so the first try had no effect.

Other C code of the 3.12 standard library that tests ``PyFunction_Check`` on what it is
given does not need this: ``type.__new__`` wraps a plain-function ``__new__``,
``__init_subclass__`` and ``__class_getitem__`` (Ouro's class creation does that itself),
``__build_class__`` and the compiler's intrinsics are Ouro's own, and ``pickle``/``copy``
go through ``Function.__reduce__``.
"""

from __future__ import annotations

import types
from typing import Any

from ouro.bytecode import opcodes
from ouro.bytecode.code import Code
from ouro.vm.function import Function


def _trampoline_code() -> types.CodeType:
    function: Any = None

    def trampoline(*args: object, **kwargs: object) -> object:
        return function(*args, **kwargs)

    return trampoline.__code__


# The code of every trampoline; its one free variable holds the Ouro function.
_CODE = _trampoline_code()


def host_function(func: Function) -> types.FunctionType:
    """A host function calling ``func``, with its name, docstring and signature."""
    host = types.FunctionType(
        _CODE, globals(), func.__name__, None, (types.CellType(func),)
    )
    host.__qualname__ = func.__qualname__
    host.__doc__ = func.__doc__  # type: ignore[assignment]
    host.__module__ = func.__module__  # type: ignore[assignment]
    host.__wrapped__ = func  # type: ignore[attr-defined]  # inspect.signature follows it
    return host


# The host callables whose arguments must be host functions (see the module docstring).
INSISTS: tuple[object, ...] = (BaseExceptionGroup.split, BaseExceptionGroup.subgroup)
_INSISTS = frozenset(map(id, INSISTS))


def insists(f: object) -> bool:
    """``f`` is (a bound form of) one of ``INSISTS``."""
    if type(f) is types.BuiltinMethodType:  # bound: eg.split
        f = getattr(type(f.__self__), f.__name__, None)
    return id(f) in _INSISTS


def host_arguments(
    f: object, args: tuple[object, ...] | list[object], kwargs: dict[str, object]
) -> tuple[list[object], dict[str, object]] | None:
    """The arguments with trampolines for Ouro functions, if ``f`` wants them; else None."""
    if not insists(f):
        return None
    if not any(type(x) is Function for x in (*args, *kwargs.values())):
        return None
    return (
        [host_function(x) if type(x) is Function else x for x in args],
        {k: host_function(v) if type(v) is Function else v for k, v in kwargs.items()},
    )


def call_host(
    f: Any, args: tuple[object, ...] | list[object], kwargs: dict[str, object]
) -> object:
    """``f(*args, **kwargs)``, again with trampolines if ``f`` refused an Ouro function."""
    try:
        return f(*args, **kwargs)
    except TypeError:
        retry = host_arguments(f, args, kwargs)
        if retry is None:
            raise
    return f(*retry[0], **retry[1])  # outside the handler: no implicit __context__


CALL = opcodes.BY_NAME["CALL"].number


def retry_call(code: Code, inst: tuple[Any, ...], r: list[object]) -> bool:
    """Instruction ``inst`` raised TypeError: if it is a CALL of one of ``INSISTS`` with
    Ouro functions among its arguments, put trampolines in their registers and say so (the
    loop then runs the call again)."""
    op, _, b, c = inst[:4]
    if op != CALL or not insists(r[b]):
        return False
    regs = [i for i in range(b + 1, b + 1 + c) if type(r[i]) is Function]
    # Only temporaries: a register of a variable would change what the program sees.
    if not regs or not all(code.temp_base <= i < code.const_base for i in regs):
        return False
    for i in regs:
        r[i] = host_function(r[i])  # type: ignore[arg-type]
    return True
