"""PEP 695: generic functions and classes, and the ``type`` statement (a CodeGenerator mixin).

``def f[T: B](x: T = d)`` compiles as CPython 3.12 compiles it: the defaults are evaluated
where the ``def`` stands and passed to a hidden function, the type-parameter scope
``<generic parameters of f>``, which makes the parameters, evaluates the annotations (they
may name ``T``), makes ``f`` with ``__type_params__`` and returns it.  A generic class's
scope also holds ``.type_params`` (the class body stores it as ``__type_params__``) and
``.generic_base`` (``Generic[T, ...]``, added to the bases).  ``type X[T] = v`` makes the
alias in such a scope; its value is a function the alias calls when first asked.

Bounds, constraints and alias values are lazy: each is compiled as a small function of its
own annotation scope, and INTRINSIC TYPE_PARAMS / TYPE_ALIAS hand those functions to the
objects the VM makes (ouro/vm/typeparams.py).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING, cast

from ouro.bytecode import opcodes
from ouro.syntax import nodes as n

from .assembler import OP as O

if TYPE_CHECKING:
    from ouro.bytecode.code import Code

    from . import symtable as st
    from .codegen import CompUnit

    class _Generator:
        """What the mixin uses of ``CodeGenerator`` (declared for the type checker only)."""

        table: st.SymbolTable
        units: list[CompUnit]

        @property
        def u(self) -> CompUnit: ...
        def emit(self, op: int, a: int = 0, b: int = 0, c: int = 0) -> None: ...
        def alloc(self, count: int = 1) -> int: ...
        def const(self, value: object) -> int: ...
        def name(self, name: str) -> int: ...
        def move(self, dest: int, src: int) -> None: ...
        def expr(self, e: n.expr, dest: int | None = None) -> int: ...
        def store_name(self, name: str, value: int) -> None: ...
        def load_name(self, name: str, dest: int | None) -> int: ...
        def prologue(self) -> None: ...
        def qualname(self, name: str) -> str: ...
        def enter(
            self, scope: st.Scope, kind: str, name: str, qualname: str, firstlineno: int
        ) -> CompUnit: ...
        def leave(
            self, argcount: int = 0, posonly: int = 0, kwonly: int = 0
        ) -> Code: ...
        def function_start(
            self,
            scope: st.Scope,
            args: n.arguments | None,
            returns: n.expr | None,
            node: n.AST,
            generic: bool = False,
        ) -> tuple[int, int, int]: ...
        def function_end(
            self,
            code: Code,
            base: int,
            flags: int,
            nextras: int,
            dest: int | None,
            type_params: int | None = None,
        ) -> int: ...
        def defaults_tuple(self, defaults: Sequence[n.expr], reg: int) -> None: ...
        def kwdefaults(self, pairs: list[tuple[str, n.expr]], reg: int) -> None: ...
        def make_def(
            self, s: n.FunctionDef | n.AsyncFunctionDef, type_params: int | None = None
        ) -> int: ...

else:
    _Generator = object

NO_BOUND = -1  # ouro/vm/typeparams.py: the spec's bound field
BOUND = -2

GenericNode = n.FunctionDef | n.AsyncFunctionDef | n.ClassDef | n.TypeAlias


class GenericsCompiler(_Generator):
    """PEP 695 code generation, mixed into ``CodeGenerator``."""

    def generic(
        self,
        node: GenericNode,
        name: str,
        outer_args: Sequence[int],
        build: Callable[[int], int],
    ) -> int:
        """Make and call the type-parameter scope of ``node``; returns the register holding
        what ``build(register of the parameter tuple)`` returned inside it."""
        from .codegen import _position

        scope = self.table.type_params_scope_of(node)
        decorators = getattr(node, "decorator_list", None)
        firstlineno = decorators[0].lineno if decorators else node.lineno
        fbase, flags, _ = self.function_start(scope, None, None, node)
        label = f"<generic parameters of {name}>"
        self.enter(scope, "type_params", label, self.qualname(label), firstlineno)
        self.u.position = _position(node)
        self.prologue()
        if isinstance(node, n.TypeAlias):
            result = self.alias_value(node, name)
        else:
            params = self.alloc()
            self.type_params(node.type_params, params)
            if isinstance(node, n.ClassDef):
                self.store_name(".type_params", params)
                base = self.alloc()
                self.emit(
                    O.INTRINSIC,
                    base,
                    params,
                    opcodes.INTRINSIC_NUMBER["SUBSCRIPT_GENERIC"],
                )
                self.store_name(".generic_base", base)
            result = build(params)
        self.u.position = _position(node)
        self.emit(O.RETURN, result)
        code = self.leave(len(outer_args))
        self.u.position = _position(node)
        func = self.function_end(code, fbase, flags, 0, None)
        call = self.alloc(1 + len(outer_args))
        self.move(call, func)
        for i, reg in enumerate(outer_args):
            self.move(call + 1 + i, reg)
        self.emit(O.CALL, call, call, len(outer_args))
        return call

    def generic_def(self, s: n.FunctionDef | n.AsyncFunctionDef) -> int:
        """A generic def's function: defaults here, the rest in its type-parameter scope."""
        outer_args = []
        if s.args.defaults:
            reg = self.alloc()
            self.defaults_tuple(s.args.defaults, reg)
            outer_args.append(reg)
        kwdefaults = [
            (arg.arg, default)
            for arg, default in zip(s.args.kwonlyargs, s.args.kw_defaults)
            if default is not None
        ]
        if kwdefaults:
            reg = self.alloc()
            self.kwdefaults(kwdefaults, reg)
            outer_args.append(reg)
        return self.generic(
            s, s.name, outer_args, lambda params: self.make_def(s, params)
        )

    def type_params(self, params: Sequence[n.type_param], dest: int) -> None:
        """The parameter objects into ``dest`` (a tuple), each also bound to its name."""
        spec, thunks = self.type_param_spec(params)
        block = self.alloc(2)
        self.move(block, self.const(spec))
        self.move(block + 1, thunks)
        self.emit(O.INTRINSIC, dest, block, opcodes.INTRINSIC_NUMBER["TYPE_PARAMS"])
        self.bind_type_params(params, dest)

    def bind_type_params(self, params: Sequence[n.type_param], tuple_reg: int) -> None:
        first = self.alloc(len(params))
        self.emit(O.UNPACK_SEQUENCE, first, tuple_reg, len(params))
        for i, param in enumerate(params):
            self.store_name(cast(n.TypeVar, param).name, first + i)

    def type_param_spec(
        self, params: Sequence[n.type_param], leading: Sequence[int] = ()
    ) -> tuple[tuple[tuple[str, str, int], ...], int]:
        """(the shape of the parameters, a register holding a tuple of ``leading`` then the
        bound/constraint functions, in order)."""
        spec: list[tuple[str, str, int]] = []
        functions = list(leading)
        for param in params:
            if isinstance(param, n.TypeVar):
                bound = param.bound
                if bound is None:
                    kind = NO_BOUND
                elif isinstance(bound, n.Tuple):
                    kind = len(bound.elts)
                else:
                    kind = BOUND
                if bound is not None:
                    functions.append(self.lazy_function(param, param.name, bound))
                spec.append(("TypeVar", param.name, kind))
            elif isinstance(param, n.TypeVarTuple):
                spec.append(("TypeVarTuple", param.name, NO_BOUND))
            else:
                spec.append(("ParamSpec", cast(n.ParamSpec, param).name, NO_BOUND))
        run = self.alloc(len(functions))
        for i, reg in enumerate(functions):
            self.move(run + i, reg)
        result = self.alloc()
        self.emit(O.BUILD_TUPLE, result, run, len(functions))
        return tuple(spec), result

    def lazy_function(
        self, node: n.TypeVar | n.TypeAlias, name: str, value: n.expr
    ) -> int:
        """A function of ``node``'s annotation scope returning ``value`` (a bound, a
        constraint tuple or an alias's value)."""
        from .codegen import _position

        scope = self.table.scope_of(node)
        fbase, flags, _ = self.function_start(scope, None, None, node)
        self.enter(scope, "annotation", name, self.qualname(name), node.lineno)
        self.u.position = _position(value)
        self.prologue()
        self.emit(O.RETURN, self.expr(value))
        code = self.leave()
        self.u.position = _position(node)
        return self.function_end(code, fbase, flags, 0, None)

    def alias_value(self, s: n.TypeAlias, name: str) -> int:
        """INTRINSIC TYPE_ALIAS of ``s`` (its parameters are then bound to their names)."""
        value = self.lazy_function(s, name, s.value)
        spec, functions = self.type_param_spec(s.type_params, [value])
        block = self.alloc(2)
        self.move(block, self.const((name, spec)))
        self.move(block + 1, functions)
        alias = self.alloc()
        self.emit(O.INTRINSIC, alias, block, opcodes.INTRINSIC_NUMBER["TYPE_ALIAS"])
        if s.type_params:
            params = self.alloc()
            self.emit(O.LOAD_ATTR, params, alias, self.name("__type_params__"))
            self.bind_type_params(s.type_params, params)
        return alias

    def visit_TypeAlias(self, s: n.TypeAlias) -> None:
        name = cast(n.Name, s.name).id
        if s.type_params:
            alias = self.generic(s, name, (), lambda params: params)
        else:
            alias = self.alias_value(s, name)
        self.store_name(name, alias)
