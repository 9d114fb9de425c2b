"""Generators and coroutines: objects that own a suspended frame.

RETURN_GENERATOR, the first instruction of a generator's code, hands the frame (its
environment, registers and the pc after it) to a new ``Generator`` or ``Coroutine`` and returns
that object to the caller. Each ``send`` runs the frame in a nested loop (``loop.run_frame``
with ``gen=self``) until YIELD_VALUE, which records where to resume (``_pc``, ``_dest``) and
returns the yielded value, or until RETURN, which leaves ``_pc`` at -1 (finished).

The exception being handled is per generator, as in CPython: what the frame was handling when
it yielded comes back when it resumes, and the caller's is restored meanwhile.
"""

from __future__ import annotations

import contextlib
import os
import sys
import types
import warnings

from ouro.bytecode import opcodes
from ouro.bytecode.code import (
    CO_ASYNC_GENERATOR,
    CO_COROUTINE,
    CO_ITERABLE_COROUTINE,
    HostKind,
)
from ouro.vm import function
from ouro.vm.function import Env
from ouro.vm.state import LOCAL, thread_state

FINISHED = -1


class _FrameOwner:
    """What generators, coroutines and async generators share: a frame and the private
    send/throw/close protocol, which each kind publishes under its own names."""

    __slots__ = (
        "__name__",
        "__qualname__",
        "__weakref__",
        "_dest",
        "_env",
        "_exc",
        "_pc",
        "_r",
        "_running",
        "_started",
    )
    _kind = "generator"
    # Exceptions the frame may not let out: they would end the caller's loop instead.
    _stops: tuple[type[BaseException], ...] = (StopIteration,)

    def __init__(self, env: Env, registers: list[object], pc: int) -> None:
        self._env = env
        self._r = registers
        self._pc = pc
        self._dest = -1
        self._started = False
        self._running = False
        self._exc: BaseException | None = None
        code = env[0]
        self.__name__ = code.co_name
        self.__qualname__ = code.co_qualname

    @property
    def _finished(self) -> bool:
        # _resume parks _pc at FINISHED while the frame runs.
        return self._pc == FINISHED and not self._running

    def _send(self, value: object) -> object:
        if self._running:
            raise ValueError(f"{self._kind} already executing")
        if self._pc == FINISHED:
            self._finished_error()
        if not self._started:
            if value is not None:
                raise TypeError(
                    f"can't send non-None value to a just-started {self._kind}"
                )
        elif self._dest >= 0:
            self._r[self._dest] = value
        return self._resume(None)

    def _throw(self, exc: BaseException, close_on_genexit: bool = True) -> object:
        """Raise ``exc`` where the frame is suspended; a ``yield from``/``await`` in
        progress hands it to its sub-iterator first (CPython's ``_gen_throw``)."""
        if self._running:
            raise ValueError(f"{self._kind} already executing")
        if self._pc == FINISHED and self._kind == "coroutine":
            self._finished_error()  # as send(): cannot reuse already awaited coroutine
        if self._pc == FINISHED or not self._started:
            self._pc = FINISHED
            self._r.clear()
            raise exc
        sub = self._delegate()
        if sub is not None:
            self._running = True
            try:
                if isinstance(exc, GeneratorExit) and close_on_genexit:
                    close_iterator(sub)
                elif isinstance(sub, _FrameOwner):
                    return sub._throw(exc, close_on_genexit)
                else:
                    throw = getattr(sub, "throw", None)
                    if throw is not None:
                        return throw(exc)
            except StopIteration as stop:
                self._running = False
                return self._resume_after_delegate(stop.value)
            except BaseException as error:  # noqa: BLE001 - raised where the frame is
                exc = error
            finally:
                self._running = False
        return self._resume(exc)

    def _close(self) -> None:
        if self._running:
            raise ValueError(f"{self._kind} already executing")
        if self._pc == FINISHED or not self._started:
            self._pc = FINISHED
            self._r.clear()
            return
        exc: BaseException = GeneratorExit()
        sub = self._delegate()
        if sub is not None:
            self._running = True
            try:
                close_iterator(sub)
            except BaseException as error:  # noqa: BLE001 - raised where the frame is
                exc = error
            finally:
                self._running = False
        try:
            self._resume(exc)
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError(f"{self._kind} ignored GeneratorExit")

    def _finished_error(self) -> None:
        """send() to a finished frame (Coroutine and AsyncGenerator say otherwise)."""
        raise StopIteration

    def _returned(self, value: object) -> None:
        """The frame returned ``value`` (AsyncGenerator says otherwise)."""
        if value is None:
            raise StopIteration
        raise StopIteration(value)

    def _resume(self, thrown: BaseException | None) -> object:
        state = thread_state()
        caller_handled = state.handled
        if self._exc is not None:
            state.handled = self._exc
        pc, self._pc = self._pc, FINISHED
        self._started = self._running = True
        try:
            value = function.run_frame(
                self._env, self._r, pc, self, thrown, state.frames
            )
        except self._stops as exc:
            word = (
                "StopIteration"
                if isinstance(exc, StopIteration)
                else "StopAsyncIteration"
            )
            raise RuntimeError(f"{self._kind} raised {word}") from exc
        finally:
            self._running = False
            inner = state.handled
            state.handled = caller_handled
            if self._pc == FINISHED:
                # Returned or raised: clear the frame (as CPython does) in place, since the
                # host frame of run_frame, which a traceback may keep, holds the same list.
                self._r.clear()
                self._exc = None
        if self._pc == FINISHED:
            self._returned(value)
        self._exc = inner if inner is not caller_handled else None
        return value

    def _send_instruction(self) -> tuple[int, object, object, object] | None:
        """The SEND a suspended ``yield from``/``await`` loops on, if the frame is in one:
        codegen's shape is ``SEND it, v, done; YIELD_VALUE v, v``."""
        pc = self._pc
        if not self._started or pc == FINISHED or pc < 2:
            return None
        insts = self._env[1]
        send = insts[pc - 2]
        if insts[pc - 1][0] == opcodes.YIELD_VALUE and send[0] == opcodes.SEND:
            return send
        return None

    def _delegate(self) -> object:
        send = self._send_instruction()
        return None if send is None else self._r[send[1]]  # type: ignore[index]

    def _resume_after_delegate(self, value: object) -> object:
        """The sub-iterator returned ``value`` to a throw(): the ``yield from`` is done."""
        send = self._send_instruction()
        assert send is not None, "resume after a delegate outside yield from"
        self._r[send[2]] = value  # type: ignore[index]
        self._pc = send[3]  # type: ignore[assignment]
        return self._resume(None)

    def _frame_view(self) -> object:
        """The frame (None once finished), for inspect.getgeneratorstate & co."""
        if self._finished:
            return None
        from ouro.vm.frames import frame_for

        return frame_for(self._env, self._r, self._pc, self)

    def __del__(self) -> None:
        # CPython closes an unfinished generator when it is collected (PEP 342), so its
        # finally blocks run; errors go to sys.unraisablehook.
        if self._started and not self._finished and not self._running:
            try:
                self._close()
            except BaseException as exc:  # noqa: BLE001 - a finalizer reports, never raises
                write_unraisable(exc, self)

    def __repr__(self) -> str:
        return f"<{type(self).__name__} object {self.__qualname__} at {id(self):#x}>"

    def __reduce__(self) -> object:
        # A running frame cannot be copied or pickled, as CPython says.
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")


class Generator(_FrameOwner, metaclass=HostKind, host=types.GeneratorType):
    """An Ouro generator: an iterator over the values its frame yields."""

    __slots__ = ()

    def __iter__(self) -> Generator:
        return self

    def __next__(self) -> object:
        """``_send(None)`` and ``_resume(None)`` written out for the common case, a
        suspended generator with no exception of its own being handled: a ``for`` loop
        resumes its generator once per item (issue #7)."""
        pc = self._pc
        if (
            pc == FINISHED
            or self._running
            or not self._started
            or self._exc is not None
        ):
            return self._send(None)
        if self._dest >= 0:
            self._r[self._dest] = None
        state = LOCAL.state
        caller_handled = state.handled
        self._pc = FINISHED
        self._running = True
        try:
            value = function.run_frame(self._env, self._r, pc, self, None, state.frames)
        except StopIteration as exc:
            raise RuntimeError("generator raised StopIteration") from exc
        finally:
            self._running = False
            inner = state.handled
            state.handled = caller_handled
            if self._pc == FINISHED:
                self._r.clear()  # as _resume: returned or raised
        if self._pc == FINISHED:
            if value is None:
                raise StopIteration
            raise StopIteration(value)
        if inner is not caller_handled:
            self._exc = inner
        return value

    send = _FrameOwner._send
    close = _FrameOwner._close

    def throw(self, *args: object) -> object:
        return self._throw(thrown_exception("throw", args))

    @property
    def __class__(self) -> type:  # type: ignore[override]
        # isinstance(g, types.GeneratorType) (the host's inspect.isgenerator & co) holds, as
        # the host looks at __class__ when type() does not match; type(g) stays this class.
        # Its own class when Ouro's importer runs the stdlib (ouro_world below).
        return types.GeneratorType if WORLD.host else Generator

    @property
    def gi_code(self) -> object:
        return self._env[0]

    @property
    def gi_running(self) -> bool:
        return self._running

    @property
    def gi_suspended(self) -> bool:
        return self._started and self._pc != FINISHED and not self._running

    @property
    def gi_frame(self) -> object:
        return self._frame_view()

    @property
    def gi_yieldfrom(self) -> object:
        """The iterator a suspended ``yield from`` delegates to: its YIELD_VALUE follows a
        SEND, whose a operand holds it (codegen's shape for yield from / await)."""
        return self._delegate()


class Coroutine(_FrameOwner, metaclass=HostKind, host=types.CoroutineType):
    """An Ouro coroutine (``async def``): awaitable, driven by send/throw."""

    __slots__ = ()
    _kind = "coroutine"

    def _finished_error(self) -> None:
        raise RuntimeError("cannot reuse already awaited coroutine")

    send = _FrameOwner._send
    close = _FrameOwner._close

    def throw(self, *args: object) -> object:
        return self._throw(thrown_exception("throw", args))

    def __await__(self) -> CoroutineWrapper:
        return CoroutineWrapper(self)

    @property
    def __class__(self) -> type:  # type: ignore[override]
        # inspect.iscoroutine: see Generator.__class__
        return types.CoroutineType if WORLD.host else Coroutine

    @property
    def cr_code(self) -> object:
        return self._env[0]

    @property
    def cr_running(self) -> bool:
        return self._running

    @property
    def cr_suspended(self) -> bool:
        return self._started and self._pc != FINISHED and not self._running

    @property
    def cr_frame(self) -> object:
        return self._frame_view()

    @property
    def cr_await(self) -> object:
        return self._delegate()

    @property
    def cr_origin(self) -> object:
        return None


class CoroutineWrapper:
    """What ``Coroutine.__await__`` returns: an iterator that drives the coroutine."""

    __slots__ = ("_coro",)

    def __init__(self, coro: Coroutine) -> None:
        self._coro = coro

    def __reduce__(self) -> object:  # copy and pickle refuse it, as CPython's
        raise TypeError(f"cannot pickle '{type(self).__name__}' object")

    def __iter__(self) -> CoroutineWrapper:
        return self

    def __next__(self) -> object:
        return self._coro._send(None)

    def send(self, value: object) -> object:
        return self._coro._send(value)

    def throw(self, *args: object) -> object:
        return self._coro._throw(thrown_exception("throw", args))

    def close(self) -> None:
        self._coro._close()


# --- helpers --------------------------------------------------------------------------------


def close_iterator(it: object) -> None:
    """close() a ``yield from``'s sub-iterator on the way out, if it has one."""
    if isinstance(it, _FrameOwner):
        it._close()
        return
    close = getattr(it, "close", None)
    if close is not None:
        close()


_NO_ARG = object()


def thrown_exception(
    method: str, args: tuple[object, ...], warn: bool = True
) -> BaseException:
    """The exception ``throw(typ[, val[, tb]])`` raises, with 3.12's checks and messages
    (and its DeprecationWarning for the 3-argument form)."""
    if not 1 <= len(args) <= 3:
        few = len(args) < 1
        raise TypeError(
            f"{method} expected at {'least' if few else 'most'} {1 if few else 3}"
            f" argument{'' if few else 's'}, got {len(args)}"
        )
    if len(args) > 1 and warn:
        warn_in_caller(
            f"the (type, exc, tb) signature of {method}() is deprecated,"
            " use the single-arg signature instead.",
            DeprecationWarning,
        )
    typ, value, tb = (*args, None, None)[:3]
    if tb is not None and not isinstance(tb, types.TracebackType):
        raise TypeError(f"{method}() third argument must be a traceback object")
    if isinstance(typ, type) and issubclass(typ, BaseException):
        if isinstance(value, typ):
            exc = value
        elif value is None:
            exc = typ()
        elif isinstance(value, tuple):
            exc = typ(*value)
        else:
            exc = typ(value)
    elif isinstance(typ, BaseException):
        if value is not None:
            raise TypeError("instance exception may not have a separate value")
        exc = typ
    else:
        raise TypeError(
            "exceptions must be classes or instances deriving from BaseException,"
            f" not {type(typ).__name__}"
        )
    if tb is not None:
        exc = exc.with_traceback(tb)  # type: ignore[arg-type]
    return exc


def warn_in_caller(message: str, category: type[Warning]) -> None:
    """warnings.warn() at the line of the code that called the VM's host code we are in.

    That caller is the innermost frame of the stack a program sees (``frames.stack``): the
    Ouro frame a loop runs — whichever loop, plain or traced, with its live pc — or host
    code (a host library calling ``athrow(typ, val, tb)``), which the warning then names,
    as CPython's would.  With no Ouro code running, the host frames of ``ouro/vm`` are
    skipped.
    """
    from ouro.vm import frames

    chain = frames.stack(sys._getframe(1))
    item = chain[0]
    for item in chain:
        if type(item) is tuple:
            break
        if not item.f_code.co_filename.startswith(_VM_DIR):  # type: ignore[union-attr]
            break
    filename, lineno, glb = frames.where(item)
    warnings.warn_explicit(
        message,
        category,
        filename,
        lineno,
        module=glb.get("__name__", "<string>"),
        registry=glb.setdefault("__warningregistry__", {}),
    )


_VM_DIR = os.path.dirname(__file__) + os.sep


class _Unraisable:
    """What sys.unraisablehook receives (the host's UnraisableHookArgs cannot be made)."""

    __slots__ = ("err_msg", "exc_traceback", "exc_type", "exc_value", "object")

    def __init__(self, exc: BaseException, obj: object) -> None:
        self.exc_type, self.exc_value = type(exc), exc
        self.exc_traceback = exc.__traceback__
        self.err_msg, self.object = None, obj


def write_unraisable(exc: BaseException, obj: object) -> None:
    """An error nobody can catch (a finalizer's): sys.unraisablehook, or CPython's report."""
    hook = sys.unraisablehook
    if hook is not sys.__unraisablehook__:
        hook(_Unraisable(exc, obj))  # type: ignore[arg-type]
        return
    from ouro.vm.traceback import format_exception

    with contextlib.suppress(Exception):  # as CPython: a report that fails is dropped
        sys.stderr.write(f"Exception ignored in: {obj!r}\n{format_exception(exc)}")


def make_generator(env: Env, registers: list[object], pc: int) -> _FrameOwner:
    """RETURN_GENERATOR: the object that owns this frame, by the code's flags."""
    flags = env[0].co_flags
    if flags & CO_ASYNC_GENERATOR:
        return asyncgen.AsyncGenerator(env, registers, pc)
    if flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == CO_COROUTINE:
        return Coroutine(env, registers, pc)
    return Generator(env, registers, pc)


# Programs see CPython's type names: type(g).__name__ == "generator".
def ouro_world() -> None:
    """Ouro's importer is on (ouro/importer): the stdlib is Ouro's, and its ``types`` names
    Ouro's classes (``GeneratorType = type(gen())``), so generators, coroutines and async
    generators answer ``__class__`` with their own class, as ``type()`` does
    (``coro.__class__ is types.CoroutineType``).  Under the host's importer the stdlib is
    the host's, and ``__class__`` names the host's type, for its ``inspect.isgenerator`` &
    co.  In both worlds ``isinstance`` holds for both kinds (HostKind)."""
    WORLD.host = False


class _World:
    host = True  # the stdlib Ouro code imports is the host's (until ouro_world())


WORLD = _World()


# Programs see CPython's type names: type(gen) is <class 'generator'>.
for _cls, _name in (
    (Generator, "generator"),
    (Coroutine, "coroutine"),
    (CoroutineWrapper, "coroutine_wrapper"),
):
    _cls.__name__ = _cls.__qualname__ = _name
    _cls.__module__ = "builtins"

# A module import (not a name): asyncgen builds on _FrameOwner, and either may load first.
from ouro.vm import asyncgen
