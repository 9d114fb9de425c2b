"""The dispatch loop: runs Code objects' instructions (docs/vm-format.md).

``execute(code, globals, locals=None)`` runs a module (or exec'd) code object and returns what
its RETURN returns; ``run_frame(env, registers, pc)`` runs one frame and the frames it calls.

A frame is its environment ``env = (code, insts, globals, builtins, locals mapping)`` (shared
by every call of one function, see ``function.Function``), its register list and its pc. The
loop keeps pc, the registers, the decoded instructions and the globals in locals. A call to an
Ouro function saves the caller as ``(env, registers, pc, destination)`` on the thread's frame
stack and continues in the callee in the same loop (stackless); RETURN pops it. Only host code
calling an Ouro function (``Function.__call__``), a class body and a generator's resumption
start a nested loop.

Dispatch: an if/elif chain in four groups by opcode number (``GROUPS``) for the hottest
opcodes and those that move pc or switch frames, then ``HANDLERS[op](r, a, b, c, env)`` for
the rest (``handlers.py``). An opcode's place in the chain costs 6-7 ns per test ahead of it,
a handler call about what position 2-3 costs.

Tracing (``sys.settrace``/``setprofile``): ``TRACING.on`` is tested when a loop starts and
after a FrameBuiltin call, never per instruction; when set, ``tracing.py``'s variant of this
loop runs the frame.  Frames (``sys._getframe``) are read from this function's host frames
(``frames.py``), so the names ``env``, ``r``, ``pc``, ``base`` and ``gen`` are part of that
contract.

Exceptions: one host ``try`` around the dispatch. ``unwind`` finds the innermost
``co_exceptiontable`` range around the failing instruction, puts the exception in the range's
register and continues at its handler, popping frames until one handles it. On the way it
records ``(code, instruction index)`` pairs, innermost first, in the exception's
``__ouro_traceback__`` attribute (host exceptions take attributes but not weak references).
"""

from __future__ import annotations

import types

from ouro.bytecode import opcodes
from ouro.bytecode.code import CO_VARARGS, CO_VARKEYWORDS, UNBOUND, Code
from ouro.vm import function, handlers
from ouro.vm.errors import empty_cell, star_args, star_kwargs
from ouro.vm.frame_builtins import FrameBuiltin
from ouro.vm.frames import LOOP_CODE_IDS, register_loop
from ouro.vm.function import Env, Function, bind_arguments, make_env
from ouro.vm.generator import make_generator
from ouro.vm.state import LIMIT, thread_state
from ouro.vm.traceback import note_loop_exit, remember_frame
from ouro.vm.tracing import TRACING, continue_traced, run_traced
from ouro.vm.trampoline import host_arguments, retry_call

MethodType = types.MethodType

# The loop's cases (docs/vm-format.md, docs/vm.md).  The chain is split in four groups by
# opcode number, one range test each (``op < 30``, ``< 60``, ``< 100``, the rest), following
# the table's sections; inside a group the cases come in the order of the dynamic counts over
# the speed suite (benchmarks/dispatch_counts.py, issue #7), since each test ahead of an opcode
# costs it 6-7 ns.  Grouping took the mean from 9.6 tests a dispatch to 5.2.  An opcode with no
# case here runs its handler (handlers.py) from its group's last branch.
GROUPS: dict[int, dict[str, int]] = {
    30: {  # moving values, attributes and items
        "LOAD_ATTR": 20,
        "MOVE": 1,
        "LOAD_GLOBAL": 4,
        "MOVE2": 17,
        "STORE_ATTR": 21,
        "LOAD_SUBSCR": 23,
        "LOAD_DEREF": 10,
        "STORE_SUBSCR": 24,
        "STORE_DEREF": 11,
    },
    60: {  # operators and comparisons
        "MULTIPLY": 32,
        "ADD": 30,
        "REMAINDER": 35,
        "SUBTRACT": 31,
        # BINARY_OPS: one case (handlers.BINARY)
        "INPLACE": 43,
        "COMPARE_EQ": 50,
        "COMPARE_LT": 52,
    },
    100: {  # jumps, building values, iteration
        "FOR_ITER": 91,
        "JUMP_IF_FALSE": 61,
        "JUMP": 60,
        "JUMP_IF_TRUE": 62,
        "JUMP_IF_NOT_NONE": 64,
        "JUMP_IF_NONE": 63,
        "END_ASYNC_FOR": 94,
    },
    256: {  # calls, returns, generators, exceptions; the specialisations (160 and up)
        "CALL1": 163,
        "RETURN": 104,
        "INPLACE_ADD": 160,
        "FOR_ITER_BACK": 162,
        # JUMP_UNLESS_OPS: one case, `op >= 171`
        "CALL": 100,
        "CALL2": 164,
        "YIELD_VALUE": 111,
        # JUMP_IF_OPS: one case, `op >= 165`
        "INPLACE_SUBTRACT": 161,
        "SEND": 112,
        "CALL_KW": 101,
        "CALL_EX": 102,
        "RETURN_GENERATOR": 110,
    },
}
BINARY = handlers.BINARY
BINARY_OPS = handlers.BINARY_OPS
JUMP_IF_OPS = handlers.JUMP_IF_OPS
JUMP_UNLESS_OPS = handlers.JUMP_UNLESS_OPS
INPLACE_OPERATORS = handlers.INPLACE_OPERATORS


def _check_dispatch() -> list[handlers.Handler]:
    """Import-time check: every opcode is a case of the chain or has a handler, not both,
    and every case sits in the group its number falls in."""
    low = 0
    chained = set()
    for high, cases in GROUPS.items():
        for name, number in cases.items():
            assert opcodes.BY_NAME[name].number == number, (
                f"chain: {name} is not {number}"
            )
            assert low <= number < high, (
                f"chain: {name} is not in the group below {high}"
            )
            chained.add(number)
        low = high
    assert BINARY_OPS <= set(range(30, 60)), (
        "BINARY_OPS: a case of the operators' group"
    )
    # The two range tests of the last group: JUMP_UNLESS_xx are the numbers from 171 up,
    # JUMP_IF_xx those from 165 up to them.
    assert JUMP_UNLESS_OPS == set(range(171, 177)), "JUMP_UNLESS_OPS are 171-176"
    assert JUMP_IF_OPS == set(range(165, 171)), "JUMP_IF_OPS are 165-170"
    assert max(info.number for info in opcodes.OPS) == 176, "no opcode above 176"
    chained |= BINARY_OPS | JUMP_IF_OPS | JUMP_UNLESS_OPS
    handled = set(handlers.HANDLERS)
    table = {info.number for info in opcodes.OPS}
    assert not chained & handled, f"both chained and handled: {chained & handled}"
    missing = table - chained - handled
    assert not missing, f"opcodes without a case or handler: {sorted(missing)}"
    assert handled <= table, f"handlers without an opcode: {handled - table}"
    dispatch = [_unknown_opcode] * 256
    for number, run in handlers.HANDLERS.items():
        dispatch[number] = run
    return dispatch


def _unknown_opcode(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    raise SystemError("ouro: unknown opcode")


HANDLERS = _check_dispatch()


def execute(code: Code, globals: dict[str, object], locals: object = None) -> object:
    """Run a module-level code object with these namespaces (locals default to globals)."""
    if "__builtins__" not in globals:
        globals["__builtins__"] = function.builtins_of(globals)
    env = make_env(code, globals, globals if locals is None else locals)
    return run_frame(env, code.co_template.copy())


def recursion_error() -> RecursionError:
    return RecursionError("maximum recursion depth exceeded")


def run_frame(
    env: Env,
    r: list[object],
    pc: int = 0,
    gen: object = None,
    thrown: BaseException | None = None,
    frames: list[tuple[Env, list[object], int, int]] | None = None,
) -> object:
    """Run the frame ``(env, r)`` from ``pc`` until it returns (or its generator yields).

    ``frames``: the thread's frame stack, when the caller has it at hand (a generator's
    resumption: looking it up again costs what two dispatches do)."""
    if TRACING.on:  # sys.settrace/setprofile: the traced variant runs it (tracing.py)
        return run_traced(env, r, pc, gen, thrown)
    if frames is None:
        frames = thread_state().frames
    # depth mirrors len(frames) (cheaper to keep than to ask): every push and pop here
    # moves it, unwinding resets it; nested loops leave the list as they found it.
    base = depth = len(frames)
    limit = LIMIT
    if base >= limit.value:
        raise recursion_error()
    handlers_ = HANDLERS
    insts = env[1]
    glb = env[2]
    while True:
        try:
            if thrown is not None:  # generator.throw(): raised at the yield
                exc, thrown = thrown, None
                raise exc
            while True:
                op, a, b, c, pc = insts[pc]  # pc: the next instruction's index
                if op < 30:  # moving values, attributes and items
                    if op == 20:  # LOAD_ATTR  r[b] names[c] -> r[a]
                        r[a] = getattr(r[b], c)
                    elif op == 1:  # MOVE  r[b] -> r[a]
                        r[a] = r[b]
                    elif op == 4:  # LOAD_GLOBAL  names[b] -> r[a]
                        if b in glb:
                            r[a] = glb[b]
                        else:
                            x = env[3].get(b, UNBOUND)  # a builtin
                            if x is UNBOUND:
                                x = handlers.load_global(env, b)  # NameError
                            r[a] = x
                    elif op == 17:  # MOVE2  r[b] r[c] -> r[a:a+2]
                        r[a] = r[b]
                        r[a + 1] = r[c]
                    elif op == 21:  # STORE_ATTR  r[a] r[b] names[c] -> -
                        setattr(r[b], c, r[a])
                    elif op == 23:  # LOAD_SUBSCR  r[b] r[c] -> r[a]
                        r[a] = r[b][r[c]]
                    elif op == 10:  # LOAD_DEREF  r[b] -> r[a]
                        try:
                            r[a] = r[b].cell_contents
                        except ValueError:
                            raise empty_cell(env[0], b) from None
                    elif op == 24:  # STORE_SUBSCR  r[a] r[b] r[c] -> -
                        r[b][r[c]] = r[a]
                    elif op == 11:  # STORE_DEREF  r[a] -> r[b]
                        r[b].cell_contents = r[a]
                    else:
                        handlers_[op](r, a, b, c, env)
                elif op < 60:  # operators and comparisons
                    if op == 32:  # MULTIPLY  r[b] r[c] -> r[a]
                        r[a] = r[b] * r[c]
                    elif op == 30:  # ADD  r[b] r[c] -> r[a]
                        r[a] = r[b] + r[c]
                    elif op == 35:  # REMAINDER  r[b] r[c] -> r[a]
                        r[a] = r[b] % r[c]
                    elif op == 31:  # SUBTRACT  r[b] r[c] -> r[a]
                        r[a] = r[b] - r[c]
                    elif op in BINARY_OPS:  # r[b] <op> r[c] -> r[a]
                        r[a] = BINARY[op](r[b], r[c])
                    elif op == 43:  # INPLACE  r[a] r[b] -> r[a]
                        r[a] = INPLACE_OPERATORS[c](r[a], r[b])
                    elif op == 50:  # COMPARE_EQ  r[b] r[c] -> r[a]
                        r[a] = r[b] == r[c]
                    elif op == 52:  # COMPARE_LT  r[b] r[c] -> r[a]
                        r[a] = r[b] < r[c]
                    else:
                        handlers_[op](r, a, b, c, env)
                elif op < 100:  # jumps, building values, iteration
                    if op == 91:  # FOR_ITER  r[b] -> r[a] @c
                        x = next(r[b], UNBOUND)
                        if x is UNBOUND:
                            pc = c
                        else:
                            r[a] = x
                    elif op == 61:  # JUMP_IF_FALSE  r[a] -> @b
                        if not r[a]:
                            pc = b
                    elif op == 60:  # JUMP  - -> @a
                        pc = a
                    elif op == 62:  # JUMP_IF_TRUE  r[a] -> @b
                        if r[a]:
                            pc = b
                    elif op == 64:  # JUMP_IF_NOT_NONE  r[a] -> @b
                        if r[a] is not None:
                            pc = b
                    elif op == 63:  # JUMP_IF_NONE  r[a] -> @b
                        if r[a] is None:
                            pc = b
                    elif op == 94:  # END_ASYNC_FOR  r[a] -> @b
                        if not isinstance(r[a], StopAsyncIteration):
                            raise r[a]
                        pc = b
                    else:
                        handlers_[op](r, a, b, c, env)
                # calls, returns, generators, exceptions, and the specialisations (>= 160)
                elif op == 163:  # CALL1  r[b] r[c] -> r[a]
                    f = r[b]
                    t = type(f)
                    if t is Function and f._argc == 1:
                        x = f._template.copy()
                        x[0] = r[c]
                    elif t is MethodType and type(f.__func__) is Function:
                        if f.__func__._argc == 2:  # self and the argument
                            x = f.__func__._template.copy()
                            x[0] = f.__self__
                            x[1] = r[c]
                        else:
                            x = bound_method_registers(f, [r[c]])
                        f = f.__func__
                    elif t is Function or t is FrameBuiltin:
                        f, x = call_registers(env, r, f, [r[c]])
                        if f is None:
                            r[a] = x
                            if TRACING.on:  # sys.settrace() was called: go on traced
                                break
                            continue
                    else:
                        try:
                            r[a] = f(r[c])
                            continue
                        except TypeError as error:  # it may want host functions
                            x = host_retry(error, f, [r[c]])
                        r[a] = f(*x)  # outside the handler: no implicit __context__
                        continue
                    if depth + 1 >= limit.value:  # the new frame would pass it
                        raise recursion_error()
                    frames.append((env, r, pc, a))
                    depth += 1
                    env = f._env
                    insts = env[1]
                    glb = env[2]
                    r = x
                    pc = 0
                elif op == 104:  # RETURN  r[a] -> -
                    x = r[a]
                    if depth == base:
                        return x
                    env, r, pc, a = frames.pop()
                    depth -= 1
                    insts = env[1]
                    glb = env[2]
                    r[a] = x
                elif op == 160:  # INPLACE_ADD  r[a] r[b] -> r[a]
                    r[a] += r[b]
                elif op == 162:  # FOR_ITER_BACK  r[b] -> r[a] @c
                    x = next(r[b], UNBOUND)
                    if x is not UNBOUND:
                        r[a] = x
                        pc = c
                elif op >= 171:  # JUMP_UNLESS_xx (171-176)  r[a] <cmp> r[b] -> @c
                    if op == 171:  # JUMP_UNLESS_EQ and _LT, the commonest: no call
                        if not r[a] == r[b]:  # noqa: SIM201 - not the same as !=
                            pc = c
                    elif op == 173:
                        if not r[a] < r[b]:
                            pc = c
                    elif not BINARY[op](r[a], r[b]):
                        pc = c
                elif op == 100:  # CALL  r[b:b+1+c] -> r[a]
                    f = r[b]
                    t = type(f)
                    if t is Function and f._argc == c:
                        x = r[b + 1 : b + 1 + c] + f._rest
                    elif t is MethodType and type(f.__func__) is Function:
                        x = f.__self__
                        f = f.__func__
                        if f._argc == c + 1:  # self and the arguments
                            x = [x, *r[b + 1 : b + 1 + c], *f._rest]
                        else:
                            x = bind_arguments(f, (x, *r[b + 1 : b + 1 + c]), {})
                    elif t is Function or t is FrameBuiltin:
                        f, x = call_registers(env, r, f, r[b + 1 : b + 1 + c])
                        if f is None:
                            r[a] = x
                            if TRACING.on:  # sys.settrace() was called: go on traced
                                break
                            continue
                    else:
                        args = r[b + 1 : b + 1 + c]
                        try:
                            r[a] = f(*args)
                            continue
                        except TypeError as error:  # it may want host functions
                            x = host_retry(error, f, args)
                        r[a] = f(*x)  # outside the handler: no implicit __context__
                        continue
                    if depth + 1 >= limit.value:
                        raise recursion_error()
                    frames.append((env, r, pc, a))
                    depth += 1
                    env = f._env
                    insts = env[1]
                    glb = env[2]
                    r = x
                    pc = 0
                elif op == 164:  # CALL2  r[a] r[b] r[c] -> r[a]
                    f = r[a]
                    t = type(f)
                    if t is Function and f._argc == 2:
                        x = f._template.copy()
                        x[0] = r[b]
                        x[1] = r[c]
                    elif t is MethodType and type(f.__func__) is Function:
                        x = f.__self__
                        f = f.__func__
                        if f._argc == 3:  # self and the two arguments
                            x = [x, r[b], r[c], *f._rest]
                        else:
                            x = bind_arguments(f, (x, r[b], r[c]), {})
                    elif t is Function or t is FrameBuiltin:
                        f, x = call_registers(env, r, f, [r[b], r[c]])
                        if f is None:
                            r[a] = x
                            if TRACING.on:  # sys.settrace() was called: go on traced
                                break
                            continue
                    else:
                        try:
                            r[a] = f(r[b], r[c])
                            continue
                        except TypeError as error:  # it may want host functions
                            x = host_retry(error, f, [r[b], r[c]])
                        r[a] = f(*x)  # outside the handler: no implicit __context__
                        continue
                    if depth + 1 >= limit.value:
                        raise recursion_error()
                    frames.append((env, r, pc, a))
                    depth += 1
                    env = f._env
                    insts = env[1]
                    glb = env[2]
                    r = x
                    pc = 0
                elif op == 111:  # YIELD_VALUE  r[b] -> r[a]
                    if gen is None or depth != base:
                        raise SystemError("ouro: YIELD_VALUE outside a generator")
                    gen._pc = pc
                    gen._dest = a
                    return r[b]
                elif op >= 165:  # JUMP_IF_xx (165-170)  r[a] <cmp> r[b] -> @c
                    if BINARY[op](r[a], r[b]):
                        pc = c
                elif op == 161:  # INPLACE_SUBTRACT  r[a] r[b] -> r[a]
                    r[a] -= r[b]
                elif op == 112:  # SEND  r[a] r[b] -> r[a] @c
                    if SEND(r, a, b):
                        pc = c
                elif op == 101 or op == 102:  # CALL_KW / CALL_EX  -> r[a]
                    if type(r[b]) is FrameBuiltin:
                        r[a] = frame_builtin_call(env, r, op, b, c)
                        if TRACING.on:
                            break
                        continue
                    f, x = CALL_KW(r, b, c) if op == 101 else CALL_EX(r, b, c)
                    if f is None:
                        r[a] = x
                        continue
                    if depth + 1 >= limit.value:
                        raise recursion_error()
                    frames.append((env, r, pc, a))
                    depth += 1
                    env = f._env
                    insts = env[1]
                    glb = env[2]
                    r = x
                    pc = 0
                elif op == 110:  # RETURN_GENERATOR  - -> -
                    x = make_generator(env, r, pc)
                    if depth == base:
                        return x
                    env, r, pc, a = frames.pop()
                    depth -= 1
                    insts = env[1]
                    glb = env[2]
                    r[a] = x
                else:
                    handlers_[op](r, a, b, c, env)
        except BaseException as exc:
            unwound = unwind(exc, frames, base, env, r, pc)
            if unwound is None:
                raise
            env, r, pc = unwound
            depth = len(frames)
            # Hold no other frame's registers: a caught exception's frames are freed as in
            # CPython, and generators they hold are finalized on time.
            x = unwound = None
            insts = env[1]
            glb = env[2]
        else:
            # The dispatch loop broke off: tracing started (sys.settrace), the traced loop
            # runs the frames on.  Outside the try: what it raises has been unwound there,
            # and this loop's env/r/pc are stale from now on (frames.HANDOFF_CODES).
            return continue_traced(env, r, pc, gen, base)


# --- calls ----------------------------------------------------------------------------------


def bound_method_registers(method: MethodType, args: list[object]) -> list[object]:
    """The callee's registers for a bound Ouro method: self, then the arguments."""
    func = method.__func__
    if func._argc == len(args) + 1:  # type: ignore[attr-defined]
        return [method.__self__, *args, *func._rest]  # type: ignore[attr-defined]
    return bind_arguments(func, (method.__self__, *args), {})  # type: ignore[arg-type]


def call_registers(
    env: Env, r: list[object], f: object, args: list[object]
) -> tuple[Function | None, object]:
    """A CALL's slow cases: (function, its registers) for an Ouro function whose arguments
    need binding, else (None, the result) for a FrameBuiltin (globals, exec and the like see
    the calling frame)."""
    if type(f) is FrameBuiltin:
        return None, f.call(env, r, tuple(args), {})
    return f, bind_arguments(f, args, {})  # type: ignore[arg-type]


def host_retry(error: TypeError, f: object, args: list[object]) -> list[object]:
    """A host callable refused ``args`` with ``error``: the arguments to call it with again,
    with trampolines, if it wants host functions (trampoline.py); else ``error`` goes on."""
    retry = host_arguments(f, args, {})
    if retry is None:
        raise error
    return retry[0]


def ouro_frame(
    f: object, args: tuple[object, ...] | list[object], kwargs: dict[str, object]
) -> tuple[Function | None, object]:
    """(function, its registers) for an Ouro callee, else (None, the host call's result)."""
    if type(f) is Function:
        return f, bind_arguments(f, args, kwargs)
    if type(f) is MethodType and type(f.__func__) is Function:
        func = f.__func__
        return func, bind_arguments(func, (f.__self__, *args), kwargs)
    try:
        return None, f(*args, **kwargs)  # type: ignore[operator]
    except TypeError:  # it may want host functions (trampoline.py)
        retry = host_arguments(f, args, kwargs)
        if retry is None:
            raise
    return None, f(*retry[0], **retry[1])  # type: ignore[operator]


def frame_builtin_call(env: Env, r: list[object], op: int, b: int, c: int) -> object:
    """CALL_KW / CALL_EX of a FrameBuiltin: its arguments, and the calling frame."""
    f = r[b]
    if op == 101:
        names = r[b + 1 + c]
        n = c - len(names)  # type: ignore[arg-type]
        args = tuple(r[b + 1 : b + 1 + n])
        kwargs = dict(zip(names, r[b + 1 + n : b + 1 + c], strict=True))  # type: ignore[call-overload]
    else:
        args = tuple(star_args(f, r[b + 1]))
        kwargs = star_kwargs(f, r[b + 2]) if c & 1 else {}
    return f.call(env, r, args, kwargs)  # type: ignore[union-attr]


def CALL_KW(r: list[object], b: int, c: int) -> tuple[Function | None, object]:
    """CALL_KW  r[b:b+2+c] -> r[a]: the last len(r[b+1+c]) arguments are keywords."""
    names = r[b + 1 + c]
    n = c - len(names)  # type: ignore[arg-type]
    args = r[b + 1 : b + 1 + n]
    f = r[b]
    if type(f) is Function and f._env is not None:
        regs = keyword_registers(f, args, names, r[b + 1 + n : b + 1 + c])  # type: ignore[arg-type]
        if regs is not None:
            return f, regs
    kwargs = dict(zip(names, r[b + 1 + n : b + 1 + c], strict=True))  # type: ignore[call-overload]
    return ouro_frame(f, args, kwargs)


def keyword_registers(
    func: Function, args: list[object], names: tuple[str, ...], values: list[object]
) -> list[object] | None:
    """A call's registers when its keywords all name parameters and nothing is missing or
    given twice; None leaves it to ``bind_arguments`` (which has every case's error)."""
    code = func._code
    flags = code.co_flags
    argcount = code.co_argcount
    n = len(args)
    if flags & CO_VARKEYWORDS or n > argcount:
        return None
    regs = func._template.copy()
    regs[:n] = args
    total = argcount + code.co_kwonlyargcount
    varnames = code.co_varnames
    posonly = code.co_posonlyargcount
    for name, value in zip(names, values):
        try:
            i = varnames.index(name, posonly, total)
        except ValueError:
            return None
        if regs[i] is not UNBOUND:
            return None
        regs[i] = value
    if n < argcount:
        defaults = func._defaults or ()
        first_default = argcount - len(defaults)
        for i in range(n, argcount):
            if regs[i] is UNBOUND:
                if i < first_default:
                    return None
                regs[i] = defaults[i - first_default]
    if total > argcount:
        kwdefaults = func._kwdefaults
        for i in range(argcount, total):
            if regs[i] is UNBOUND:
                if kwdefaults is None or varnames[i] not in kwdefaults:
                    return None
                regs[i] = kwdefaults[varnames[i]]
    if flags & CO_VARARGS:
        regs[total] = ()
    return regs


def CALL_EX(r: list[object], b: int, c: int) -> tuple[Function | None, object]:
    """CALL_EX  r[b:b+3] -> r[a]: r[b](*r[b+1], **r[b+2])."""
    f = r[b]
    args = star_args(f, r[b + 1])
    kwargs = star_kwargs(f, r[b + 2]) if c & 1 else {}
    return ouro_frame(f, args, kwargs)


# --- generators -----------------------------------------------------------------------------


def SEND(r: list[object], a: int, b: int) -> bool:
    """SEND  r[a] r[b] -> r[b] @c: r[b] = what the sub-iterator yields or returns.

    Returns True when the sub-iterator has returned (the loop then jumps to c). Both the
    yielded and the returned value go to r[b], r[a] keeps the sub-iterator.
    """
    it, value = r[a], r[b]
    try:
        if value is None and hasattr(it, "__next__"):
            r[b] = next(it)  # type: ignore[call-overload]
        else:
            r[b] = it.send(value)  # type: ignore[attr-defined]
    except StopIteration as stop:
        r[b] = stop.value
        return True
    return False


# --- exceptions -----------------------------------------------------------------------------

RAISE = opcodes.BY_NAME["RAISE"].number
RERAISE = opcodes.BY_NAME["RERAISE"].number


def unwind(
    exc: BaseException,
    frames: list[tuple[Env, list[object], int, int]],
    base: int,
    env: Env,
    r: list[object],
    pc: int,
) -> tuple[Env, list[object], int] | None:
    """Where ``exc`` raised at instruction pc-1 is handled: (env, registers, handler pc).

    Pops the frames above ``base`` that do not handle it; None if none down to ``base`` does
    (the loop then re-raises it to its host caller).
    """
    code = env[0]
    i = pc - 1
    op, _, _, c, _ = env[1][i]
    if type(exc) is TypeError and retry_call(code, env[1][i], r):
        return env, r, i  # a CALL of host code that wants host functions: run it again
    if op != RERAISE and not (op == RAISE and c == 0):  # a re-raise adds no entry
        note_raise(exc, code, i)
        remember_frame(exc, env, r)  # a NameError's suggestions read its frame
    else:
        drop_reraise_entries(exc)
    while True:
        for start, end, target, reg in code.co_exceptiontable:
            if start <= i < end:
                r[reg] = exc
                return env, r, target
        if len(frames) == base:
            note_loop_exit(exc)  # which of its entries this loop added (traceback.py)
            return None
        env, r, pc, _ = frames.pop()
        code = env[0]
        i = pc - 1
        add_traceback(exc, code, i)


def drop_reraise_entries(exc: BaseException) -> None:
    """A re-raise leaves ``__traceback__`` as it was, as CPython's RERAISE does: the host
    entries the loop and the handler just added to it are taken off again."""
    tb = exc.__traceback__
    # By id: `code in a_set` hashes the code object, some microseconds for the loop's.
    while tb is not None and id(tb.tb_frame.f_code) in LOOP_CODE_IDS:
        tb = tb.tb_next
    if tb is not None and id(tb.tb_frame.f_code) in RERAISE_CODE_IDS:
        exc.__traceback__ = tb.tb_next


def note_raise(exc: BaseException, code: Code, i: int) -> None:
    """A new raise: record where, and chain the exception being handled as its context.

    A ``raise`` statement sets the context as CPython does (replacing an older one).  An
    exception that comes out of host code keeps the context the host gave it, if any, and one
    that was raised in Ouro code before (it has Ouro entries) keeps the one it got then.
    """
    explicit = code.co_code[i][0] == RAISE
    if not explicit and (
        exc.__context__ is not None or hasattr(exc, "__ouro_traceback__")
    ):
        add_traceback(exc, code, i)
        return
    add_traceback(exc, code, i)
    handled = thread_state().handled
    if handled is None or handled is exc:
        return
    # As CPython: cut a cycle if exc is already in handled's context chain, without hanging
    # on a cycle already there (Floyd's tortoise and hare).
    link: BaseException = handled
    slow: BaseException | None = handled
    toggle = False
    while (context := link.__context__) is not None:
        if context is exc:
            link.__context__ = None
            break
        link = context
        if link is slow:
            break
        if toggle and slow is not None:
            slow = slow.__context__
        toggle = not toggle
    exc.__context__ = handled


def add_traceback(exc: BaseException, code: Code, i: int) -> None:
    # getattr with a default, not try/except AttributeError: an exception's first entry
    # would cost a host AttributeError raised and caught (about 0.6 us).
    entries = getattr(exc, "__ouro_traceback__", None)
    if entries is not None:
        entries.append((code, i))
        return
    try:
        exc.__ouro_traceback__ = [(code, i)]  # type: ignore[attr-defined]
    except (AttributeError, TypeError):
        pass


function.run_frame = run_frame
# The host frames a re-raise passes through: the loops and the handlers that raise.
RERAISE_CODES: set[types.CodeType] = {
    handlers.RAISE.__code__,
    handlers.RERAISE.__code__,
}
RERAISE_CODE_IDS = frozenset(map(id, RERAISE_CODES))
register_loop(run_frame)  # frames.py reads the running frame from its host frames
