"""The builtins that look at the calling frame: globals, locals, vars, dir, exec, eval, compile.

The host's versions would look at the host's frame, or compile a program with the host's
compiler; Ouro's run through Ouro's pipeline and see the Ouro frame that called them.  The loop
recognises a ``FrameBuiltin`` callee and passes it the caller's frame ``(env, registers)``.

``FRAME_BUILTINS`` are entries of Ouro's builtins module (ourobuiltins.py).
"""

from __future__ import annotations

import builtins as host_builtins
from collections.abc import Callable
from types import CellType
from typing import Any

from ouro.bytecode.code import UNBOUND, Code

Env = tuple[Any, ...]
Impl = Callable[[Env, list[object], tuple[object, ...], dict[str, object]], object]


class FrameBuiltin:
    """A builtin function that needs its caller's Ouro frame."""

    __slots__ = ("__name__", "__qualname__", "impl", "needs_frame")

    def __init__(self, name: str, impl: Impl, needs_frame: bool = True) -> None:
        self.__name__ = self.__qualname__ = name
        self.impl = impl
        # False: the builtin copes with no frame (an empty env) when host code calls it.
        self.needs_frame = needs_frame

    def call(
        self,
        env: Env,
        r: list[object],
        args: tuple[object, ...],
        kwargs: dict[str, object],
    ) -> object:
        return self.impl(env, r, args, kwargs)

    def __call__(self, /, *args: object, **kwargs: object) -> object:
        # Called by host code (map(eval, ...)): the innermost Ouro frame, which called it.
        from ouro.vm.frames import current_activation

        found = current_activation()
        if found is not None:
            return self.impl(found[0], found[1], args, kwargs)
        if not self.needs_frame:
            return self.impl((), [], args, kwargs)
        raise SystemError(f"ouro: {self.__name__}() called with no Ouro frame")

    def __repr__(self) -> str:
        return f"<built-in function {self.__name__}>"


def frame_locals(env: Env, r: list[object]) -> dict[str, object]:
    """locals() of a frame: its locals mapping, or a snapshot of a function's variables."""
    if env[4] is not None:
        return env[4]  # type: ignore[no-any-return]
    code: Code = env[0]
    result: dict[str, object] = {}
    cells = code.co_cellvars
    for index, name in enumerate(code.co_varnames):
        value = r[index]
        if name in cells:
            value = _cell_value(value)
        if value is not UNBOUND:
            result[name] = value
    names = code.own_cells + code.co_freevars
    for offset, name in enumerate(names):
        value = _cell_value(r[code.cell_base + offset])
        if value is not UNBOUND:
            result[name] = value
    return result


def _cell_value(cell: object) -> object:
    """A cell's contents (UNBOUND if empty).  A cell variable's register may hold a plain
    value instead: an inlined comprehension's variable of the same name (PEP 709)."""
    if type(cell) is not CellType:
        return cell
    try:
        return cell.cell_contents  # type: ignore[attr-defined]
    except (AttributeError, ValueError):
        return UNBOUND


def _no_keywords(name: str, kwargs: dict[str, object]) -> None:
    if kwargs:
        raise TypeError(f"{name}() takes no keyword arguments")


def _globals(
    env: Env, r: list[object], args: tuple[object, ...], kwargs: dict[str, object]
) -> object:
    _no_keywords("globals", kwargs)
    if args:
        raise TypeError(f"globals() takes no arguments ({len(args)} given)")
    return env[2]


def _locals(
    env: Env, r: list[object], args: tuple[object, ...], kwargs: dict[str, object]
) -> object:
    _no_keywords("locals", kwargs)
    if args:
        raise TypeError(f"locals() takes no arguments ({len(args)} given)")
    return frame_locals(env, r)


def _vars(
    env: Env, r: list[object], args: tuple[object, ...], kwargs: dict[str, object]
) -> object:
    _no_keywords("vars", kwargs)
    if not args:
        return frame_locals(env, r)
    return host_builtins.vars(*args)


def _dir(
    env: Env, r: list[object], args: tuple[object, ...], kwargs: dict[str, object]
) -> object:
    _no_keywords("dir", kwargs)
    if not args:
        return sorted(frame_locals(env, r))
    return host_builtins.dir(*args)


def _compile(
    env: Env, r: list[object], args: tuple[object, ...], kwargs: dict[str, object]
) -> object:
    return compile_builtin(*args, **kwargs)  # type: ignore[arg-type]


def compile_builtin(
    source: object,
    filename: object,
    mode: str,
    flags: int = 0,
    dont_inherit: bool = False,
    optimize: int = -1,
    *,
    _feature_version: int = -1,
) -> object:
    """Ouro's compile builtin: a Code through Ouro's pipeline; with PyCF_ONLY_AST the tree,
    made of the host's ``ast`` classes (ast_bridge.py) as ``ast.parse`` expects."""
    import ast  # host-ok: the node classes only (ast_bridge.py)

    from ouro import syntax
    from ouro.compiler import compile_source, compile_tree
    from ouro.vm.ast_bridge import from_host, to_host

    name = filename.decode() if isinstance(filename, bytes) else str(filename)
    if mode not in ("exec", "eval", "single", "func_type"):
        raise ValueError(
            "compile() mode must be 'exec', 'eval' or 'single'"  # host-ok: text, not a call
        )  # host-ok: text, not a call
    level = 0 if optimize in (-1, 0) else optimize
    if isinstance(source, ast.AST):
        source = from_host(source)
        if flags & 0x400:  # PyCF_ONLY_AST on a tree: the tree back
            return to_host(source)  # type: ignore[arg-type]
    if isinstance(source, syntax.AST):
        return compile_tree(source, name, mode, level)
    if not isinstance(source, (str, bytes, bytearray)):
        raise TypeError(
            "compile() arg 1 must be a string, bytes or AST object"  # host-ok: text, not a call
        )  # host-ok: text, not a call
    if flags & 0x400:  # ast.PyCF_ONLY_AST
        return to_host(syntax.parse(source, name, mode))
    return compile_source(source, name, mode, optimize=level)


def _run(kind: str) -> Impl:
    def run(
        env: Env, r: list[object], args: tuple[object, ...], kwargs: dict[str, object]
    ) -> object:
        from ouro.vm.loop import execute

        if not args:
            raise TypeError(f"{kind} expected at least 1 argument, got 0")
        source = args[0]
        globals_ = args[1] if len(args) > 1 else kwargs.get("globals")
        locals_ = args[2] if len(args) > 2 else kwargs.get("locals")
        if globals_ is None:
            globals_ = env[2]
            if locals_ is None:
                locals_ = frame_locals(env, r)
        elif not isinstance(globals_, dict):
            raise TypeError(
                f"{kind}() globals must be a dict, not {type(globals_).__name__}"
            )
        closure = kwargs.get("closure") if kind == "exec" else None
        if type(source) is Code:
            code = source
        else:
            if isinstance(source, str) and kind == "eval":
                source = source.lstrip(" \t")
            code = compile_builtin(source, "<string>", kind)  # type: ignore[assignment]
        if "__builtins__" not in globals_:
            globals_["__builtins__"] = env[3] if env else _ouro_builtins()
        if code.co_freevars or closure is not None:
            _run_with_closure(kind, code, globals_, locals_, closure)
            return None
        result = execute(code, globals_, locals_)
        return result if kind == "eval" else None

    return run


def _run_with_closure(
    kind: str,
    code: Code,
    globals_: dict[str, object],
    locals_: object,
    closure: object,
) -> None:
    """exec of a code object with free variables and 3.12's ``closure=`` cells."""
    from ouro.vm.function import make_env, run_frame

    nfree = len(code.co_freevars)
    if kind == "eval":
        raise TypeError(
            "code object passed to eval() may not contain free variables"  # host-ok: text
        )
    if not nfree:
        raise TypeError("cannot use a closure with this code object")
    if (
        not isinstance(closure, tuple)
        or len(closure) != nfree
        or not all(type(cell) is CellType for cell in closure)
    ):
        raise TypeError(f"code object requires a closure of exactly length {nfree}")
    registers = code.co_template.copy()
    registers[code.free_base : code.free_base + nfree] = closure
    run_frame(
        make_env(code, globals_, globals_ if locals_ is None else locals_), registers
    )


def _ouro_builtins() -> dict[str, object]:
    from ouro.vm.ourobuiltins import NAMESPACE

    return NAMESPACE


def zero_argument_super(env: Env, r: list[object]) -> tuple[object, object]:
    """What ``super()`` with no arguments stands for in a frame: its ``__class__`` cell's
    class and its first argument (CPython's RuntimeErrors when either is missing)."""
    if not env:
        raise RuntimeError("super(): no arguments")
    code: Code = env[0]
    if code.co_argcount == 0 and not code.co_flags & 0x0004:  # CO_VARARGS
        raise RuntimeError("super(): no arguments")
    first = r[0]
    if code.co_varnames and code.co_varnames[0] in code.co_cellvars:
        first = _cell_value(first)
    if first is UNBOUND:
        raise RuntimeError("super(): arg[0] deleted")
    if "__class__" not in code.co_freevars:
        raise RuntimeError("super(): __class__ cell not found")
    cell = r[code.free_base + code.co_freevars.index("__class__")]
    cls = _cell_value(cell)
    if cls is UNBOUND:
        raise RuntimeError("super(): empty __class__ cell")
    return cls, first


class Super(host_builtins.super):
    """``super`` for Ouro programs: the host's type (a program may subclass it, compare
    ``type(super()) is super``), whose no-argument form reads the calling Ouro frame."""

    def __init__(self, *args: object, **kwargs: object) -> None:
        if kwargs:
            raise TypeError("super() takes no keyword arguments")
        if len(args) > 2:
            raise TypeError(f"super() expected at most 2 arguments, got {len(args)}")
        if args and not isinstance(args[0], type):
            raise TypeError(
                f"super() argument 1 must be a type, not {type(args[0]).__name__}"
            )
        if not args:
            from ouro.vm.frames import current_activation

            activation = current_activation()
            if activation is None:
                raise RuntimeError("super(): no arguments")
            args = zero_argument_super(activation[0], activation[1])
        host_builtins.super.__init__(self, *args, **kwargs)  # type: ignore[misc]


Super.__name__ = Super.__qualname__ = "super"
Super.__module__ = "builtins"
# A builtin's __module__ is 'builtins' (call errors say "__build_class__() got ...", not
# "ouro.vm.frame_builtins.__build_class__() got ..."); the instances read the class's.
FrameBuiltin.__module__ = "builtins"


FRAME_BUILTINS: dict[str, object] = {
    "super": Super,
    "globals": FrameBuiltin("globals", _globals),
    "locals": FrameBuiltin("locals", _locals),
    "vars": FrameBuiltin("vars", _vars),
    "dir": FrameBuiltin("dir", _dir),
    "compile": FrameBuiltin("compile", _compile, needs_frame=False),
    "exec": FrameBuiltin("exec", _run("exec")),
    "eval": FrameBuiltin("eval", _run("eval")),
}
