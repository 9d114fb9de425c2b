"""Between Ouro's syntax trees and the host's ``ast`` nodes, for the compile builtin of Ouro code.

Programs use the ``ast`` module (``ast.parse``, ``ast.literal_eval``, ``ast.dump``, node
visitors), which works on the host's node classes: Ouro's compile builtin with
``ast.PyCF_ONLY_AST`` parses with Ouro's parser and hands back the same tree built from the
host's classes, and given a host tree it takes it back to Ouro's nodes to compile it.  Both classes have the same names, fields and attributes (ouro/syntax/nodes.py), so
the conversion is by name.  It walks with an explicit stack: a deep tree costs no host
recursion.
"""

from __future__ import annotations

import ast  # host-ok: the node classes, as data; nothing is parsed or compiled by the host
from collections.abc import Callable
from typing import Any

from ouro.syntax import nodes


def to_host(tree: nodes.AST) -> ast.AST:
    """The host ``ast`` tree equal to Ouro's ``tree`` (a kind the host lacks stays Ouro's)."""
    return _convert(tree, nodes.AST, lambda name: getattr(ast, name, None))  # type: ignore[no-any-return]


def from_host(tree: ast.AST) -> nodes.AST:
    """Ouro's tree equal to the host ``ast`` tree."""

    def kind(name: str) -> Any:
        found = getattr(nodes, name, None)
        if not (isinstance(found, type) and issubclass(found, nodes.AST)):
            raise TypeError(f"expected some sort of AST node, but got {name}")
        return found

    return _convert(tree, ast.AST, kind)  # type: ignore[no-any-return]


def _convert(root: Any, base: type, target: Callable[[str], Any]) -> Any:
    done: dict[int, Any] = {}
    keep: list[Any] = []  # the ids in ``done`` stay valid while the walk runs
    work: list[tuple[Any, bool]] = [(root, False)]

    def converted(value: Any) -> Any:
        if isinstance(value, base):
            return done[id(value)]
        if isinstance(value, list):
            return [
                done[id(item)] if isinstance(item, base) else item for item in value
            ]
        return value

    while work:
        node, ready = work.pop()
        if not ready:
            work.append((node, True))
            keep.append(node)
            for name in node._fields:
                value = getattr(node, name, None)
                if isinstance(value, base):
                    work.append((value, False))
                elif isinstance(value, list):
                    work.extend(
                        (item, False) for item in value if isinstance(item, base)
                    )
            continue
        if id(node) in done:
            continue
        cls = target(type(node).__name__)
        if cls is None:
            done[id(node)] = node
            continue
        values = {name: converted(getattr(node, name, None)) for name in node._fields}
        for name in getattr(node, "_attributes", ()):
            if hasattr(node, name):
                values[name] = getattr(node, name)
        made = cls(**values)
        done[id(node)] = made
    return done[id(root)]
