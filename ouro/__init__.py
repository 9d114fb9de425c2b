"""Ouro: a Python 3.12 implementation written in Python.

The package follows the pipeline: ``syntax`` (source -> tokens -> AST), then the compiler,
bytecode, cache and vm stages (see docs/ and DESIGN.md).
"""

__version__ = "0.1.0"
