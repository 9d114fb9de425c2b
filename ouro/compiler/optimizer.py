"""Constant folding on the AST, before code generation.

Takes a tree from the parser; hands back the same tree with literal-only operations replaced
by ``Constant`` nodes carrying the operation's span: ``-1``, ``2 ** 10``, ``"a" * 3``,
``(1, 2)``, ``not True``, ``__debug__``, and ``x in [1, 2]`` (the list becomes a tuple, a set a
frozenset, as CPython 3.12 does).  Invariants:

* Only sub-expressions made of constants are replaced, so every node the symbol table keys
  (functions, lambdas, comprehensions, classes) stays the same object.
* An operation that raises, or whose result would be large (CPython's limits: ints of 128
  bits, 4096 characters, 256 items), is left for run time.
* The walk is an explicit post-order work list: no host recursion however deep the tree.
"""

from __future__ import annotations

import operator
from collections.abc import Callable
from typing import Any

from ouro.syntax import nodes as n

__all__ = ["fold_constants"]

MAX_INT_BITS = 128
MAX_STR_SIZE = 4096
MAX_COLLECTION_SIZE = 256

_BINARY: dict[type[n.operator], Callable[[object, object], object]] = {
    n.Add: operator.add,
    n.Sub: operator.sub,
    n.Mult: operator.mul,
    n.Div: operator.truediv,
    n.FloorDiv: operator.floordiv,
    n.Mod: operator.mod,
    n.Pow: operator.pow,
    n.LShift: operator.lshift,
    n.RShift: operator.rshift,
    n.BitAnd: operator.and_,
    n.BitOr: operator.or_,
    n.BitXor: operator.xor,
}
_UNARY: dict[type[n.unaryop], Callable[[Any], object]] = {
    n.USub: operator.neg,
    n.UAdd: operator.pos,
    n.Invert: operator.invert,
    n.Not: operator.not_,
}
_SIZED = (str, bytes, tuple, frozenset)


def _size_ok(value: object) -> bool:
    if isinstance(value, bool):
        return True
    if isinstance(value, int):
        return value.bit_length() <= MAX_INT_BITS
    if isinstance(value, (str, bytes)):
        return len(value) <= MAX_STR_SIZE
    if isinstance(value, (tuple, frozenset)):
        return len(value) <= MAX_COLLECTION_SIZE
    return True


def _safe_binary(op: type[n.operator], left: object, right: object) -> bool:
    """Refuse before computing what would be too big to compute cheaply."""
    if op is n.Pow and isinstance(left, int) and isinstance(right, int):
        return right < 0 or left.bit_length() * right <= MAX_INT_BITS
    if op is n.LShift and isinstance(left, int) and isinstance(right, int):
        return 0 <= right <= MAX_INT_BITS and left.bit_length() + right <= MAX_INT_BITS
    if op is n.Mult:
        for count, seq in ((left, right), (right, left)):
            if isinstance(count, int) and isinstance(seq, _SIZED) and count > 0:
                return len(seq) * count <= (
                    MAX_STR_SIZE
                    if isinstance(seq, (str, bytes))
                    else MAX_COLLECTION_SIZE
                )
    return True


def _constant(value: object, like: n.AST) -> n.Constant:
    return n.Constant(
        value,
        None,
        getattr(like, "lineno", 0),
        getattr(like, "col_offset", 0),
        getattr(like, "end_lineno", None),
        getattr(like, "end_col_offset", None),
    )


def _is_const(node: object) -> bool:
    return isinstance(node, n.Constant)


def _fold(node: n.AST, optimize: int) -> n.AST | None:
    """The folded replacement of ``node`` (its children already folded), or None."""
    if (
        isinstance(node, n.Name)
        and node.id == "__debug__"
        and isinstance(node.ctx, n.Load)
    ):
        return _constant(not optimize, node)
    if isinstance(node, n.UnaryOp) and _is_const(node.operand):
        value = node.operand.value  # type: ignore[attr-defined]
        if isinstance(node.op, n.Invert) and isinstance(value, bool):
            return None  # ~True warns at run time in 3.12
        return _computed(lambda: _UNARY[type(node.op)](value), node)
    if isinstance(node, n.BinOp) and _is_const(node.left) and _is_const(node.right):
        op = type(node.op)
        if op not in _BINARY:
            return None
        left = node.left.value  # type: ignore[attr-defined]
        right = node.right.value  # type: ignore[attr-defined]
        if not _safe_binary(op, left, right):
            return None
        return _computed(lambda: _BINARY[op](left, right), node)
    if (
        isinstance(node, n.Tuple)
        and isinstance(node.ctx, n.Load)
        and all(_is_const(item) for item in node.elts)
    ):
        return _constant(tuple(item.value for item in node.elts), node)  # type: ignore[attr-defined]
    if isinstance(node, n.Compare):
        for i, (cmp, right) in enumerate(zip(node.ops, node.comparators)):
            if not (
                isinstance(cmp, (n.In, n.NotIn))
                and isinstance(right, (n.List, n.Set))
                and all(_is_const(item) for item in right.elts)
            ):
                continue
            values = [item.value for item in right.elts]  # type: ignore[attr-defined]
            try:
                folded = (
                    tuple(values) if isinstance(right, n.List) else frozenset(values)
                )
            except TypeError:
                continue  # an unhashable constant cannot be in a frozenset
            node.comparators[i] = _constant(folded, right)
    return None


def _computed(compute: Callable[[], object], node: n.AST) -> n.Constant | None:
    try:
        value = compute()
    except Exception:  # noqa: BLE001  (whatever it raises, it raises at run time instead)
        return None
    return _constant(value, node) if _size_ok(value) else None


# Under ``from __future__ import annotations`` these fields are kept as source text, so
# CPython 3.12 does not fold them.
_ANNOTATION_FIELDS: dict[type[n.AST], str] = {
    n.arg: "annotation",
    n.FunctionDef: "returns",
    n.AsyncFunctionDef: "returns",
    n.AnnAssign: "annotation",
}


def fold_constants(
    tree: n.AST, optimize: int = 0, future_annotations: bool = False
) -> n.AST:
    """Fold the tree in place (post-order, iteratively); return it."""
    # (node, visited?) pairs; a node's children are folded before the node itself.
    work: list[tuple[n.AST, bool]] = [(tree, False)]
    while work:
        node, visited = work.pop()
        kept = _ANNOTATION_FIELDS.get(type(node)) if future_annotations else None
        if not visited:
            work.append((node, True))
            text = getattr(node, kept, None) if kept else None
            for child in n.iter_child_nodes(node):
                if child is not text:
                    work.append((child, False))
            continue
        for name in node._fields:
            if name == kept:
                continue
            value = getattr(node, name, None)
            if isinstance(value, n.AST):
                folded = _fold(value, optimize)
                if folded is not None:
                    setattr(node, name, folded)
            elif isinstance(value, list):
                for i, item in enumerate(value):
                    if isinstance(item, n.AST):
                        folded = _fold(item, optimize)
                        if folded is not None:
                            value[i] = folded
    return tree
