"""``sys.settrace`` and ``sys.setprofile`` for Ouro code: a traced variant of the loop.

Design (costs nothing while no trace or profile function is set):

* ``loop.run_frame`` tests ``TRACING.on`` once when a loop starts (a nested loop, a generator
  resuming) and after a call of a ``FrameBuiltin`` (``sys.settrace`` and ``sys.setprofile``
  are FrameBuiltins); when it is set it hands its frame to ``run_traced`` or, in the middle
  of a loop, ``continue_traced``.  The per-instruction path of ``run_frame`` is untouched.
* ``_loop`` here runs the same instructions with the same handlers (``loop.HANDLERS``); the
  opcodes that ``run_frame`` inlines (moves, jumps, calls, returns, yields) are written out
  again below, kept as plain as possible; the program corpus run under a do-nothing trace
  function checks they agree (tests/vm/test_trace.py).  Around them it reports CPython's
  events: 'call' when a frame starts or a generator resumes, 'line' at the first
  instruction of a line (in ``co_lines`` order, jump and handler targets too) reached from
  another line or by a backward jump, 'return' at RETURN and YIELD_VALUE (None when an
  exception leaves the frame), 'exception' where an exception is raised or arrives from a
  callee (not at a re-raise); profile functions get 'call'/'return' and 'c_call'/'c_return'/
  'c_exception' around host builtins.
* The global trace function answers 'call' with the frame's local one (``frame.f_trace``);
  the others go to ``f_trace``, whose answer replaces it unless None.  While a trace or
  profile function runs, tracing is off (``TRACING.on`` is cleared), so it runs at full speed
  and reports nothing, as in CPython.
* When tracing stops, ``_finish_fast`` gives the rest of the loop back to ``run_frame``.

A loop that was waiting in host code when tracing started (a caller of the host function
that called back into Ouro) goes on untraced until it starts a new loop or calls a
FrameBuiltin: the loop cannot be told from outside without a test per instruction.
"""

from __future__ import annotations

import _thread  # not threading (the same local and get_ident): see state.py
import types
from typing import Any

from ouro.bytecode import opcodes
from ouro.bytecode.code import CO_ASYNC_GENERATOR, CO_COROUTINE, CO_GENERATOR, UNBOUND
from ouro.vm import frames as frames_mod
from ouro.vm import handlers
from ouro.vm.errors import star_args, star_kwargs
from ouro.vm.frame_builtins import FrameBuiltin
from ouro.vm.frames import Frame, frame_for, register_handoff, register_loop
from ouro.vm.function import Function, bind_arguments
from ouro.vm.generator import make_generator
from ouro.vm.state import LIMIT, thread_state
from ouro.vm.traceback import note_loop_exit, remember_frame
from ouro.vm.trampoline import call_host

_LOOP: Any = None


def _loop_module() -> Any:
    """ouro.vm.loop, which imports this module (bound on first use, never imported again:
    generators closed at shutdown may run traced code)."""
    global _LOOP
    if _LOOP is None:
        from ouro.vm import loop

        _LOOP = loop
    return _LOOP


_GEN_FLAGS = CO_GENERATOR | CO_COROUTINE | CO_ASYNC_GENERATOR
_N = {info.name: info.number for info in opcodes.OPS}
RETURN_GENERATOR = _N["RETURN_GENERATOR"]
RAISE, RERAISE, JUMP = _N["RAISE"], _N["RERAISE"], _N["JUMP"]
FOR_ITER_BACK, CALL1, CALL2 = _N["FOR_ITER_BACK"], _N["CALL1"], _N["CALL2"]
CALLS = frozenset({_N["CALL"], _N["CALL_KW"], _N["CALL_EX"], CALL1, CALL2})
BINARY, BINARY_OPS = handlers.BINARY, handlers.BINARY_OPS
JUMP_IF_OPS, JUMP_UNLESS_OPS = handlers.JUMP_IF_OPS, handlers.JUMP_UNLESS_OPS
BUILTIN_TYPES = (types.BuiltinFunctionType, types.BuiltinMethodType)


class _Tracing:
    """``on``: some thread has a trace or profile function and none of them is running."""

    __slots__ = ("on",)

    def __init__(self) -> None:
        self.on = False


TRACING = _Tracing()
_local = _thread._local()
_active: set[int] = set()  # threads with a trace or profile function


def _functions() -> tuple[object, object]:
    return getattr(_local, "trace", None), getattr(_local, "profile", None)


def _update() -> None:
    me = _thread.get_ident()
    if any(_functions()):
        _active.add(me)
    else:
        _active.discard(me)
    TRACING.on = bool(_active) and not getattr(_local, "busy", False)


def settrace(func: object) -> None:
    """sys.settrace: the global trace function of this thread (None: no tracing)."""
    _local.trace = func
    _update()


def gettrace() -> object:
    return _functions()[0]


def setprofile(func: object) -> None:
    """sys.setprofile: the profile function of this thread (None: no profiling)."""
    _local.profile = func
    _update()


def getprofile() -> object:
    return _functions()[1]


# --- calling the functions ------------------------------------------------------------------


def _invoke(func: Any, frame: Frame, event: str, arg: object) -> object:
    """Call a trace or profile function with tracing off; if it raises, tracing stops."""
    _local.busy = True
    TRACING.on = False
    try:
        return func(frame, event, arg)
    except BaseException:
        _local.trace = None
        frame.f_trace = None
        raise
    finally:
        _local.busy = False
        _update()


def _local_event(frame: Frame | None, event: str, arg: object) -> None:
    if frame is None:
        return
    func = frame.f_trace
    if func is not None and _functions()[0] is not None:
        result = _invoke(func, frame, event, arg)
        if result is not None:
            frame.f_trace = result


def _profile_event(frame: Frame | None, event: str, arg: object) -> None:
    profile = _functions()[1]
    if profile is not None and frame is not None:
        _invoke(profile, frame, event, arg)


def _start(env: Any, r: list[object], pc: int, gen: object) -> Frame | None:
    """A frame starts (or a generator resumes): the 'call' events; its frame object."""
    trace, profile = _functions()
    if (trace is None and profile is None) or (
        pc == 0 and env[0].co_flags & _GEN_FLAGS
    ):  # a generator function's call only makes the generator: its frame starts later
        return frames_mod._FRAMES.get(id(r))
    frame = frame_for(env, r, pc if gen is None else -1, gen)
    if gen is not None:
        frames_mod.GEN_FRAMES[gen] = frame
    if profile is not None:
        _invoke(profile, frame, "call", None)
    if trace is not None:
        result = _invoke(trace, frame, "call", None)
        if result is not None:
            frame.f_trace = result
    return frame


def _leave(frame: Frame | None, pc: int, value: object) -> None:
    if frame is not None:
        frame._pc = pc
        _profile_event(frame, "return", value)
        _local_event(frame, "return", value)


def _exception(frame: Frame | None, pc: int, exc: BaseException) -> None:
    if frame is not None and frame.f_trace is not None:
        frame._pc = pc
        _local_event(frame, "exception", (type(exc), exc, exc.__traceback__))


# --- line starts ----------------------------------------------------------------------------

_MARKS: dict[int, tuple[object, tuple[int | None, ...], frozenset[int]]] = {}


def line_marks(code: Any) -> tuple[tuple[int | None, ...], frozenset[int]]:
    """(line of each instruction, the instructions where a 'line' event may fire).

    An instruction whose line is None is invisible to 'line' events (it neither fires nor
    counts as the one run before); so is a JUMP to an instruction of its own line: Ouro's
    jump back to a loop's head carries the head's line, CPython's the body's, and CPython
    reports the head once per iteration."""
    entry = _MARKS.get(id(code))
    if entry is not None and entry[0] is code:
        return entry[1], entry[2]
    lines = [position[0] for position in code.co_positions_table]
    for i, (op, a, _, c) in enumerate(code.co_code):
        if op == FOR_ITER_BACK:  # it is the JUMP to its loop's FOR_ITER, traced
            op, a = JUMP, c - 1
        if op == JUMP and lines[i] == lines[a]:
            lines[i] = None
    marks = {i for i in range(len(lines)) if i == 0 or lines[i] != lines[i - 1]}
    for op, a, b, c in code.co_code:
        for kind, operand in zip(
            opcodes.BY_NUMBER[op].operands, (a, b, c), strict=True
        ):
            if kind == opcodes.TARGET:
                marks.add(operand)
        if op == FOR_ITER_BACK:
            marks.add(c - 1)  # the FOR_ITER it jumps back to, traced
    marks.update(handler for _, _, handler, _ in code.co_exceptiontable)
    result = (tuple(lines), frozenset(marks))
    _MARKS[id(code)] = (code, *result)
    return result


def _handler(code: Any, i: int) -> tuple[int, int] | None:
    for start, end, target, reg in code.co_exceptiontable:
        if start <= i < end:
            return target, reg
    return None


# --- the traced loop ------------------------------------------------------------------------


def run_traced(
    env: Any,
    r: list[object],
    pc: int = 0,
    gen: object = None,
    thrown: BaseException | None = None,
) -> object:
    """``loop.run_frame`` with events: a new loop."""
    base = len(thread_state().frames)
    if base >= LIMIT.value:
        raise _loop_module().recursion_error()
    return _loop(env, r, pc, gen, thrown, base, True)


def continue_traced(
    env: Any, r: list[object], pc: int, gen: object, base: int
) -> object:
    """The rest of a running loop, traced (tracing started under it)."""
    return _loop(env, r, pc, gen, None, base, False)


def _loop(
    env: Any,
    r: list[object],
    pc: int,
    gen: object,
    thrown: BaseException | None,
    base: int,
    starting: bool,
) -> object:
    loop = _loop_module()
    frames = thread_state().frames
    # The frame objects of the frames this loop saved, by depth: alive while those are.
    held: dict[int, Frame | None] = {}
    handlers_ = loop.HANDLERS
    insts = env[1]
    glb = env[2]
    lines, marks = line_marks(env[0])
    if starting:
        fobj = _start(env, r, pc, gen)
        prev = -1 if pc == 0 or insts[pc - 1][0] == RETURN_GENERATOR else pc - 1
    else:
        fobj = frames_mod._FRAMES.get(id(r))
        prev = pc - 1
    while True:
        try:
            if thrown is not None:
                exc, thrown = thrown, None
                raise exc
            while True:
                if not TRACING.on and not getattr(_local, "busy", False):
                    break
                op, a, b, c, _ = insts[pc]
                i = pc
                pc += 1
                line = lines[i]
                if line is not None:
                    if (
                        fobj is not None
                        and fobj.f_trace is not None
                        and fobj.f_trace_lines
                        and (
                            prev < 0  # the frame's first instruction (CPython: RESUME)
                            or (i in marks and lines[prev] != line)
                            or (i <= prev and lines[prev] == line)  # a backward jump
                        )
                    ):
                        fobj._pc = pc
                        _local_event(fobj, "line", None)
                    prev = i
                if op == 1:  # MOVE
                    r[a] = r[b]
                elif op == 17:  # MOVE2: two MOVEs of one line
                    r[a] = r[b]
                    r[a + 1] = r[c]
                elif op == 4:  # LOAD_GLOBAL
                    x = glb.get(b, UNBOUND)
                    r[a] = x if x is not UNBOUND else loop.handlers.load_global(env, b)
                elif op == 20:  # LOAD_ATTR
                    r[a] = getattr(r[b], c)
                elif op in BINARY_OPS:
                    r[a] = BINARY[op](r[b], r[c])
                elif op in JUMP_UNLESS_OPS:
                    if not BINARY[op](r[a], r[b]):
                        pc = c
                elif op in JUMP_IF_OPS:
                    if BINARY[op](r[a], r[b]):
                        pc = c
                elif op == 10:  # LOAD_DEREF
                    handlers.LOAD_DEREF(r, a, b, c, env)
                elif op == 11:  # STORE_DEREF
                    r[b].cell_contents = r[a]
                elif op == 43:  # INPLACE
                    r[a] = handlers.INPLACE_OPERATORS[c](r[a], r[b])
                elif op == 160:  # INPLACE_ADD
                    r[a] += r[b]
                elif op == 161:  # INPLACE_SUBTRACT
                    r[a] -= r[b]
                elif (
                    op == FOR_ITER_BACK
                ):  # run as the JUMP to the FOR_ITER it stands for
                    pc = c - 1
                elif op == 21:  # STORE_ATTR
                    setattr(r[b], c, r[a])
                elif op == 23:  # LOAD_SUBSCR
                    r[a] = r[b][r[c]]
                elif op == 24:  # STORE_SUBSCR
                    r[b][r[c]] = r[a]
                elif op == 30:  # ADD
                    r[a] = r[b] + r[c]
                elif op == 31:  # SUBTRACT
                    r[a] = r[b] - r[c]
                elif op == 50:  # COMPARE_EQ
                    r[a] = r[b] == r[c]
                elif op == 52:  # COMPARE_LT
                    r[a] = r[b] < r[c]
                elif op == 60:  # JUMP
                    pc = a
                elif op == 61:  # JUMP_IF_FALSE
                    if not r[a]:
                        pc = b
                elif op == 62:  # JUMP_IF_TRUE
                    if r[a]:
                        pc = b
                elif op == 63:  # JUMP_IF_NONE
                    if r[a] is None:
                        pc = b
                elif op == 64:  # JUMP_IF_NOT_NONE
                    if r[a] is not None:
                        pc = b
                elif op == 91:  # FOR_ITER
                    x = next(r[b], UNBOUND)
                    if x is UNBOUND:
                        pc = c
                    else:
                        r[a] = x
                elif op == 112:  # SEND
                    if loop.SEND(r, a, b):
                        pc = c
                elif op == 94:  # END_ASYNC_FOR
                    if not isinstance(r[a], StopAsyncIteration):
                        raise r[a]
                    pc = b
                elif op in CALLS:  # CALL / CALL1 / CALL2 / CALL_KW / CALL_EX
                    if op == CALL1:
                        f, args = r[b], [r[c]]
                    elif op == CALL2:
                        f, args = r[a], [r[b], r[c]]
                    else:
                        f, args = r[b], r[b + 1 : b + 1 + c]
                    if type(f) is FrameBuiltin:
                        if op == 101 or op == 102:
                            r[a] = loop.frame_builtin_call(env, r, op, b, c)
                        else:
                            r[a] = f.call(env, r, tuple(args), {})
                        continue
                    if op != 101 and op != 102:
                        if type(f) is Function:
                            x = bind_arguments(f, args, {})
                        elif (
                            type(f) is types.MethodType and type(f.__func__) is Function
                        ):
                            x = loop.bound_method_registers(f, args)
                            f = f.__func__
                        else:
                            r[a] = _host_call(fobj, f, args, {})
                            continue
                    else:
                        f, x = _call_parts(r, op, b, c)
                        if f is None:
                            r[a] = _host_call(fobj, r[b], *x)
                            continue
                    if len(frames) + 1 >= LIMIT.value:
                        raise loop.recursion_error()
                    if fobj is not None:
                        fobj._pc, fobj._prev = pc, prev
                    held[len(frames)] = fobj
                    frames.append((env, r, pc, a))
                    env = f._env
                    insts, glb = env[1], env[2]
                    lines, marks = line_marks(env[0])
                    r = x
                    pc = 0
                    prev = -1
                    fobj = _start(env, r, 0, None)
                elif op == 104 or op == 110:  # RETURN / RETURN_GENERATOR
                    if op == 104:
                        x = r[a]
                        _leave(fobj, pc, x)
                        frames_mod.unpin(fobj)
                    else:
                        x = make_generator(env, r, pc)
                    if len(frames) == base:
                        return x
                    env, r, pc, a = frames.pop()
                    insts, glb = env[1], env[2]
                    lines, marks = line_marks(env[0])
                    r[a] = x
                    fobj = held.pop(len(frames), None) or frames_mod._FRAMES.get(id(r))
                    prev = fobj._prev if fobj is not None else pc - 1
                elif op == 111:  # YIELD_VALUE
                    if gen is None or len(frames) != base:
                        raise SystemError("ouro: YIELD_VALUE outside a generator")
                    gen._pc = pc  # type: ignore[attr-defined]
                    gen._dest = a  # type: ignore[attr-defined]
                    _leave(fobj, pc, r[b])
                    return r[b]
                else:
                    handlers_[op](r, a, b, c, env)
        except BaseException as exc:
            state = _unwind(exc, frames, base, env, r, pc, fobj, held)
            if state is None:
                raise
            env, r, pc, fobj, prev = state
            # Hold no other frame's registers (as run_frame): generators they hold are
            # finalized on time.
            x = state = None
            insts, glb = env[1], env[2]
            lines, marks = line_marks(env[0])
        else:
            # Tracing stopped: run_frame goes on (outside the try, as loop.run_frame's
            # hand-over: what it raises has been unwound there).
            if fobj is not None:
                fobj._prev = prev
            return _finish_fast(env, r, pc, gen, base)


def _host_call(
    fobj: Frame | None, f: Any, args: list[object], kwargs: dict[str, object]
) -> object:
    """A call of host code; profile functions see builtins as 'c_call' & co.

    An exception leaving here keeps this host frame in its traceback: the frame object
    (and through it the caller's registers, where a handler may store that exception) is
    dropped first, or the cycle would keep a generator the registers hold from being
    finalized on time, as the untraced loop does (its host frame is the running one).
    """
    if fobj is None or _functions()[1] is None or not isinstance(f, BUILTIN_TYPES):
        del fobj
        return call_host(f, args, kwargs)
    _profile_event(fobj, "c_call", f)
    try:
        result = call_host(f, args, kwargs)
    except BaseException:
        _profile_event(fobj, "c_exception", f)
        del fobj
        raise
    _profile_event(fobj, "c_return", f)
    return result


def _call_parts(r: list[object], op: int, b: int, c: int) -> tuple[Any, Any]:
    """CALL_KW / CALL_EX: (Ouro function, its registers) or (None, (args, kwargs)) for a
    host callee (called by ``_host_call``)."""
    f = r[b]
    if op == 101:
        names = r[b + 1 + c]
        n = c - len(names)  # type: ignore[arg-type]
        args = r[b + 1 : b + 1 + n]
        kwargs = dict(zip(names, r[b + 1 + n : b + 1 + c], strict=True))  # type: ignore[call-overload]
    else:
        args = star_args(f, r[b + 1])
        kwargs = star_kwargs(f, r[b + 2]) if c & 1 else {}
    if type(f) is Function:
        return f, bind_arguments(f, args, kwargs)
    if type(f) is types.MethodType and type(f.__func__) is Function:
        func = f.__func__
        return func, bind_arguments(func, (f.__self__, *args), kwargs)
    return None, (args, kwargs)


def _unwind(
    exc: BaseException,
    frames: list[tuple[Any, list[object], int, int]],
    base: int,
    env: Any,
    r: list[object],
    pc: int,
    fobj: Frame | None,
    held: dict[int, Frame | None],
) -> tuple[Any, list[object], int, Frame | None, int] | None:
    """loop.unwind with events: (env, r, handler pc, frame object, prev) or None."""
    add_traceback, note_raise = _loop_module().add_traceback, _loop_module().note_raise
    original = exc
    code = env[0]
    i = pc - 1
    op, _, _, c, _ = env[1][i]
    fresh = op != RERAISE and not (op == RAISE and c == 0)
    if fresh:
        note_raise(exc, code, i)
        remember_frame(exc, env, r)
    else:
        _loop_module().drop_reraise_entries(exc)
    while True:
        if fresh:
            try:
                _exception(fobj, pc, exc)
            except BaseException as raised:  # noqa: BLE001 - the trace function's error goes on
                exc = raised
        found = _handler(code, i)
        if found is not None:
            target, reg = found
            r[reg] = exc
            return env, r, target, fobj, i
        try:
            _leave(fobj, pc, None)
        except BaseException as raised:  # noqa: BLE001 - as above
            exc = raised
        frames_mod.unpin(fobj)
        if len(frames) == base:
            note_loop_exit(exc)
            if exc is original:
                return None  # the loop re-raises it to its host caller
            raise exc
        env, r, pc, _ = frames.pop()
        code = env[0]
        i = pc - 1
        add_traceback(exc, code, i)
        fobj = held.pop(len(frames), None) or frames_mod._FRAMES.get(id(r))
        fresh = True


def _finish_fast(env: Any, r: list[object], pc: int, gen: object, base: int) -> object:
    """Tracing stopped: the loop's frames from here on run in ``loop.run_frame``."""
    add_traceback, run_frame = _loop_module().add_traceback, _loop_module().run_frame
    frames = thread_state().frames
    while True:
        if len(frames) == base:
            return run_frame(env, r, pc, gen)
        try:
            x = run_frame(env, r, pc)
        except BaseException as exc:
            while True:
                env, r, pc, _ = frames.pop()
                add_traceback(exc, env[0], pc - 1)
                found = _handler(env[0], pc - 1)
                if found is not None:
                    pc, reg = found
                    r[reg] = exc
                    break
                if len(frames) == base:
                    raise
            continue
        env, r, pc, a = frames.pop()
        r[a] = x


register_loop(_loop)
# Both hand a loop's running frame to another loop: the first loop's env/r/pc are stale then.
register_handoff(continue_traced)
register_handoff(_finish_fast)
