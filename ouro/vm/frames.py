"""Frame objects for Ouro code: what ``sys._getframe``, ``f_back``, ``gi_frame`` hand out.

The loop keeps the frame it runs in host locals (``env``, ``r``, ``pc`` of ``run_frame``) and
the frames it will return to on ``thread_state().frames`` as ``(env, registers, pc, dest)``;
a nested loop (host code calling back into Ouro, a generator resuming) pushes its callers'
frames above those of the loop that called the host code.  So the stack a program sees is
read, only when it asks, from the host's own stack, innermost first (``stack``):

* a host frame of a loop function (``LOOP_CODES``) stands for the frame the loop runs (its
  ``env``, ``r``, ``pc``, read from the host frame's locals) and then the frames it saved,
  ``frames[base:top]`` newest first, where ``base`` is that loop's local and ``top`` the
  ``base`` of the loop inside it;
* a loop that handed its running frame to another loop (``tracing.continue_traced`` when
  tracing starts under it, ``tracing._finish_fast`` when it stops: ``HANDOFF_CODES``, the
  host frame right inside the loop's) runs no frame of its own any more: its ``env``, ``r``,
  ``pc`` are stale (the other loop runs that frame on), so only its saved frames count;
* the other host frames of Ouro's own machinery (files in the ``ouro`` package) are skipped;
* any other host frame (host library code between two loops, or the host code that asked)
  is part of the stack as it is; host frames below the outermost loop are not.

Nothing is recorded while code runs, so the loop pays nothing for frames.  Reading a host
frame's ``f_locals`` makes a snapshot of the loop's locals (a dict the host keeps on the frame
until the next read, on 3.11 and 3.12); ``_loop_locals`` empties it once read, or it would
keep the registers of a frame that has since returned (and the generators they hold) alive.

A ``Frame`` is keyed by its register list, which is unique to one activation while it is
alive, so asking twice for the same activation gives the same object (``f.f_back is
caller``).  ``f_lineno``/``f_lasti`` are live: they look the activation up again, and keep the
last position once the frame has finished.
"""

from __future__ import annotations

import os
import sys
import types
import weakref
from collections.abc import Callable, Iterator
from typing import Any

import ouro
from ouro.bytecode.code import (
    CO_ASYNC_GENERATOR,
    CO_COROUTINE,
    CO_GENERATOR,
    Code,
)
from ouro.vm.state import thread_state

# Host code objects of the loop functions (loop.run_frame, tracing's loop): see register_loop.
LOOP_CODES: set[types.CodeType] = set()
# Their ids: `code in LOOP_CODES` hashes a code object (microseconds for a loop's), an id not.
LOOP_CODE_IDS: set[int] = set()
# Host code objects of the functions a loop hands its running frame over through.
HANDOFF_CODES: set[types.CodeType] = set()
OURO_DIR = os.path.dirname(os.path.abspath(ouro.__file__)) + os.sep
_GENERATOR_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR

# An Ouro activation as found on the stack: (env, registers, pc, owning generator or None).
Activation = tuple[Any, list[object], int, object]


def register_loop(func: Callable[..., object]) -> None:
    """Declare a loop function: its host frames have locals env, r, pc, base and gen."""
    LOOP_CODES.add(func.__code__)
    LOOP_CODE_IDS.add(id(func.__code__))


def register_handoff(func: Callable[..., object]) -> None:
    """Declare a function a loop calls to have another loop run its frame on (see stack)."""
    HANDOFF_CODES.add(func.__code__)


def _is_machinery(code: types.CodeType) -> bool:
    return code.co_filename.startswith(OURO_DIR)


def stack(start: types.FrameType | None) -> list[Activation | types.FrameType]:
    """The frames a program sees from host frame ``start`` outward, innermost first."""
    saved = thread_state().frames
    top = len(saved)
    result: list[Activation | types.FrameType] = []
    pending: list[types.FrameType] = []  # host frames kept if a loop lies beyond them
    found = False
    frame = start
    inner = None  # the host frame walked before ``frame``
    while frame is not None:
        code = frame.f_code
        local = _loop_locals(frame) if id(code) in LOOP_CODE_IDS else None
        if local is not None:
            found = True
            result.extend(pending)
            pending = []
            top = _add_loop(result, local, saved, top, _handed_over(inner))
        elif not _is_machinery(code):  # (a loop with no base yet is handing over)
            pending.append(frame)
        inner, frame = frame, frame.f_back
    if not found:  # no Ouro code is running: the host's stack as it is
        return list(_host_frames(start))
    return result


def _activations(start: types.FrameType | None) -> Iterator[Activation]:
    """The Ouro frames of ``stack(start)``, innermost first, found as they are needed."""
    saved = thread_state().frames
    top = len(saved)
    frame = start
    inner = None
    while frame is not None:
        local = _loop_locals(frame) if id(frame.f_code) in LOOP_CODE_IDS else None
        if local is not None:
            env, r, pc, base, gen = local
            if not _handed_over(inner):
                yield (env, r, pc, gen if top == base else None)
            for i in range(top - 1, base - 1, -1):
                env, r, pc, _ = saved[i]
                yield (env, r, pc, gen if i == base else None)
            top = base
        inner, frame = frame, frame.f_back


LoopLocals = tuple[Any, list[object], int, int, object]


def _loop_locals(frame: types.FrameType) -> LoopLocals | None:
    """(env, r, pc, base, gen) of a loop's host frame; None before it has a base (it is
    handing its frame to the traced loop)."""
    local = frame.f_locals
    try:
        if "base" not in local:
            return None
        return local["env"], local["r"], local["pc"], local["base"], local.get("gen")
    finally:
        if type(local) is dict:  # a snapshot (3.11, 3.12), not 3.13's live view
            local.clear()


def _handed_over(inner: types.FrameType | None) -> bool:
    """The loop whose host frame calls ``inner`` has handed its running frame over."""
    return inner is not None and inner.f_code in HANDOFF_CODES


def _add_loop(
    result: list[Activation | types.FrameType],
    local: LoopLocals,
    saved: list[tuple[object, list[object], int, int]],
    top: int,
    handed_over: bool,
) -> int:
    """Add the frames of one loop (its current one, then its saved callers); its base."""
    env, r, pc, base, gen = local
    if not handed_over:
        result.append((env, r, pc, gen if top == base else None))
    for i in range(top - 1, base - 1, -1):
        env, r, pc, _ = saved[i]
        result.append((env, r, pc, gen if i == base else None))
    return base


def _host_frames(start: types.FrameType | None) -> list[types.FrameType]:
    frames = []
    while start is not None:
        frames.append(start)
        start = start.f_back
    return frames


def current_activation() -> Activation | None:
    """The innermost Ouro frame running on this thread (for builtins host code calls)."""
    for item in stack(sys._getframe(1)):
        if type(item) is tuple:
            return item
    return None


# --- frame objects --------------------------------------------------------------------------

_FRAMES: weakref.WeakValueDictionary[int, Frame] = weakref.WeakValueDictionary()
PINNED: dict[int, Frame] = {}  # frames given a trace function, by id of their registers


def unpin(frame: Frame | None) -> None:
    """The activation of ``frame`` is over: it no longer needs to be kept."""
    if frame is not None and PINNED.get(id(frame._r)) is frame:
        del PINNED[id(frame._r)]


# Under tracing a generator's frame object lives as long as the generator, so its f_trace
# survives yields (tracing.py); the frame refers back to the generator weakly.
GEN_FRAMES: weakref.WeakKeyDictionary[object, Frame] = weakref.WeakKeyDictionary()


def frame_for(
    env: Any,
    r: list[object],
    pc: int,
    gen: object = None,
    chain: list[Activation | types.FrameType] | None = None,
    index: int = 0,
) -> Frame:
    """The frame object of the activation ``(env, r)``, made on first use."""
    frame = _FRAMES.get(id(r))
    if frame is None or frame._r is not r:
        frame = Frame(env, r, pc)
        _FRAMES[id(r)] = frame
    elif pc >= 0:  # a running generator's own _pc says nothing
        frame._pc = pc
    if gen is not None and frame._gen is None:
        frame._gen = weakref.ref(gen)
    # A generator's f_back is found live; keeping its chain would keep its callers' frames
    # (and so, often, the generator) alive as long as the generator.
    if chain is not None and frame._chain is None and not frame._is_generator():
        frame._chain, frame._index = chain, index
    return frame


def materialize(
    chain: list[Activation | types.FrameType], index: int
) -> Frame | types.FrameType:
    item = chain[index]
    if type(item) is tuple:
        env, r, pc, gen = item
        return frame_for(env, r, pc, gen, chain, index)
    return item  # type: ignore[return-value]


def getframe(depth: int = 0) -> Frame | types.FrameType:
    """``sys._getframe(depth)``: the frame ``depth`` calls below the caller's."""
    if not isinstance(depth, int):
        raise TypeError(
            f"'{type(depth).__name__}' object cannot be interpreted as an integer"
        )
    chain = stack(sys._getframe(1))
    depth = max(depth, 0)
    if depth >= len(chain):
        raise ValueError("call stack is not deep enough")
    return materialize(chain, depth)


def _line_of(code: Code, pc: int) -> int | None:
    if pc == 0:  # not started: CPython's frame is at its RESUME, on the def line
        return code.co_firstlineno
    index = max(pc - 1, 0)
    table = code.co_positions_table
    if index < len(table):
        return table[index][0]
    return code.co_firstlineno


class Frame:
    """An Ouro frame with CPython's frame attributes (``types.FrameType`` to ``inspect``)."""

    __slots__ = (
        "__weakref__",
        "_chain",
        "_env",
        "_gen",
        "_index",
        "_pc",
        "_prev",
        "_r",
        "_trace",
        "f_trace_lines",
        "f_trace_opcodes",
    )

    def __init__(self, env: Any, r: list[object], pc: int) -> None:
        self._env, self._r, self._pc = env, r, max(pc, 0)
        self._gen: weakref.ref[Any] | None = None
        self._chain: list[Activation | types.FrameType] | None = None
        self._index = 0
        self._prev = -1  # the instruction run before (tracing's 'line' events)
        self._trace: object = None
        self.f_trace_lines = True
        self.f_trace_opcodes = False

    @property
    def __class__(self) -> type:  # type: ignore[override]
        return types.FrameType  # isinstance(f, types.FrameType): inspect.isframe

    def _is_generator(self) -> bool:
        return bool(self._env[0].co_flags & _GENERATOR_FLAGS)

    def _owner(self) -> Any:
        return None if self._gen is None else self._gen()

    def _running(self) -> bool:
        gen = self._owner()
        return gen is None or bool(getattr(gen, "_running", False))

    def _live(self) -> tuple[list[Activation | types.FrameType], int] | None:
        """Where the activation is on the running stack now, or None if it is not there."""
        chain = stack(sys._getframe(1))
        for index, item in enumerate(chain):
            if type(item) is tuple and item[1] is self._r:
                return chain, index
        return None

    def _refresh(self) -> None:
        gen = self._owner()
        if gen is not None and not self._running():
            pc = getattr(gen, "_pc", -1)
            if pc >= 0:
                self._pc = pc
            return
        for _, r, pc, _ in _activations(sys._getframe(1)):
            if r is self._r:
                self._pc = pc
                return

    # --- CPython's attributes -----------------------------------------------------------

    @property
    def f_trace(self) -> object:
        return self._trace

    @f_trace.setter
    def f_trace(self, func: object) -> None:
        # A frame with a local trace function stays (as CPython's frame object stays with
        # its frame) until the traced loop sees the frame end (``unpin``).
        self._trace = func
        if func is None:
            PINNED.pop(id(self._r), None)
        else:
            PINNED[id(self._r)] = self

    @property
    def f_code(self) -> Code:
        return self._env[0]  # type: ignore[no-any-return]

    @property
    def f_globals(self) -> dict[str, object]:
        return self._env[2]  # type: ignore[no-any-return]

    @property
    def f_builtins(self) -> dict[str, object]:
        return self._env[3]  # type: ignore[no-any-return]

    @property
    def f_locals(self) -> object:
        from ouro.vm.frame_builtins import frame_locals

        if not self._r and self._env[4] is None:
            return {}
        return frame_locals(self._env, self._r)

    @property
    def f_lineno(self) -> int | None:
        self._refresh()
        return _line_of(self._env[0], self._pc)

    @property
    def f_lasti(self) -> int:
        self._refresh()
        return 2 * max(self._pc - 1, 0)

    @property
    def f_back(self) -> Frame | types.FrameType | None:
        if self._is_generator() or self._chain is None:
            # A generator's caller is whoever resumed it, while it runs.
            if self._is_generator() and not self._running():
                return None
            found = self._live()
            if found is None:
                return None
            chain, index = found
        else:
            chain, index = self._chain, self._index
        if index + 1 >= len(chain):
            return None
        return materialize(chain, index + 1)

    def clear(self) -> None:
        """Drop the frame's variables; an executing frame refuses, a suspended one closes."""
        gen = self._owner()
        if gen is not None and not self._running():
            gen.close()
        elif self._live() is not None:
            raise RuntimeError("cannot clear an executing frame")
        unpin(self)
        self._r = []
        self._chain = None

    def __repr__(self) -> str:
        code = self._env[0]
        return (
            f"<frame at {id(self):#x}, file {code.co_filename!r},"
            f" line {self.f_lineno}, code {code.co_name}>"
        )


Frame.__name__ = Frame.__qualname__ = "frame"  # type(frame) is <class 'frame'>
Frame.__module__ = "builtins"


# --- warnings -------------------------------------------------------------------------------


def where(item: Activation | types.FrameType) -> tuple[str, int, dict[str, Any]]:
    """(filename, line, globals) of a frame of the mixed stack."""
    if type(item) is tuple:
        env, _, pc, _ = item
        code = env[0]
        return code.co_filename, _line_of(code, pc) or 0, env[2]
    frame: types.FrameType = item  # type: ignore[assignment]
    return frame.f_code.co_filename, frame.f_lineno or 0, frame.f_globals


# How many warnings Ouro code has issued, shown or filtered out (ouro/cache/regexes.py keeps
# no pattern whose compiling warned: CPython warns again at every run).
issued = 0


def warn(
    message: object,
    category: object = None,
    stacklevel: int = 1,
    source: object = None,
    *,
    skip_file_prefixes: tuple[str, ...] = (),
) -> None:
    """``warnings.warn`` for Ouro code: the line blamed is found on Ouro's frames.

    The host's ``warnings.warn`` walks host frames and would blame the loop; this one walks
    the stack a program sees (``stack``), then hands over to the host's ``warn_explicit``,
    which owns the filters, the registry and the printing (the warnings module reference:
    stacklevel counts from the caller, frames in skip_file_prefixes do not count).
    """
    import warnings as host_warnings

    global issued
    issued += 1
    if isinstance(message, Warning):
        category = type(message)
    if category is None:
        category = UserWarning
    if not (isinstance(category, type) and issubclass(category, Warning)):
        raise TypeError(
            f"category must be a Warning subclass, not '{type(category).__name__}'"
        )
    if not isinstance(skip_file_prefixes, tuple):
        raise TypeError("skip_file_prefixes must be a tuple of strs")
    if skip_file_prefixes:
        stacklevel = max(2, stacklevel)
    chain = stack(sys._getframe(1))
    i = 0  # the caller; each further level is the next frame outside the skipped files
    for _ in range(stacklevel - 1):
        i += 1
        while (
            skip_file_prefixes
            and i < len(chain)
            and where(chain[i])[0].startswith(skip_file_prefixes)
        ):
            i += 1
    if i < len(chain):
        filename, lineno, globals_ = where(chain[i])
    else:
        filename, lineno, globals_ = "<sys>", 0, sys.__dict__
    registry = globals_.get("__warningregistry__")
    if registry is None:
        registry = globals_["__warningregistry__"] = {}
    host_warnings.warn_explicit(
        message,  # type: ignore[arg-type]
        category,
        filename,
        lineno,
        module=globals_.get("__name__", "<string>"),
        registry=registry,
        module_globals=globals_ if _has_loader(globals_) else None,
        source=source,
    )


def _has_loader(globals_: dict[str, Any]) -> bool:
    """warn_explicit reads source through the module's loader; it refuses globals with none
    (a module made by hand, as ``__main__`` is here): the source comes from the file then."""
    if globals_.get("__loader__") is not None:
        return True
    return getattr(globals_.get("__spec__"), "loader", None) is not None
