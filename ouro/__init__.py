"""Ouro: a Python 3.12 implementation written in Python.

The package follows the pipeline: ``syntax`` (source -> tokens -> AST), then the compiler,
bytecode, cache and vm stages (see docs/ and DESIGN.md).
"""

__version__ = "0.1.0"
# sys.implementation.cache_tag: the middle of every .pyc name, __pycache__/NAME.ouro-312.pyc
# (the language version Ouro implements, whatever the host's).
CACHE_TAG = "ouro-312"
