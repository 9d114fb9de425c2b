"""The code generator: an AST and its symbol table -> one ``Code`` object per block.

Takes a tree from ``ouro.syntax.parse`` and the ``SymbolTable`` of ``symtable.build``; hands
the assembler (``assembler.Unit``) a stream of instructions per block, and returns the
module's (or expression's) ``Code`` with every nested block's ``Code`` among its constants.

Register layout (``ouro.bytecode.code``): ``[co_varnames | own cells | free cells | temps |
consts]``.  Locals, cells and free variables are known before a block is generated (from the
symbol table), so their registers are final from the start; temporaries are allocated LIFO
above them (``alloc``/``free``), and constants are named by symbolic operands that the
assembler relocates once the temporaries are counted.

Invariants:

* An expression's value is computed straight into its destination register when it is given
  one (``x = a + b`` is one ``ADD``); only the *last* write of an expression goes there, so an
  operand that reads the destination still sees its old value.  Expressions that write their
  destination more than once (``or``, ``if``-``else``, displays with ``*``, comprehensions,
  chained comparisons, ``await``) build in a temporary when the destination is a variable.
* A local is read without ``CHECK_LOCAL`` only where it is definitely bound: after a store in
  the same straight-line run (every label forgets), or a parameter never deleted.
* Every instruction carries the span of the node being visited: ``visit`` and ``visit_expr``
  set it in one place.
* The handler that covers an instruction is recorded on it (``Instr.handler``); try, with and
  finally change ``unit.handler`` and restore it.

Conventions the VM shares (also in the report of issue #4):

* The exception handler protocol: an exception raised in a covered range lands at the handler
  with the exception object in the range's register.  Handlers begin ``PUSH_EXC_INFO prev, e``
  and leave by ``POP_EXCEPT prev`` (on every path, through a cleanup handler when the handler
  body raises), so ``sys.exc_info()`` is restored.  A finally's exceptional copy ends with
  ``RERAISE e``.
* Cells: at entry a block runs ``MAKE_CELL`` on every cell register (parameter cells and own
  cells alike, as CPython 3.12 does), then ``RETURN_GENERATOR`` if it is a generator or
  coroutine.  The VM fills the free registers from the function's closure when it makes the
  frame.
* ``yield from``/``await``: ``L: SEND it, v, done; YIELD_VALUE v, v; JUMP L; done:`` with the
  value to send in ``v`` (None first); SEND puts the sub-iterator's yielded value in ``v``.
  A ``YIELD_VALUE`` right after a ``SEND`` is a delegated yield: ``throw()``/``close()`` go to
  the SEND's sub-iterator, and in an async generator the value is not wrapped.
"""

from __future__ import annotations

import sys
import warnings
from collections.abc import Callable, Iterator, Sequence
from typing import cast

from ouro.bytecode import opcodes
from ouro.bytecode.code import (
    CO_ASYNC_GENERATOR,
    CO_COROUTINE,
    CO_GENERATOR,
    CO_NESTED,
    CO_NEWLOCALS,
    CO_OPTIMIZED,
    CO_VARARGS,
    CO_VARKEYWORDS,
    Code,
    Position,
)
from ouro.syntax import nodes as n

from . import symtable as st
from .assembler import OP as O
from .assembler import HandlerRef, Instr, Label, Unit, assemble, const_operand
from .generics import GenericsCompiler
from .optimizer import fold_constants
from .patterns import PatternCompiler

# What calling a literal would call, for the compiler's "not callable" warning.
_LITERAL_TYPES: dict[type[n.expr], str] = {
    n.Tuple: "tuple",
    n.List: "list",
    n.ListComp: "list",
    n.Dict: "dict",
    n.DictComp: "dict",
    n.Set: "set",
    n.SetComp: "set",
    n.GeneratorExp: "generator",
    n.JoinedStr: "str",
    n.FormattedValue: "str",
}


def _infer_type(e: n.expr) -> str | None:
    """The name of the type a literal expression surely has (CPython's infer_type)."""
    if isinstance(e, n.Constant):
        return type(e.value).__name__
    if isinstance(e, n.Lambda):
        return "function"
    return _LITERAL_TYPES.get(type(e))


def _not_subscriptable(e: n.expr) -> bool:
    """A literal whose type has no ``__getitem__`` (nor ``__class_getitem__``)."""
    if isinstance(e, n.Constant):
        v = e.value
        return v is None or v is ... or isinstance(v, (int, float, complex, frozenset))
    return isinstance(e, (n.Set, n.SetComp, n.GeneratorExp, n.Lambda))


def _is_sequence_literal(e: n.expr) -> bool:
    """A literal indexed by integers: str, bytes, tuple or list."""
    if isinstance(e, n.Constant):
        return isinstance(e.value, (str, bytes, tuple))
    return isinstance(e, (n.Tuple, n.List, n.ListComp, n.JoinedStr, n.FormattedValue))


def _is_operand_ok(e: n.expr) -> bool:
    """No warning for ``is`` with this operand: not a constant, or a singleton."""
    if not isinstance(e, n.Constant):
        return True
    return e.value is None or e.value is True or e.value is False or e.value is ...


__all__ = ["generate"]

_BINARY: dict[type[n.operator], int] = {
    n.Add: O.ADD,
    n.Sub: O.SUBTRACT,
    n.Mult: O.MULTIPLY,
    n.Div: O.TRUE_DIVIDE,
    n.FloorDiv: O.FLOOR_DIVIDE,
    n.Mod: O.REMAINDER,
    n.Pow: O.POWER,
    n.MatMult: O.MATRIX_MULTIPLY,
    n.LShift: O.LSHIFT,
    n.RShift: O.RSHIFT,
    n.BitAnd: O.AND,
    n.BitOr: O.OR,
    n.BitXor: O.XOR,
}
# INPLACE's c, as its row says: the operator in ast's order.
_INPLACE: dict[type[n.operator], int] = {
    op: i
    for i, op in enumerate(
        (n.Add, n.Sub, n.Mult, n.MatMult, n.Div, n.Mod, n.Pow, n.LShift, n.RShift)
        + (n.BitOr, n.BitXor, n.BitAnd, n.FloorDiv)
    )
}

_UNARY: dict[type[n.unaryop], int] = {
    n.USub: O.NEGATIVE,
    n.UAdd: O.POSITIVE,
    n.Invert: O.INVERT,
    n.Not: O.NOT,
}
_COMPARE: dict[type[n.cmpop], int] = {
    n.Eq: O.COMPARE_EQ,
    n.NotEq: O.COMPARE_NE,
    n.Lt: O.COMPARE_LT,
    n.LtE: O.COMPARE_LE,
    n.Gt: O.COMPARE_GT,
    n.GtE: O.COMPARE_GE,
    n.Is: O.IS,
    n.IsNot: O.IS_NOT,
    n.In: O.CONTAINS,
    n.NotIn: O.NOT_CONTAINS,
}
_CONVERSION = {-1: 0, ord("s"): 1, ord("r"): 2, ord("a"): 3}
# A test that is one comparison jumps with the fused compare-and-branch (issue #7):
# (jump if false, jump if true) for each operator.
_COMPARE_JUMP: dict[type[n.cmpop], tuple[int, int]] = {
    n.Eq: (O.JUMP_UNLESS_EQ, O.JUMP_IF_EQ),
    n.NotEq: (O.JUMP_UNLESS_NE, O.JUMP_IF_NE),
    n.Lt: (O.JUMP_UNLESS_LT, O.JUMP_IF_LT),
    n.LtE: (O.JUMP_UNLESS_LE, O.JUMP_IF_LE),
    n.Gt: (O.JUMP_UNLESS_GT, O.JUMP_IF_GT),
    n.GtE: (O.JUMP_UNLESS_GE, O.JUMP_IF_GE),
}

# How a name is reached: a register read directly, a cell register, a global, the locals
# mapping, or a class body's free variable (mapping first, then the cell); in an annotation
# scope inside a class, a free or global name is looked up in the class namespace first.
LOCAL, DEREF, GLOBAL, NAME, CLASSDEREF = (
    "local",
    "deref",
    "global",
    "name",
    "classderef",
)
DICT_OR_DEREF, DICT_OR_GLOBAL = "dict_or_deref", "dict_or_global"
MAX_BLOCKS = 20  # CPython's CO_MAXBLOCKS: loops, try, except and with blocks nested
Access = tuple[str, int | str]


class CompileError(Exception):
    """Raised inside the generator; turned into the SyntaxError CPython gives."""


# --- the state of one block being generated ------------------------------------------------


class FBlock:
    """A block that a return, break or continue must leave properly.

    (This and ``CompUnit`` are plain classes, not dataclasses: the compiler is imported at
    every start, and the host's dataclasses module costs ~10 ms to import.)"""

    __slots__ = (
        "body",
        "brk",
        "cont",
        "exit",
        "is_async",
        "kind",
        "name",
        "outer",
        "prev",
    )

    def __init__(
        self,
        kind: str,  # "loop", "try", "finally_try", "finally_end", "except", "with"
        outer: HandlerRef,  # the handler in effect outside the block
        cont: Label | None = None,
        brk: Label | None = None,
        body: Sequence[n.stmt] = (),  # a finally body
        prev: int = 0,  # the register saving the previously handled exception
        name: str | None = None,  # except ... as name
        exit: int = 0,  # a with statement's bound __exit__
        is_async: bool = False,
    ) -> None:
        self.kind = kind
        self.outer = outer
        self.cont = cont
        self.brk = brk
        self.body = body
        self.prev = prev
        self.name = name
        self.exit = exit
        self.is_async = is_async

    def __repr__(self) -> str:
        return f"<FBlock {self.kind}>"


class CompUnit:
    """The generator's state for one code object."""

    __slots__ = (
        "always_bound",
        "bound",
        "cellvars",
        "comps",
        "const_index",
        "consts",
        "fblocks",
        "firstlineno",
        "freevars",
        "handler",
        "is_async",
        "kind",
        "max_top",
        "name",
        "name_index",
        "names",
        "position",
        "qualname",
        "regs",
        "scope",
        "stream",
        "temp_base",
        "top",
        "varnames",
    )

    def __init__(
        self,
        scope: st.Scope,
        kind: str,  # "module", "class", "function", "lambda", "genexpr", "comprehension"
        name: str,
        qualname: str,
        firstlineno: int,
        varnames: list[str],
        cellvars: list[str],
        freevars: list[str],
        regs: dict[str, int],  # name -> register of a local or of a cell
        temp_base: int,
        is_async: bool = False,
    ) -> None:
        self.scope = scope
        self.kind = kind
        self.name = name
        self.qualname = qualname
        self.firstlineno = firstlineno
        self.varnames = varnames
        self.cellvars = cellvars
        self.freevars = freevars
        self.regs = regs
        self.temp_base = temp_base
        self.is_async = is_async
        self.stream: list[Instr | Label] = []
        self.consts: list[object] = []
        self.const_index: dict[object, int] = {}
        self.names: list[str] = []
        self.name_index: dict[str, int] = {}
        self.top = 0
        self.max_top = 0
        self.position: Position = (None, None, None, None)
        self.handler: HandlerRef = None
        self.fblocks: list[FBlock] = []
        self.bound: set[int] = set()
        self.always_bound: frozenset[int] = frozenset()
        # inlined comprehensions being generated: their scope and their own variables
        self.comps: list[tuple[st.Scope, dict[str, Access]]] = []

    def __repr__(self) -> str:
        return f"<CompUnit {self.kind} {self.qualname!r}>"

    @property
    def function_like(self) -> bool:
        return self.kind not in ("module", "class")


def _const_key(value: object) -> object:
    """Constants are deduplicated by type and value: 1, 1.0, True and 0.0/-0.0 stay apart."""
    if isinstance(value, (tuple, frozenset)):
        items = tuple(_const_key(item) for item in value)
        return (type(value), items if isinstance(value, tuple) else frozenset(items))
    if isinstance(value, (float, complex)):
        return (type(value), repr(value))
    if isinstance(value, Code):
        return (Code, id(value))
    return (type(value), value)


def _position(node: n.AST) -> Position:
    return (
        getattr(node, "lineno", None),
        getattr(node, "end_lineno", None),
        getattr(node, "col_offset", None),
        getattr(node, "end_col_offset", None),
    )


def _deleted_names(body: Sequence[n.AST]) -> set[str]:
    """Names a block may unbind: del targets and ``except ... as`` names."""
    found: set[str] = set()
    for stmt in body:
        for node in n.walk(stmt):
            if isinstance(node, n.Delete):
                for target in node.targets:
                    for sub in n.walk(target):
                        if isinstance(sub, n.Name):
                            found.add(sub.id)
            elif isinstance(node, n.ExceptHandler) and node.name:
                found.add(node.name)
    return found


def _has_walrus(node: n.AST) -> bool:
    return any(isinstance(sub, n.NamedExpr) for sub in n.walk(node))


class CodeGenerator(PatternCompiler, GenericsCompiler):
    """Generates every block of one module tree; ``generate`` is the entry."""

    def __init__(
        self, table: st.SymbolTable, filename: str, mode: str, optimize: int
    ) -> None:
        self.table = table
        self.filename = filename
        self.mode = mode
        self.optimize = optimize
        self.units: list[CompUnit] = []
        self.walrus = (
            False  # the current statement has a walrus: copy variable operands
        )
        self.future_ok: set[int] = set()

    @property
    def u(self) -> CompUnit:
        return self.units[-1]

    # --- errors -------------------------------------------------------------------------------

    def error(self, msg: str, node: n.AST) -> SyntaxError:
        lineno = getattr(node, "lineno", None)
        col = getattr(node, "col_offset", None)
        end_lineno = getattr(node, "end_lineno", None)
        end_col = getattr(node, "end_col_offset", None)
        text = st._program_text(self.filename, lineno)
        return SyntaxError(
            msg,
            (
                self.filename,
                lineno,
                None if col is None else col + 1,
                text,
                end_lineno,
                None if end_col is None else end_col + 1,
            ),
        )

    # --- emitting -----------------------------------------------------------------------------

    def emit(
        self, op: int, a: int | Label = 0, b: int | Label = 0, c: int | Label = 0
    ) -> None:
        u = self.u
        u.stream.append(Instr(op, a, b, c, u.position, u.handler))

    def place(self, label: Label) -> None:
        """Put ``label`` here: a join point, so only never-deleted parameters stay bound."""
        self.u.stream.append(label)
        self.u.bound = set(self.u.always_bound)

    def alloc(self, count: int = 1) -> int:
        u = self.u
        base = u.top
        u.top += count
        u.max_top = max(u.max_top, u.top)
        return base

    def is_temp(self, reg: int) -> bool:
        return reg >= self.u.temp_base

    def const(self, value: object) -> int:
        u = self.u
        key = _const_key(value)
        index = u.const_index.get(key)
        if index is None:
            index = u.const_index[key] = len(u.consts)
            u.consts.append(value)
        return const_operand(index)

    def name(self, name: str) -> int:
        u = self.u
        index = u.name_index.get(name)
        if index is None:
            index = u.name_index[name] = len(u.names)
            u.names.append(name)
        return index

    def move(self, dest: int, src: int) -> None:
        if dest != src:
            self.emit(O.MOVE, dest, src)

    # --- visiting -----------------------------------------------------------------------------

    def visit(self, node: n.stmt) -> None:
        """Generate one statement; its temporaries are free again afterwards."""
        u = self.u
        saved_position, saved_top, saved_walrus = u.position, u.top, self.walrus
        u.position = _position(node)
        self.walrus = _has_walrus(node) if u.function_like else False
        getattr(self, "visit_" + type(node).__name__)(node)
        u.position, u.top, self.walrus = saved_position, saved_top, saved_walrus

    def visit_body(self, body: Sequence[n.stmt]) -> None:
        for stmt in body:
            self.visit(stmt)

    def expr(self, e: n.expr, dest: int | None = None) -> int:
        """Evaluate ``e``; return the register holding its value (``dest`` if given)."""
        u = self.u
        saved = u.position
        u.position = _position(e)
        method: Callable[[n.expr, int | None], int] = getattr(
            self, "visit_" + type(e).__name__
        )
        reg = method(e, dest)
        u.position = saved
        assert dest is None or reg == dest
        return reg

    def expr_to(self, e: n.expr, dest: int) -> int:
        return self.expr(e, dest)

    def target(self, dest: int | None) -> int:
        return self.alloc() if dest is None else dest

    def scratch(self, dest: int | None) -> int:
        """A register to build a multi-step value in: ``dest`` if it is a temporary."""
        if dest is not None and self.is_temp(dest):
            return dest
        return self.alloc()

    def finish(self, reg: int, dest: int | None) -> int:
        if dest is None:
            return reg
        self.move(dest, reg)
        return dest

    def operand(self, e: n.expr) -> int:
        """A register holding ``e``'s value for an instruction that reads it."""
        reg = self.expr(e)
        if self.walrus and 0 <= reg < self.u.temp_base:
            copy = self.alloc()
            self.move(copy, reg)
            return copy
        return reg

    # --- units ----------------------------------------------------------------------------------

    def enter(
        self,
        scope: st.Scope,
        kind: str,
        name: str,
        qualname: str,
        firstlineno: int,
        body_for_deletes: Sequence[n.AST] = (),
        is_async: bool = False,
    ) -> CompUnit:
        params = list(scope.varnames)
        varnames = list(params)
        if scope.is_function_like:
            for sym, flags in scope.symbols.items():
                where = (flags >> st.SCOPE_OFF) & st.SCOPE_MASK
                if where == st.LOCAL and sym not in varnames:
                    varnames.append(sym)
        cellvars = scope.code_cellvars(varnames)
        freevars = list(scope.freevars)
        regs = {sym: i for i, sym in enumerate(varnames)}
        base = len(varnames)
        for sym in cellvars:
            if sym not in regs:
                regs[sym] = base
                base += 1
        for sym in freevars:
            regs[sym] = base
            base += 1
        unit = CompUnit(
            scope,
            kind,
            name,
            qualname,
            firstlineno,
            varnames,
            cellvars,
            freevars,
            regs,
            temp_base=base,
            is_async=is_async,
        )
        unit.top = unit.max_top = base
        deleted = _deleted_names(body_for_deletes)
        unit.always_bound = frozenset(
            regs[p] for p in params if p not in deleted and p not in cellvars
        )
        unit.bound = set(unit.always_bound)
        self.units.append(unit)
        return unit

    def leave(self, argcount: int = 0, posonly: int = 0, kwonly: int = 0) -> Code:
        u = self.units.pop()
        flags = 0
        scope = u.scope
        if u.function_like:
            flags |= CO_OPTIMIZED | CO_NEWLOCALS
            if scope.has_varargs:
                flags |= CO_VARARGS
            if scope.has_varkeywords:
                flags |= CO_VARKEYWORDS
            if u.is_async and scope.generator:
                flags |= CO_ASYNC_GENERATOR
            elif u.is_async:
                flags |= CO_COROUTINE
            elif scope.generator:
                flags |= CO_GENERATOR
        if scope.nested:
            flags |= CO_NESTED
        unit = Unit(
            stream=u.stream,
            consts=u.consts,
            names=u.names,
            varnames=u.varnames,
            cellvars=u.cellvars,
            freevars=u.freevars,
            ntemps=u.max_top - u.temp_base,
            argcount=argcount,
            posonlyargcount=posonly,
            kwonlyargcount=kwonly,
            flags=flags,
            name=u.name,
            qualname=u.qualname,
            filename=self.filename,
            firstlineno=u.firstlineno,
        )
        return assemble(unit)

    def prologue(self) -> None:
        """MAKE_CELL for every cell, then RETURN_GENERATOR for generators and coroutines."""
        u = self.u
        for sym in u.cellvars:
            self.emit(O.MAKE_CELL, u.regs[sym])
        if u.function_like and (u.scope.generator or u.is_async):
            self.emit(O.RETURN_GENERATOR)

    def qualname(self, name: str) -> str:
        parent = self.u
        if parent.kind == "type_params":  # a generic's scope is not part of the name
            if len(self.units) == 2:
                return name
            parent = self.units[-2]
        if parent.kind == "module":
            return name
        if parent.kind in ("function", "lambda", "class"):
            mangled = st.mangle(parent.scope.private, name)
            if parent.scope.scope(mangled) == st.GLOBAL_EXPLICIT:
                return name
        if parent.kind in ("function", "lambda"):
            return f"{parent.qualname}.<locals>.{name}"
        return f"{parent.qualname}.{name}"

    def return_none(self) -> None:
        self.emit(O.RETURN, self.const(None))

    # --- names ----------------------------------------------------------------------------------

    def access(self, name: str) -> Access:
        u = self.u
        mangled = u.scope.mangle(name)
        for comp_scope, own in reversed(u.comps):
            if mangled in own:
                return own[mangled]
            where = comp_scope.scope(mangled)
            if where in (st.GLOBAL_EXPLICIT, st.GLOBAL_IMPLICIT):
                return (GLOBAL, mangled)
        where = u.scope.scope(mangled)
        if u.function_like:
            if where == st.LOCAL and mangled in u.regs:
                return (LOCAL, u.regs[mangled])
            if where in (st.CELL, st.FREE):
                if u.scope.can_see_class_scope and where == st.FREE:
                    return (DICT_OR_DEREF, mangled)
                return (DEREF, u.regs[mangled])
            if u.scope.can_see_class_scope and where == st.GLOBAL_IMPLICIT:
                return (DICT_OR_GLOBAL, mangled)
            return (GLOBAL, mangled)
        if where == st.GLOBAL_EXPLICIT:
            return (GLOBAL, mangled)
        if where == st.FREE and u.kind == "class":
            return (CLASSDEREF, mangled)
        if where == st.GLOBAL_IMPLICIT and u.comps:
            return (GLOBAL, mangled)
        return (NAME, mangled)

    def load_name(self, name: str, dest: int | None) -> int:
        kind, where = self.access(name)
        if kind == LOCAL:
            reg = cast(int, where)
            if reg not in self.u.bound:
                self.emit(O.CHECK_LOCAL, reg)
                self.u.bound.add(reg)
            return self.finish(reg, dest)
        d = self.target(dest)
        if kind == DEREF:
            self.emit(O.LOAD_DEREF, d, cast(int, where))
        elif kind == GLOBAL:
            self.emit(O.LOAD_GLOBAL, d, self.name(cast(str, where)))
        elif kind in (DICT_OR_DEREF, DICT_OR_GLOBAL):
            # an annotation scope in a class: the class namespace first (__classdict__)
            self.emit(O.LOAD_DEREF, d, self.u.regs["__classdict__"])
            if kind == DICT_OR_GLOBAL:
                self.emit(O.LOAD_FROM_DICT_OR_GLOBALS, d, self.name(cast(str, where)))
            else:
                name = cast(str, where)
                self.emit(
                    O.LOAD_FROM_DICT_OR_DEREF, d, self.u.regs[name], self.name(name)
                )
        elif kind == CLASSDEREF:
            self.emit(
                O.LOAD_CLASSDEREF,
                d,
                self.u.regs[cast(str, where)],
                self.name(cast(str, where)),
            )
        else:
            self.emit(O.LOAD_NAME, d, self.name(cast(str, where)))
        return d

    def load_into(self, name: str, reg: int) -> None:
        self.load_name(name, reg)

    def store_name(self, name: str, value: int) -> None:
        kind, where = self.access(name)
        if kind == LOCAL:
            self.move(cast(int, where), value)
            self.u.bound.add(cast(int, where))
        elif kind == DEREF:
            self.emit(O.STORE_DEREF, value, cast(int, where))
        elif kind == CLASSDEREF:
            self.emit(O.STORE_DEREF, value, self.u.regs[cast(str, where)])
        elif kind == GLOBAL:
            self.emit(O.STORE_GLOBAL, value, self.name(cast(str, where)))
        else:
            self.emit(O.STORE_NAME, value, self.name(cast(str, where)))

    def delete_name(self, name: str) -> None:
        kind, where = self.access(name)
        if kind == LOCAL:
            self.emit(O.DELETE_LOCAL, cast(int, where))
            self.u.bound.discard(cast(int, where))
        elif kind in (DEREF, CLASSDEREF):
            reg = where if kind == DEREF else self.u.regs[cast(str, where)]
            self.emit(O.DELETE_DEREF, 0, cast(int, reg))
        elif kind == GLOBAL:
            self.emit(O.DELETE_GLOBAL, 0, self.name(cast(str, where)))
        else:
            self.emit(O.DELETE_NAME, 0, self.name(cast(str, where)))

    def local_register(self, e: n.expr) -> int | None:
        """The register of a plain local variable target, if ``e`` is one."""
        if isinstance(e, n.Name):
            kind, where = self.access(e.id)
            if kind == LOCAL:
                return cast(int, where)
        return None

    # --- the module ------------------------------------------------------------------------------

    def generate(self, tree: n.AST) -> Code:
        top = self.table.top
        self.enter(top, "module", "<module>", "<module>", 1)
        if isinstance(tree, n.Expression):
            self.u.position = _position(tree.body)
            reg = self.expr(tree.body)
            self.emit(O.RETURN, reg)
            return self.leave()
        body: Sequence[n.stmt] = cast(n.Module | n.Interactive, tree).body
        self.prologue()
        self.mark_future_imports(body)
        if isinstance(tree, n.Module):
            body = self.docstring_to_name(body)
        if self.needs_annotations(body):
            if body:
                self.u.position = _position(body[0])
            self.emit(O.SETUP_ANNOTATIONS)
        self.visit_body(body)
        self.u.position = (None, None, None, None) if not body else self.u.position
        self.return_none()
        return self.leave()

    def mark_future_imports(self, body: Sequence[n.stmt]) -> None:
        for i, stmt in enumerate(body):
            if i == 0 and _docstring(body) is not None:
                continue
            if isinstance(stmt, n.ImportFrom) and stmt.module == "__future__":
                self.future_ok.add(id(stmt))
                continue
            break

    def docstring_to_name(self, body: Sequence[n.stmt]) -> Sequence[n.stmt]:
        doc = _docstring(body)
        if doc is None:
            return body
        if self.optimize < 2:
            self.u.position = _position(body[0])
            self.emit(O.STORE_NAME, self.const(doc), self.name("__doc__"))
        return body[1:]

    def needs_annotations(self, body: Sequence[n.stmt]) -> bool:
        for stmt in body:
            for node in _walk_statements(stmt):
                if isinstance(node, n.AnnAssign) and node.simple:
                    return True
        return False

    # ===== expressions ==========================================================================
    # Each visit_<expr> takes (node, dest) and returns the register holding the value.

    def visit_Constant(self, e: n.Constant, dest: int | None) -> int:
        return self.finish(self.const(e.value), dest)

    def visit_Name(self, e: n.Name, dest: int | None) -> int:
        return self.load_name(e.id, dest)

    def visit_BinOp(self, e: n.BinOp, dest: int | None) -> int:
        mark = self.u.top
        left = self.operand(e.left)
        right = self.operand(e.right)
        self.u.top = mark
        d = self.target(dest)
        self.emit(_BINARY[type(e.op)], d, left, right)
        return d

    def visit_UnaryOp(self, e: n.UnaryOp, dest: int | None) -> int:
        mark = self.u.top
        value = self.operand(e.operand)
        self.u.top = mark
        d = self.target(dest)
        self.emit(_UNARY[type(e.op)], d, value)
        return d

    def visit_BoolOp(self, e: n.BoolOp, dest: int | None) -> int:
        d = self.scratch(dest)
        end = Label()
        jump = O.JUMP_IF_FALSE if isinstance(e.op, n.And) else O.JUMP_IF_TRUE
        for value in e.values[:-1]:
            self.expr(value, d)
            self.emit(jump, d, end)
        self.expr(e.values[-1], d)
        self.place(end)
        return self.finish(d, dest)

    def visit_IfExp(self, e: n.IfExp, dest: int | None) -> int:
        d = self.scratch(dest)
        orelse, end = Label(), Label()
        self.jump_if(e.test, False, orelse)
        self.expr(e.body, d)
        self.emit(O.JUMP, end)
        self.place(orelse)
        self.expr(e.orelse, d)
        self.place(end)
        return self.finish(d, dest)

    def visit_Compare(self, e: n.Compare, dest: int | None) -> int:
        self.check_compare(e)
        mark = self.u.top
        if len(e.ops) == 1:
            left = self.operand(e.left)
            right = self.operand(e.comparators[0])
            self.u.top = mark
            d = self.target(dest)
            self.emit(_COMPARE[type(e.ops[0])], d, left, right)
            return d
        d = self.scratch(dest)
        mark = self.u.top
        end = Label()
        left = self.operand(e.left)
        for i, (cmp, comparator) in enumerate(zip(e.ops, e.comparators)):
            right = self.operand(comparator)  # evaluated once, kept for the next test
            self.emit(_COMPARE[type(cmp)], d, left, right)
            if i < len(e.ops) - 1:
                self.emit(O.JUMP_IF_FALSE, d, end)
            left = right
        self.place(end)
        self.u.top = mark
        return self.finish(d, dest)

    def jump_if(self, e: n.expr, when: bool, label: Label) -> None:
        """Jump to ``label`` if ``e``'s truth is ``when``; fall through otherwise."""
        u = self.u
        saved = u.position
        u.position = _position(e)
        mark = u.top
        if isinstance(e, n.UnaryOp) and isinstance(e.op, n.Not):
            self.jump_if(e.operand, not when, label)
        elif isinstance(e, n.BoolOp):
            is_and = isinstance(e.op, n.And)
            if is_and != when:  # `a and b` jumps on false as soon as one is false
                for value in e.values:
                    self.jump_if(value, when, label)
            else:
                skip = Label()
                for value in e.values[:-1]:
                    self.jump_if(value, not when, skip)
                self.jump_if(e.values[-1], when, label)
                self.place(skip)
        elif (
            isinstance(e, n.Compare)
            and len(e.ops) == 1
            and isinstance(e.ops[0], (n.Is, n.IsNot))
            and isinstance(e.comparators[0], n.Constant)
            and e.comparators[0].value is None
        ):
            self.check_compare(e)
            reg = self.operand(e.left)
            is_none = isinstance(e.ops[0], n.Is) == when
            self.emit(O.JUMP_IF_NONE if is_none else O.JUMP_IF_NOT_NONE, reg, label)
        elif (
            isinstance(e, n.Compare)
            and len(e.ops) == 1
            and type(e.ops[0]) in _COMPARE_JUMP
        ):
            self.check_compare(e)
            left = self.operand(e.left)
            right = self.operand(e.comparators[0])
            self.emit(_COMPARE_JUMP[type(e.ops[0])][when], left, right, label)
        else:
            reg = self.expr(e)
            self.emit(O.JUMP_IF_TRUE if when else O.JUMP_IF_FALSE, reg, label)
        u.top = mark
        u.position = saved

    def visit_NamedExpr(self, e: n.NamedExpr, dest: int | None) -> int:
        assert isinstance(e.target, n.Name)
        reg = self.local_register(e.target)
        if reg is not None:
            self.expr(e.value, reg)
            self.u.bound.add(reg)
            return self.finish(reg, dest)
        d = self.scratch(dest)
        self.expr(e.value, d)
        self.store_name(e.target.id, d)
        return self.finish(d, dest)

    def visit_Attribute(self, e: n.Attribute, dest: int | None) -> int:
        if self.is_super_call(e.value):
            return self.super_attribute(e, dest)
        mark = self.u.top
        obj = self.expr(e.value)
        self.u.top = mark
        d = self.target(dest)
        self.emit(O.LOAD_ATTR, d, obj, self.name(self.u.scope.mangle(e.attr)))
        return d

    def is_super_call(self, e: n.expr) -> bool:
        """``super()`` where LOAD_SUPER_ATTR can do the lookup, as CPython 3.12 decides: the
        global ``super``, in a function with a first argument.  (``super(C, x).name`` is an
        ordinary call: a program's own ``super`` is then called with its arguments.)"""
        u = self.u
        if not (
            isinstance(e, n.Call)
            and isinstance(e.func, n.Name)
            and e.func.id == "super"
            and not e.keywords
            and not e.args
            and not any(isinstance(arg, n.Starred) for arg in e.args)
            and u.function_like
            and not u.comps
            and self.access("super")[0] == GLOBAL
        ):
            return False
        return bool(u.scope.varnames) and u.scope.scope("__class__") == st.FREE

    def super_attribute(self, e: n.Attribute, dest: int | None) -> int:
        call = cast(n.Call, e.value)
        mark = self.u.top
        base = self.alloc(3)
        self.expr(call.func, base)
        self.load_name("__class__", base + 1)
        self.load_name(self.u.scope.varnames[0], base + 2)
        self.u.top = mark
        d = self.target(dest)
        self.emit(O.LOAD_SUPER_ATTR, d, base, self.name(self.u.scope.mangle(e.attr)))
        return d

    def visit_Subscript(self, e: n.Subscript, dest: int | None) -> int:
        self.check_subscript(e)
        mark = self.u.top
        obj = self.operand(e.value)
        key = self.expr(e.slice)
        self.u.top = mark
        d = self.target(dest)
        self.emit(O.LOAD_SUBSCR, d, obj, key)
        return d

    def visit_Slice(self, e: n.Slice, dest: int | None) -> int:
        mark = self.u.top
        parts = [e.lower, e.upper] + ([e.step] if e.step is not None else [])
        base = self.alloc(len(parts))
        for i, part in enumerate(parts):
            if part is None:
                self.move(base + i, self.const(None))
            else:
                self.expr(part, base + i)
        self.u.top = mark
        d = self.target(dest)
        self.emit(O.BUILD_SLICE, d, base, len(parts))
        return d

    def visit_Starred(self, e: n.Starred, dest: int | None) -> int:
        raise self.error("can't use starred expression here", e)

    # --- displays ---

    def build_run(self, op: int, items: Sequence[n.expr], dest: int | None) -> int:
        """A display without stars: the items in consecutive temporaries, one BUILD_*."""
        mark = self.u.top
        base = self.alloc(len(items))
        for i, item in enumerate(items):
            self.expr(item, base + i)
        self.u.top = mark
        d = self.target(dest)
        self.emit(op, d, base, len(items))
        return d

    def visit_Tuple(self, e: n.Tuple, dest: int | None) -> int:
        if not any(isinstance(item, n.Starred) for item in e.elts):
            return self.build_run(O.BUILD_TUPLE, e.elts, dest)
        d = self.starred_list(e.elts, dest)
        self.emit(O.LIST_TO_TUPLE, d, d)
        return self.finish(d, dest)

    def visit_List(self, e: n.List, dest: int | None) -> int:
        if not any(isinstance(item, n.Starred) for item in e.elts):
            return self.build_run(O.BUILD_LIST, e.elts, dest)
        return self.finish(self.starred_list(e.elts, dest), dest)

    def starred_list(self, elts: Sequence[n.expr], dest: int | None) -> int:
        d = self.scratch(dest)
        mark = self.u.top
        first = 0
        while first < len(elts) and not isinstance(elts[first], n.Starred):
            first += 1
        self.build_run(O.BUILD_LIST, elts[:first], d)
        for item in elts[first:]:
            if isinstance(item, n.Starred):
                self.emit(O.LIST_EXTEND, d, self.expr(item.value))
            else:
                self.emit(O.LIST_APPEND, d, self.expr(item))
            self.u.top = mark
        return d

    def visit_Set(self, e: n.Set, dest: int | None) -> int:
        if not any(isinstance(item, n.Starred) for item in e.elts):
            return self.build_run(O.BUILD_SET, e.elts, dest)
        d = self.scratch(dest)
        mark = self.u.top
        self.emit(O.BUILD_SET, d, 0, 0)
        for item in e.elts:
            if isinstance(item, n.Starred):
                self.emit(O.SET_UPDATE, d, self.expr(item.value))
            else:
                self.emit(O.SET_ADD, d, self.expr(item))
            self.u.top = mark
        return self.finish(d, dest)

    def visit_Dict(self, e: n.Dict, dest: int | None) -> int:
        mark = self.u.top
        if all(key is not None for key in e.keys):
            base = self.alloc(2 * len(e.keys))
            for i, (key, value) in enumerate(zip(e.keys, e.values)):
                self.expr(cast(n.expr, key), base + 2 * i)
                self.expr(value, base + 2 * i + 1)
            self.u.top = mark
            d = self.target(dest)
            self.emit(O.BUILD_MAP, d, base, len(e.keys))
            return d
        d = self.scratch(dest)
        mark = self.u.top
        self.emit(O.BUILD_MAP, d, 0, 0)
        for key, value in zip(e.keys, e.values):
            if key is None:
                self.emit(O.DICT_UPDATE, d, self.expr(value))
            else:
                k = self.operand(key)
                self.emit(O.MAP_ADD, d, k, self.expr(value))
            self.u.top = mark
        return self.finish(d, dest)

    # --- f-strings ---

    def visit_JoinedStr(self, e: n.JoinedStr, dest: int | None) -> int:
        if len(e.values) == 1 and isinstance(e.values[0], n.FormattedValue):
            return self.expr(e.values[0], dest)
        if not e.values:
            return self.finish(self.const(""), dest)
        return self.build_run(O.BUILD_STRING, e.values, dest)

    def visit_FormattedValue(self, e: n.FormattedValue, dest: int | None) -> int:
        mark = self.u.top
        flags = _CONVERSION[e.conversion]
        if e.format_spec is None:
            value = self.expr(e.value)
        else:
            value = self.alloc(2)
            self.expr(e.value, value)
            self.expr(e.format_spec, value + 1)
            flags |= 4
        self.u.top = mark
        d = self.target(dest)
        self.emit(O.FORMAT_VALUE, d, value, flags)
        return d

    # --- calls ---

    def visit_Call(self, e: n.Call, dest: int | None) -> int:
        self.check_caller(e.func)
        self.check_keywords(e.keywords)
        if any(isinstance(arg, n.Starred) for arg in e.args) or any(
            kw.arg is None for kw in e.keywords
        ):
            return self.call_ex(e, dest)
        mark = self.u.top
        nargs = len(e.args) + len(e.keywords)
        base = self.alloc(1 + nargs + (1 if e.keywords else 0))
        self.expr(e.func, base)
        for i, arg in enumerate(e.args):
            self.expr(arg, base + 1 + i)
        for i, kw in enumerate(e.keywords, len(e.args)):
            self.expr(kw.value, base + 1 + i)
        if dest is None:
            self.u.top = mark
            dest = self.alloc()
            assert dest == base
        if e.keywords:
            names = tuple(cast(str, kw.arg) for kw in e.keywords)
            self.move(base + 1 + nargs, self.const(names))
            self.emit(O.CALL_KW, dest, base, nargs)
        else:
            self.emit(O.CALL, dest, base, nargs)
        if _names_after_caller(e):
            self.emit(
                O.INTRINSIC, dest, dest, opcodes.INTRINSIC_NUMBER["CALLER_MODULE"]
            )
        self.u.top = max(mark, dest + 1) if dest == base else mark
        return dest

    def check_caller(self, func: n.expr) -> None:
        """CPython's compiler warns when a literal is called: ``[1, 2] (3, 4)``."""
        kind = _LITERAL_TYPES.get(type(func))
        if kind is None and isinstance(func, n.Constant):
            kind = type(func.value).__name__
        if kind is not None:
            self.warn(
                f"'{kind}' object is not callable; perhaps you missed a comma?", func
            )

    def check_compare(self, e: n.Compare) -> None:
        """CPython's compiler warns when ``is`` / ``is not`` meets a literal: ``x is 1``."""
        left, left_ok = e.left, _is_operand_ok(e.left)
        for op, right in zip(e.ops, e.comparators):
            right_ok = _is_operand_ok(right)
            if isinstance(op, (n.Is, n.IsNot)) and not (left_ok and right_ok):
                literal = left if not left_ok else right
                name = _infer_type(literal) or "object"
                if isinstance(op, n.Is):
                    msg = f'"is" with \'{name}\' literal. Did you mean "=="?'
                else:
                    msg = f'"is not" with \'{name}\' literal. Did you mean "!="?'
                self.warn(msg, e)
                return
            left, left_ok = right, right_ok

    def check_subscript(self, e: n.Subscript) -> None:
        """CPython's compiler warns when a literal cannot be subscripted (``[1 [i, j]]``)
        or not with this literal index (``[[1, 2] [3, 4]]``): a missed comma."""
        value, kind = e.value, _infer_type(e.value)
        if _not_subscriptable(value):
            self.warn(
                f"'{kind}' object is not subscriptable; perhaps you missed a comma?",
                value,
            )
            return
        index = _infer_type(e.slice)
        if index is None or index in ("int", "bool") or not _is_sequence_literal(value):
            return
        self.warn(
            f"{kind} indices must be integers or slices, not {index};"
            " perhaps you missed a comma?",
            value,
        )

    def warn(self, msg: str, node: n.AST) -> None:
        """A SyntaxWarning; CPython's SyntaxError at the node when warnings are errors."""
        lineno: int = getattr(node, "lineno", 1)
        try:
            warnings.warn_explicit(msg, SyntaxWarning, self.filename, lineno)
        except SyntaxWarning:
            raise self.error(msg, node) from None

    def check_keywords(self, keywords: Sequence[n.keyword]) -> None:
        """``f(a=1, a=2)``: CPython's compiler refuses a repeated keyword argument."""
        seen: set[str] = set()
        for kw in keywords:
            if kw.arg is None:
                continue
            if kw.arg in seen:
                raise self.error(f"keyword argument repeated: {kw.arg}", kw)
            seen.add(kw.arg)

    def call_ex(self, e: n.Call, dest: int | None) -> int:
        mark = self.u.top
        kwargs = bool(e.keywords)
        base = self.alloc(3 if kwargs else 2)
        self.expr(e.func, base)
        self.positional_tuple(e.args, base + 1)
        if kwargs:
            self.keyword_dict(e.keywords, base + 2, base)
        if dest is None:
            self.u.top = mark
            dest = self.alloc()
        self.emit(O.CALL_EX, dest, base, 1 if kwargs else 0)
        self.u.top = max(mark, dest + 1) if dest == base else mark
        return dest

    def positional_tuple(self, args: Sequence[n.expr], dest: int) -> None:
        if not any(isinstance(arg, n.Starred) for arg in args):
            self.build_run(O.BUILD_TUPLE, args, dest)
            return
        if len(args) == 1:
            # f(*x): x goes to CALL_EX as it is, which makes the tuple (and names the
            # function in its TypeError, as CPython's CALL_FUNCTION_EX does).
            self.expr(cast(n.Starred, args[0]).value, dest)
            return
        self.starred_list(args, dest)
        self.emit(O.LIST_TO_TUPLE, dest, dest)

    def keyword_dict(self, keywords: Sequence[n.keyword], dest: int, func: int) -> None:
        """The ``**`` mapping of a call: runs of named keywords and ``**`` operands merged,
        so a repeated name raises TypeError as CPython's DICT_MERGE does."""
        mark = self.u.top
        started = False
        i = 0
        while i < len(keywords):
            kw = keywords[i]
            if kw.arg is None:
                value = self.expr(kw.value)
                if not started:
                    self.emit(O.BUILD_MAP, dest, 0, 0)
                    started = True
                self.emit(O.DICT_MERGE, dest, value, func)
                i += 1
            else:
                j = i
                while j < len(keywords) and keywords[j].arg is not None:
                    j += 1
                run = keywords[i:j]
                target = dest if not started else self.alloc()
                base = self.alloc(2 * len(run))
                for k, item in enumerate(run):
                    self.move(base + 2 * k, self.const(item.arg))
                    self.expr(item.value, base + 2 * k + 1)
                self.emit(O.BUILD_MAP, target, base, len(run))
                if started:
                    self.emit(O.DICT_MERGE, dest, target, func)
                started = True
                i = j
            self.u.top = mark

    # --- functions, lambdas and comprehensions as values ---

    def visit_Lambda(self, e: n.Lambda, dest: int | None) -> int:
        scope = self.table.scope_of(e)
        qualname = self.qualname("<lambda>")
        mark = self.u.top
        base, flags, nextras = self.function_start(scope, e.args, None, e)
        self.enter(scope, "lambda", "<lambda>", qualname, e.lineno, [e.body])
        self.u.position = _position(e)
        self.const(
            None
        )  # no docstring: None is the first constant, as CPython 3.12 has it
        self.prologue()
        self.u.position = _position(e.body)
        # a generator lambda returns its body's value too: ``lambda: (yield 1)`` (3.8+)
        self.emit(O.RETURN, self.expr(e.body))
        code = self.leave(*_arg_counts(e.args))
        self.u.position = _position(e)
        reg = self.function_end(code, base, flags, nextras, dest)
        if dest is None:
            return self.keep(reg, mark)
        self.u.top = mark
        return reg

    def function_extras(
        self,
        args: n.arguments,
        returns: n.expr | None,
        node: n.AST,
        generic: bool = False,
    ) -> list[tuple[int, Callable[[int], None]]]:
        """MAKE_FUNCTION's extras as (flag, generator of the value into a register)."""
        extras: list[tuple[int, Callable[[int], None]]] = []
        defaults = args.defaults
        if defaults:
            if generic:  # evaluated outside, passed to the type-parameter scope
                extras.append((1, lambda reg: self.load_into(".defaults", reg)))
            else:
                extras.append((1, lambda reg: self.defaults_tuple(defaults, reg)))
        kwdefaults = [
            (arg.arg, default)
            for arg, default in zip(args.kwonlyargs, args.kw_defaults)
            if default is not None
        ]
        if kwdefaults:
            if generic:
                extras.append((2, lambda reg: self.load_into(".kwdefaults", reg)))
            else:
                extras.append((2, lambda reg: self.kwdefaults(kwdefaults, reg)))
        if not isinstance(node, n.Lambda):
            annotations = self.annotations(args, returns)
            if annotations:
                extras.append((4, lambda reg: self.annotation_dict(annotations, reg)))
        return extras

    def defaults_tuple(self, defaults: Sequence[n.expr], reg: int) -> None:
        if all(isinstance(item, n.Constant) for item in defaults):
            values = tuple(cast(n.Constant, item).value for item in defaults)
            self.move(reg, self.const(values))
        else:
            self.build_run(O.BUILD_TUPLE, defaults, reg)

    def kwdefaults(self, pairs: list[tuple[str, n.expr]], reg: int) -> None:
        mark = self.u.top
        base = self.alloc(2 * len(pairs))
        for i, (name, value) in enumerate(pairs):
            self.move(base + 2 * i, self.const(self.u.scope.mangle(name)))
            self.expr(value, base + 2 * i + 1)
        self.emit(O.BUILD_MAP, reg, base, len(pairs))
        self.u.top = mark

    def annotations(
        self, args: n.arguments, returns: n.expr | None
    ) -> list[tuple[str, n.expr]]:
        pairs: list[tuple[str, n.expr]] = []
        every = [*args.posonlyargs, *args.args]
        if args.vararg:
            every.append(args.vararg)
        every.extend(args.kwonlyargs)
        if args.kwarg:
            every.append(args.kwarg)
        for arg in every:
            if arg.annotation is not None:
                pairs.append((self.u.scope.mangle(arg.arg), arg.annotation))
        if returns is not None:
            pairs.append(("return", returns))
        return pairs

    def annotation_dict(self, pairs: list[tuple[str, n.expr]], reg: int) -> None:
        mark = self.u.top
        base = self.alloc(2 * len(pairs))
        for i, (name, value) in enumerate(pairs):
            self.move(base + 2 * i, self.const(name))
            self.annotation_value(value, base + 2 * i + 1)
        self.emit(O.BUILD_MAP, reg, base, len(pairs))
        self.u.top = mark

    def annotation_value(self, value: n.expr, reg: int) -> None:
        if "annotations" in self.table.future_features:
            # PEP 563: the text CPython's compiler stores (ouro/syntax/unparse_expr.py)
            self.move(reg, self.const(_annotation_text(value)))
        elif isinstance(value, n.Starred):
            # ``*args: *Ts`` (PEP 646): the one item that unpacking Ts gives, as CPython
            self.emit(O.UNPACK_SEQUENCE, reg, self.expr(value.value), 1)
        else:
            self.expr(value, reg)

    def closure_tuple(self, freevars: Sequence[str], reg: int) -> None:
        mark = self.u.top
        base = self.alloc(len(freevars))
        for i, sym in enumerate(freevars):
            self.move(base + i, self.cell_register(sym))
        self.emit(O.BUILD_TUPLE, reg, base, len(freevars))
        self.u.top = mark

    def cell_register(self, sym: str) -> int:
        u = self.u
        for _, own in reversed(u.comps):
            found = own.get(sym)
            if found is not None and found[0] == DEREF:
                return cast(int, found[1])
        return u.regs[sym]

    # --- comprehensions ---

    def visit_GeneratorExp(self, e: n.GeneratorExp, dest: int | None) -> int:
        return self.comprehension_function(e, "<genexpr>", dest)

    def visit_ListComp(self, e: n.ListComp, dest: int | None) -> int:
        return self.comprehension(e, "<listcomp>", dest)

    def visit_SetComp(self, e: n.SetComp, dest: int | None) -> int:
        return self.comprehension(e, "<setcomp>", dest)

    def visit_DictComp(self, e: n.DictComp, dest: int | None) -> int:
        return self.comprehension(e, "<dictcomp>", dest)

    def comprehension(
        self, e: n.ListComp | n.SetComp | n.DictComp, name: str, dest: int | None
    ) -> int:
        scope = self.table.scope_of(e)
        if not scope.comp_inlined:
            return self.comprehension_function(e, name, dest)
        self.check_async_comprehension(e, scope)
        d = self.scratch(dest)
        mark = self.u.top
        # the outermost iterable is evaluated outside the comprehension's names
        outer = self.alloc()
        self.expr(e.generators[0].iter, outer)
        own: dict[str, Access] = {}
        hidden: list[tuple[int, int]] = []  # (a variable's register, its value outside)
        # The handler's register first: the saves then overwrite the next temporaries at
        # once (a temporary keeps what it last held alive).
        handler, exc = Label(), self.alloc() if self.u.function_like else -1
        for sym, flags in scope.symbols.items():
            where = (flags >> st.SCOPE_OFF) & st.SCOPE_MASK
            if flags & st.DEF_PARAM or not flags & st.DEF_LOCAL:
                continue
            slot = self.comprehension_slot(sym, where)
            if slot is not None:
                hidden.append((slot, self.alloc()))
                self.move(hidden[-1][1], slot)  # MOVE copies an unbound value too
            if where == st.CELL:
                if slot is None:
                    reg = self.alloc()
                    self.move(reg, self.const(None))
                else:
                    reg = slot  # it holds the function's cell: a new, empty one inside
                    self.emit(O.DELETE_LOCAL, reg)
                self.emit(O.MAKE_CELL, reg)
                own[sym] = (DEREF, reg)
            elif where == st.LOCAL:
                if slot is None:
                    reg = self.alloc()
                    self.u.bound.add(reg)
                else:
                    # Hidden inside (an unbound one already is; a cell's register holds
                    # its cell, and plain values while the comprehension runs).
                    reg = slot
                    if reg in self.u.bound or sym in self.u.cellvars:
                        self.emit(O.DELETE_LOCAL, reg)
                        self.u.bound.discard(reg)
                own[sym] = (LOCAL, reg)
        self.u.comps.append((scope, own))
        always_bound = self.u.always_bound
        self.u.always_bound = always_bound - {slot for slot, _ in hidden}
        outer_handler = self.u.handler
        if hidden:  # an exception leaving the comprehension restores them too
            self.u.handler = (handler, exc)
        build = {
            n.ListComp: O.BUILD_LIST,
            n.SetComp: O.BUILD_SET,
            n.DictComp: O.BUILD_MAP,
        }
        self.emit(build[type(e)], d, 0, 0)
        self.comprehension_loops(e, 0, outer, lambda: self.comprehension_element(e, d))
        self.u.comps.pop()
        self.u.always_bound = always_bound
        if hidden:
            self.u.handler = outer_handler
            self.restore_hidden(hidden)
            done = Label()
            self.emit(O.JUMP, done)
            self.place(handler)
            saved = self.u.position
            self.u.position = (None, None, None, None)  # no line of its own (tracing)
            self.restore_hidden(hidden)
            self.emit(O.RERAISE, exc)
            self.u.position = saved
            self.place(done)
        self.u.top = mark
        return self.finish(d, dest)

    def comprehension_slot(self, sym: str, where: int) -> int | None:
        """PEP 709: the enclosing function's own register for an inlined comprehension's
        variable ``sym``, where locals() inside the comprehension sees it; its value outside
        is saved before and restored after (``restore_hidden``).  None (a temporary
        register): module and class bodies, and a name of another kind out there."""
        u = self.u
        if not u.function_like:
            return None
        if where == st.LOCAL and (sym in u.varnames or sym in u.cellvars):
            return u.regs[sym]
        if where == st.CELL and sym in u.cellvars:
            return u.regs[sym]
        return None

    def restore_hidden(self, hidden: list[tuple[int, int]]) -> None:
        for slot, save in hidden:
            self.move(slot, save)

    def comprehension_element(
        self, e: n.ListComp | n.SetComp | n.DictComp | n.GeneratorExp, d: int
    ) -> None:
        mark = self.u.top
        if isinstance(e, n.DictComp):
            key = self.operand(e.key)
            self.emit(O.MAP_ADD, d, key, self.expr(e.value))
        elif isinstance(e, n.GeneratorExp):
            value = self.expr(e.elt)
            self.emit(O.YIELD_VALUE, self.alloc(), value)
        else:
            op = O.LIST_APPEND if isinstance(e, n.ListComp) else O.SET_ADD
            self.emit(op, d, self.expr(e.elt))
        self.u.top = mark

    def comprehension_loops(
        self,
        e: n.ListComp | n.SetComp | n.DictComp | n.GeneratorExp,
        index: int,
        source: int,
        element: Callable[[], None],
    ) -> None:
        """One ``for`` clause: iterate ``source`` (an iterable, or for the outermost clause
        of a generator expression the iterator itself), then the next clause or the element."""
        gen = e.generators[index]
        mark = self.u.top
        if gen.is_async:
            self.async_for_loop(gen.target, source, gen.ifs, e, index, element)
            self.u.top = mark
            return
        it = self.alloc()
        saved = self.u.position
        self.u.position = _position(gen.iter)
        comps = self.u.comps
        inlined = bool(comps) and comps[-1][0] is self.table.scope_of(e)
        if index == 0 and self.u.kind in ("genexpr", "comprehension") and not inlined:
            it = source  # ".0" is already an iterator
            # CPython 3.12 places the outermost loop of a generator expression's own code
            # at the whole expression (a traceback through it underlines all of it).
            self.u.position = _position(e)
        else:
            self.emit(O.GET_ITER, it, source)
        top, end = Label(), Label()
        self.place(top)
        value = (
            self.local_register(gen.target) if isinstance(gen.target, n.Name) else None
        )
        value = self.alloc() if value is None else value
        self.emit(O.FOR_ITER, value, it, end)
        self.u.position = saved
        self.assign_from(gen.target, value)
        self.comprehension_rest(e, index, gen.ifs, top, element)
        self.emit(O.JUMP, top)
        self.place(end)
        self.u.top = mark

    def comprehension_rest(
        self,
        e: n.ListComp | n.SetComp | n.DictComp | n.GeneratorExp,
        index: int,
        ifs: Sequence[n.expr],
        top: Label,
        element: Callable[[], None],
    ) -> None:
        for cond in ifs:
            self.jump_if(cond, False, top)
        if index + 1 < len(e.generators):
            mark = self.u.top
            source = self.expr(e.generators[index + 1].iter)
            self.comprehension_loops(e, index + 1, source, element)
            self.u.top = mark
        else:
            element()

    def check_async_comprehension(self, e: n.expr, scope: st.Scope) -> None:
        is_async = any(gen.is_async for gen in cast(n.ListComp, e).generators)
        if (
            (is_async or scope.coroutine)
            and not self.in_async_context()
            and not isinstance(e, n.GeneratorExp)
        ):
            raise self.error(
                "asynchronous comprehension outside of an asynchronous function", e
            )

    def in_async_context(self) -> bool:
        return self.u.is_async

    def comprehension_function(
        self,
        e: n.ListComp | n.SetComp | n.DictComp | n.GeneratorExp,
        name: str,
        dest: int | None,
    ) -> int:
        """A generator expression (or a comprehension CPython would not inline) as a nested
        function of one argument ``.0``, called with the outermost iterable's iterator."""
        scope = self.table.scope_of(e)
        self.check_async_comprehension(e, scope)
        qualname = self.qualname(name)
        mark = self.u.top
        call = self.alloc(2)
        fbase, flags, _ = self.function_start(scope, None, None, e)
        is_genexpr = isinstance(e, n.GeneratorExp)
        is_async = scope.coroutine or (
            is_genexpr and any(g.is_async for g in e.generators)
        )
        self.enter(
            scope,
            "genexpr" if is_genexpr else "comprehension",
            name,
            qualname,
            e.lineno,
            is_async=is_async,
        )
        self.u.position = _position(e)
        self.prologue()
        if is_genexpr:
            self.comprehension_loops(e, 0, 0, lambda: self.comprehension_element(e, 0))
            self.return_none()
        else:
            build = {
                n.ListComp: O.BUILD_LIST,
                n.SetComp: O.BUILD_SET,
                n.DictComp: O.BUILD_MAP,
            }
            d = self.alloc()
            self.emit(build[type(e)], d, 0, 0)
            self.comprehension_loops(e, 0, 0, lambda: self.comprehension_element(e, d))
            self.emit(O.RETURN, d)
        code = self.leave(argcount=1)
        self.u.position = _position(e)
        self.function_end(code, fbase, flags, 0, call)
        self.u.position = _position(e.generators[0].iter)
        source = self.expr(e.generators[0].iter)
        if e.generators[0].is_async:
            self.emit(O.GET_AITER, call + 1, source)
        else:
            self.emit(O.GET_ITER, call + 1, source)
        self.u.position = _position(e)
        self.u.top = mark
        d = (
            self.target(dest)
            if not (is_async and not is_genexpr)
            else self.scratch(dest)
        )
        self.emit(O.CALL, d, call, 1)
        if is_async and not is_genexpr:
            self.await_value(d, d)
            return self.finish(d, dest)
        return d

    # --- generators and coroutines ---

    def visit_Yield(self, e: n.Yield, dest: int | None) -> int:
        self.check_yield(e)
        mark = self.u.top
        value = self.const(None) if e.value is None else self.expr(e.value)
        self.u.top = mark
        d = self.target(dest)
        self.emit(O.YIELD_VALUE, d, value)
        return d

    def visit_YieldFrom(self, e: n.YieldFrom, dest: int | None) -> int:
        self.check_yield(e)
        if self.u.is_async:
            raise self.error("'yield from' inside async function", e)
        d = self.scratch(dest)
        mark = self.u.top
        source = self.expr(e.value)
        it = self.alloc()
        self.emit(O.GET_YIELD_FROM_ITER, it, source)
        self.delegate(it, d)
        self.u.top = mark
        return self.finish(d, dest)

    def keep(self, reg: int, mark: int) -> int:
        """Leave ``reg`` allocated past ``mark`` (the result of an expression)."""
        if reg >= mark:
            self.u.top = reg + 1
            self.u.max_top = max(self.u.max_top, self.u.top)
        return reg

    def delegate(self, it: int, value: int) -> None:
        """``yield from``: send values into ``it`` until it stops; its result in ``value``."""
        top, done = Label(), Label()
        self.move(value, self.const(None))
        self.place(top)
        self.emit(O.SEND, it, value, done)
        self.emit(O.YIELD_VALUE, value, value)
        self.emit(O.JUMP, top)
        self.place(done)

    def await_value(self, source: int, dest: int, where: int = 0) -> None:
        mark = self.u.top
        it = self.alloc()
        self.emit(O.GET_AWAITABLE, it, source, where)
        self.delegate(it, dest)
        self.u.top = mark

    def check_yield(self, e: n.expr) -> None:
        if not self.u.function_like:
            raise self.error("'yield' outside function", e)

    def visit_Await(self, e: n.Await, dest: int | None) -> int:
        if not self.u.function_like:
            raise self.error("'await' outside function", e)
        if not self.u.is_async and self.u.kind not in ("genexpr", "comprehension"):
            raise self.error("'await' outside async function", e)
        d = self.scratch(dest)
        mark = self.u.top
        source = self.expr(e.value)
        self.await_value(source, d)
        self.u.top = mark
        return self.finish(d, dest)

    # ===== statements ===========================================================================

    def visit_Expr(self, s: n.Expr) -> None:
        if isinstance(s.value, n.Constant) and self.mode != "single":
            return  # a lone constant (a docstring in the middle of a body) does nothing
        reg = self.expr(s.value)
        if self.mode == "single" and len(self.units) == 1:
            self.emit(O.PRINT_EXPR, reg)

    def visit_Pass(self, s: n.Pass) -> None:
        pass

    def visit_Global(self, s: n.Global) -> None:
        pass

    def visit_Nonlocal(self, s: n.Nonlocal) -> None:
        pass

    # --- assignment ---

    def visit_Assign(self, s: n.Assign) -> None:
        if len(s.targets) == 1:
            self.assign(s.targets[0], s.value)
            return
        value = self.expr(s.value)
        for target in s.targets:
            self.assign_from(target, value)

    def assign(self, target: n.expr, value: n.expr) -> None:
        """``target = value``: straight into a local's register where it is one."""
        reg = self.local_register(target)
        if reg is not None:
            self.expr(value, reg)
            self.u.bound.add(reg)
            return
        if isinstance(target, (n.Tuple, n.List)) and self.unpack_direct(target, value):
            return
        self.assign_from(target, self.expr(value))

    def unpack_direct(self, target: n.Tuple | n.List, value: n.expr) -> bool:
        """``a, b = x, y`` with as many plain items: evaluate all, then store, no tuple."""
        if not isinstance(value, (n.Tuple, n.List)) or len(value.elts) != len(
            target.elts
        ):
            return False
        items = [*target.elts, *value.elts]
        if any(isinstance(item, n.Starred) for item in items):
            return False
        mark = self.u.top
        base = self.alloc(len(value.elts))
        for i, item in enumerate(value.elts):
            self.expr(item, base + i)
        for i, item in enumerate(target.elts):
            self.assign_from(item, base + i)
        self.u.top = mark
        return True

    def assign_from(self, target: n.expr, value: int) -> None:
        """Store the value in register ``value`` into ``target``."""
        u = self.u
        saved = u.position
        u.position = _position(target)
        mark = u.top
        if isinstance(target, n.Name):
            self.store_name(target.id, value)
        elif isinstance(target, n.Attribute):
            obj = self.expr(target.value)
            self.emit(O.STORE_ATTR, value, obj, self.name(u.scope.mangle(target.attr)))
        elif isinstance(target, n.Subscript):
            obj = self.expr(target.value)
            key = self.expr(target.slice)
            self.emit(O.STORE_SUBSCR, value, obj, key)
        elif isinstance(target, (n.Tuple, n.List)):
            self.unpack(target, value)
        elif isinstance(target, n.Starred):
            raise self.error(
                "starred assignment target must be in a list or tuple", target
            )
        else:
            raise TypeError(f"compiler: cannot assign to {type(target).__name__}")
        u.top = mark
        u.position = saved

    def unpack(self, target: n.Tuple | n.List, value: int) -> None:
        elts = target.elts
        stars = [i for i, item in enumerate(elts) if isinstance(item, n.Starred)]
        base = self.alloc(len(elts))
        if not stars:
            self.emit(O.UNPACK_SEQUENCE, base, value, len(elts))
        else:
            if len(stars) > 1:
                raise self.error("multiple starred expressions in assignment", target)
            before, after = stars[0], len(elts) - stars[0] - 1
            if before >= 256 or after >= (1 << 23):
                raise self.error(
                    "too many expressions in star-unpacking assignment", target
                )
            self.emit(O.UNPACK_EX, base, value, before + 256 * after)
        for i, item in enumerate(elts):
            if isinstance(item, n.Starred):
                item = item.value
            self.assign_from(item, base + i)

    def visit_AugAssign(self, s: n.AugAssign) -> None:
        op = _INPLACE[type(s.op)]
        target = s.target
        mark = self.u.top
        if isinstance(target, n.Name):
            reg = self.local_register(target)
            if reg is not None:
                self.load_name(target.id, None)
                value = self.operand(s.value)
                self.emit(O.INPLACE, reg, value, op)
                return
            current = self.load_name(target.id, self.alloc())
            self.emit(O.INPLACE, current, self.expr(s.value), op)
            self.u.position = _position(target)
            self.store_name(target.id, current)
        elif isinstance(target, n.Attribute):
            obj = self.operand(target.value)
            attr = self.name(self.u.scope.mangle(target.attr))
            current = self.alloc()
            self.u.position = _position(target)
            self.emit(O.LOAD_ATTR, current, obj, attr)
            self.u.position = _position(s)
            self.emit(O.INPLACE, current, self.expr(s.value), op)
            self.u.position = _position(target)
            self.emit(O.STORE_ATTR, current, obj, attr)
        elif isinstance(target, n.Subscript):
            obj = self.operand(target.value)
            key = self.operand(target.slice)
            current = self.alloc()
            self.u.position = _position(target)
            self.emit(O.LOAD_SUBSCR, current, obj, key)
            self.u.position = _position(s)
            self.emit(O.INPLACE, current, self.expr(s.value), op)
            self.u.position = _position(target)
            self.emit(O.STORE_SUBSCR, current, obj, key)
        else:
            raise TypeError("compiler: bad augmented assignment target")
        self.u.top = mark

    def visit_AnnAssign(self, s: n.AnnAssign) -> None:
        target = s.target
        if s.value is not None:
            self.assign(s.target, s.value)
        if isinstance(target, n.Name) and s.simple:
            if not self.u.function_like:
                mark = self.u.top
                value = self.alloc()
                self.annotation_value(s.annotation, value)
                ann = self.alloc()
                self.emit(O.LOAD_NAME, ann, self.name("__annotations__"))
                key = self.const(self.u.scope.mangle(target.id))
                self.emit(O.STORE_SUBSCR, value, ann, key)
                self.u.top = mark
            return
        if "annotations" not in self.table.future_features:
            # not a simple name: the target's parts and the annotation are evaluated
            if isinstance(target, n.Attribute) and s.value is None:
                self.expr(target.value)
            elif isinstance(target, n.Subscript) and s.value is None:
                self.expr(target.value)
                self.expr(target.slice)
            if not self.u.function_like:
                self.expr(s.annotation)

    def visit_Delete(self, s: n.Delete) -> None:
        for target in s.targets:
            self.delete(target)

    def delete(self, target: n.expr) -> None:
        u = self.u
        saved = u.position
        u.position = _position(target)
        mark = u.top
        if isinstance(target, n.Name):
            self.delete_name(target.id)
        elif isinstance(target, n.Attribute):
            obj = self.expr(target.value)
            self.emit(O.DELETE_ATTR, 0, obj, self.name(u.scope.mangle(target.attr)))
        elif isinstance(target, n.Subscript):
            obj = self.operand(target.value)
            self.emit(O.DELETE_SUBSCR, 0, obj, self.expr(target.slice))
        elif isinstance(target, (n.Tuple, n.List)):
            for item in target.elts:
                self.delete(item)
        else:
            raise TypeError("compiler: bad del target")
        u.top = mark
        u.position = saved

    # --- control flow ---

    def visit_If(self, s: n.If) -> None:
        end = Label()
        orelse = Label() if s.orelse else end
        self.jump_if(s.test, False, orelse)
        self.visit_body(s.body)
        if s.orelse:
            self.emit(O.JUMP, end)
            self.place(orelse)
            self.visit_body(s.orelse)
        self.place(end)

    def visit_While(self, s: n.While) -> None:
        body, test, orelse, end = Label(), Label(), Label(), Label()
        self.jump_if(s.test, False, orelse)
        self.place(body)
        self.push_fblock(FBlock("loop", self.u.handler, cont=test, brk=end))
        self.visit_body(s.body)
        self.u.fblocks.pop()
        self.place(test)
        self.u.position = _position(s.test)
        self.jump_if(s.test, True, body)
        self.place(orelse)
        self.visit_body(s.orelse)
        self.place(end)

    def visit_For(self, s: n.For) -> None:
        mark = self.u.top
        source = self.expr(s.iter)
        it = self.alloc()
        self.u.position = _position(s.iter)
        self.emit(O.GET_ITER, it, source)
        top, orelse, end = Label(), Label(), Label()
        self.place(top)
        value = self.local_register(s.target)
        if value is None:
            value = self.alloc()
        self.emit(O.FOR_ITER, value, it, orelse)
        self.assign_from(s.target, value)
        self.push_fblock(FBlock("loop", self.u.handler, cont=top, brk=end))
        self.visit_body(s.body)
        self.u.fblocks.pop()
        self.u.position = _position(s.iter)
        self.emit(O.JUMP, top)
        self.place(orelse)
        self.visit_body(s.orelse)
        self.place(end)
        self.u.top = mark

    def visit_AsyncFor(self, s: n.AsyncFor) -> None:
        if not self.u.is_async:
            word = "'async for' outside async function"
            raise self.error(word, s)
        mark = self.u.top
        source = self.expr(s.iter)
        end = Label()

        def body(top: Label, orelse: Label) -> None:
            self.push_fblock(FBlock("loop", self.u.handler, cont=top, brk=end))
            self.visit_body(s.body)
            self.u.fblocks.pop()

        self.async_loop(s.target, source, body, s)
        self.visit_body(s.orelse)
        self.place(end)
        self.u.top = mark

    def async_loop(
        self,
        target: n.expr,
        source: int,
        body: Callable[[Label, Label], None],
        node: n.AST,
        is_iterator: bool = False,
    ) -> None:
        """``async for``: GET_ANEXT and its await under a handler that ends the loop on
        StopAsyncIteration (END_ASYNC_FOR), then the target and the body."""
        it = self.alloc()
        if is_iterator:
            it = source
        else:
            self.emit(O.GET_AITER, it, source)
        top, orelse, handler = Label(), Label(), Label()
        exc = self.alloc()
        self.place(top)
        outer = self.u.handler
        self.u.handler = (handler, exc)
        awaitable = self.alloc()
        self.emit(O.GET_ANEXT, awaitable, it)
        value = self.alloc()
        # TODO(#4): GET_ANEXT's result is taken to be ready for SEND (as CPython's is).
        self.delegate(awaitable, value)
        self.u.handler = outer
        self.assign_from(target, value)
        body(top, orelse)
        self.emit(O.JUMP, top)
        self.place(handler)
        self.emit(O.END_ASYNC_FOR, exc, orelse)
        self.place(orelse)

    def async_for_loop(
        self,
        target: n.expr,
        source: int,
        ifs: Sequence[n.expr],
        e: n.ListComp | n.SetComp | n.DictComp | n.GeneratorExp,
        index: int,
        element: Callable[[], None],
    ) -> None:
        is_iterator = index == 0 and self.u.kind in ("genexpr", "comprehension")

        def body(top: Label, orelse: Label) -> None:
            self.comprehension_rest(e, index, ifs, top, element)

        self.async_loop(target, source, body, e, is_iterator)

    def visit_Break(self, s: n.Break) -> None:
        self.unwind(s, "break")

    def visit_Continue(self, s: n.Continue) -> None:
        self.unwind(s, "continue")

    def visit_Return(self, s: n.Return) -> None:
        u = self.u
        if not u.function_like:
            raise self.error("'return' outside function", s)
        if s.value is not None and u.is_async and u.scope.generator:
            raise self.error("'return' with value in async generator", s)
        value = self.const(None) if s.value is None else self.expr(s.value)
        if any(block.kind != "loop" for block in u.fblocks) and not self.is_temp(value):
            # a finally body may rebind the variable: return the value it had
            copy = self.alloc()
            self.move(copy, value)
            value = copy
        self.unwind(s, "return", value)

    def push_fblock(self, block: FBlock) -> None:
        """Enter a block; CPython's compiler allows 20 nested in one function."""
        u = self.u
        if len(u.fblocks) >= MAX_BLOCKS:
            lineno, end_lineno, col, end_col = u.position
            where = n.Pass(lineno or 1, col or 0, end_lineno, end_col)
            raise self.error("too many statically nested blocks", where)
        u.fblocks.append(block)

    def unwind(self, s: n.stmt, how: str, value: int = 0) -> None:
        """Leave the blocks between here and the loop (or the function): run finally bodies,
        pop handled exceptions, call __exit__; then jump or return."""
        u = self.u
        saved_blocks, saved_handler = list(u.fblocks), u.handler
        loop: FBlock | None = None
        while u.fblocks:
            block = u.fblocks[-1]
            if block.kind == "loop" and how != "return":
                loop = block
                break
            if block.kind == "except_star":
                u.fblocks, u.handler = saved_blocks, saved_handler
                raise self.error(
                    "'break', 'continue' and 'return' cannot appear in an except* block",
                    s,
                )
            u.fblocks.pop()
            self.leave_block(block)
        if how != "return" and loop is None:
            u.fblocks, u.handler = saved_blocks, saved_handler
            if how == "break":
                raise self.error("'break' outside loop", s)
            raise self.error("'continue' not properly in loop", s)
        u.position = _position(s)
        if how == "return":
            self.emit(O.RETURN, value)
        else:
            assert loop is not None
            self.emit(O.JUMP, cast(Label, loop.cont if how == "continue" else loop.brk))
        u.fblocks, u.handler = saved_blocks, saved_handler

    def leave_block(self, block: FBlock) -> None:
        u = self.u
        u.handler = block.outer
        if block.kind == "finally_try":
            mark = u.top
            self.visit_body(block.body)
            u.top = mark
        elif block.kind in ("except", "finally_end"):
            self.emit(O.POP_EXCEPT, block.prev)
            if block.name is not None:
                self.clear_name(block.name)
        elif block.kind == "with":
            self.call_exit_none(block.exit, block.is_async)

    def clear_name(self, name: str) -> None:
        """``except E as name`` ends with ``name = None; del name``."""
        self.store_name(name, self.const(None))
        self.delete_name(name)

    # --- exceptions ---

    def visit_Raise(self, s: n.Raise) -> None:
        if s.exc is None:
            self.emit(O.RAISE, 0, 0, 0)
            return
        exc = self.expr(s.exc)
        if s.cause is None:
            self.emit(O.RAISE, exc, 0, 1)
        else:
            self.emit(O.RAISE, exc, self.expr(s.cause), 2)

    def visit_Try(self, s: n.Try) -> None:
        if s.finalbody:
            self.try_finally(s)
        else:
            self.try_except(s)

    def visit_TryStar(self, s: n.TryStar) -> None:
        if s.finalbody:
            self.try_finally(s)
        else:
            self.try_star_except(s)

    def protected(
        self,
        kind: str,
        body: Callable[[], None],
        finalbody: Sequence[n.stmt] = (),
        exit: int = 0,
        is_async: bool = False,
    ) -> tuple[Label, int]:
        """Run ``body`` under a new handler; return the handler's label and register."""
        u = self.u
        handler, exc = Label(), self.alloc()
        outer = u.handler
        u.handler = (handler, exc)
        self.push_fblock(
            FBlock(kind, outer, body=finalbody, exit=exit, is_async=is_async)
        )
        body()
        u.fblocks.pop()
        u.handler = outer
        return handler, exc

    def enter_handler(self, handler: Label, exc: int) -> tuple[int, Label, int]:
        """At a handler: PUSH_EXC_INFO under a cleanup handler that pops it again."""
        u = self.u
        self.place(handler)
        prev, cleanup, cleanup_exc = self.alloc(), Label(), self.alloc()
        u.handler = (cleanup, cleanup_exc)
        self.emit(O.PUSH_EXC_INFO, prev, exc)
        return prev, cleanup, cleanup_exc

    def emit_cleanup(self, cleanup: Label, prev: int, exc: int) -> None:
        self.place(cleanup)
        self.emit(O.POP_EXCEPT, prev)
        self.emit(O.RERAISE, exc)

    def try_finally(self, s: n.Try | n.TryStar) -> None:
        u = self.u
        outer = u.handler
        end = Label()

        def body() -> None:
            if isinstance(s, n.TryStar):
                self.try_star_except(s)
            elif s.handlers:
                self.try_except(s)
            else:
                self.visit_body(s.body)

        handler, exc = self.protected("finally_try", body, finalbody=s.finalbody)
        mark = u.top
        self.visit_body(s.finalbody)
        u.top = mark
        self.emit(O.JUMP, end)
        prev, cleanup, cleanup_exc = self.enter_handler(handler, exc)
        self.push_fblock(FBlock("finally_end", outer, prev=prev))
        self.visit_body(s.finalbody)
        u.fblocks.pop()
        u.position = _position(s)
        self.emit(O.RERAISE, exc)
        u.handler = outer
        self.emit_cleanup(cleanup, prev, cleanup_exc)
        self.place(end)

    def try_except(self, s: n.Try) -> None:
        u = self.u
        outer = u.handler
        end = Label()
        handler, exc = self.protected("try", lambda: self.visit_body(s.body))
        self.visit_body(s.orelse)
        self.emit(O.JUMP, end)
        prev, cleanup, cleanup_exc = self.enter_handler(handler, exc)
        for clause in s.handlers[:-1]:
            if cast(n.ExceptHandler, clause).type is None:
                raise self.error("default 'except:' must be last", clause)
        for clause in s.handlers:
            self.except_clause(cast(n.ExceptHandler, clause), exc, prev, end, outer)
        u.position = _position(s)
        self.emit(O.RERAISE, exc)
        u.handler = outer
        self.emit_cleanup(cleanup, prev, cleanup_exc)
        self.place(end)

    def try_star_except(self, s: n.TryStar) -> None:
        """``except*``: each clause takes its part of what is left of the group; what the
        clauses raise and the part none matched are combined (PREP_RERAISE_STAR) into the
        one exception that leaves the statement, if any (ouro/vm/exception_groups.py)."""
        u = self.u
        outer = u.handler
        end = Label()
        handler, exc = self.protected("try", lambda: self.visit_body(s.body))
        self.visit_body(s.orelse)
        self.emit(O.JUMP, end)
        prev, cleanup, cleanup_exc = self.enter_handler(handler, exc)
        rest, left = self.alloc(), self.alloc()
        self.move(rest, exc)
        self.emit(O.BUILD_LIST, left, 0, 0)
        for clause in s.handlers:
            self.except_star_clause(
                cast(n.ExceptHandler, clause), rest, left, prev, outer
            )
        u.position = _position(s)
        self.emit(O.LIST_APPEND, left, rest)
        block = self.alloc(2)
        self.move(block, exc)
        self.move(block + 1, left)
        self.emit(
            O.INTRINSIC, block, block, opcodes.INTRINSIC_NUMBER["PREP_RERAISE_STAR"]
        )
        reraise = Label()
        self.emit(O.JUMP_IF_NOT_NONE, block, reraise)
        self.emit(O.POP_EXCEPT, prev)
        self.emit(O.JUMP, end)
        self.place(reraise)
        self.emit(O.RERAISE, block)
        u.handler = outer
        self.emit_cleanup(cleanup, prev, cleanup_exc)
        self.place(end)

    def except_star_clause(
        self,
        clause: n.ExceptHandler,
        rest: int,
        left: int,
        prev: int,
        outer: HandlerRef,
    ) -> None:
        u = self.u
        saved_position = u.position
        u.position = _position(clause)
        mark = u.top
        following = Label()
        kind = self.expr(cast(n.expr, clause.type))
        pair = self.alloc(2)
        self.emit(O.CHECK_EG_MATCH, pair, rest, kind)
        self.move(rest, pair)
        self.emit(O.JUMP_IF_NONE, pair + 1, following)
        if clause.name is not None:
            self.store_name(clause.name, pair + 1)
        raised, raised_exc = Label(), self.alloc()
        cleanup_handler = u.handler
        u.handler = (raised, raised_exc)
        self.push_fblock(FBlock("except_star", outer, prev=prev, name=clause.name))
        self.visit_body(clause.body)
        u.fblocks.pop()
        u.handler = cleanup_handler
        u.position = _position(clause)
        if clause.name is not None:
            self.clear_name(clause.name)
        self.emit(O.JUMP, following)
        self.place(raised)
        if clause.name is not None:
            self.clear_name(clause.name)
        self.emit(O.LIST_APPEND, left, raised_exc)
        u.top = mark
        self.place(following)
        u.position = saved_position

    def except_clause(
        self,
        clause: n.ExceptHandler,
        exc: int,
        prev: int,
        end: Label,
        outer: HandlerRef,
    ) -> None:
        u = self.u
        saved_position = u.position
        u.position = _position(clause)
        mark = u.top
        following = Label()
        if clause.type is not None:
            kind = self.expr(clause.type)
            match = self.alloc()
            self.emit(O.CHECK_EXC_MATCH, match, exc, kind)
            self.emit(O.JUMP_IF_FALSE, match, following)
        u.top = mark
        cleanup_handler = u.handler
        if clause.name is None:
            self.push_fblock(FBlock("except", outer, prev=prev))
            self.visit_body(clause.body)
            u.fblocks.pop()
            u.position = _position(clause)
            self.emit(O.POP_EXCEPT, prev)
            self.emit(O.JUMP, end)
        else:
            self.store_name(clause.name, exc)
            named, named_exc = Label(), self.alloc()
            u.handler = (named, named_exc)
            self.push_fblock(FBlock("except", outer, prev=prev, name=clause.name))
            self.visit_body(clause.body)
            u.fblocks.pop()
            u.handler = cleanup_handler
            u.position = _position(clause)
            self.emit(O.POP_EXCEPT, prev)
            self.clear_name(clause.name)
            self.emit(O.JUMP, end)
            self.place(named)
            self.clear_name(clause.name)
            self.emit(O.RERAISE, named_exc)
        u.top = mark
        self.place(following)
        u.position = saved_position

    def visit_Assert(self, s: n.Assert) -> None:
        test = s.test  # a tuple display, maybe folded to a constant
        if (isinstance(test, n.Tuple) and test.elts) or (
            isinstance(test, n.Constant)
            and isinstance(test.value, tuple)
            and test.value
        ):
            self.warn("assertion is always true, perhaps remove parentheses?", s)
        if self.optimize:
            return
        ok = Label()
        self.jump_if(s.test, True, ok)
        if s.msg is None:
            self.emit(O.ASSERT_FAIL, 0, 0)
        else:
            self.emit(O.ASSERT_FAIL, self.expr(s.msg), 1)
        self.place(ok)

    # --- with ---

    def visit_With(self, s: n.With) -> None:
        self.with_items(s, 0, False)

    def visit_AsyncWith(self, s: n.AsyncWith) -> None:
        if not self.u.is_async:
            raise self.error("'async with' outside async function", s)
        self.with_items(s, 0, True)

    def with_items(self, s: n.With | n.AsyncWith, index: int, is_async: bool) -> None:
        u = self.u
        item = s.items[index]
        outer = u.handler
        end = Label()
        u.position = _position(item.context_expr)
        manager = self.expr(item.context_expr)
        pair = self.alloc(2)
        self.emit(O.WITH_ENTER, pair, manager, 1 if is_async else 0)
        if is_async:
            self.await_value(pair + 1, pair + 1, 1)
        u.position = _position(s)

        def body() -> None:
            if item.optional_vars is not None:
                self.assign_from(item.optional_vars, pair + 1)
            if index + 1 < len(s.items):
                self.with_items(s, index + 1, is_async)
            else:
                self.visit_body(s.body)

        handler, exc = self.protected("with", body, exit=pair, is_async=is_async)
        u.position = _position(s)
        self.call_exit_none(pair, is_async)
        self.emit(O.JUMP, end)
        prev, cleanup, cleanup_exc = self.enter_handler(handler, exc)
        self.emit(O.WITH_EXIT, pair, exc)
        if is_async:
            self.await_value(pair, pair, 2)
        suppress = Label()
        self.emit(O.JUMP_IF_TRUE, pair, suppress)
        self.emit(O.RERAISE, exc)
        self.place(suppress)
        u.handler = outer
        self.emit(O.POP_EXCEPT, prev)
        self.emit(O.JUMP, end)
        self.emit_cleanup(cleanup, prev, cleanup_exc)
        self.place(end)

    def call_exit_none(self, exit_reg: int, is_async: bool) -> None:
        mark = self.u.top
        base = self.alloc(4)
        self.move(base, exit_reg)
        none = self.const(None)
        for i in range(1, 4):
            self.move(base + i, none)
        self.emit(O.CALL, base, base, 3)
        if is_async:
            self.await_value(base, base, 2)
        self.u.top = mark

    # --- imports ---

    def import_module(self, name: str, level: int, fromlist: object, dest: int) -> None:
        mark = self.u.top
        args = self.alloc(2)
        self.move(args, self.const(level))
        self.move(args + 1, self.const(fromlist))
        self.emit(O.IMPORT_NAME, dest, self.name(name), args)
        self.u.top = mark

    def visit_Import(self, s: n.Import) -> None:
        for alias in s.names:  # every instruction at the statement, as CPython 3.12
            mark = self.u.top
            module = self.alloc()
            self.import_module(alias.name, 0, None, module)
            if alias.asname is None:
                self.store_name(alias.name.partition(".")[0], module)
            else:
                for part in alias.name.split(".")[1:]:
                    self.emit(O.IMPORT_FROM, module, module, self.name(part))
                self.store_name(alias.asname, module)
            self.u.top = mark

    def visit_ImportFrom(self, s: n.ImportFrom) -> None:
        if s.module == "__future__" and id(s) not in self.future_ok:
            raise self.error(
                "from __future__ imports must occur at the beginning of the file", s
            )
        names = tuple(alias.name for alias in s.names)
        module = self.alloc()
        self.import_module(s.module or "", s.level or 0, names, module)
        if names == ("*",):
            self.emit(O.IMPORT_STAR, 0, module)
            return
        value = self.alloc()
        for alias in s.names:
            self.emit(O.IMPORT_FROM, value, module, self.name(alias.name))
            self.store_name(alias.asname or alias.name, value)

    # --- definitions ---

    def decorators(self, decorators: Sequence[n.expr]) -> list[int]:
        regs = []
        for decorator in decorators:
            reg = self.alloc()
            self.expr(decorator, reg)
            regs.append(reg)
        return regs

    def decorate(
        self, decorators: list[int], value: int, positions: list[Position]
    ) -> None:
        for reg, position in zip(reversed(decorators), reversed(positions)):
            self.u.position = position
            mark = self.u.top
            base = self.alloc(2)
            self.move(base, reg)
            self.move(base + 1, value)
            self.emit(O.CALL, value, base, 1)
            self.u.top = mark

    def visit_FunctionDef(self, s: n.FunctionDef | n.AsyncFunctionDef) -> None:
        decorators = self.decorators(s.decorator_list)
        func = self.generic_def(s) if s.type_params else self.make_def(s)
        self.decorate(decorators, func, [_position(d) for d in s.decorator_list])
        self.u.position = _position(s)
        self.store_name(s.name, func)

    def make_def(
        self, s: n.FunctionDef | n.AsyncFunctionDef, type_params: int | None = None
    ) -> int:
        """The function a def makes (``type_params``: in its type-parameter scope)."""
        scope = self.table.scope_of(s)
        qualname = self.qualname(s.name)
        firstlineno = s.decorator_list[0].lineno if s.decorator_list else s.lineno
        base, flags, nextras = self.function_start(
            scope, s.args, s.returns, s, generic=type_params is not None
        )
        is_async = isinstance(s, n.AsyncFunctionDef)
        self.enter(scope, "function", s.name, qualname, firstlineno, s.body, is_async)
        self.u.position = _position(s)
        body = s.body
        doc = _docstring(body)
        self.const(doc if doc is not None and self.optimize < 2 else None)
        self.prologue()
        self.visit_body(body)
        self.u.position = _position(body[-1]) if body else self.u.position
        self.return_none()
        code = self.leave(*_arg_counts(s.args))
        self.u.position = _position(s)
        return self.function_end(code, base, flags, nextras, None, type_params)

    visit_AsyncFunctionDef = visit_FunctionDef

    def visit_ClassDef(self, s: n.ClassDef) -> None:
        self.check_keywords(s.keywords)
        decorators = self.decorators(s.decorator_list)
        if s.type_params:
            cls = self.generic(s, s.name, (), lambda params: self.make_class(s, True))
        else:
            cls = self.make_class(s)
        self.decorate(decorators, cls, [_position(d) for d in s.decorator_list])
        self.u.position = _position(s)
        self.store_name(s.name, cls)

    def make_class(self, s: n.ClassDef, generic: bool = False) -> int:
        """A call of ``__build_class__`` with body, name, *bases, **keywords; a generic
        class's bases end with ``.generic_base`` (in its type-parameter scope)."""
        u = self.u
        scope = self.table.scope_of(s)
        qualname = self.qualname(s.name)
        firstlineno = s.decorator_list[0].lineno if s.decorator_list else s.lineno
        fbase, flags, _ = self.function_start(scope, None, None, s)
        self.enter(scope, "class", s.name, qualname, firstlineno)
        self.class_body(s, qualname)
        code = self.leave()
        u.position = _position(s)
        bases: list[n.expr] = list(s.bases)
        if any(isinstance(b, n.Starred) for b in bases) or any(
            kw.arg is None for kw in s.keywords
        ):
            base = self.alloc(3)
            self.emit(O.LOAD_BUILD_CLASS, base)
            head = self.alloc(2)
            self.function_end(code, fbase, flags, 0, head)
            self.move(head + 1, self.const(s.name))
            self.emit(O.BUILD_LIST, base + 1, head, 2)
            for item in bases:
                if isinstance(item, n.Starred):
                    self.emit(O.LIST_EXTEND, base + 1, self.expr(item.value))
                else:
                    self.emit(O.LIST_APPEND, base + 1, self.expr(item))
            if generic:
                self.emit(
                    O.LIST_APPEND, base + 1, self.load_name(".generic_base", None)
                )
            self.emit(O.LIST_TO_TUPLE, base + 1, base + 1)
            if s.keywords:
                self.keyword_dict(s.keywords, base + 2, base)
            u.position = _position(s)
            self.emit(O.CALL_EX, base, base, 1 if s.keywords else 0)
            return base
        nargs = len(bases) + (1 if generic else 0) + len(s.keywords)
        base = self.alloc(3 + nargs + (1 if s.keywords else 0))
        self.emit(O.LOAD_BUILD_CLASS, base)
        self.function_end(code, fbase, flags, 0, base + 1)
        self.move(base + 2, self.const(s.name))
        for i, item in enumerate(bases):
            self.expr(item, base + 3 + i)
        if generic:
            self.load_name(".generic_base", base + 3 + len(bases))
        first_kw = base + 3 + nargs - len(s.keywords)
        for i, kw in enumerate(s.keywords):
            self.expr(kw.value, first_kw + i)
        u.position = _position(s)
        if s.keywords:
            names = tuple(cast(str, kw.arg) for kw in s.keywords)
            self.move(base + 3 + nargs, self.const(names))
            self.emit(O.CALL_KW, base, base, nargs + 2)
        else:
            self.emit(O.CALL, base, base, nargs + 2)
        u.top = base + 1
        return base

    def class_body(self, s: n.ClassDef, qualname: str) -> None:
        u = self.u
        u.position = _position(s)
        self.prologue()
        value = self.alloc()
        self.emit(O.LOAD_NAME, value, self.name("__name__"))
        self.emit(O.STORE_NAME, value, self.name("__module__"))
        self.emit(O.STORE_NAME, self.const(qualname), self.name("__qualname__"))
        if s.type_params:
            self.load_name(".type_params", value)
            self.emit(O.STORE_NAME, value, self.name("__type_params__"))
        if u.scope.needs_classdict:
            self.emit(O.LOAD_LOCALS, value)
            self.emit(O.STORE_DEREF, value, u.regs["__classdict__"])
        u.top = value
        body: Sequence[n.stmt] = s.body
        doc = _docstring(body)
        if doc is not None:
            if self.optimize < 2:
                u.position = _position(body[0])
                self.emit(O.STORE_NAME, self.const(doc), self.name("__doc__"))
            body = body[1:]
        if self.needs_annotations(body):
            self.emit(O.SETUP_ANNOTATIONS)
        self.visit_body(body)
        u.position = _position(s)
        if u.scope.needs_class_closure:
            # the __class__ cell: in the namespace for type.__new__, and returned, as CPython
            cell = u.regs["__class__"]
            self.emit(O.STORE_NAME, cell, self.name("__classcell__"))
            self.emit(O.RETURN, cell)
        else:
            self.return_none()

    def function_start(
        self,
        scope: st.Scope,
        args: n.arguments | None,
        returns: n.expr | None,
        node: n.AST,
        generic: bool = False,
    ) -> tuple[int, int, int]:
        """Allocate MAKE_FUNCTION's block and evaluate the extras into it (before the body is
        generated, as CPython orders them); returns (base, flags, count of extras).
        ``generic``: a def in its type-parameter scope, whose defaults are its arguments."""
        makers: list[tuple[int, Callable[[int], None]]] = []
        if args is not None:
            makers = self.function_extras(args, returns, node, generic)
        extra = (1 if scope.freevars else 0) + (1 if generic else 0)
        base = self.alloc(1 + len(makers) + extra)
        flags = 0
        for i, (flag, make) in enumerate(makers):
            make(base + 1 + i)
            flags |= flag
        return base, flags, len(makers)

    def function_end(
        self,
        code: Code,
        base: int,
        flags: int,
        nextras: int,
        dest: int | None,
        type_params: int | None = None,
    ) -> int:
        self.move(base, self.const(code))
        if code.co_freevars:
            self.closure_tuple(code.co_freevars, base + 1 + nextras)
            nextras += 1
            flags |= 8
        if type_params is not None:
            self.move(base + 1 + nextras, type_params)
            flags |= 16
        if dest is None:
            self.u.top = base
            dest = self.alloc()
        self.emit(O.MAKE_FUNCTION, dest, base, flags)
        return dest

    # --- match: visit_Match is PatternCompiler's (patterns.py) ---


# Host callables written in C that name what they make after the calling module: the host
# would see the VM's own module (handlers.py, INTRINSIC CALLER_MODULE).
_CALLER_SENSITIVE = frozenset({"TypeVar", "ParamSpec", "TypeVarTuple", "TypeAliasType"})


def _names_after_caller(e: n.Call) -> bool:
    func = e.func
    name = func.id if isinstance(func, n.Name) else getattr(func, "attr", None)
    if name == "type":
        return isinstance(func, n.Name) and len(e.args) == 3
    return name in _CALLER_SENSITIVE


def _walk_statements(stmt: n.stmt) -> Iterator[n.stmt]:
    """The statement and those nested in it, not entering function or class bodies."""
    work = [stmt]
    while work:
        node = work.pop()
        yield node
        if isinstance(node, (n.FunctionDef, n.AsyncFunctionDef, n.ClassDef)):
            continue
        for name in ("body", "orelse", "finalbody"):
            work.extend(getattr(node, name, None) or [])
        for handler in getattr(node, "handlers", None) or []:
            work.extend(handler.body)
        for case in getattr(node, "cases", None) or []:
            work.extend(case.body)


def _docstring(body: Sequence[n.stmt]) -> str | None:
    if body and isinstance(body[0], n.Expr):
        value = body[0].value
        if isinstance(value, n.Constant) and isinstance(value.value, str):
            return value.value
    return None


def generate(
    tree: n.AST, table: st.SymbolTable, filename: str, mode: str, optimize: int = 0
) -> Code:
    """Generate the Code object of a module tree (and of every block nested in it)."""
    tree = fold_constants(tree, optimize, "annotations" in table.future_features)
    generator = CodeGenerator(table, filename, mode, optimize)
    try:
        return generator.generate(tree)
    except RecursionError:
        raise RecursionError(
            "maximum recursion depth exceeded during compilation"
        ) from None


_ = sys  # the host's recursion limit is never raised here (DESIGN.md)


def _arg_counts(args: n.arguments) -> tuple[int, int, int]:
    """(co_argcount, co_posonlyargcount, co_kwonlyargcount)."""
    positional = len(args.posonlyargs) + len(args.args)
    return positional, len(args.posonlyargs), len(args.kwonlyargs)


def _annotation_text(value: n.expr) -> str:
    """PEP 563: the string CPython 3.12's compiler stores for an annotation."""
    from ouro.syntax.unparse import annotation_text

    return annotation_text(value)
