"""The opcodes the loop does not run inline: one function per opcode, named after it.

Every handler is called as ``handler(r, a, b, c, env)`` with the frame's registers, the
decoded operands (NAME operands are already strings, ``function.decode``) and the frame
environment ``(code, insts, globals, builtins, locals mapping)``. Handlers never move pc and
never switch frames: those opcodes are cases of the loop (``loop.py``). ``HANDLERS`` maps
opcode numbers to these functions; the loop checks at import that every opcode of the table is
either a case of its own or here.
"""

from __future__ import annotations

import builtins as host_builtins
import operator
import types
from collections.abc import Callable

from ouro.bytecode import opcodes
from ouro.bytecode.code import UNBOUND, Code
from ouro.vm import (
    errors,
    exception_groups,
    ourobuiltins,
    own_modules,
    typeparams,
)
from ouro.vm.asyncgen import AsyncGenerator
from ouro.vm.frame_builtins import FRAME_BUILTINS
from ouro.vm.function import Env, Function
from ouro.vm.state import thread_state

Handler = Callable[[list[object], int, object, object, Env], None]
HANDLERS: dict[int, Handler] = {}


def handler(func: Handler) -> Handler:
    """Register ``func`` as the handler of the opcode it is named after."""
    HANDLERS[opcodes.BY_NAME[func.__name__].number] = func
    return func


# --- moving values --------------------------------------------------------------------------


@handler
def NOP(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    pass


@handler
def CHECK_LOCAL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    if r[a] is UNBOUND:
        raise errors.unbound_local(env[0], a)


@handler
def DELETE_LOCAL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    if r[a] is UNBOUND:
        raise errors.unbound_local(env[0], a)
    r[a] = UNBOUND


@handler
def STORE_GLOBAL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    env[2][b] = r[a]


@handler
def DELETE_GLOBAL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    try:
        del env[2][b]
    except KeyError:
        raise errors.name_error(b) from None


@handler
def LOAD_NAME(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is not None:
        try:
            r[a] = lmap[b]
            return
        except KeyError:
            pass
    r[a] = load_global(env, b)


@handler
def STORE_NAME(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is None:
        raise SystemError(f"no locals found when storing {b!r}")
    lmap[b] = r[a]


@handler
def DELETE_NAME(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is None:
        raise SystemError(f"no locals when deleting {b!r}")
    try:
        del lmap[b]
    except KeyError:
        raise errors.name_error(b) from None


OURO_SUPER = FRAME_BUILTINS["super"]
HOST_SUPER = super


def load_global(env: Env, name: str) -> object:
    """LOAD_GLOBAL's slow path and LOAD_NAME's end: globals, then builtins."""
    value = env[2].get(name, UNBOUND)
    if value is UNBOUND:
        value = env[3].get(name, UNBOUND)
        if value is UNBOUND:
            raise errors.name_error(name)
    return value


# LOAD_DEREF, STORE_DEREF and INPLACE are cases of both loops, not handlers; the functions
# stay for the handlers that build on them.
def LOAD_DEREF(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    try:
        r[a] = r[b].cell_contents
    except ValueError:
        raise errors.empty_cell(env[0], b) from None


def STORE_DEREF(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[b].cell_contents = r[a]


@handler
def DELETE_DEREF(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    cell = r[b]
    try:
        del cell.cell_contents
    except ValueError:
        raise errors.empty_cell(env[0], b) from None


@handler
def MAKE_CELL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    value = r[a]
    r[a] = types.CellType() if value is UNBOUND else types.CellType(value)


@handler
def LOAD_CLASSDEREF(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is not None:
        try:
            r[a] = lmap[c]
            return
        except KeyError:
            pass
    LOAD_DEREF(r, a, b, None, env)


@handler
def LOAD_FROM_DICT_OR_DEREF(
    r: list[object], a: int, b: object, c: object, env: Env
) -> None:
    try:
        r[a] = r[a][c]  # type: ignore[index]
    except KeyError:
        LOAD_DEREF(r, a, b, None, env)


@handler
def LOAD_FROM_DICT_OR_GLOBALS(
    r: list[object], a: int, b: object, c: object, env: Env
) -> None:
    try:
        r[a] = r[a][b]  # type: ignore[index]
    except KeyError:
        r[a] = load_global(env, b)  # type: ignore[arg-type]


# --- attributes and items -------------------------------------------------------------------


@handler
def DELETE_ATTR(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    delattr(r[b], c)


@handler
def DELETE_SUBSCR(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    del r[b][r[c]]


@handler
def LOAD_SUPER_ATTR(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    b = int(b)
    # super().name (zero-argument form only: codegen.is_super_call): the host's super does
    # the lookup; a program's own global super is called as CPython calls it, with nothing.
    sup = r[b]
    if sup is OURO_SUPER or sup is HOST_SUPER:
        if c == "__class__":
            r[a] = sup
            return
        proxy = HOST_SUPER(r[b + 1], r[b + 2])
    else:
        proxy = sup()  # type: ignore[operator]
    r[a] = getattr(proxy, c)


# --- operators ------------------------------------------------------------------------------


# The binary operators that are no handlers: both loops run them as one case,
# ``r[a] = BINARY[op](r[b], r[c])`` (a host operator function called straight from the loop
# costs less than a handler that calls it).
BINARY_OPERATORS: dict[str, Callable[[object, object], object]] = {
    "MULTIPLY": operator.mul,
    "TRUE_DIVIDE": operator.truediv,
    "FLOOR_DIVIDE": operator.floordiv,
    "REMAINDER": operator.mod,
    "POWER": operator.pow,
    "MATRIX_MULTIPLY": operator.matmul,
    "LSHIFT": operator.lshift,
    "RSHIFT": operator.rshift,
    "AND": operator.and_,
    "OR": operator.or_,
    "XOR": operator.xor,
    "COMPARE_NE": operator.ne,
    "COMPARE_LE": operator.le,
    "COMPARE_GT": operator.gt,
    "COMPARE_GE": operator.ge,
    "IS": operator.is_,
    "IS_NOT": operator.is_not,
    "NOT_CONTAINS": lambda x, y: x not in y,
    "CONTAINS": lambda x, y: x in y,
}
# The fused compare-and-branch instructions: the comparison each makes (JUMP_IF_xx jumps
# when it is true, JUMP_UNLESS_xx when it is false).
_COMPARISONS = {
    "EQ": operator.eq,
    "NE": operator.ne,
    "LT": operator.lt,
    "LE": operator.le,
    "GT": operator.gt,
    "GE": operator.ge,
}
BINARY: list[Callable[[object, object], object] | None] = [None] * 256
for _name, _function in BINARY_OPERATORS.items():
    BINARY[opcodes.BY_NAME[_name].number] = _function
for _cmp, _function in _COMPARISONS.items():
    BINARY[opcodes.BY_NAME["JUMP_IF_" + _cmp].number] = _function
    BINARY[opcodes.BY_NAME["JUMP_UNLESS_" + _cmp].number] = _function
BINARY_OPS = frozenset(opcodes.BY_NAME[name].number for name in BINARY_OPERATORS)
JUMP_IF_OPS = frozenset(
    opcodes.BY_NAME["JUMP_IF_" + cmp].number for cmp in _COMPARISONS
)
JUMP_UNLESS_OPS = frozenset(
    opcodes.BY_NAME["JUMP_UNLESS_" + cmp].number for cmp in _COMPARISONS
)

# INPLACE's c: the operator in ast's order (ouro.syntax.nodes' operator classes).
INPLACE_OPERATORS: tuple[Callable[[object, object], object], ...] = (
    operator.iadd,  # Add
    operator.isub,  # Sub
    operator.imul,  # Mult
    operator.imatmul,  # MatMult
    operator.itruediv,  # Div
    operator.imod,  # Mod
    operator.ipow,  # Pow
    operator.ilshift,  # LShift
    operator.irshift,  # RShift
    operator.ior,  # BitOr
    operator.ixor,  # BitXor
    operator.iand,  # BitAnd
    operator.ifloordiv,  # FloorDiv
)


def INPLACE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = INPLACE_OPERATORS[c](r[a], r[b])


@handler
def NEGATIVE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = -r[b]


@handler
def POSITIVE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = +r[b]


@handler
def INVERT(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = ~r[b]


@handler
def NOT(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = not r[b]


@handler
def TO_BOOL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = bool(r[b])


# --- building values ------------------------------------------------------------------------


@handler
def BUILD_TUPLE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = tuple(r[b : b + c])


@handler
def BUILD_LIST(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = r[b : b + c]


@handler
def BUILD_SET(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = set(r[b : b + c])


@handler
def BUILD_MAP(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    items = r[b : b + 2 * c]
    r[a] = dict(zip(items[::2], items[1::2], strict=True))


@handler
def BUILD_SLICE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = slice(*r[b : b + c])


@handler
def BUILD_STRING(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = "".join(r[b : b + c])


_CONVERSIONS: tuple[Callable[[object], object] | None, ...] = (None, str, repr, ascii)


@handler
def FORMAT_VALUE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    value = r[b]
    convert = _CONVERSIONS[c & 3]
    if convert is not None:
        value = convert(value)
    spec = r[b + 1] if c & 4 else ""
    r[a] = format(value, spec)


@handler
def LIST_APPEND(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a].append(r[b])


@handler
def LIST_EXTEND(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    errors.list_extend(r[a], r[b])


@handler
def SET_ADD(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a].add(r[b])


@handler
def SET_UPDATE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a].update(r[b])


@handler
def MAP_ADD(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a][r[b]] = r[c]


@handler
def DICT_UPDATE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    errors.dict_update(r[a], r[b])


@handler
def DICT_MERGE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    errors.dict_merge(r[a], r[b], r[c])


@handler
def LIST_TO_TUPLE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = tuple(r[b])


@handler
def UNPACK_SEQUENCE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    value = r[b]
    if (type(value) is tuple or type(value) is list) and len(value) == c:
        r[a : a + c] = value
        return
    r[a : a + c] = errors.unpack(value, c)


@handler
def UNPACK_EX(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    before, after = c & 255, c >> 8
    values = errors.unpack_ex(r[b], before, after)
    r[a : a + before + after + 1] = values


# --- iteration ------------------------------------------------------------------------------


@handler
def GET_ITER(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = iter(r[b])


@handler
def GET_AITER(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = errors.get_aiter(r[b])


@handler
def GET_ANEXT(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    it = r[b]
    if type(it) is AsyncGenerator:  # its awaitable is its own: no lookups
        r[a] = it.__anext__()
    else:
        r[a] = errors.get_anext(it)


@handler
def GET_AWAITABLE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = errors.get_awaitable(r[b], c)


@handler
def GET_YIELD_FROM_ITER(
    r: list[object], a: int, b: object, c: object, env: Env
) -> None:
    from ouro.vm.generator import Coroutine, Generator

    value = r[b]
    if isinstance(value, Coroutine):
        code = env[0]
        if not code.co_flags & (0x80 | 0x100):
            raise TypeError(
                "cannot 'yield from' a coroutine object in a non-coroutine generator"
            )
        r[a] = value
    elif isinstance(value, (Generator, types.GeneratorType, types.CoroutineType)):
        r[a] = value
    else:
        r[a] = iter(value)


# --- calls and functions --------------------------------------------------------------------


@handler
def MAKE_FUNCTION(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    b = int(b)
    code = r[b]
    assert isinstance(code, Code), f"MAKE_FUNCTION of {code!r}"
    extras = iter(r[b + 1 : b + 1 + c.bit_count()])
    defaults = next(extras) if c & 1 else None
    kwdefaults = next(extras) if c & 2 else None
    annotations = next(extras) if c & 4 else None
    closure = next(extras) if c & 8 else None
    type_params = next(extras) if c & 16 else ()
    if isinstance(
        annotations, tuple
    ):  # CPython's form: (name, value, name, value, ...)
        annotations = dict(zip(annotations[::2], annotations[1::2], strict=True))
    r[a] = Function(
        code,
        env[2],
        defaults=defaults,
        closure=closure,
        kwdefaults=kwdefaults,
        annotations=annotations,
        type_params=type_params,
    )


HOST_BUILD_CLASS = host_builtins.__build_class__
HOST_IMPORT = ourobuiltins.host_import
OURO_BUILD_CLASS = ourobuiltins.NAMESPACE["__build_class__"]


@handler
def LOAD_BUILD_CLASS(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    # The builtins' __build_class__; the host's own stands for Ouro's (classes.py), so a
    # program that replaces builtins.__build_class__ gets its replacement called.
    value = env[3].get("__build_class__", UNBOUND)
    if value is UNBOUND:
        raise NameError("__build_class__ not found")
    r[a] = OURO_BUILD_CLASS if value is HOST_BUILD_CLASS else value


@handler
def LOAD_LOCALS(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is None:
        raise SystemError("no locals found")
    r[a] = lmap


@handler
def SETUP_ANNOTATIONS(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is None:
        raise SystemError("no locals found when setting up annotations")
    if type(lmap) is dict:
        if "__annotations__" not in lmap:
            lmap["__annotations__"] = {}
    else:
        try:
            lmap["__annotations__"]
        except KeyError:
            lmap["__annotations__"] = {}


# --- exceptions -----------------------------------------------------------------------------


@handler
def RAISE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    if c == 0:
        handled = thread_state().handled
        if handled is None:
            raise RuntimeError("No active exception to reraise")
        raise handled
    exc = errors.exception_instance(r[a])
    if c == 2:
        exc.__cause__ = errors.exception_cause(r[b])
    raise exc


@handler
def RERAISE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    exc = r[a]
    assert isinstance(exc, BaseException), f"RERAISE of {exc!r}"
    raise exc


@handler
def PUSH_EXC_INFO(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    state = thread_state()
    r[a] = state.handled
    state.handled = r[b]


@handler
def POP_EXCEPT(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    thread_state().handled = r[a]


@handler
def CHECK_EXC_MATCH(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    kind = r[c]
    if type(kind) is not type or not issubclass(kind, BaseException):  # the common case
        errors.check_except_type(kind)  # first: a tuple, a metaclass, or an error
    r[a] = isinstance(r[b], kind)


@handler
def INTRINSIC(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    b = int(b)
    if c == _PREP_RERAISE_STAR:
        r[a] = exception_groups.prep_reraise_star(r[b], r[b + 1])  # type: ignore[arg-type]
        return
    # None without a __name__, as CPython's functions get then.
    module = env[2].get("__name__")
    if c == _TYPE_PARAMS:
        r[a] = typeparams.type_params(r[b], r[b + 1], module)  # type: ignore[arg-type]
    elif c == _TYPE_ALIAS:
        name, spec = r[b]  # type: ignore[misc]
        r[a] = typeparams.type_alias(name, spec, r[b + 1], module)  # type: ignore[arg-type]
    elif c == _SUBSCRIPT_GENERIC:
        r[a] = typeparams.subscript_generic(r[b])  # type: ignore[arg-type]
    elif c == _CALLER_MODULE:
        made = r[b]
        if getattr(made, "__module__", None) in LOOP_MODULES:
            made = typeparams.named_after(made, module)
        r[a] = made
    else:
        raise SystemError(f"ouro: unknown intrinsic {c}")


_PREP_RERAISE_STAR = opcodes.INTRINSIC_NUMBER["PREP_RERAISE_STAR"]
_TYPE_PARAMS = opcodes.INTRINSIC_NUMBER["TYPE_PARAMS"]
_TYPE_ALIAS = opcodes.INTRINSIC_NUMBER["TYPE_ALIAS"]
_SUBSCRIPT_GENERIC = opcodes.INTRINSIC_NUMBER["SUBSCRIPT_GENERIC"]
_CALLER_MODULE = opcodes.INTRINSIC_NUMBER["CALLER_MODULE"]
# Host C code (type.__new__ without __module__, TypeVar) names what it makes after the module
# of the innermost host frame: the loop's, as Ouro code runs in it.  CALLER_MODULE, which the
# compiler puts after calls of those callables, gives it the Ouro module's name instead.
LOOP_MODULES = frozenset({"ouro.vm.loop", "ouro.vm.tracing"})


@handler
def CHECK_EG_MATCH(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    rest, match = exception_groups.check_match(r[b], r[c])
    r[a], r[a + 1] = rest, match
    if match is not None:  # as CPython: the matched group is the one handled now
        thread_state().handled = match


@handler
def WITH_ENTER(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a], r[a + 1] = errors.with_enter(r[b], c == 1)


@handler
def WITH_EXIT(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    exc = r[b]
    if exc is None:
        r[a] = r[a](None, None, None)
    else:
        r[a] = r[a](type(exc), exc, exc.__traceback__)


@handler
def ASSERT_FAIL(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    raise AssertionError(r[a]) if b else AssertionError()


# --- imports --------------------------------------------------------------------------------


@handler
def IMPORT_NAME(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    # Ouro's importer when it is on (ouro/importer/), else the host's import behind Ouro's own
    # modules (ourobuiltins.host_import); a program's own __import__ is called as it is.
    importer = env[3].get("__import__")
    if importer is None:
        raise ImportError("__import__ not found")
    c = int(c)
    level = r[c]
    system = own_modules.IMPORT_SYSTEM
    if system is not None and importer is system.builtin:  # type: ignore[attr-defined]
        r[a] = system.import_name(b, env[2], r[c + 1], level)  # type: ignore[attr-defined]
        return
    # Ouro code sees Ouro's own sys, dis, ... (own_modules.py), unless it replaced __import__.
    if (importer is HOST_IMPORT or importer is host_builtins.__import__) and level == 0:
        own = own_modules.find(b)
        if own is not None:
            r[a] = own
            return
    module = importer(b, env[2], env[4], r[c + 1], level)
    r[a] = own_modules.owned(module)


@handler
def IMPORT_FROM(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    system = own_modules.IMPORT_SYSTEM  # Ouro's importer: its sys.modules, its messages
    if system is not None:
        r[a] = system.import_from(r[b], c)  # type: ignore[attr-defined]
    else:
        r[a] = errors.import_from(r[b], c)


@handler
def IMPORT_STAR(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    lmap = env[4]
    if lmap is None:
        raise SystemError("no locals found during 'import *'")
    errors.import_star(r[b], lmap)


# --- pattern matching -----------------------------------------------------------------------

_TPFLAGS_SEQUENCE = 1 << 5
_TPFLAGS_MAPPING = 1 << 6


@handler
def MATCH_CLASS(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    b = int(b)
    r[a] = errors.match_class(r[b], r[b + 1], c, r[b + 2])


@handler
def MATCH_MAPPING(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = bool(type(r[b]).__flags__ & _TPFLAGS_MAPPING)


@handler
def MATCH_SEQUENCE(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = bool(type(r[b]).__flags__ & _TPFLAGS_SEQUENCE)


@handler
def MATCH_KEYS(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = errors.match_keys(r[b], r[c])


@handler
def GET_LEN(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    r[a] = len(r[b])


@handler
def COPY_DICT_WITHOUT_KEYS(
    r: list[object], a: int, b: object, c: object, env: Env
) -> None:
    # CPython's steps: {} updated from the subject (a dict directly, another mapping by
    # keys() then [] on each), then del of each key.
    subject = r[b]
    copy: dict[object, object] = {}
    if isinstance(subject, dict):
        copy.update(subject)
    else:
        try:
            for key in list(iter(subject.keys())):  # type: ignore[attr-defined]
                copy[key] = subject[key]  # type: ignore[index]
        except AttributeError:
            name = type(subject).__name__
            raise TypeError(f"'{name}' object is not a mapping") from None
    for key in r[c]:  # type: ignore[attr-defined]
        del copy[key]
    r[a] = copy


# --- the interactive prompt -----------------------------------------------------------------


@handler
def PRINT_EXPR(r: list[object], a: int, b: object, c: object, env: Env) -> None:
    hook = getattr(own_modules.find("sys"), "displayhook", None)
    if hook is None:
        raise RuntimeError("lost sys.displayhook")
    hook(r[a])
