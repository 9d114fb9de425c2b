"""Ouro's compiler: AST -> symbol table -> instructions (issue #4).

``symtable.build(tree, filename)`` is the first pass: it resolves every name of a module tree
to its scope and reports the compile-time errors CPython 3.12's symtable reports.
``optimizer.fold_constants`` folds literal-only operations; ``codegen`` generates one
instruction stream per block and ``assembler`` turns each into a ``Code`` object.

``compile_source(source, filename, mode)`` and ``compile_tree(tree, filename, mode)`` run the
whole pipeline.
"""

from __future__ import annotations

from ouro.bytecode.code import Code
from ouro.syntax import nodes as n
from ouro.syntax import parse

from . import symtable
from .codegen import generate

__all__ = ["compile_source", "compile_tree"]

_MODES = ("exec", "eval", "single")


def compile_tree(
    tree: n.AST, filename: str, mode: str = "exec", optimize: int = 0
) -> Code:
    """Compile a tree from ``ouro.syntax.parse`` into a Code object; SyntaxError as CPython."""
    if mode not in _MODES:
        modes = "'exec', 'eval' or 'single'"
        raise ValueError(f"compile() mode must be {modes}")  # host-ok: text, not a call
    table = symtable.build(tree, filename)
    return generate(tree, table, filename, mode, optimize)


def compile_source(
    source: str | bytes, filename: str, mode: str = "exec", *, optimize: int = 0
) -> Code:
    """Parse and compile ``source``: ``compile(source, filename, mode)`` for Ouro."""  # host-ok: text, not a call
    tree = parse(source, filename, mode)
    return compile_tree(tree, filename, mode, optimize)
