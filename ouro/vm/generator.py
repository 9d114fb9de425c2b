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

from ouro.bytecode import opcodes
from ouro.bytecode.code import CO_ASYNC_GENERATOR, CO_COROUTINE, CO_ITERABLE_COROUTINE
from ouro.vm import function
from ouro.vm.function import Env
from ouro.vm.state import thread_state

FINISHED = -1


class _FrameOwner:
    """What generators and coroutines share: a frame and the send/throw/close protocol."""

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

    def send(self, value: object) -> object:
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

    def throw(
        self, typ: object, value: object = None, traceback: object = None
    ) -> object:
        if isinstance(typ, BaseException):
            exc = typ
        elif isinstance(typ, type) and issubclass(typ, BaseException):
            exc = typ() if value is None else typ(value)
        else:
            raise TypeError(
                "exceptions must be classes or instances deriving from BaseException,"
                f" not {type(typ).__name__}"
            )
        if self._running:
            raise ValueError(f"{self._kind} already executing")
        if self._pc == FINISHED or not self._started:
            self._pc = FINISHED
            raise exc
        return self._resume(exc)

    def close(self) -> None:
        if self._pc == FINISHED or not self._started:
            self._pc = FINISHED
            return
        try:
            self._resume(GeneratorExit())
        except (GeneratorExit, StopIteration):
            return
        raise RuntimeError(f"{self._kind} ignored GeneratorExit")

    def _finished_error(self) -> None:
        raise StopIteration

    def _resume(self, thrown: BaseException | None) -> object:
        state = thread_state()
        caller_handled = state.handled
        if self._exc is not None:
            state.handled = self._exc
        pc, self._pc = self._pc, FINISHED
        self._started = self._running = True
        try:
            value = function.run_frame(self._env, self._r, pc, self, thrown)
        except StopIteration as exc:
            raise RuntimeError(f"{self._kind} raised StopIteration") from exc
        finally:
            self._running = False
            inner = state.handled
            state.handled = caller_handled
        if self._pc == FINISHED:
            self._r = []
            if value is None:
                raise StopIteration
            raise StopIteration(value)
        self._exc = inner if inner is not caller_handled else None
        return value

    def _delegate(self) -> object:
        pc = self._pc
        if not self._started or pc == FINISHED or pc < 2:
            return None
        insts = self._env[1]
        if insts[pc - 1][0] == opcodes.YIELD_VALUE and insts[pc - 2][0] == opcodes.SEND:
            return self._r[insts[pc - 2][1]]
        return None

    def _frame_view(self) -> FrameView | None:
        """The suspended frame (None once finished), for inspect.getgeneratorstate & co."""
        if self._pc == FINISHED:
            return None
        return FrameView(self._env, self._r, self._pc)

    def __repr__(self) -> str:
        return f"<{self._kind} object {self.__qualname__} at {id(self):#x}>"


class FrameView:
    """A read-only look at an Ouro frame with CPython's frame attribute names.

    TODO(#4): real frame objects (sys._getframe, f_back, f_trace) belong to the sys view.
    """

    __slots__ = ("_env", "_pc", "_r")

    def __init__(self, env: Env, registers: list[object], pc: int) -> None:
        self._env, self._r, self._pc = env, registers, pc

    @property
    def f_code(self) -> object:
        return self._env[0]

    @property
    def f_globals(self) -> object:
        return self._env[2]

    @property
    def f_locals(self) -> object:
        from ouro.vm.frame_builtins import frame_locals

        return frame_locals(self._env, self._r)

    @property
    def f_lasti(self) -> int:
        return 2 * max(self._pc - 1, 0)

    @property
    def f_lineno(self) -> object:
        code = self._env[0]
        index = max(self._pc - 1, 0)
        if index < len(code.co_positions_table):
            return code.co_positions_table[index][0]
        return code.co_firstlineno

    f_back = None
    f_trace = None


class Generator(_FrameOwner):
    """An Ouro generator: an iterator over the values its frame yields."""

    __slots__ = ()

    def __iter__(self) -> Generator:
        return self

    def __next__(self) -> object:
        return self.send(None)

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


class Coroutine(_FrameOwner):
    """An Ouro coroutine (``async def``): awaitable, driven by send/throw."""

    __slots__ = ()
    _kind = "coroutine"

    def _finished_error(self) -> None:
        raise RuntimeError("cannot reuse already awaited coroutine")

    def __await__(self) -> CoroutineWrapper:
        return CoroutineWrapper(self)

    @property
    def cr_code(self) -> object:
        return self._env[0]

    @property
    def cr_running(self) -> bool:
        return self._running

    @property
    def cr_frame(self) -> object:
        return self._frame_view()

    @property
    def cr_await(self) -> object:
        return self._delegate()


class CoroutineWrapper:
    """What ``Coroutine.__await__`` returns: an iterator that drives the coroutine."""

    __slots__ = ("_coro",)

    def __init__(self, coro: Coroutine) -> None:
        self._coro = coro

    def __iter__(self) -> CoroutineWrapper:
        return self

    def __next__(self) -> object:
        return self._coro.send(None)

    def send(self, value: object) -> object:
        return self._coro.send(value)

    def throw(self, *args: object) -> object:
        return self._coro.throw(*args)

    def close(self) -> None:
        self._coro.close()


def make_generator(env: Env, registers: list[object], pc: int) -> _FrameOwner:
    """RETURN_GENERATOR: the object that owns this frame, by the code's flags."""
    flags = env[0].co_flags
    if flags & CO_ASYNC_GENERATOR:
        # TODO(#4): async generators (asend/athrow, the async iteration protocol).
        raise SystemError("ouro: async generators not implemented yet")
    if flags & (CO_COROUTINE | CO_ITERABLE_COROUTINE) == CO_COROUTINE:
        return Coroutine(env, registers, pc)
    return Generator(env, registers, pc)


# Programs see CPython's type names: type(g).__name__ == "generator".
Generator.__name__ = Generator.__qualname__ = "generator"
Coroutine.__name__ = Coroutine.__qualname__ = "coroutine"
CoroutineWrapper.__name__ = CoroutineWrapper.__qualname__ = "coroutine_wrapper"
