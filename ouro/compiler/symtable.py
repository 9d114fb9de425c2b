"""The symbol table pass: an AST from ``ouro.syntax.parse`` -> a tree of ``Scope`` records.

Takes a ``Module``, ``Interactive`` or ``Expression`` tree and its filename; hands the code
generator a ``SymbolTable``: one ``Scope`` per block (module, class, function or lambda,
comprehension, PEP 695 type-parameter scope, ``type`` alias value, TypeVar bound, and, under
``from __future__ import annotations``, annotation scopes), each holding its names and their
flags in CPython 3.12's own encoding (``DEF_*`` bits, the scope in bits 12 and up), so a test
can compare them with the host ``symtable`` module number for number.

Invariants:

* The result is what CPython 3.12's ``Python/symtable.c`` computes: the same blocks in the same
  order, the same flags per name, the same ``SyntaxError`` (message and location) for a bad
  program, the first one found winning.  List, set and dict comprehensions are *inlined*
  (PEP 709): their names are merged into the enclosing block and they leave ``children``, as
  the host module reports; ``SymbolTable.scope_of(node)`` still finds them (``comp_inlined``).
* No host recursion in proportion to the tree's depth: the walk runs on an explicit work list
  and the analysis drives one generator per block from a list, so a 100,000-long ``1+1+...``
  chain is fine.  (CPython itself gives up there with RecursionError "maximum recursion depth
  exceeded during compilation"; as the parser does, Ouro accepts what CPython cannot.)

Two passes, as in CPython: ``_Builder`` walks the tree and records what each block does with
each name (bound, used, declared global...); ``_analyze`` then resolves every name to one scope
(local, cell, free, global explicit/implicit) from the blocks around it.

Deliberate difference: CPython 3.12.1 leaks a generic class's private name into the code after
the class (``class C[T]: ...`` then ``__x`` at module level is recorded as ``_C__x``), although
its compiler does not mangle there; 3.13 fixed it.  Ouro mangles only inside the class, as the
3.12 compiler and 3.13 do.
"""

from __future__ import annotations

import enum
from collections.abc import Callable, Generator, Iterable, Sequence

from ouro.syntax import nodes as n

__all__ = [
    "CELL",
    "DEF_ANNOT",
    "DEF_BOUND",
    "DEF_COMP_CELL",
    "DEF_COMP_ITER",
    "DEF_FREE",
    "DEF_FREE_CLASS",
    "DEF_GLOBAL",
    "DEF_IMPORT",
    "DEF_LOCAL",
    "DEF_NONLOCAL",
    "DEF_PARAM",
    "DEF_TYPE_PARAM",
    "FREE",
    "GLOBAL_EXPLICIT",
    "GLOBAL_IMPLICIT",
    "LOCAL",
    "SCOPE_MASK",
    "SCOPE_OFF",
    "USE",
    "BlockType",
    "Comprehension",
    "Scope",
    "SymbolTable",
    "build",
    "mangle",
]

# --- flags: CPython 3.12's values (Include/internal/pycore_symtable.h), so they compare ---
DEF_GLOBAL = 1  # global statement
DEF_LOCAL = 2  # assignment, for target, del, def/class name, walrus target...
DEF_PARAM = 4  # parameter
DEF_NONLOCAL = 8  # nonlocal statement
USE = 16  # read
DEF_FREE = 32  # kept for the host's numbering; 3.12 never sets it
DEF_FREE_CLASS = (
    64  # free in a nested block, bound in this class (or class-seeing) block
)
DEF_IMPORT = 128  # import
DEF_ANNOT = 256  # annotated simple name
DEF_COMP_ITER = 512  # comprehension iteration variable
DEF_TYPE_PARAM = 1024  # PEP 695 type parameter
DEF_COMP_CELL = 2048  # a cell inside an inlined comprehension
DEF_BOUND = DEF_LOCAL | DEF_PARAM | DEF_IMPORT

# The resolved scope sits above the flags: ``flags >> SCOPE_OFF & SCOPE_MASK``.
SCOPE_OFF = 12
SCOPE_MASK = 15
LOCAL = 1
GLOBAL_EXPLICIT = 2
GLOBAL_IMPLICIT = 3
FREE = 4
CELL = 5


class BlockType(enum.IntEnum):
    """Kinds of block; the numbers are the host ``_symtable.TYPE_*`` values."""

    FUNCTION = 0  # def, async def, lambda, comprehension, generator expression
    CLASS = 1
    MODULE = 2
    ANNOTATION = 3  # only under ``from __future__ import annotations``
    TYPE_VAR_BOUND = 4  # the lazily evaluated bound or constraints of ``T: bound``
    TYPE_ALIAS = 5  # the lazily evaluated value of ``type X = value``
    TYPE_PARAM = 6  # the implicit scope around a generic def, class or type alias


class Comprehension(enum.IntEnum):
    NONE = 0
    LIST = 1
    DICT = 2
    SET = 3
    GENERATOR = 4


_FUNCTION_LIKE = frozenset(
    (
        BlockType.FUNCTION,
        BlockType.TYPE_VAR_BOUND,
        BlockType.TYPE_ALIAS,
        BlockType.TYPE_PARAM,
    )
)

_FUTURE_FEATURES = frozenset(
    (
        "nested_scopes",
        "generators",
        "division",
        "absolute_import",
        "with_statement",
        "print_function",
        "unicode_literals",
        "barry_as_FLUFL",
        "generator_stop",
        "annotations",
    )
)


def mangle(private: str | None, name: str) -> str:
    """``__x`` inside class ``_C`` -> ``_C__x``; dunder names, dotted names and names in a
    class whose name is all underscores stay as they are."""
    if private is None or not name.startswith("__"):
        return name
    if name.endswith("__") or "." in name:
        return name
    stripped = private.lstrip("_")
    if not stripped:
        return name
    return "_" + stripped + name


class Scope:
    """One block: its names with their flags, and what the code generator needs to know.

    ``symbols`` maps each (mangled) name to CPython's flag word; ``scope(name)`` reads the
    resolved scope out of it.  ``varnames`` lists the parameters in CPython's ``co_varnames``
    order: positional-only, regular, keyword-only, then ``*args``, then ``**kwargs``.

    (A plain class, not a dataclass, as are the compiler's other records: the compiler is
    imported at every start, and the host's dataclasses module costs ~10 ms to import.)
    """

    __slots__ = (
        "can_see_class_scope",
        "cellvars",
        "child_free",
        "children",
        "col_offset",
        "comp_inlined",
        "comp_iter_expr",
        "comp_iter_target",
        "comprehension",
        "coroutine",
        "directives",
        "end_col_offset",
        "end_lineno",
        "freevars",
        "generator",
        "has_free",
        "has_varargs",
        "has_varkeywords",
        "lineno",
        "name",
        "needs_class_closure",
        "needs_classdict",
        "nested",
        "parent",
        "private",
        "returns_value",
        "symbols",
        "type",
        "varnames",
    )

    def __init__(
        self,
        name: str,
        type: BlockType,
        lineno: int,
        col_offset: int,
        end_lineno: int,
        end_col_offset: int,
        parent: Scope | None = None,
        private: str | None = None,  # the class name mangling applies with, if any
    ) -> None:
        self.name = name
        self.type = type
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset
        self.parent = parent
        self.symbols: dict[str, int] = {}
        self.varnames: list[str] = []
        self.children: list[Scope] = []
        self.nested = False
        self.generator = False  # has yield (or is a generator expression)
        self.coroutine = False  # async def, await, or async comprehension inside
        self.returns_value = False
        self.has_varargs = False
        self.has_varkeywords = False
        self.comprehension = Comprehension.NONE
        self.comp_inlined = False  # PEP 709: merged into the enclosing block
        self.can_see_class_scope = False  # a PEP 695 scope directly inside a class
        self.needs_class_closure = False  # class: methods use super() or __class__
        self.needs_classdict = False  # class: PEP 695 scopes inside read __classdict__
        self.has_free = False  # ste_free: uses a free variable itself
        self.child_free = False  # ste_child_free: a nested block has free variables
        self.private = private
        self.cellvars: list[str] = []
        self.freevars: list[str] = []
        # Walk state (CPython's ste_comp_iter_target / ste_comp_iter_expr) and directives:
        # the first global/nonlocal statement (or walrus) per name, for analysis-time errors.
        self.comp_iter_target = 0
        self.comp_iter_expr = 0
        self.directives: dict[str, n.AST] = {}

    def __repr__(self) -> str:
        return f"<Scope {self.type.name} {self.name!r} at line {self.lineno}>"

    @property
    def is_function_like(self) -> bool:
        """Function, lambda, comprehension and the PEP 695 scopes: names live in fast locals."""
        return self.type in _FUNCTION_LIKE

    def mangle(self, name: str) -> str:
        """The key this block's ``symbols`` use for ``name`` as written in the source."""
        return mangle(self.private, name)

    def flags(self, name: str) -> int:
        """The flag word of an already mangled name; 0 if the block does not know it."""
        return self.symbols.get(name, 0)

    def scope(self, name: str) -> int:
        """LOCAL, GLOBAL_EXPLICIT, GLOBAL_IMPLICIT, FREE or CELL; 0 for an unknown name."""
        return (self.symbols.get(name, 0) >> SCOPE_OFF) & SCOPE_MASK

    def code_cellvars(self, co_varnames: Iterable[str]) -> list[str]:
        """``co_cellvars`` once the code generator knows every local: the cells that are also
        fast locals (parameters, inlined comprehension variables) come first, in
        ``co_varnames`` order, then the rest in ``cellvars`` order, as CPython lays out its
        locals-plus array."""
        cells = set(self.cellvars)
        first = [name for name in co_varnames if name in cells]
        taken = set(first)
        return first + [name for name in self.cellvars if name not in taken]


class SymbolTable:
    """The result of ``build``: the module block and a way from a node to its block."""

    __slots__ = ("_all", "_by_node", "_nodes", "filename", "future_features", "top")

    def __init__(
        self,
        top: Scope,
        filename: str,
        future_features: frozenset[str],
        by_node: dict[tuple[str, int], Scope],
        nodes: list[object],
        all_scopes: list[Scope],
    ) -> None:
        self.top = top
        self.filename = filename
        self.future_features = future_features
        self._by_node = by_node
        self._nodes = nodes  # keeps ids stable while the table lives
        self._all = all_scopes

    def __repr__(self) -> str:
        return f"<SymbolTable of {self.filename!r}>"

    def scope_of(self, node: n.AST) -> Scope:
        """The block a FunctionDef, AsyncFunctionDef, ClassDef, Lambda, comprehension,
        TypeAlias (its value scope) or bounded TypeVar (its bound scope) opens."""
        return self._by_node[("block", id(node))]

    def type_params_scope_of(self, node: n.AST) -> Scope:
        """The PEP 695 scope around a generic def, class or type alias."""
        return self._by_node[("type_params", id(node))]

    def annotation_scope_of(self, node: n.AST) -> Scope:
        """Under the annotations future: the scope of a def's argument annotations (keyed by
        the def) or of one annotation expression.  CPython never lists these as children."""
        return self._by_node[("annotation", id(node))]

    def scopes(self) -> list[Scope]:
        """Every block in the order the walk opened them (parents before children),
        inlined comprehensions and annotation blocks included."""
        return list(self._all)


def build(
    tree: n.AST,
    filename: str = "<unknown>",
    *,
    future_annotations: bool = False,
) -> SymbolTable:
    """Build and analyse the symbol table of a module tree; raise SyntaxError as CPython.

    ``future_annotations`` is the inherited ``CO_FUTURE_ANNOTATIONS`` compile flag (a
    ``from __future__ import annotations`` in the tree turns it on by itself).
    (Top-level await, ``PyCF_ALLOW_TOP_LEVEL_AWAIT``, changes nothing here: in 3.12 the
    checks it relaxes are the code generator's.)
    """
    features = _future_features(tree, filename)
    builder = _Builder(filename, future_annotations or "annotations" in features)
    top = builder.run(tree)
    _analyze(top, filename)
    for scope in builder.all_scopes:
        _layout_closure(scope)
    return SymbolTable(
        top, filename, features, builder.by_node, builder.keep, builder.all_scopes
    )


# --- errors -------------------------------------------------------------------------------


def _program_text(filename: str, lineno: int | None) -> str | None:
    """The source line for a SyntaxError, read from the file by name, as CPython does; None
    when there is no such file (``<string>``)."""
    if lineno is None or lineno < 1:
        return None
    try:
        with open(filename, "rb") as file:
            for number, line in enumerate(file, 1):
                if number == lineno:
                    return line.decode("utf-8", "replace")
    except (OSError, ValueError):
        return None
    return None


def _error(msg: str, filename: str, where: object) -> SyntaxError:
    """A SyntaxError at a node's span; offsets are UTF-8 byte columns + 1, as CPython's
    symtable reports them (it does not convert to characters)."""
    lineno = getattr(where, "lineno", None)
    col = getattr(where, "col_offset", None)
    end_lineno = getattr(where, "end_lineno", None)
    end_col = getattr(where, "end_col_offset", None)
    text = _program_text(filename, lineno)
    offset = None if col is None else col + 1
    end_offset = None if end_col is None else end_col + 1
    return SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset))


def _future_features(tree: n.AST, filename: str) -> frozenset[str]:
    """The features named by the ``from __future__`` imports that open a module (after its
    docstring), checked as Python/future.c does.  A late ``__future__`` import is the code
    generator's error ("from __future__ imports must occur at the beginning of the file")."""
    if not isinstance(tree, (n.Module, n.Interactive)):
        return frozenset()
    found: set[str] = set()
    done = docstring = False
    prev_line = 0
    for stmt in tree.body:
        if done and stmt.lineno > prev_line:
            break
        prev_line = stmt.lineno
        if isinstance(stmt, n.ImportFrom) and stmt.module == "__future__":
            if done:
                break  # the code generator reports it
            for alias in stmt.names:
                _check_feature(alias.name, stmt, filename)
                found.add(alias.name)
        elif (
            isinstance(stmt, n.Expr)
            and not docstring
            and isinstance(stmt.value, n.Constant)
            and isinstance(stmt.value.value, str)
        ):
            docstring = True
        else:
            done = True
    return frozenset(found)


def _check_feature(name: str, stmt: n.stmt, filename: str) -> None:
    if name in _FUTURE_FEATURES:
        return
    msg = (
        "not a chance" if name == "braces" else f"future feature {name} is not defined"
    )
    text = _program_text(filename, stmt.lineno)
    where = (filename, stmt.lineno, stmt.col_offset + 1, text, stmt.lineno, None)
    raise SyntaxError(msg, where)


# --- pass 1: walk the tree, recording what each block does with each name ----------------

# A unit of work: a node to visit, a list of them (None entries skipped), or an action.
_Work = n.AST | Sequence[n.AST | None] | Callable[[], object] | None

_NOT_ALLOWED = {
    BlockType.ANNOTATION: "{} cannot be used within an annotation",
    BlockType.TYPE_VAR_BOUND: "{} cannot be used within a TypeVar bound",
    BlockType.TYPE_ALIAS: "{} cannot be used within a type alias",
    BlockType.TYPE_PARAM: "{} cannot be used within the definition of a generic",
}

_WALRUS_NOT_ALLOWED = {
    BlockType.CLASS: "assignment expression within a comprehension cannot be used in a class body",
    BlockType.TYPE_PARAM: "assignment expression within a comprehension cannot be used "
    "within the definition of a generic",
    BlockType.TYPE_ALIAS: "assignment expression within a comprehension cannot be used "
    "in a type alias",
    BlockType.TYPE_VAR_BOUND: "assignment expression within a comprehension cannot be used "
    "in a TypeVar bound",
}

_YIELD_IN_COMPREHENSION = {
    Comprehension.LIST: "'yield' inside list comprehension",
    Comprehension.SET: "'yield' inside set comprehension",
    Comprehension.DICT: "'yield' inside dict comprehension",
    Comprehension.GENERATOR: "'yield' inside generator expression",
}


class _Builder:
    """Pass 1.  ``run`` pops work items until none is left; a ``visit_*`` method does what it
    must at once and ``push``es the rest (child nodes, actions) to run in order, which is
    what a recursive visitor would have done, without the host stack."""

    def __init__(self, filename: str, future_annotations: bool) -> None:
        self.filename = filename
        self.future_annotations = future_annotations
        self.work: list[_Work] = []
        self.stack: list[Scope] = []
        self.top: Scope | None = None
        self.private: str | None = None
        self.by_node: dict[tuple[str, int], Scope] = {}
        self.keep: list[object] = []
        self.all_scopes: list[Scope] = []

    @property
    def cur(self) -> Scope:
        return self.stack[-1]

    def run(self, tree: n.AST) -> Scope:
        self.enter("top", BlockType.MODULE, tree, None)
        self.push(*_module_body(tree), self.exit)
        work, dispatch = self.work, _dispatch_table()
        while work:
            item = work.pop()
            if isinstance(item, n.AST):
                dispatch[type(item)](self, item)
            else:
                assert callable(item)
                item()
        assert self.top is not None
        return self.top

    def push(self, *items: _Work) -> None:
        """Schedule ``items`` to run next, first one first."""
        work = self.work
        for item in reversed(items):
            if item is None:
                continue
            if isinstance(item, list):
                work.extend(child for child in reversed(item) if child is not None)
            else:
                work.append(item)

    def generic_visit(self, node: n.AST) -> None:
        self.push(list(n.iter_child_nodes(node)))

    def skip(self, node: n.AST) -> None:
        """Operators, contexts, constants: nothing to record."""

    def error(self, msg: str, where: object) -> SyntaxError:
        return _error(msg, self.filename, where)

    # --- blocks and names ---

    def enter(
        self,
        name: str,
        kind: BlockType,
        node: n.AST,
        key: str | None,
        loc: n.AST | None = None,
    ) -> Scope:
        prev = self.stack[-1] if self.stack else None
        where = loc if loc is not None else node
        if kind is BlockType.MODULE:
            span = (0, 0, 0, 0)
        else:
            span = (
                getattr(where, "lineno", 0),
                getattr(where, "col_offset", 0),
                getattr(where, "end_lineno", None) or 0,
                getattr(where, "end_col_offset", None) or 0,
            )
        scope = Scope(name, kind, *span, parent=prev, private=self.private)
        if prev is not None:
            scope.nested = prev.nested or prev.is_function_like
            # bpo-37757: no walrus anywhere inside a comprehension's outermost iterable
            scope.comp_iter_expr = prev.comp_iter_expr
        self.stack.append(scope)
        self.all_scopes.append(scope)
        if key is not None:
            self.by_node[(key, id(node))] = scope
            self.keep.append(node)
        if kind is BlockType.ANNOTATION:
            return scope  # CPython never lists annotation blocks as children
        if kind is BlockType.MODULE:
            self.top = scope
        elif prev is not None:
            prev.children.append(scope)
        return scope

    def exit(self) -> None:
        self.stack.pop()

    def add_def(
        self, name: str, flag: int, where: object, scope: Scope | None = None
    ) -> None:
        ste = self.cur if scope is None else scope
        mangled = mangle(self.private, name)
        val = ste.symbols.get(mangled)
        if val is not None:
            if flag & DEF_PARAM and val & DEF_PARAM:
                raise self.error(
                    f"duplicate argument '{name}' in function definition", where
                )
            if flag & DEF_TYPE_PARAM and val & DEF_TYPE_PARAM:
                raise self.error(f"duplicate type parameter '{name}'", where)
            val |= flag
        else:
            val = flag
        if ste.comp_iter_target:
            if val & (DEF_GLOBAL | DEF_NONLOCAL):
                raise self.error(
                    "comprehension inner loop cannot rebind assignment expression "
                    f"target '{name}'",
                    where,
                )
            val |= DEF_COMP_ITER
        ste.symbols[mangled] = val
        if flag & DEF_PARAM:
            ste.varnames.append(mangled)
        elif flag & DEF_GLOBAL:
            assert self.top is not None
            module = self.top.symbols
            module[mangled] = module.get(mangled, 0) | flag

    def lookup(self, name: str) -> int:
        return self.cur.symbols.get(mangle(self.private, name), 0)

    def record_directive(self, name: str, where: n.AST) -> None:
        self.cur.directives.setdefault(mangle(self.private, name), where)

    def check_not_annotation(self, what: str, node: n.AST) -> None:
        template = _NOT_ALLOWED.get(self.cur.type)
        if template is not None:
            raise self.error(template.format(what), node)

    # --- statements ---

    def visit_FunctionDef(self, s: n.FunctionDef | n.AsyncFunctionDef) -> None:
        self.add_def(s.name, DEF_LOCAL, s)
        args = s.args
        generic = bool(s.type_params)
        has_kwdefaults = any(d is not None for d in args.kw_defaults)

        def open_type_params() -> None:
            # CPython's parser always hands a def a defaults list, even an empty one
            self.enter_type_params(s.name, s, True, has_kwdefaults, "def")

        def open_function() -> None:
            self.enter(s.name, BlockType.FUNCTION, s, "block")
            if isinstance(s, n.AsyncFunctionDef):
                self.cur.coroutine = True

        self.push(
            args.defaults,
            args.kw_defaults,
            s.decorator_list,
            open_type_params if generic else None,
            s.type_params,
            lambda: self.visit_annotations(s, args, s.returns),
            open_function,
            lambda: self.visit_arguments(args),
            s.body,
            self.exit,
            self.exit if generic else None,
        )

    visit_AsyncFunctionDef = visit_FunctionDef

    def enter_type_params(
        self,
        name: str,
        node: n.AST,
        has_defaults: bool,
        has_kwdefaults: bool,
        kind: str,
    ) -> None:
        in_class = self.cur.type is BlockType.CLASS
        scope = self.enter(name, BlockType.TYPE_PARAM, node, "type_params")
        if in_class:
            scope.can_see_class_scope = True
            self.add_def("__classdict__", USE, node)
        if kind == "class":
            # ".type_params" is set when the tuple is built and used for the bases;
            # ".generic_base" holds Generic[...].
            self.add_def(".type_params", DEF_LOCAL, node)
            self.add_def(".type_params", USE, node)
            self.private = name
            scope.private = name
            self.add_def(".generic_base", DEF_LOCAL, node)
            self.add_def(".generic_base", USE, node)
        if has_defaults:
            self.add_def(".defaults", DEF_PARAM, node)
        if has_kwdefaults:
            self.add_def(".kwdefaults", DEF_PARAM, node)

    def visit_annotations(
        self, s: n.AST, args: n.arguments, returns: n.expr | None
    ) -> None:
        future = self.future_annotations
        annotations: list[n.expr | None] = [a.annotation for a in args.posonlyargs]
        annotations += [a.annotation for a in args.args]
        for extra in (args.vararg, args.kwarg):
            if extra is not None:
                annotations.append(extra.annotation)
        annotations += [a.annotation for a in args.kwonlyargs]
        self.push(
            (lambda: self.enter_annotation(s)) if future else None,
            annotations,
            self.exit if future else None,
            (lambda: self.visit_annotation(returns)) if returns is not None else None,
        )

    def enter_annotation(self, node: n.AST) -> None:
        self.enter("_annotation", BlockType.ANNOTATION, node, "annotation")

    def visit_annotation(self, annotation: n.expr) -> None:
        if self.future_annotations:
            self.push(lambda: self.enter_annotation(annotation), annotation, self.exit)
        else:
            self.push(annotation)

    def visit_arguments(self, args: n.arguments) -> None:
        for arg in (*args.posonlyargs, *args.args, *args.kwonlyargs):
            self.add_def(arg.arg, DEF_PARAM, arg)
        if args.vararg is not None:
            self.add_def(args.vararg.arg, DEF_PARAM, args.vararg)
            self.cur.has_varargs = True
        if args.kwarg is not None:
            self.add_def(args.kwarg.arg, DEF_PARAM, args.kwarg)
            self.cur.has_varkeywords = True

    def visit_ClassDef(self, s: n.ClassDef) -> None:
        self.add_def(s.name, DEF_LOCAL, s)
        saved = self.private
        generic = bool(s.type_params)

        def open_type_params() -> None:
            self.enter_type_params(s.name, s, False, False, "class")

        def open_class() -> None:
            self.enter(s.name, BlockType.CLASS, s, "block")
            self.private = s.name
            self.cur.private = s.name
            if generic:
                self.add_def("__type_params__", DEF_LOCAL, s)
                self.add_def(".type_params", USE, s)

        def restore() -> None:
            self.private = saved

        self.push(
            s.decorator_list,
            open_type_params if generic else None,
            s.type_params,
            s.bases,
            s.keywords,
            open_class,
            s.body,
            self.exit,
            self.exit if generic else None,
            restore,
        )

    def visit_TypeAlias(self, s: n.TypeAlias) -> None:
        assert isinstance(s.name, n.Name)
        name = s.name.id
        generic = bool(s.type_params)

        def open_value() -> None:
            # Whether the alias sits in a class is decided before the type-param scope opens.
            in_class = self.stack[-2 if generic else -1].type is BlockType.CLASS
            scope = self.enter(name, BlockType.TYPE_ALIAS, s, "block")
            scope.can_see_class_scope = in_class
            if in_class:
                self.add_def("__classdict__", USE, s.value)

        self.push(
            s.name,
            (lambda: self.enter_type_params(name, s, False, False, "alias"))
            if generic
            else None,
            s.type_params,
            open_value,
            s.value,
            self.exit,
            self.exit if generic else None,
        )

    def visit_TypeVar(self, tp: n.TypeVar) -> None:
        self.add_def(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp)
        if tp.bound is None:
            return
        in_class = self.cur.can_see_class_scope
        scope = self.enter(tp.name, BlockType.TYPE_VAR_BOUND, tp, "block")
        scope.can_see_class_scope = in_class
        if in_class:
            self.add_def("__classdict__", USE, tp.bound)
        self.push(tp.bound, self.exit)

    def visit_TypeVarTuple(self, tp: n.TypeVarTuple | n.ParamSpec) -> None:
        self.add_def(tp.name, DEF_TYPE_PARAM | DEF_LOCAL, tp)

    visit_ParamSpec = visit_TypeVarTuple

    def visit_Return(self, s: n.Return) -> None:
        if s.value is not None:
            self.cur.returns_value = True
            self.push(s.value)

    def visit_AnnAssign(self, s: n.AnnAssign) -> None:
        target = s.target
        if isinstance(target, n.Name):
            cur = self.lookup(target.id)
            if (
                cur & (DEF_GLOBAL | DEF_NONLOCAL)
                and self.cur.type is not BlockType.MODULE
                and s.simple
            ):
                kind = "global" if cur & DEF_GLOBAL else "nonlocal"
                raise self.error(f"annotated name '{target.id}' can't be {kind}", s)
            if s.simple:
                self.add_def(target.id, DEF_ANNOT | DEF_LOCAL, target)
            if s.value is not None:
                self.add_def(target.id, DEF_LOCAL, target)
            first: _Work = None
        else:
            first = target
        self.push(first, lambda: self.visit_annotation(s.annotation), s.value)

    def visit_Try(self, s: n.Try | n.TryStar) -> None:
        self.push(s.body, s.orelse, s.handlers, s.finalbody)

    visit_TryStar = visit_Try

    def visit_ExceptHandler(self, h: n.ExceptHandler) -> None:
        name = h.name

        def bind() -> None:
            if name is not None:
                self.add_def(name, DEF_LOCAL, h)

        self.push(h.type, bind, h.body)

    def visit_Global(self, s: n.Global) -> None:
        self.declare(s, s.names, DEF_GLOBAL, "global")

    def visit_Nonlocal(self, s: n.Nonlocal) -> None:
        self.declare(s, s.names, DEF_NONLOCAL, "nonlocal")

    def declare(self, s: n.stmt, names: list[str], flag: int, word: str) -> None:
        for name in names:
            cur = self.lookup(name)
            if cur & (DEF_PARAM | DEF_LOCAL | USE | DEF_ANNOT):
                if cur & DEF_PARAM:
                    msg = f"name '{name}' is parameter and {word}"
                elif cur & USE:
                    msg = f"name '{name}' is used prior to {word} declaration"
                elif cur & DEF_ANNOT:
                    msg = f"annotated name '{name}' can't be {word}"
                else:
                    msg = f"name '{name}' is assigned to before {word} declaration"
                raise self.error(msg, s)
            self.add_def(name, flag, s)
            self.record_directive(name, s)

    def visit_alias(self, a: n.alias) -> None:
        name = a.asname if a.asname is not None else a.name
        if name == "*":
            if self.cur.type is not BlockType.MODULE:
                raise self.error("import * only allowed at module level", a)
            return
        self.add_def(name.partition(".")[0], DEF_IMPORT, a)

    # --- patterns ---

    def visit_MatchStar(self, p: n.MatchStar) -> None:
        if p.name is not None:
            self.add_def(p.name, DEF_LOCAL, p)

    def visit_MatchMapping(self, p: n.MatchMapping) -> None:
        rest = p.rest

        def bind() -> None:
            if rest is not None:
                self.add_def(rest, DEF_LOCAL, p)

        self.push(p.keys, p.patterns, bind)

    def visit_MatchClass(self, p: n.MatchClass) -> None:
        self.push(p.cls, p.patterns, p.kwd_patterns)

    def visit_MatchAs(self, p: n.MatchAs) -> None:
        name = p.name

        def bind() -> None:
            if name is not None:
                self.add_def(name, DEF_LOCAL, p)

        self.push(p.pattern, bind)

    # --- expressions ---

    def visit_Name(self, e: n.Name) -> None:
        load = isinstance(e.ctx, n.Load)
        self.add_def(e.id, USE if load else DEF_LOCAL, e)
        # super() reads the implicit __class__ cell
        if load and e.id == "super" and self.cur.is_function_like:
            self.add_def("__class__", USE, e)

    def visit_BinOp(self, e: n.BinOp) -> None:
        # The long chains are left-nested: walk down the left spine here, so a
        # 100,000-term sum costs one work item per right operand.
        rights: list[n.AST] = []
        node: n.AST = e
        while isinstance(node, n.BinOp):
            rights.append(node.right)
            node = node.left
        rights.append(node)
        self.work.extend(rights)

    def visit_BoolOp(self, e: n.BoolOp) -> None:
        self.push(e.values)

    def visit_UnaryOp(self, e: n.UnaryOp) -> None:
        self.push(e.operand)

    def visit_Compare(self, e: n.Compare) -> None:
        self.push(e.left, e.comparators)

    def check_not_class_annotation_scope(self, what: str, e: n.expr) -> None:
        if self.cur.can_see_class_scope:
            raise self.error(
                f"Cannot use {what} in annotation scope within class scope", e
            )

    def visit_Lambda(self, e: n.Lambda) -> None:
        self.check_not_class_annotation_scope("lambda", e)
        args = e.args
        self.push(
            args.defaults,
            args.kw_defaults,
            lambda: self.enter("lambda", BlockType.FUNCTION, e, "block"),
            lambda: self.visit_arguments(args),
            e.body,
            self.exit,
        )

    def visit_ListComp(self, e: n.ListComp) -> None:
        self.comprehension(e, "listcomp", Comprehension.LIST, e.generators, e.elt, None)

    def visit_SetComp(self, e: n.SetComp) -> None:
        self.comprehension(e, "setcomp", Comprehension.SET, e.generators, e.elt, None)

    def visit_GeneratorExp(self, e: n.GeneratorExp) -> None:
        self.comprehension(
            e, "genexpr", Comprehension.GENERATOR, e.generators, e.elt, None
        )

    def visit_DictComp(self, e: n.DictComp) -> None:
        self.comprehension(
            e, "dictcomp", Comprehension.DICT, e.generators, e.key, e.value
        )

    def comprehension(
        self,
        e: n.expr,
        name: str,
        kind: Comprehension,
        generators: list[n.comprehension],
        elt: n.expr,
        value: n.expr | None,
    ) -> None:
        self.check_not_class_annotation_scope("comprehension", e)
        outermost = generators[0]

        def open_scope() -> None:
            scope = self.enter(name, BlockType.FUNCTION, e, "block")
            scope.comprehension = kind
            if outermost.is_async:
                scope.coroutine = True
            self.add_def(
                ".0", DEF_PARAM, e
            )  # the outermost iterable comes in as an argument

        def close_scope() -> None:
            scope = self.cur
            is_generator = kind is Comprehension.GENERATOR
            scope.generator = is_generator
            self.exit()
            if scope.coroutine and not is_generator:
                self.cur.coroutine = True

        # The outermost iterable is evaluated in the enclosing block.
        self.push(
            self.iter_expr_in,
            outermost.iter,
            self.iter_expr_out,
            open_scope,
            self.iter_target_in,
            outermost.target,
            self.iter_target_out,
            outermost.ifs,
            *[self.for_clause(gen) for gen in generators[1:]],
            value,
            elt,
            close_scope,
        )

    def for_clause(self, gen: n.comprehension) -> Callable[[], None]:
        def run() -> None:
            def mark_async() -> None:
                if gen.is_async:
                    self.cur.coroutine = True

            self.push(
                self.iter_target_in,
                gen.target,
                self.iter_target_out,
                self.iter_expr_in,
                gen.iter,
                self.iter_expr_out,
                gen.ifs,
                mark_async,
            )

        return run

    def iter_expr_in(self) -> None:
        self.cur.comp_iter_expr += 1

    def iter_expr_out(self) -> None:
        self.cur.comp_iter_expr -= 1

    def iter_target_in(self) -> None:
        self.cur.comp_iter_target = 1

    def iter_target_out(self) -> None:
        self.cur.comp_iter_target = 0

    def visit_NamedExpr(self, e: n.NamedExpr) -> None:
        self.check_not_annotation("named expression", e)
        if self.cur.comp_iter_expr > 0:
            raise self.error(
                "assignment expression cannot be used in a comprehension iterable expression",
                e,
            )
        if self.cur.comprehension:
            assert isinstance(e.target, n.Name)
            self.bind_walrus_target(e.target)
        self.push(e.value, e.target)

    def bind_walrus_target(self, target: n.Name) -> None:
        """PEP 572: a walrus in a comprehension binds in the nearest enclosing block that is
        not a comprehension."""
        name = target.id
        for ste in reversed(self.stack):
            if ste.comprehension:
                found = ste.symbols.get(mangle(self.private, name), 0)
                # only a name the loop binds: c in ``for c[d] in ...`` is just read
                if found & DEF_COMP_ITER and found & DEF_LOCAL:
                    raise self.error(
                        "assignment expression cannot rebind comprehension iteration "
                        f"variable '{name}'",
                        target,
                    )
                continue
            if ste.type is BlockType.FUNCTION:
                outer = ste.symbols.get(mangle(self.private, name), 0)
                self.add_def(
                    name, DEF_GLOBAL if outer & DEF_GLOBAL else DEF_NONLOCAL, target
                )
                self.record_directive(name, target)
                self.add_def(name, DEF_LOCAL, target, ste)
                return
            if ste.type is BlockType.MODULE:
                self.add_def(name, DEF_GLOBAL, target)
                self.record_directive(name, target)
                self.add_def(name, DEF_GLOBAL, target, ste)
                return
            msg = _WALRUS_NOT_ALLOWED.get(ste.type)
            if msg is not None:
                raise self.error(msg, target)
            # annotation blocks are passed through
        raise AssertionError("symtable: no block for a walrus target")

    def visit_Yield(self, e: n.Yield | n.YieldFrom) -> None:
        self.check_not_annotation("yield expression", e)

        def mark() -> None:
            scope = self.cur
            scope.generator = True
            if scope.comprehension:
                raise self.error(_YIELD_IN_COMPREHENSION[scope.comprehension], e)

        self.push(e.value, mark)

    visit_YieldFrom = visit_Yield

    def visit_Await(self, e: n.Await) -> None:
        self.check_not_annotation("await expression", e)

        def mark() -> None:
            self.cur.coroutine = True

        self.push(e.value, mark)

    def visit_Dict(self, e: n.Dict) -> None:
        self.push(e.keys, e.values)


_LEAVES = (
    n.expr_context,
    n.boolop,
    n.operator,
    n.unaryop,
    n.cmpop,
    n.type_ignore,
    n.Constant,
)


_DISPATCH: dict[type, Callable[[_Builder, n.AST], None]] = {}


def _dispatch_table() -> dict[type, Callable[[_Builder, n.AST], None]]:
    """Node class -> the ``_Builder`` method for it; made at the first compile (walking
    the node classes each time was half the cost of compiling a namedtuple's lambda)."""
    if not _DISPATCH:
        for cls in _all_node_classes():
            method = getattr(_Builder, "visit_" + cls.__name__, None)
            if method is None:
                leaf = issubclass(cls, _LEAVES)
                method = _Builder.skip if leaf else _Builder.generic_visit
            _DISPATCH[cls] = method
    return _DISPATCH


def _all_node_classes() -> list[type[n.AST]]:
    found: list[type[n.AST]] = []
    todo: list[type[n.AST]] = [n.AST]
    while todo:
        cls = todo.pop()
        found.append(cls)
        todo.extend(cls.__subclasses__())
    return found


def _module_body(tree: n.AST) -> list[_Work]:
    if isinstance(tree, (n.Module, n.Interactive)):
        return [list(tree.body)]
    if isinstance(tree, n.Expression):
        return [tree.body]
    raise TypeError(f"symtable: expected a module tree, got {type(tree).__name__}")


# --- pass 2: resolve every name to its scope ----------------------------------------------

# A block's analysis asks its driver to analyse a child by yielding
# (child, bound, free, global, type_params, class_entry) and is sent back the child's free set.
_Request = tuple[Scope, set[str] | None, set[str], set[str], set[str], Scope | None]
_Analysis = Generator[_Request, set[str], None]


def _analyze(top: Scope, filename: str) -> None:
    """Drive ``_analyze_block`` generators from a list instead of the host stack."""
    frames: list[tuple[_Analysis, set[str]]] = []
    free: set[str] = set()
    frames.append((_analyze_block(top, None, free, set(), set(), None, filename), free))
    reply: set[str] | None = None
    while frames:
        gen, free = frames[-1]
        try:
            request = gen.send(reply) if reply is not None else next(gen)
        except StopIteration:
            frames.pop()
            reply = free
            continue
        child, bound, child_free, global_, type_params, class_entry = request
        frames.append(
            (
                _analyze_block(
                    child,
                    bound,
                    child_free,
                    global_,
                    type_params,
                    class_entry,
                    filename,
                ),
                child_free,
            )
        )
        reply = None


def _analyze_block(
    ste: Scope,
    bound: set[str] | None,
    free: set[str],
    global_: set[str],
    type_params: set[str],
    class_entry: Scope | None,
    filename: str,
) -> _Analysis:
    """Resolve ``ste``'s names given what the enclosing blocks bind (``bound``), declare
    global (``global_``) and hold as type parameters; add the names this block and its
    children need from outside to ``free`` (the caller's copy)."""
    local: set[str] = set()
    scopes: dict[str, int] = {}
    newglobal: set[str] = set()
    newfree: set[str] = set()
    newbound: set[str] = set()
    inlined_cells: set[str] = set()

    # A class body's names are invisible to the blocks nested in it: what they see is
    # decided before the class's own names are looked at.
    if ste.type is BlockType.CLASS:
        newglobal |= global_
        if bound is not None:
            newbound |= bound

    for name, flags in ste.symbols.items():
        scopes[name] = _analyze_name(
            ste,
            name,
            flags,
            bound,
            local,
            free,
            global_,
            type_params,
            class_entry,
            filename,
        )

    if ste.type is not BlockType.CLASS:
        if ste.is_function_like:
            newbound |= local
        if bound is not None:
            newbound |= bound
        newglobal |= global_
    else:
        newbound.add("__class__")
        newbound.add("__classdict__")

    for entry in list(ste.children):
        new_class_entry = None
        if entry.can_see_class_scope:
            if ste.type is BlockType.CLASS:
                new_class_entry = ste
            elif class_entry is not None:
                new_class_entry = class_entry
        inline = bool(entry.comprehension) and not entry.generator
        child_free = yield (
            entry,
            set(newbound),
            set(newfree),
            set(newglobal),
            set(type_params),
            new_class_entry,
        )
        if inline:
            _inline_comprehension(ste, entry, scopes, child_free, inlined_cells)
            entry.comp_inlined = True
        newfree |= child_free
        if entry.has_free or entry.child_free:
            ste.child_free = True

    # An inlined comprehension leaves the tree; its own children take its place.
    spliced: list[Scope] = []
    for entry in ste.children:
        if entry.comp_inlined:
            for child in entry.children:
                child.parent = ste
            spliced.extend(entry.children)
        else:
            spliced.append(entry)
    ste.children = spliced

    if ste.is_function_like:
        _analyze_cells(scopes, newfree, inlined_cells)
    elif ste.type is BlockType.CLASS:
        _drop_class_free(ste, newfree)
    _update_symbols(
        ste.symbols,
        scopes,
        bound,
        newfree,
        inlined_cells,
        ste.type is BlockType.CLASS or ste.can_see_class_scope,
    )
    free |= newfree


def _analyze_name(
    ste: Scope,
    name: str,
    flags: int,
    bound: set[str] | None,
    local: set[str],
    free: set[str],
    global_: set[str],
    type_params: set[str],
    class_entry: Scope | None,
    filename: str,
) -> int:
    if flags & DEF_GLOBAL:
        if flags & DEF_NONLOCAL:
            raise _directive_error(
                f"name '{name}' is nonlocal and global", ste, name, filename
            )
        global_.add(name)
        if bound is not None:
            bound.discard(name)
        return GLOBAL_EXPLICIT
    if flags & DEF_NONLOCAL:
        if bound is None:
            raise _directive_error(
                "nonlocal declaration not allowed at module level", ste, name, filename
            )
        if name not in bound:
            raise _directive_error(
                f"no binding for nonlocal '{name}' found", ste, name, filename
            )
        if name in type_params:
            raise _directive_error(
                f"nonlocal binding not allowed for type parameter '{name}'",
                ste,
                name,
                filename,
            )
        ste.has_free = True
        free.add(name)
        return FREE
    if flags & DEF_BOUND:
        local.add(name)
        global_.discard(name)
        if flags & DEF_TYPE_PARAM:
            type_params.add(name)
        else:
            type_params.discard(name)
        return LOCAL
    # A PEP 695 scope in a class looks names up in the class namespace first: a name the
    # class binds is read from there at run time (through __classdict__).
    if class_entry is not None:
        class_flags = class_entry.symbols.get(name, 0)
        if class_flags & DEF_GLOBAL:
            return GLOBAL_EXPLICIT
        if class_flags & DEF_BOUND and not class_flags & DEF_NONLOCAL:
            return GLOBAL_IMPLICIT
    if bound is not None and name in bound:
        ste.has_free = True
        free.add(name)
        return FREE
    if name in global_:
        return GLOBAL_IMPLICIT
    if ste.nested:
        ste.has_free = True
    return GLOBAL_IMPLICIT


def _directive_error(msg: str, ste: Scope, name: str, filename: str) -> SyntaxError:
    """Analysis errors point at the global/nonlocal statement (or walrus) behind them."""
    return _error(msg, filename, ste.directives.get(name))


def _inline_comprehension(
    ste: Scope,
    comp: Scope,
    scopes: dict[str, int],
    comp_free: set[str],
    inlined_cells: set[str],
) -> None:
    """PEP 709: merge an inlined comprehension's names into the enclosing block."""
    for name, comp_flags in comp.symbols.items():
        if comp_flags & DEF_PARAM:
            continue  # ".0", the outermost iterable
        scope = (comp_flags >> SCOPE_OFF) & SCOPE_MASK
        only_flags = comp_flags & ((1 << SCOPE_OFF) - 1)
        if scope == CELL or only_flags & DEF_COMP_CELL:
            inlined_cells.add(name)
        existing = ste.symbols.get(name)
        if existing is None:
            ste.symbols[name] = only_flags
            scopes[name] = scope
        elif (
            existing & DEF_BOUND
            and not _is_free_in_any_child(comp, name)
            and ste.type is not BlockType.CLASS
        ):
            # free in the comprehension, local out here: now simply a local
            comp_free.discard(name)


def _is_free_in_any_child(entry: Scope, name: str) -> bool:
    return any(child.scope(name) == FREE for child in entry.children)


def _analyze_cells(
    scopes: dict[str, int], free: set[str], inlined_cells: set[str]
) -> None:
    """A local that a nested block needs becomes a cell."""
    for name, scope in scopes.items():
        if scope != LOCAL:
            continue
        if name not in free and name not in inlined_cells:
            continue
        scopes[name] = CELL
        free.discard(name)


def _drop_class_free(ste: Scope, free: set[str]) -> None:
    if "__class__" in free:
        free.discard("__class__")
        ste.needs_class_closure = True
    if "__classdict__" in free:
        free.discard("__classdict__")
        ste.needs_classdict = True


def _update_symbols(
    symbols: dict[str, int],
    scopes: dict[str, int],
    bound: set[str] | None,
    free: set[str],
    inlined_cells: set[str],
    classflag: bool,
) -> None:
    for name, flags in symbols.items():
        if name in inlined_cells:
            flags |= DEF_COMP_CELL
        symbols[name] = flags | (scopes[name] << SCOPE_OFF)
    # Free names of nested blocks that this block does not bind pass through it.
    for name in free:
        existing = symbols.get(name)
        if existing is not None:
            if classflag:
                symbols[name] = existing | DEF_FREE_CLASS
            continue  # a cell here, or already free
        if bound is not None and name not in bound:
            continue  # a global
        symbols[name] = FREE << SCOPE_OFF


# --- closure layout for the code generator -------------------------------------------------


def _layout_closure(scope: Scope) -> None:
    """``cellvars`` and ``freevars`` in the order CPython's compiler numbers them: cells
    (and inlined comprehensions' cells) sorted, then the implicit ``__class__`` and
    ``__classdict__`` cells of a class; free names sorted (with DEF_FREE_CLASS ones)."""
    cells = sorted(
        name
        for name, flags in scope.symbols.items()
        if (flags >> SCOPE_OFF) & SCOPE_MASK == CELL or flags & DEF_COMP_CELL
    )
    for implicit, needed in (
        ("__class__", scope.needs_class_closure),
        ("__classdict__", scope.needs_classdict),
    ):
        if needed and implicit not in cells:
            cells.append(implicit)
    scope.cellvars = cells
    scope.freevars = sorted(
        name
        for name, flags in scope.symbols.items()
        if (flags >> SCOPE_OFF) & SCOPE_MASK == FREE or flags & DEF_FREE_CLASS
    )
