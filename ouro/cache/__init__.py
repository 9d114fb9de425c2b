"""Bytecode files (issue #5): Ouro's serializer and its .pyc files.

``serializer``: ``dumps(code) -> bytes`` and ``loads(bytes) -> Code`` (Ouro's own format, fully
checked on load).  ``pycfile``: the .pyc header, cache paths (``__pycache__/NAME.ouro-312.pyc``
and the per-user fallback tree), atomic writes, and ``compile_file`` which uses them.
Damaged data raises ``BadBytecode`` from the serializer; ``pycfile`` turns it into a cache miss.
"""

from __future__ import annotations

from ouro.cache.serializer import BadBytecode, dumps, loads

__all__ = ["BadBytecode", "dumps", "loads"]
