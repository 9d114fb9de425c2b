"""Ouro's compiler: AST -> symbol table -> instructions (issue #4).

``symtable.build(tree, filename)`` is the first pass: it resolves every name of a module tree
to its scope and reports the compile-time errors CPython 3.12's symtable reports.
"""
