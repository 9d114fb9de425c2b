"""Compiled regular expressions kept from one run to the next, beside re's own bytecode.

Many modules compile regular expressions while they are imported (fractions, string,
gettext, tokenize, json, argparse...).  ``re`` parses a pattern and turns it into the C
matcher's code in Python (``re._parser``, ``re._compiler``), which Ouro runs on its VM: in a
warm start, with every module's bytecode read from its .pyc, that parsing was a sixth of the
time.  Its result is a pure function of the pattern, the flags and the ``re`` sources, so it
is cached like bytecode:

* ``install`` (a fixup, run when the program's ``re._compiler`` has been imported) wraps its
  ``compile``.  A pattern compiled while a module is being imported is recorded: the
  arguments ``re._compiler.compile`` handed the C matcher (``_sre.compile``).  At the
  program's exit the records are written, merged with what the file held, to
  ``_compiler.ouro-312.regexes`` where re._compiler's .pyc goes (its ``__pycache__``, the
  -X pycache_prefix tree or the per-user tree; never under -B / PYTHONDONTWRITEBYTECODE).
* The next run reads that file the first time a pattern is compiled, and a pattern found
  there is handed to ``_sre.compile`` directly: the same pattern object (patterns compare
  equal only if their matcher code is equal; tests/cache/test_regexes.py checks it).
* Only what cannot differ is cached: str or bytes patterns, no DEBUG flag (which prints),
  no pattern whose compiling issued a warning (``re._parser`` warns of possible nested
  sets and set operations, and of odd group references; CPython warns at every run, so
  these are parsed every time).  Errors are never recorded.
* The file is ``ouro-regexes 1 <blake2b of the rest>``, a line, then JSON.  Its key is
  the host's version, the matcher's MAGIC and CODESIZE, and the size and mtime of the
  ``re`` sources; any mismatch, damage or unreadable file is an empty cache, never an
  error.  ``_sre.compile`` checks the code it is given (RuntimeError on invalid code); an
  entry it rejects is dropped.
"""

from __future__ import annotations

import _thread  # its local, without importing threading (see vm/state.py)
import os
import sys as host_sys
from collections.abc import Callable
from typing import Any

MAGIC_LINE = b"ouro-regexes 1 "
SUFFIX = ".regexes"
# Bounds on what one file keeps: start-up patterns are tens, not thousands.
MAX_ENTRIES = 2000
MAX_CODE = 1 << 16

# (is bytes, pattern, flags) -> (flags, code, groups, groupindex items)
Key = tuple[bool, str, int]
Entry = tuple[int, list[int], int, list[tuple[str, int]]]


class RegexCache:
    """The patterns of one ``re._compiler`` module, read from the first sound file of
    ``paths`` and written to the first that takes it."""

    def __init__(
        self,
        compiler: Any,
        sre: Any,
        paths: list[str],
        key: str,
        importing: Callable[[], int],
        warnings_issued: Callable[[], int],
    ) -> None:
        self.original: Callable[..., Any] = compiler.compile
        self.original_code: Callable[..., Any] = compiler._code
        self.debug_flag: int = compiler.SRE_FLAG_DEBUG
        self.sre = sre
        self.paths = paths
        self.importing = importing
        self.warnings_issued = warnings_issued
        self.key = key
        self.entries: dict[Key, Entry] | None = None  # read on first use
        self.new: dict[Key, Entry] = {}
        self.local = _thread._local()  # the code list of the compile under way

    # --- the wrapped functions ---

    def compile(self, p: Any, flags: Any = 0) -> Any:  # host-ok: re._compiler.compile
        key = self.key_of(p, flags)
        if key is None:
            return self.original(p, flags)
        entries = self.entries
        if entries is None:
            entries = self.entries = self.read()
        found = entries.get(key)
        if found is not None:
            final, code, groups, index = found
            groupindex = dict(index)
            indexgroup: list[str | None] = [None] * (groups + 1)
            for name, number in index:
                indexgroup[number] = name
            try:
                return self.sre.compile(
                    p, final, code, groups, groupindex, tuple(indexgroup)
                )
            except (RuntimeError, TypeError, ValueError, OverflowError, IndexError):
                del entries[key]  # not what _sre accepts: parse it after all
        if not self.importing():
            return self.original(p, flags)
        local = self.local
        local.code = None
        warned = self.warnings_issued()
        pattern = self.original(p, flags)
        code, local.code = local.code, None
        if warned != self.warnings_issued():
            return pattern
        if code is not None and len(code) <= MAX_CODE and len(entries) < MAX_ENTRIES:
            index = sorted(pattern.groupindex.items(), key=lambda item: item[1])
            entry = (pattern.flags, code, pattern.groups, index)
            entries[key] = self.new[key] = entry
        return pattern

    def code(self, p: Any, flags: Any) -> Any:
        """``re._compiler._code``, keeping the code list for ``compile`` to record."""
        code = self.original_code(p, flags)
        self.local.code = list(code)
        return code

    def key_of(self, p: object, flags: object) -> Key | None:
        """The cache key of a call, or None if its result is not to be cached."""
        if type(p) is str:
            text = p
        elif type(p) is bytes:
            text = p.decode("latin-1")
        else:
            return None
        # re._compile passes an int (a RegexFlag's value); anything else is parsed as is,
        # so that no program code (an __int__) runs here.
        if type(flags) is not int or flags & self.debug_flag or flags < 0:
            return None
        return (type(p) is bytes, text, flags)

    # --- the file ---

    def read(self) -> dict[Key, Entry]:
        """The entries of the first sound file among the places (none: {})."""
        for path in self.paths:
            try:
                with open(path, "rb") as file:
                    data = file.read()
            except OSError:
                continue
            entries = decode(data, self.key)
            if entries:
                return entries
        return {}

    def write(self) -> None:
        """Add this run's new patterns to the file (at exit; nothing if there are none),
        in the first place that takes it."""
        from ouro.cache import pycfile

        if not self.new or not pycfile.CachePolicy.from_sys().write:
            return
        merged = self.read()
        for key, entry in self.new.items():
            if len(merged) >= MAX_ENTRIES:
                break
            merged[key] = entry
        data = encode(merged, self.key)
        for path in self.paths:
            if pycfile.write_atomic(path, data):
                break
        self.new.clear()


def encode(entries: dict[Key, Entry], key: str) -> bytes:
    import json

    rows = [[*k, *entry] for k, entry in entries.items()]
    body = json.dumps({"key": key, "entries": rows}, separators=(",", ":")).encode()
    return MAGIC_LINE + _digest(body).encode() + b"\n" + body


def decode(data: bytes, key: str) -> dict[Key, Entry]:
    """The entries of a file's bytes; {} for anything but a sound file with this key."""
    head, newline, body = data.partition(b"\n")
    if not newline or head != MAGIC_LINE + _digest(body).encode():
        return {}
    import json

    try:
        document = json.loads(body)
        if document["key"] != key:
            return {}
        entries: dict[Key, Entry] = {}
        for is_bytes, text, flags, final, code, groups, index in document["entries"]:
            if not (
                type(is_bytes) is bool
                and type(text) is str
                and all(type(v) is int for v in (flags, final, groups))
                and type(code) is list
                and all(type(v) is int for v in code)
                and type(index) is list
                and all(
                    type(n) is str and type(i) is int and 0 < i <= groups
                    for n, i in index
                )
                and 0 <= groups
            ):
                return {}
            if is_bytes:
                text.encode("latin-1")  # UnicodeEncodeError (a ValueError) if not bytes
            entries[(is_bytes, text, flags)] = (
                final,
                code,
                groups,
                [(n, i) for n, i in index],
            )
        return entries
    except (ValueError, TypeError, KeyError, IndexError, RecursionError):
        return {}


def _digest(body: bytes) -> str:
    from _blake2 import blake2b

    return blake2b(body, digest_size=16).hexdigest()


# --- installing --------------------------------------------------------------------------


def install(
    compiler: Any, importing: Callable[[], int], warnings_issued: Callable[[], int]
) -> None:
    """Wrap the program's freshly imported ``re._compiler`` (its fixup).  ``importing()``:
    how many modules are being imported now (only start-up patterns are kept);
    ``warnings_issued()``: how many warnings Ouro code has issued so far."""
    import _sre  # type: ignore[import-not-found]

    if not callable(getattr(compiler, "_code", None)) or not hasattr(
        compiler, "SRE_FLAG_DEBUG"
    ):
        return  # not the re._compiler this was written for: leave it alone
    source = getattr(compiler, "__file__", None)
    cache = RegexCache(
        compiler, _sre, _paths(source), _key(source, _sre), importing, warnings_issued
    )
    compiler.compile = _named(cache.compile, cache.original)
    compiler._code = _named(cache.code, cache.original_code)
    import atexit

    atexit.register(cache.write)


def _named(function: Callable[..., Any], like: Any) -> Callable[..., Any]:
    """A host function standing for ``like`` under its names."""

    def wrapper(p: Any, flags: Any = 0) -> Any:
        return function(p, flags)

    for attr in ("__name__", "__qualname__", "__module__", "__doc__"):
        try:
            setattr(wrapper, attr, getattr(like, attr))
        except (AttributeError, TypeError):
            pass
    return wrapper


def _paths(source: object) -> list[str]:
    """Beside re._compiler's .pyc: the places the cache policy has for it, best first."""
    if not isinstance(source, str) or not source.endswith(".py"):
        return []
    from ouro.cache import pycfile

    places = pycfile._locations(source, "", pycfile.CachePolicy.from_sys())
    return [place.removesuffix(".pyc") + SUFFIX for place in places]


def _key(source: object, sre: Any) -> str:
    """What the cached code depends on: the host, the matcher, the re sources."""
    parts = [host_sys.version, str(sre.MAGIC), str(sre.CODESIZE)]
    if isinstance(source, str):
        folder = os.path.dirname(source)
        for name in ("_compiler.py", "_parser.py", "_constants.py", "_casefix.py"):
            try:
                stat = os.stat(os.path.join(folder, name))
            except OSError:
                parts.append(f"{name}:-")
            else:
                parts.append(f"{name}:{stat.st_size}:{stat.st_mtime_ns}")
    return "|".join(parts)
