"""AST node classes mirroring Python 3.12's ``ast`` module, and ``dump`` and friends over them.

The parser hands trees of these nodes to the compiler. Invariants:

* Every class has the name, the base class, the ``_fields`` and the ``_attributes`` (in order)
  of its 3.12 ``ast`` counterpart, on any host; ``_optional`` names the fields and attributes
  that the grammar marks optional (``?``), which is what ``dump`` needs to leave them out.
  tests/syntax/test_nodes.py checks all of it against the host ``ast``.
* ``dump(tree)`` is text-for-text ``ast.dump`` of the same tree under 3.12, for every argument
  combination, and needs no host recursion in proportion to the tree's depth.

Constructing a node: ``Kind(*fields, *attributes)``, positionally in ``_fields + _attributes``
order or by keyword, e.g. ``Name(id, ctx, lineno, col_offset, end_lineno, end_col_offset)``.
Omitted positions take 0 where the grammar says ``int`` (``lineno``, ``col_offset``; both end
positions of patterns and type parameters) and None where it says ``int?`` (``end_lineno`` and
``end_col_offset`` of the other kinds). An omitted list field becomes a fresh ``[]`` and an
omitted optional field None, but only for fields after which every field may be omitted too:
``keyword(arg, value)`` must be given ``arg`` (None for ``**kw``) because ``value`` comes after it.
Passing None for such a list field also gives ``[]``. ``__init__`` is straight-line slot
stores, so a node costs what any slotted class does: ~160 ns for a positional ``Name`` on a
3.11 host, ~210 ns on 3.12 (timeit), against ~490/620 ns for the host's ``ast.Name``.

Nodes are mutable, have ``__slots__`` (no ``__dict__``: no ad-hoc attributes), and compare by
identity, as ``ast`` nodes do. The field-less kinds (``Load``, ``Add``, ``Eq``...) have shared
instances named in capitals (``LOAD``, ``ADD``, ``EQ``...); code must not rely on identity with
them, since ``Load()`` still makes a new one.

The classes sit in a section written by tools/gen_nodes.py from its table; edit the table and
rerun the script rather than editing that section.
"""

from __future__ import annotations

import typing
from collections import deque
from collections.abc import Callable, Iterator
from typing import ClassVar, cast


class AST:
    """Base of every node class; abstract bases and field-less kinds add no slots."""

    __slots__ = ()
    _fields: ClassVar[tuple[str, ...]] = ()
    _attributes: ClassVar[tuple[str, ...]] = ()
    _optional: ClassVar[frozenset[str]] = frozenset()
    __match_args__: ClassVar[tuple[str, ...]] = ()

    def __repr__(self) -> str:
        """One level of the tree: ``BinOp(left=Name(...), op=Add(), right=Constant(...))``."""
        parts = []
        for name in self._fields:
            try:
                value = getattr(self, name)
            except AttributeError:
                continue
            parts.append(f"{name}={_shallow(value)}")
        return f"{type(self).__name__}({', '.join(parts)})"


def _shallow(value: object) -> str:
    if isinstance(value, AST):
        return f"{type(value).__name__}({'...' if value._fields else ''})"
    if isinstance(value, list):
        items = [_shallow(item) for item in value[:3]]
        return "[" + ", ".join(items + ["..."] * (len(value) > 3)) + "]"
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


# --- begin generated section (tools/gen_nodes.py; edit the table there, then rerun) ---
# fmt: off


class mod(AST):
    """Abstract base of the mod kinds."""

    __slots__ = ()


class Module(mod):
    """Module(body: stmt*, type_ignores: type_ignore*)"""

    __slots__ = ("body", "type_ignores")
    _fields = __match_args__ = ("body", "type_ignores")
    _optional = frozenset()

    def __init__(self, body: list[stmt] | None = None, type_ignores: list[type_ignore] | None = None) -> None:
        self.body = [] if body is None else body
        self.type_ignores = [] if type_ignores is None else type_ignores


class Interactive(mod):
    """Interactive(body: stmt*)"""

    __slots__ = ("body",)
    _fields = __match_args__ = ("body",)
    _optional = frozenset()

    def __init__(self, body: list[stmt] | None = None) -> None:
        self.body = [] if body is None else body


class Expression(mod):
    """Expression(body: expr)"""

    __slots__ = ("body",)
    _fields = __match_args__ = ("body",)
    _optional = frozenset()

    def __init__(self, body: expr) -> None:
        self.body = body


class FunctionType(mod):
    """FunctionType(argtypes: expr*, returns: expr)"""

    __slots__ = ("argtypes", "returns")
    _fields = __match_args__ = ("argtypes", "returns")
    _optional = frozenset()

    def __init__(self, argtypes: list[expr], returns: expr) -> None:
        self.argtypes = argtypes
        self.returns = returns


class stmt(AST):
    """Abstract base of the stmt kinds."""

    __slots__ = ("col_offset", "end_col_offset", "end_lineno", "lineno")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset({"end_lineno", "end_col_offset"})
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None


class FunctionDef(stmt):
    """FunctionDef(name: identifier, args: arguments, body: stmt*, decorator_list: expr*, returns: expr?, type_comment: string?, type_params: type_param*)"""

    __slots__ = ("args", "body", "decorator_list", "name", "returns", "type_comment", "type_params")
    _fields = __match_args__ = ("name", "args", "body", "decorator_list", "returns", "type_comment", "type_params")
    _optional = frozenset({"returns", "type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, name: str, args: arguments, body: list[stmt] | None = None, decorator_list: list[expr] | None = None, returns: expr | None = None, type_comment: str | None = None, type_params: list[type_param] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.name = name
        self.args = args
        self.body = [] if body is None else body
        self.decorator_list = [] if decorator_list is None else decorator_list
        self.returns = returns
        self.type_comment = type_comment
        self.type_params = [] if type_params is None else type_params
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AsyncFunctionDef(stmt):
    """AsyncFunctionDef(name: identifier, args: arguments, body: stmt*, decorator_list: expr*, returns: expr?, type_comment: string?, type_params: type_param*)"""

    __slots__ = ("args", "body", "decorator_list", "name", "returns", "type_comment", "type_params")
    _fields = __match_args__ = ("name", "args", "body", "decorator_list", "returns", "type_comment", "type_params")
    _optional = frozenset({"returns", "type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, name: str, args: arguments, body: list[stmt] | None = None, decorator_list: list[expr] | None = None, returns: expr | None = None, type_comment: str | None = None, type_params: list[type_param] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.name = name
        self.args = args
        self.body = [] if body is None else body
        self.decorator_list = [] if decorator_list is None else decorator_list
        self.returns = returns
        self.type_comment = type_comment
        self.type_params = [] if type_params is None else type_params
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ClassDef(stmt):
    """ClassDef(name: identifier, bases: expr*, keywords: keyword*, body: stmt*, decorator_list: expr*, type_params: type_param*)"""

    __slots__ = ("bases", "body", "decorator_list", "keywords", "name", "type_params")
    _fields = __match_args__ = ("name", "bases", "keywords", "body", "decorator_list", "type_params")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, name: str, bases: list[expr] | None = None, keywords: list[keyword] | None = None, body: list[stmt] | None = None, decorator_list: list[expr] | None = None, type_params: list[type_param] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.name = name
        self.bases = [] if bases is None else bases
        self.keywords = [] if keywords is None else keywords
        self.body = [] if body is None else body
        self.decorator_list = [] if decorator_list is None else decorator_list
        self.type_params = [] if type_params is None else type_params
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Return(stmt):
    """Return(value: expr?)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset({"value", "end_lineno", "end_col_offset"})

    def __init__(self, value: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Delete(stmt):
    """Delete(targets: expr*)"""

    __slots__ = ("targets",)
    _fields = __match_args__ = ("targets",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, targets: list[expr] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.targets = [] if targets is None else targets
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Assign(stmt):
    """Assign(targets: expr*, value: expr, type_comment: string?)"""

    __slots__ = ("targets", "type_comment", "value")
    _fields = __match_args__ = ("targets", "value", "type_comment")
    _optional = frozenset({"type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, targets: list[expr], value: expr, type_comment: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.targets = targets
        self.value = value
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class TypeAlias(stmt):
    """TypeAlias(name: expr, type_params: type_param*, value: expr)"""

    __slots__ = ("name", "type_params", "value")
    _fields = __match_args__ = ("name", "type_params", "value")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, name: expr, type_params: list[type_param], value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.name = name
        self.type_params = type_params
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AugAssign(stmt):
    """AugAssign(target: expr, op: operator, value: expr)"""

    __slots__ = ("op", "target", "value")
    _fields = __match_args__ = ("target", "op", "value")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, target: expr, op: operator, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.target = target
        self.op = op
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AnnAssign(stmt):
    """AnnAssign(target: expr, annotation: expr, value: expr?, simple: int)"""

    __slots__ = ("annotation", "simple", "target", "value")
    _fields = __match_args__ = ("target", "annotation", "value", "simple")
    _optional = frozenset({"value", "end_lineno", "end_col_offset"})

    def __init__(self, target: expr, annotation: expr, value: expr | None, simple: int, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.target = target
        self.annotation = annotation
        self.value = value
        self.simple = simple
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class For(stmt):
    """For(target: expr, iter: expr, body: stmt*, orelse: stmt*, type_comment: string?)"""

    __slots__ = ("body", "iter", "orelse", "target", "type_comment")
    _fields = __match_args__ = ("target", "iter", "body", "orelse", "type_comment")
    _optional = frozenset({"type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, target: expr, iter: expr, body: list[stmt] | None = None, orelse: list[stmt] | None = None, type_comment: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.target = target
        self.iter = iter
        self.body = [] if body is None else body
        self.orelse = [] if orelse is None else orelse
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AsyncFor(stmt):
    """AsyncFor(target: expr, iter: expr, body: stmt*, orelse: stmt*, type_comment: string?)"""

    __slots__ = ("body", "iter", "orelse", "target", "type_comment")
    _fields = __match_args__ = ("target", "iter", "body", "orelse", "type_comment")
    _optional = frozenset({"type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, target: expr, iter: expr, body: list[stmt] | None = None, orelse: list[stmt] | None = None, type_comment: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.target = target
        self.iter = iter
        self.body = [] if body is None else body
        self.orelse = [] if orelse is None else orelse
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class While(stmt):
    """While(test: expr, body: stmt*, orelse: stmt*)"""

    __slots__ = ("body", "orelse", "test")
    _fields = __match_args__ = ("test", "body", "orelse")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, test: expr, body: list[stmt] | None = None, orelse: list[stmt] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.test = test
        self.body = [] if body is None else body
        self.orelse = [] if orelse is None else orelse
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class If(stmt):
    """If(test: expr, body: stmt*, orelse: stmt*)"""

    __slots__ = ("body", "orelse", "test")
    _fields = __match_args__ = ("test", "body", "orelse")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, test: expr, body: list[stmt] | None = None, orelse: list[stmt] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.test = test
        self.body = [] if body is None else body
        self.orelse = [] if orelse is None else orelse
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class With(stmt):
    """With(items: withitem*, body: stmt*, type_comment: string?)"""

    __slots__ = ("body", "items", "type_comment")
    _fields = __match_args__ = ("items", "body", "type_comment")
    _optional = frozenset({"type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, items: list[withitem] | None = None, body: list[stmt] | None = None, type_comment: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.items = [] if items is None else items
        self.body = [] if body is None else body
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class AsyncWith(stmt):
    """AsyncWith(items: withitem*, body: stmt*, type_comment: string?)"""

    __slots__ = ("body", "items", "type_comment")
    _fields = __match_args__ = ("items", "body", "type_comment")
    _optional = frozenset({"type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, items: list[withitem] | None = None, body: list[stmt] | None = None, type_comment: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.items = [] if items is None else items
        self.body = [] if body is None else body
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Match(stmt):
    """Match(subject: expr, cases: match_case*)"""

    __slots__ = ("cases", "subject")
    _fields = __match_args__ = ("subject", "cases")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, subject: expr, cases: list[match_case] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.subject = subject
        self.cases = [] if cases is None else cases
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Raise(stmt):
    """Raise(exc: expr?, cause: expr?)"""

    __slots__ = ("cause", "exc")
    _fields = __match_args__ = ("exc", "cause")
    _optional = frozenset({"exc", "cause", "end_lineno", "end_col_offset"})

    def __init__(self, exc: expr | None = None, cause: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.exc = exc
        self.cause = cause
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Try(stmt):
    """Try(body: stmt*, handlers: excepthandler*, orelse: stmt*, finalbody: stmt*)"""

    __slots__ = ("body", "finalbody", "handlers", "orelse")
    _fields = __match_args__ = ("body", "handlers", "orelse", "finalbody")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, body: list[stmt] | None = None, handlers: list[excepthandler] | None = None, orelse: list[stmt] | None = None, finalbody: list[stmt] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.body = [] if body is None else body
        self.handlers = [] if handlers is None else handlers
        self.orelse = [] if orelse is None else orelse
        self.finalbody = [] if finalbody is None else finalbody
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class TryStar(stmt):
    """TryStar(body: stmt*, handlers: excepthandler*, orelse: stmt*, finalbody: stmt*)"""

    __slots__ = ("body", "finalbody", "handlers", "orelse")
    _fields = __match_args__ = ("body", "handlers", "orelse", "finalbody")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, body: list[stmt] | None = None, handlers: list[excepthandler] | None = None, orelse: list[stmt] | None = None, finalbody: list[stmt] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.body = [] if body is None else body
        self.handlers = [] if handlers is None else handlers
        self.orelse = [] if orelse is None else orelse
        self.finalbody = [] if finalbody is None else finalbody
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Assert(stmt):
    """Assert(test: expr, msg: expr?)"""

    __slots__ = ("msg", "test")
    _fields = __match_args__ = ("test", "msg")
    _optional = frozenset({"msg", "end_lineno", "end_col_offset"})

    def __init__(self, test: expr, msg: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.test = test
        self.msg = msg
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Import(stmt):
    """Import(names: alias*)"""

    __slots__ = ("names",)
    _fields = __match_args__ = ("names",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, names: list[alias] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.names = [] if names is None else names
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ImportFrom(stmt):
    """ImportFrom(module: identifier?, names: alias*, level: int?)"""

    __slots__ = ("level", "module", "names")
    _fields = __match_args__ = ("module", "names", "level")
    _optional = frozenset({"module", "level", "end_lineno", "end_col_offset"})

    def __init__(self, module: str | None = None, names: list[alias] | None = None, level: int | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.module = module
        self.names = [] if names is None else names
        self.level = level
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Global(stmt):
    """Global(names: identifier*)"""

    __slots__ = ("names",)
    _fields = __match_args__ = ("names",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, names: list[str] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.names = [] if names is None else names
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Nonlocal(stmt):
    """Nonlocal(names: identifier*)"""

    __slots__ = ("names",)
    _fields = __match_args__ = ("names",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, names: list[str] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.names = [] if names is None else names
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Expr(stmt):
    """Expr(value: expr)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Pass(stmt):
    """Pass()"""

    __slots__ = ()
    _fields = __match_args__ = ()
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Break(stmt):
    """Break()"""

    __slots__ = ()
    _fields = __match_args__ = ()
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Continue(stmt):
    """Continue()"""

    __slots__ = ()
    _fields = __match_args__ = ()
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class expr(AST):
    """Abstract base of the expr kinds."""

    __slots__ = ("col_offset", "end_col_offset", "end_lineno", "lineno")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset({"end_lineno", "end_col_offset"})
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None


class BoolOp(expr):
    """BoolOp(op: boolop, values: expr*)"""

    __slots__ = ("op", "values")
    _fields = __match_args__ = ("op", "values")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, op: boolop, values: list[expr] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.op = op
        self.values = [] if values is None else values
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class NamedExpr(expr):
    """NamedExpr(target: expr, value: expr)"""

    __slots__ = ("target", "value")
    _fields = __match_args__ = ("target", "value")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, target: expr, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.target = target
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class BinOp(expr):
    """BinOp(left: expr, op: operator, right: expr)"""

    __slots__ = ("left", "op", "right")
    _fields = __match_args__ = ("left", "op", "right")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, left: expr, op: operator, right: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.left = left
        self.op = op
        self.right = right
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class UnaryOp(expr):
    """UnaryOp(op: unaryop, operand: expr)"""

    __slots__ = ("op", "operand")
    _fields = __match_args__ = ("op", "operand")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, op: unaryop, operand: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.op = op
        self.operand = operand
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Lambda(expr):
    """Lambda(args: arguments, body: expr)"""

    __slots__ = ("args", "body")
    _fields = __match_args__ = ("args", "body")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, args: arguments, body: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.args = args
        self.body = body
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class IfExp(expr):
    """IfExp(test: expr, body: expr, orelse: expr)"""

    __slots__ = ("body", "orelse", "test")
    _fields = __match_args__ = ("test", "body", "orelse")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, test: expr, body: expr, orelse: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.test = test
        self.body = body
        self.orelse = orelse
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Dict(expr):
    """Dict(keys: expr?*, values: expr*)"""

    __slots__ = ("keys", "values")
    _fields = __match_args__ = ("keys", "values")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, keys: list[expr | None] | None = None, values: list[expr] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.keys = [] if keys is None else keys
        self.values = [] if values is None else values
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Set(expr):
    """Set(elts: expr*)"""

    __slots__ = ("elts",)
    _fields = __match_args__ = ("elts",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, elts: list[expr] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.elts = [] if elts is None else elts
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ListComp(expr):
    """ListComp(elt: expr, generators: comprehension*)"""

    __slots__ = ("elt", "generators")
    _fields = __match_args__ = ("elt", "generators")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, elt: expr, generators: list[comprehension] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.elt = elt
        self.generators = [] if generators is None else generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class SetComp(expr):
    """SetComp(elt: expr, generators: comprehension*)"""

    __slots__ = ("elt", "generators")
    _fields = __match_args__ = ("elt", "generators")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, elt: expr, generators: list[comprehension] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.elt = elt
        self.generators = [] if generators is None else generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class DictComp(expr):
    """DictComp(key: expr, value: expr, generators: comprehension*)"""

    __slots__ = ("generators", "key", "value")
    _fields = __match_args__ = ("key", "value", "generators")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, key: expr, value: expr, generators: list[comprehension] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.key = key
        self.value = value
        self.generators = [] if generators is None else generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class GeneratorExp(expr):
    """GeneratorExp(elt: expr, generators: comprehension*)"""

    __slots__ = ("elt", "generators")
    _fields = __match_args__ = ("elt", "generators")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, elt: expr, generators: list[comprehension] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.elt = elt
        self.generators = [] if generators is None else generators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Await(expr):
    """Await(value: expr)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Yield(expr):
    """Yield(value: expr?)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset({"value", "end_lineno", "end_col_offset"})

    def __init__(self, value: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class YieldFrom(expr):
    """YieldFrom(value: expr)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Compare(expr):
    """Compare(left: expr, ops: cmpop*, comparators: expr*)"""

    __slots__ = ("comparators", "left", "ops")
    _fields = __match_args__ = ("left", "ops", "comparators")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, left: expr, ops: list[cmpop] | None = None, comparators: list[expr] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.left = left
        self.ops = [] if ops is None else ops
        self.comparators = [] if comparators is None else comparators
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Call(expr):
    """Call(func: expr, args: expr*, keywords: keyword*)"""

    __slots__ = ("args", "func", "keywords")
    _fields = __match_args__ = ("func", "args", "keywords")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, func: expr, args: list[expr] | None = None, keywords: list[keyword] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.func = func
        self.args = [] if args is None else args
        self.keywords = [] if keywords is None else keywords
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class FormattedValue(expr):
    """FormattedValue(value: expr, conversion: int, format_spec: expr?)"""

    __slots__ = ("conversion", "format_spec", "value")
    _fields = __match_args__ = ("value", "conversion", "format_spec")
    _optional = frozenset({"format_spec", "end_lineno", "end_col_offset"})

    def __init__(self, value: expr, conversion: int, format_spec: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.conversion = conversion
        self.format_spec = format_spec
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class JoinedStr(expr):
    """JoinedStr(values: expr*)"""

    __slots__ = ("values",)
    _fields = __match_args__ = ("values",)
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, values: list[expr] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.values = [] if values is None else values
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Constant(expr):
    """Constant(value: constant, kind: string?)"""

    __slots__ = ("kind", "value")
    _fields = __match_args__ = ("value", "kind")
    _optional = frozenset({"kind", "end_lineno", "end_col_offset"})

    def __init__(self, value: object, kind: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.kind = kind
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Attribute(expr):
    """Attribute(value: expr, attr: identifier, ctx: expr_context)"""

    __slots__ = ("attr", "ctx", "value")
    _fields = __match_args__ = ("value", "attr", "ctx")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, value: expr, attr: str, ctx: expr_context, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.attr = attr
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Subscript(expr):
    """Subscript(value: expr, slice: expr, ctx: expr_context)"""

    __slots__ = ("ctx", "slice", "value")
    _fields = __match_args__ = ("value", "slice", "ctx")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, value: expr, slice: expr, ctx: expr_context, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.slice = slice
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Starred(expr):
    """Starred(value: expr, ctx: expr_context)"""

    __slots__ = ("ctx", "value")
    _fields = __match_args__ = ("value", "ctx")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, value: expr, ctx: expr_context, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.value = value
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Name(expr):
    """Name(id: identifier, ctx: expr_context)"""

    __slots__ = ("ctx", "id")
    _fields = __match_args__ = ("id", "ctx")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, id: str, ctx: expr_context, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.id = id
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class List(expr):
    """List(elts: expr*, ctx: expr_context)"""

    __slots__ = ("ctx", "elts")
    _fields = __match_args__ = ("elts", "ctx")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, elts: list[expr], ctx: expr_context, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.elts = elts
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Tuple(expr):
    """Tuple(elts: expr*, ctx: expr_context)"""

    __slots__ = ("ctx", "elts")
    _fields = __match_args__ = ("elts", "ctx")
    _optional = frozenset({"end_lineno", "end_col_offset"})

    def __init__(self, elts: list[expr], ctx: expr_context, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.elts = elts
        self.ctx = ctx
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class Slice(expr):
    """Slice(lower: expr?, upper: expr?, step: expr?)"""

    __slots__ = ("lower", "step", "upper")
    _fields = __match_args__ = ("lower", "upper", "step")
    _optional = frozenset({"lower", "upper", "step", "end_lineno", "end_col_offset"})

    def __init__(self, lower: expr | None = None, upper: expr | None = None, step: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.lower = lower
        self.upper = upper
        self.step = step
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class expr_context(AST):
    """Abstract base of the expr_context kinds."""

    __slots__ = ()


class Load(expr_context):
    """Load()"""

    __slots__ = ()


class Store(expr_context):
    """Store()"""

    __slots__ = ()


class Del(expr_context):
    """Del()"""

    __slots__ = ()


class boolop(AST):
    """Abstract base of the boolop kinds."""

    __slots__ = ()


class And(boolop):
    """And()"""

    __slots__ = ()


class Or(boolop):
    """Or()"""

    __slots__ = ()


class operator(AST):
    """Abstract base of the operator kinds."""

    __slots__ = ()


class Add(operator):
    """Add()"""

    __slots__ = ()


class Sub(operator):
    """Sub()"""

    __slots__ = ()


class Mult(operator):
    """Mult()"""

    __slots__ = ()


class MatMult(operator):
    """MatMult()"""

    __slots__ = ()


class Div(operator):
    """Div()"""

    __slots__ = ()


class Mod(operator):
    """Mod()"""

    __slots__ = ()


class Pow(operator):
    """Pow()"""

    __slots__ = ()


class LShift(operator):
    """LShift()"""

    __slots__ = ()


class RShift(operator):
    """RShift()"""

    __slots__ = ()


class BitOr(operator):
    """BitOr()"""

    __slots__ = ()


class BitXor(operator):
    """BitXor()"""

    __slots__ = ()


class BitAnd(operator):
    """BitAnd()"""

    __slots__ = ()


class FloorDiv(operator):
    """FloorDiv()"""

    __slots__ = ()


class unaryop(AST):
    """Abstract base of the unaryop kinds."""

    __slots__ = ()


class Invert(unaryop):
    """Invert()"""

    __slots__ = ()


class Not(unaryop):
    """Not()"""

    __slots__ = ()


class UAdd(unaryop):
    """UAdd()"""

    __slots__ = ()


class USub(unaryop):
    """USub()"""

    __slots__ = ()


class cmpop(AST):
    """Abstract base of the cmpop kinds."""

    __slots__ = ()


class Eq(cmpop):
    """Eq()"""

    __slots__ = ()


class NotEq(cmpop):
    """NotEq()"""

    __slots__ = ()


class Lt(cmpop):
    """Lt()"""

    __slots__ = ()


class LtE(cmpop):
    """LtE()"""

    __slots__ = ()


class Gt(cmpop):
    """Gt()"""

    __slots__ = ()


class GtE(cmpop):
    """GtE()"""

    __slots__ = ()


class Is(cmpop):
    """Is()"""

    __slots__ = ()


class IsNot(cmpop):
    """IsNot()"""

    __slots__ = ()


class In(cmpop):
    """In()"""

    __slots__ = ()


class NotIn(cmpop):
    """NotIn()"""

    __slots__ = ()


class comprehension(AST):
    """comprehension(target: expr, iter: expr, ifs: expr*, is_async: int)"""

    __slots__ = ("ifs", "is_async", "iter", "target")
    _fields = __match_args__ = ("target", "iter", "ifs", "is_async")
    _attributes = ()
    _optional = frozenset()

    def __init__(self, target: expr, iter: expr, ifs: list[expr], is_async: int) -> None:
        self.target = target
        self.iter = iter
        self.ifs = ifs
        self.is_async = is_async


class excepthandler(AST):
    """Abstract base of the excepthandler kinds."""

    __slots__ = ("col_offset", "end_col_offset", "end_lineno", "lineno")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset({"end_lineno", "end_col_offset"})
    lineno: int
    col_offset: int
    end_lineno: int | None
    end_col_offset: int | None


class ExceptHandler(excepthandler):
    """ExceptHandler(type: expr?, name: identifier?, body: stmt*)"""

    __slots__ = ("body", "name", "type")
    _fields = __match_args__ = ("type", "name", "body")
    _optional = frozenset({"type", "name", "end_lineno", "end_col_offset"})

    def __init__(self, type: expr | None = None, name: str | None = None, body: list[stmt] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.type = type
        self.name = name
        self.body = [] if body is None else body
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class arguments(AST):
    """arguments(posonlyargs: arg*, args: arg*, vararg: arg?, kwonlyargs: arg*, kw_defaults: expr?*, kwarg: arg?, defaults: expr*)"""

    __slots__ = ("args", "defaults", "kw_defaults", "kwarg", "kwonlyargs", "posonlyargs", "vararg")
    _fields = __match_args__ = ("posonlyargs", "args", "vararg", "kwonlyargs", "kw_defaults", "kwarg", "defaults")
    _attributes = ()
    _optional = frozenset({"vararg", "kwarg"})

    def __init__(self, posonlyargs: list[arg] | None = None, args: list[arg] | None = None, vararg: arg | None = None, kwonlyargs: list[arg] | None = None, kw_defaults: list[expr | None] | None = None, kwarg: arg | None = None, defaults: list[expr] | None = None) -> None:
        self.posonlyargs = [] if posonlyargs is None else posonlyargs
        self.args = [] if args is None else args
        self.vararg = vararg
        self.kwonlyargs = [] if kwonlyargs is None else kwonlyargs
        self.kw_defaults = [] if kw_defaults is None else kw_defaults
        self.kwarg = kwarg
        self.defaults = [] if defaults is None else defaults


class arg(AST):
    """arg(arg: identifier, annotation: expr?, type_comment: string?)"""

    __slots__ = ("annotation", "arg", "col_offset", "end_col_offset", "end_lineno", "lineno", "type_comment")
    _fields = __match_args__ = ("arg", "annotation", "type_comment")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset({"annotation", "type_comment", "end_lineno", "end_col_offset"})

    def __init__(self, arg: str, annotation: expr | None = None, type_comment: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.arg = arg
        self.annotation = annotation
        self.type_comment = type_comment
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class keyword(AST):
    """keyword(arg: identifier?, value: expr)"""

    __slots__ = ("arg", "col_offset", "end_col_offset", "end_lineno", "lineno", "value")
    _fields = __match_args__ = ("arg", "value")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset({"arg", "end_lineno", "end_col_offset"})

    def __init__(self, arg: str | None, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.arg = arg
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class alias(AST):
    """alias(name: identifier, asname: identifier?)"""

    __slots__ = ("asname", "col_offset", "end_col_offset", "end_lineno", "lineno", "name")
    _fields = __match_args__ = ("name", "asname")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset({"asname", "end_lineno", "end_col_offset"})

    def __init__(self, name: str, asname: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int | None = None, end_col_offset: int | None = None) -> None:
        self.name = name
        self.asname = asname
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class withitem(AST):
    """withitem(context_expr: expr, optional_vars: expr?)"""

    __slots__ = ("context_expr", "optional_vars")
    _fields = __match_args__ = ("context_expr", "optional_vars")
    _attributes = ()
    _optional = frozenset({"optional_vars"})

    def __init__(self, context_expr: expr, optional_vars: expr | None = None) -> None:
        self.context_expr = context_expr
        self.optional_vars = optional_vars


class match_case(AST):
    """match_case(pattern: pattern, guard: expr?, body: stmt*)"""

    __slots__ = ("body", "guard", "pattern")
    _fields = __match_args__ = ("pattern", "guard", "body")
    _attributes = ()
    _optional = frozenset({"guard"})

    def __init__(self, pattern: pattern, guard: expr | None = None, body: list[stmt] | None = None) -> None:
        self.pattern = pattern
        self.guard = guard
        self.body = [] if body is None else body


class pattern(AST):
    """Abstract base of the pattern kinds."""

    __slots__ = ("col_offset", "end_col_offset", "end_lineno", "lineno")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset()
    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int


class MatchValue(pattern):
    """MatchValue(value: expr)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset()

    def __init__(self, value: expr, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchSingleton(pattern):
    """MatchSingleton(value: constant)"""

    __slots__ = ("value",)
    _fields = __match_args__ = ("value",)
    _optional = frozenset()

    def __init__(self, value: object, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.value = value
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchSequence(pattern):
    """MatchSequence(patterns: pattern*)"""

    __slots__ = ("patterns",)
    _fields = __match_args__ = ("patterns",)
    _optional = frozenset()

    def __init__(self, patterns: list[pattern] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.patterns = [] if patterns is None else patterns
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchMapping(pattern):
    """MatchMapping(keys: expr*, patterns: pattern*, rest: identifier?)"""

    __slots__ = ("keys", "patterns", "rest")
    _fields = __match_args__ = ("keys", "patterns", "rest")
    _optional = frozenset({"rest"})

    def __init__(self, keys: list[expr] | None = None, patterns: list[pattern] | None = None, rest: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.keys = [] if keys is None else keys
        self.patterns = [] if patterns is None else patterns
        self.rest = rest
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchClass(pattern):
    """MatchClass(cls: expr, patterns: pattern*, kwd_attrs: identifier*, kwd_patterns: pattern*)"""

    __slots__ = ("cls", "kwd_attrs", "kwd_patterns", "patterns")
    _fields = __match_args__ = ("cls", "patterns", "kwd_attrs", "kwd_patterns")
    _optional = frozenset()

    def __init__(self, cls: expr, patterns: list[pattern] | None = None, kwd_attrs: list[str] | None = None, kwd_patterns: list[pattern] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.cls = cls
        self.patterns = [] if patterns is None else patterns
        self.kwd_attrs = [] if kwd_attrs is None else kwd_attrs
        self.kwd_patterns = [] if kwd_patterns is None else kwd_patterns
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchStar(pattern):
    """MatchStar(name: identifier?)"""

    __slots__ = ("name",)
    _fields = __match_args__ = ("name",)
    _optional = frozenset({"name"})

    def __init__(self, name: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.name = name
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchAs(pattern):
    """MatchAs(pattern: pattern?, name: identifier?)"""

    __slots__ = ("name", "pattern")
    _fields = __match_args__ = ("pattern", "name")
    _optional = frozenset({"pattern", "name"})

    def __init__(self, pattern: pattern | None = None, name: str | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.pattern = pattern
        self.name = name
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class MatchOr(pattern):
    """MatchOr(patterns: pattern*)"""

    __slots__ = ("patterns",)
    _fields = __match_args__ = ("patterns",)
    _optional = frozenset()

    def __init__(self, patterns: list[pattern] | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.patterns = [] if patterns is None else patterns
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class type_ignore(AST):
    """Abstract base of the type_ignore kinds."""

    __slots__ = ()


class TypeIgnore(type_ignore):
    """TypeIgnore(lineno: int, tag: string)"""

    __slots__ = ("lineno", "tag")
    _fields = __match_args__ = ("lineno", "tag")
    _optional = frozenset()

    def __init__(self, lineno: int, tag: str) -> None:
        self.lineno = lineno
        self.tag = tag


class type_param(AST):
    """Abstract base of the type_param kinds."""

    __slots__ = ("col_offset", "end_col_offset", "end_lineno", "lineno")
    _attributes = ("lineno", "col_offset", "end_lineno", "end_col_offset")
    _optional = frozenset()
    lineno: int
    col_offset: int
    end_lineno: int
    end_col_offset: int


class TypeVar(type_param):
    """TypeVar(name: identifier, bound: expr?)"""

    __slots__ = ("bound", "name")
    _fields = __match_args__ = ("name", "bound")
    _optional = frozenset({"bound"})

    def __init__(self, name: str, bound: expr | None = None, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.name = name
        self.bound = bound
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class ParamSpec(type_param):
    """ParamSpec(name: identifier)"""

    __slots__ = ("name",)
    _fields = __match_args__ = ("name",)
    _optional = frozenset()

    def __init__(self, name: str, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.name = name
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


class TypeVarTuple(type_param):
    """TypeVarTuple(name: identifier)"""

    __slots__ = ("name",)
    _fields = __match_args__ = ("name",)
    _optional = frozenset()

    def __init__(self, name: str, lineno: int = 0, col_offset: int = 0, end_lineno: int = 0, end_col_offset: int = 0) -> None:
        self.name = name
        self.lineno = lineno
        self.col_offset = col_offset
        self.end_lineno = end_lineno
        self.end_col_offset = end_col_offset


# Shared instances of the field-less kinds, for the parser (CPython shares them too).
LOAD = Load()
STORE = Store()
DEL = Del()
AND = And()
OR = Or()
ADD = Add()
SUB = Sub()
MULT = Mult()
MATMULT = MatMult()
DIV = Div()
MOD = Mod()
POW = Pow()
LSHIFT = LShift()
RSHIFT = RShift()
BITOR = BitOr()
BITXOR = BitXor()
BITAND = BitAnd()
FLOORDIV = FloorDiv()
INVERT = Invert()
NOT = Not()
UADD = UAdd()
USUB = USub()
EQ = Eq()
NOTEQ = NotEq()
LT = Lt()
LTE = LtE()
GT = Gt()
GTE = GtE()
IS = Is()
ISNOT = IsNot()
IN = In()
NOTIN = NotIn()


# fmt: on
# --- end generated section ---


# --- dump ---

_Shown = list[tuple[str, object]]
# A node or non-empty list still to write: (value, depth, the node's shown fields or None).
_Pending = tuple[object, int, _Shown | None]
# A child as dump first sees it: its finished text, or (label, value, depth, shown) to expand.
_Piece = str | tuple[str, object, int, _Shown | None]


def dump(
    node: AST,
    annotate_fields: bool = True,
    include_attributes: bool = False,
    *,
    indent: int | str | None = None,
) -> str:
    """The text 3.12's ``ast.dump`` gives for the same tree with the same arguments.

    The layout of a node depends only on its children's "simplicity" (a child is simple if it
    prints with no arguments: a plain value, ``[]``, ``Load()``), which one look down tells. So
    the text is written front to back from an explicit stack of pending pieces, each node's
    shown fields computed once, without recursion or re-copying finished text.
    """
    if not isinstance(node, AST):
        raise TypeError(f"expected AST, got {type(node).__name__!r}")
    if indent is not None and not isinstance(indent, str):
        indent = " " * indent
    out: list[str] = []
    stack: list[str | _Pending] = [
        (node, 0, _shown(node, annotate_fields, include_attributes))
    ]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            out.append(item)
            continue
        value, depth, shown = item
        if shown is None:  # a non-empty list
            pairs: _Shown = [("", x) for x in cast("list[object]", value)]
            opening, closing = "[", "]"
        else:
            pairs = shown
            opening, closing = type(value).__name__ + "(", ")"
        pieces = [
            _piece(label, child, depth + 1, annotate_fields, include_attributes)
            for label, child in pairs
        ]
        texts = [p for p in pieces if isinstance(p, str)]
        if shown is not None and len(pieces) <= 3 and len(texts) == len(pieces):
            out.append(opening + ", ".join(texts) + closing)  # all simple: one line
            continue
        if indent is None:
            prefix, sep = "", ", "
        else:
            prefix = "\n" + indent * (depth + 1)
            sep = "," + prefix
        out.append(opening + prefix)
        stack.append(closing)
        for i in range(len(pieces) - 1, -1, -1):
            piece = pieces[i]
            if isinstance(piece, str):
                stack.append(piece)
            else:
                label, child, child_depth, child_shown = piece
                stack += ((child, child_depth, child_shown), label)
            if i:
                stack.append(sep)
    return "".join(out)


def _piece(
    label: str,
    child: object,
    depth: int,
    annotate_fields: bool,
    include_attributes: bool,
) -> _Piece:
    """A child's finished text if it is simple, else (label, child, depth, shown) to expand."""
    if isinstance(child, AST):
        shown = _shown(child, annotate_fields, include_attributes)
        if shown:
            return label, child, depth, shown
        return label + type(child).__name__ + "()"
    if isinstance(child, list):
        if child:
            return label, child, depth, None
        return label + "[]"
    return label + repr(child)


def _shown(node: AST, annotate_fields: bool, include_attributes: bool) -> _Shown:
    """(label, value) for each field dump shows; the label is "" or "name=".

    A missing field, or an optional one holding None, is left out, and every field after it
    needs its name even when ``annotate_fields`` is false. Attributes always carry names.
    """
    cls = type(node)
    optional = cls._optional
    shown: _Shown = []
    keywords = annotate_fields
    for name in cls._fields:
        try:
            value = getattr(node, name)
        except AttributeError:
            keywords = True
            continue
        if value is None and name in optional:
            keywords = True
            continue
        shown.append((name + "=" if keywords else "", value))
    if include_attributes:
        for name in cls._attributes:
            try:
                value = getattr(node, name)
            except AttributeError:
                continue
            if value is None and name in optional:
                continue
            shown.append((name + "=", value))
    return shown


# --- walking and copying ---


def iter_fields(node: AST) -> Iterator[tuple[str, object]]:
    """(name, value) for each field of node that is set, in ``_fields`` order."""
    for name in node._fields:
        try:
            yield name, getattr(node, name)
        except AttributeError:
            pass


def iter_child_nodes(node: AST) -> Iterator[AST]:
    """The nodes held directly by node's fields, lists flattened, in field order."""
    for name in node._fields:
        value = getattr(node, name, None)
        if isinstance(value, AST):
            yield value
        elif isinstance(value, list):
            for item in value:
                if isinstance(item, AST):
                    yield item


def walk(node: AST) -> Iterator[AST]:
    """node and every node below it, breadth first (the order of ``ast.walk``), no recursion."""
    todo = deque([node])
    while todo:
        node = todo.popleft()
        todo.extend(iter_child_nodes(node))
        yield node


_POSITIONS = ("lineno", "col_offset", "end_lineno", "end_col_offset")
_Node = typing.TypeVar("_Node", bound=AST)  # typing's: TypeVar here is the node kind


def copy_location(new_node: _Node, old_node: AST) -> _Node:
    """Give new_node old_node's positions where both kinds have them; returns new_node.

    As ``ast.copy_location``: a start position of None is not copied, an end one is.
    """
    for name in _POSITIONS:
        if name in old_node._attributes and name in new_node._attributes:
            value = getattr(old_node, name, None)
            if value is not None or name.startswith("end_"):
                setattr(new_node, name, value)
    return new_node


# --- visitors ---


class NodeVisitor:
    """Calls ``visit_<Kind>(node)`` for each node kind a subclass names, else ``generic_visit``.

    Visiting recurses on the host, one frame per tree level, as ``ast.NodeVisitor`` does.
    """

    def visit(self, node: AST) -> object:
        method: Callable[[AST], object] | None = getattr(
            self, _visit_name(type(node)), None
        )
        if method is None:
            return self.generic_visit(node)
        return method(node)

    def generic_visit(self, node: AST) -> object:
        """Visit every child node, in field order; returns None."""
        for child in iter_child_nodes(node):
            self.visit(child)
        return None


_VISIT_NAMES: dict[type, str] = {}


def _visit_name(cls: type) -> str:
    name = _VISIT_NAMES.get(cls)
    if name is None:
        name = _VISIT_NAMES[cls] = "visit_" + cls.__name__
    return name
