"""Async generators: ``async def`` functions with ``yield`` (code flag CO_ASYNC_GENERATOR).

An ``AsyncGenerator`` owns its frame as a generator does (``generator._FrameOwner``), but its
frame suspends for two reasons: an ``await`` inside it (a YIELD_VALUE right after a SEND, see
codegen), whose value must travel up to the event loop untouched, and a ``yield``, whose value
is the result of the ``__anext__()``/``asend()`` awaitable. CPython tells them apart by
wrapping yielded values; Ouro looks at the instruction the frame stopped after
(``_at_await``). The awaitables ``__anext__``/``asend``/``athrow``/``aclose`` return
(``AsyncGenASend``, ``AsyncGenAThrow``) turn a ``yield`` into ``StopIteration(value)`` (the
await's result), and the frame's end into ``StopAsyncIteration``.

Hooks (PEP 525): the first ``__anext__``/``asend``/``athrow``/``aclose`` calls the
``firstiter`` of ``sys.get_asyncgen_hooks()`` — the host's, which asyncio's loop sets — and
keeps its ``finalizer``, which a collected unfinished generator is handed to (asyncio then
schedules its ``aclose()``, and ``shutdown_asyncgens`` closes the rest).
"""

from __future__ import annotations

import sys
import types

from ouro.bytecode.code import HostKind
from ouro.vm.generator import (
    FINISHED,
    WORLD,
    _FrameOwner,
    thrown_exception,
    warn_in_caller,
    write_unraisable,
)

# The awaitables' states (CPython's AWAITABLE_STATE_*).
INIT, ITER, CLOSED = 0, 1, 2


class AsyncGenerator(_FrameOwner, metaclass=HostKind, host=types.AsyncGeneratorType):
    """An Ouro async generator: ``async for`` and the asend/athrow/aclose awaitables."""

    __slots__ = ("_closed", "_finalizer", "_hooks_inited", "_running_async")
    _kind = "async generator"
    _stops = (StopIteration, StopAsyncIteration)

    def __init__(self, env: tuple, registers: list[object], pc: int) -> None:  # type: ignore[type-arg]
        _FrameOwner.__init__(self, env, registers, pc)
        self._closed = False  # CPython's ag_closed: aclose() began, or the end was seen
        self._running_async = False  # an asend/athrow awaitable is in progress
        self._hooks_inited = False
        self._finalizer: object = None

    def _finished_error(self) -> None:
        raise StopAsyncIteration

    def _returned(self, value: object) -> None:
        raise StopAsyncIteration

    def _at_await(self) -> bool:
        """Suspended inside an ``await`` (not at a ``yield``)."""
        return self._send_instruction() is not None

    def _step(self, value: object, exc: BaseException | None, genexit: bool) -> object:
        """Resume once, then what the awaitable does: an await's value passes up, a
        ``yield`` becomes StopIteration(value), the end StopAsyncIteration (CPython's
        ``async_gen_unwrap_value``)."""
        try:
            if exc is None:
                result = self._send(value)
            else:
                result = self._throw(exc, genexit)
        except BaseException as error:
            if isinstance(error, (StopAsyncIteration, GeneratorExit)):
                self._closed = True
            self._running_async = False
            raise
        if self._at_await():
            return result
        self._running_async = False
        raise StopIteration(result)

    def _init_hooks(self) -> None:
        """The first asend/athrow/aclose: call firstiter, keep the finalizer (PEP 525)."""
        if self._hooks_inited:
            return
        self._hooks_inited = True
        firstiter, finalizer = sys.get_asyncgen_hooks()
        self._finalizer = finalizer
        if firstiter is not None:
            firstiter(self)

    # --- the async iteration protocol ---

    def __aiter__(self) -> AsyncGenerator:
        return self

    def __anext__(self) -> AsyncGenASend:
        self._init_hooks()
        return AsyncGenASend(self, None)

    def asend(self, value: object) -> AsyncGenASend:
        self._init_hooks()
        return AsyncGenASend(self, value)

    def athrow(self, *args: object) -> AsyncGenAThrow:
        if len(args) > 1:
            warn_in_caller(
                "the (type, exc, tb) signature of athrow() is deprecated,"
                " use the single-arg signature instead.",
                DeprecationWarning,
            )
        self._init_hooks()
        return AsyncGenAThrow(self, args)

    def aclose(self) -> AsyncGenAThrow:
        self._init_hooks()
        return AsyncGenAThrow(self, None)

    def __del__(self) -> None:
        if self._finished:
            return
        finalizer = self._finalizer
        if finalizer is not None and not self._closed:
            try:
                finalizer(self)  # type: ignore[operator]
            except BaseException as exc:  # noqa: BLE001 - a finalizer reports, never raises
                write_unraisable(exc, self)
            return
        _FrameOwner.__del__(self)

    # --- introspection ---

    @property
    def __class__(self) -> type:  # type: ignore[override]
        # inspect.isasyncgen: see Generator.__class__
        return types.AsyncGeneratorType if WORLD.host else AsyncGenerator

    @property
    def ag_code(self) -> object:
        return self._env[0]

    @property
    def ag_running(self) -> bool:
        return self._running_async

    @property
    def ag_suspended(self) -> bool:
        return self._started and self._pc != FINISHED and not self._running

    @property
    def ag_frame(self) -> object:
        return self._frame_view()

    @property
    def ag_await(self) -> object:
        return self._delegate()


class _Step:
    """An awaitable that is its own iterator: each ``send`` runs one step (asend/athrow)."""

    __slots__ = ()

    def __await__(self) -> _Step:
        return self

    def __iter__(self) -> _Step:
        return self

    def __next__(self) -> object:
        return self.send(None)

    def send(self, value: object) -> object:
        raise NotImplementedError


class AsyncGenASend(_Step):
    """What ``__anext__()`` and ``asend(value)`` return: one step of the generator."""

    __slots__ = ("_gen", "_state", "_value")

    def __init__(self, gen: AsyncGenerator, value: object) -> None:
        self._gen, self._value, self._state = gen, value, INIT

    def send(self, value: object) -> object:
        gen = self._gen
        if self._state == CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        if self._state == INIT:
            if gen._running_async:
                raise RuntimeError("anext(): asynchronous generator is already running")
            if value is None:
                value = self._value
            self._state = ITER
        gen._running_async = True
        try:
            return gen._step(value, None, True)
        except BaseException:
            self._state = CLOSED
            raise

    def throw(self, *args: object) -> object:
        if self._state == CLOSED:
            raise RuntimeError("cannot reuse already awaited __anext__()/asend()")
        exc = thrown_exception("throw", args)
        try:
            return self._gen._step(None, exc, True)
        except BaseException:
            self._state = CLOSED
            raise

    def close(self) -> None:
        self._state = CLOSED

    def __repr__(self) -> str:
        return f"<async_generator_asend object at {id(self):#x}>"


class AsyncGenAThrow(_Step):
    """What ``athrow(...)`` and ``aclose()`` (``args`` None) return."""

    __slots__ = ("_args", "_gen", "_state")

    def __init__(self, gen: AsyncGenerator, args: tuple[object, ...] | None) -> None:
        self._gen, self._args, self._state = gen, args, INIT

    def send(self, value: object) -> object:
        gen = self._gen
        if self._state == CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        if gen._finished:
            self._state = CLOSED
            raise StopIteration
        if self._state == INIT:
            return self._start(value)
        if self._args is not None:
            return gen._step(value, None, False)
        try:
            return self._closing(gen._send(value))
        except BaseException as exc:
            self._check_error(exc)
            raise

    def _start(self, value: object) -> object:
        gen = self._gen
        if gen._running_async:
            self._state = CLOSED
            which = "athrow" if self._args is not None else "aclose"
            raise RuntimeError(f"{which}(): asynchronous generator is already running")
        if gen._closed:
            self._state = CLOSED
            raise StopAsyncIteration
        if value is not None:
            raise RuntimeError("can't send non-None value to a just-started coroutine")
        self._state = ITER
        gen._running_async = True
        try:
            if self._args is not None:
                exc = thrown_exception("athrow", self._args, warn=False)
                return gen._step(None, exc, False)
            gen._closed = True
            return self._closing(gen._throw(GeneratorExit(), False))
        except BaseException as exc:
            self._check_error(exc)
            raise

    def _closing(self, result: object) -> object:
        """aclose(): an await inside the generator passes up; a yield is an error."""
        if self._gen._at_await():
            return result
        raise RuntimeError("async generator ignored GeneratorExit")

    def _check_error(self, exc: BaseException) -> None:
        """The step failed: this awaitable is done; for aclose() the generator's end is
        success (StopIteration), not StopAsyncIteration or GeneratorExit."""
        self._gen._running_async = False
        self._state = CLOSED
        if self._args is None and isinstance(exc, (StopAsyncIteration, GeneratorExit)):
            raise StopIteration from None

    def throw(self, *args: object) -> object:
        if self._state == CLOSED:
            raise RuntimeError("cannot reuse already awaited aclose()/athrow()")
        gen = self._gen
        exc = thrown_exception("throw", args)
        if self._args is not None:
            return gen._step(None, exc, True)
        try:
            result = gen._throw(exc)
        except BaseException as error:
            self._check_error(error)
            raise
        if gen._at_await():
            return result
        gen._running_async = False
        self._state = CLOSED
        raise RuntimeError("async generator ignored GeneratorExit")

    def close(self) -> None:
        self._state = CLOSED

    def __repr__(self) -> str:
        return f"<async_generator_athrow object at {id(self):#x}>"


# Programs see CPython's type names: type(agen) is <class 'async_generator'>.
for _cls, _name in (
    (AsyncGenerator, "async_generator"),
    (AsyncGenASend, "async_generator_asend"),
    (AsyncGenAThrow, "async_generator_athrow"),
):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "builtins"
