"""Ouro's .pyc files: where they live, their header, how they are checked and written.

Takes a source path (and the code the compiler made of it); hands on a ``Code`` from a valid
cache file, or None: a missing, stale, damaged or foreign file is a cache miss, never an error,
and the caller compiles again.  Writes are atomic (a temporary file in the same folder, then
``os.replace``), so another process reads the old file or the new one, never a part of one; a
folder Ouro may not write to means running from memory, silently.

File layout (little-endian; bytes 0-16 are CPython's PEP 552 header, so tools that read
headers read Ouro's)::

    offset  size  field
       0     4    magic: opcodes.MAGIC_NUMBER as u16, then b"\\r\\n"
       4     4    flags: 0 timestamp, 0b01 hash (unchecked), 0b11 hash (checked); no other bits
       8     4    timestamp mode: source mtime, whole seconds mod 2**32  | hash modes:
      12     4    timestamp mode: source size mod 2**32                  | source hash (8 bytes)
      16     8    source hash, in every mode (equal to bytes 8-16 in the hash modes)
      24     8    checksum: blake2b-64 of bytes 0-24 and the body (damage anywhere is seen),
                  keyed by the compiler's fingerprint (a file another compiler wrote fails)
      32     ..   body: ``serializer.dumps(code)``

The magic changes with the instruction table (opcodes.MAGIC_HISTORY), but a change to the
compiler can change the code made of a source without touching the table; CPython's
developers bump the magic by hand then.  Ouro keys the checksum with ``compiler_fingerprint()``,
a hash of the files that decide a .pyc's bytes (ouro/syntax, ouro/compiler, ouro/bytecode, the
serializer), so a file written by any other version of them reads as damaged: a cache miss.

The source hash is ``blake2b(source, digest_size=8, person=b"ouro-src")`` — Ouro's own, not
CPython's SipHash keyed by CPython's magic.  Bytes 16-24 close a hole of timestamp files: a
source edited again within the second its .pyc recorded, keeping its size, looks unchanged to
(mtime, size).  When the .pyc itself was written less than ``RACY_SECONDS`` after the source's
mtime, the reader also compares the hash (the idea of git's "racily clean" index entries).

Where files go: ``__pycache__/NAME.ouro-312[.opt-N].pyc`` beside the source; with a cache prefix
(``-X pycache_prefix``), ``PREFIX/<absolute source folder>/NAME.ouro-312.pyc`` instead; and
when the folder beside the source cannot be written (a system-wide Python), the per-user tree
``user_cache_dir()`` laid out like a prefix.  ``-B`` means reading only.
"""

from __future__ import annotations

import enum
import functools
import os
import sys
from collections.abc import Callable
from typing import Final, NamedTuple

import ouro
from ouro.bytecode import opcodes
from ouro.bytecode.code import Code
from ouro.cache.serializer import BadBytecode, dumps, loads

try:  # hashlib's own blake2b, without hashlib's load of OpenSSL (~2 ms at every start)
    from _blake2 import blake2b
except ImportError:  # a host without the module hashlib takes it from
    from hashlib import blake2b

__all__ = [
    "CACHE_TAG",
    "HEADER_SIZE",
    "MAGIC",
    "CachePolicy",
    "Header",
    "Invalidation",
    "cache_path",
    "compile_file",
    "make_pyc",
    "read_header",
    "read_pyc",
    "source_from_cache",
    "source_hash",
    "user_cache_dir",
    "user_cache_path",
    "write_atomic",
    "write_atomic_or_raise",
    "write_pyc",
]

CACHE_TAG: Final = ouro.CACHE_TAG
MAGIC: Final = opcodes.MAGIC_NUMBER.to_bytes(2, "little") + b"\r\n"
HEADER_SIZE: Final = 32
RACY_SECONDS: Final = (
    2.0  # FAT keeps mtimes to 2 s; finer file systems lose nothing by it
)
_PYCACHE = "__pycache__"
_SUFFIX = ".pyc"
_OPT = "opt-"
_FLAG_HASH, _FLAG_CHECK = 0b01, 0b10
_U32 = 0xFFFFFFFF


class Invalidation(enum.IntEnum):
    """How a .pyc is known to be current (PEP 552); the value is the header's flags word.
    The names are ``py_compile.PycInvalidationMode``'s."""

    TIMESTAMP = 0
    UNCHECKED_HASH = _FLAG_HASH
    CHECKED_HASH = _FLAG_HASH | _FLAG_CHECK


_FLAGS = frozenset(int(mode) for mode in Invalidation)


class CachePolicy(NamedTuple):
    """What the command line and the environment say about bytecode files.

    ``write``: False under -B / PYTHONDONTWRITEBYTECODE.  ``prefix``: -X pycache_prefix /
    PYTHONPYCACHEPREFIX.  ``user_cache``: the per-user fallback tree (None: no fallback).
    ``check_source``: --check-hash-based-pycs (default, always, never).  ``note``: where -v
    messages go (None: nowhere).

    This record and ``Header`` are NamedTuples, not dataclasses: they are defined at every
    start, and a dataclass costs the host most of a millisecond to define."""

    write: bool = True
    prefix: str | None = None
    user_cache: str | None = None
    invalidation: Invalidation = Invalidation.TIMESTAMP
    check_source: str = "default"
    note: Callable[[str], None] | None = None

    @classmethod
    def from_sys(cls, **changes: object) -> CachePolicy:
        """The policy the host's ``sys`` describes (Ouro's command line sets it up)."""
        values: dict[str, object] = {
            "write": not sys.dont_write_bytecode,
            "prefix": getattr(sys, "pycache_prefix", None),
            "user_cache": user_cache_dir(),
        }
        values.update(changes)
        return cls(**values)  # type: ignore[arg-type]


# --- paths -----------------------------------------------------------------------------------


def user_cache_dir() -> str | None:
    """The root of the per-user cache tree: XDG_CACHE_HOME (or ~/.cache)/ouro/pycache, the
    platform's equivalent on macOS and Windows; None if there is no home to put it in."""
    if sys.platform == "win32":
        base = os.environ.get("LOCALAPPDATA")
    elif sys.platform == "darwin":
        base = os.path.expanduser("~/Library/Caches")
    else:
        base = os.environ.get("XDG_CACHE_HOME") or os.path.expanduser("~/.cache")
    if not base or not os.path.isabs(base):
        return None
    return os.path.join(base, "ouro", "pycache")


def _cache_name(source_path: str, optimization: object) -> tuple[str, str]:
    """(folder of the source, NAME.ouro-312[.opt-N].pyc)."""
    head, tail = os.path.split(os.fspath(source_path))
    base, dot, rest = tail.rpartition(".")
    name = (base or rest) + dot + CACHE_TAG
    level = str(optimization)
    if level:
        if not level.isalnum():
            raise ValueError(f"{level!r} is not alphanumeric")
        name += f".{_OPT}{level}"
    return head, name + _SUFFIX


def _under(root: str, head: str, name: str) -> str:
    """``root`` mirroring the absolute folder ``head`` (its drive and leading separators off)."""
    head = os.path.abspath(head)
    head = os.path.splitdrive(head)[1]
    return os.path.join(root, head.lstrip(os.sep + (os.altsep or "")), name)


def cache_path(
    source_path: str, optimization: object = "", *, prefix: str | None = None
) -> str:
    """Where the .pyc of ``source_path`` goes: beside it in __pycache__, or under ``prefix``
    (``importlib.util.cache_from_source`` with ``sys.pycache_prefix``)."""
    head, name = _cache_name(source_path, optimization)
    if prefix is not None:
        return _under(prefix, head, name)
    return os.path.join(head, _PYCACHE, name)


def user_cache_path(source_path: str, optimization: object = "", root: str = "") -> str:
    """The .pyc of ``source_path`` in the per-user tree ``root`` (default: user_cache_dir())."""
    root = root or user_cache_dir() or ""
    if not root:
        raise ValueError("no per-user cache folder (no home folder)")
    head, name = _cache_name(source_path, optimization)
    return _under(root, head, name)


def source_from_cache(path: str, *, prefixes: tuple[str | None, ...] = ()) -> str:
    """The source a .pyc path belongs to (``importlib.util.source_from_cache``); ValueError
    for a path that is not a cache path.  ``prefixes``: cache trees to recognise (a prefix,
    the per-user tree), tried before ``__pycache__``."""
    head, name = os.path.split(os.fspath(path))
    for root in prefixes:
        if root is None:
            continue
        root = root.rstrip(os.sep)
        if head == root or head.startswith(root + os.sep):
            head = os.sep + head[len(root) :].lstrip(os.sep)
            break
    else:
        head, folder = os.path.split(head)
        if folder != _PYCACHE:
            raise ValueError(f"{_PYCACHE} not bottom-level directory in {path!r}")
    dots = name.count(".")
    if dots not in (2, 3):
        raise ValueError(f"expected only 2 or 3 dots in {name!r}")
    if dots == 3:
        level = name.rsplit(".", 2)[-2]
        if not level.startswith(_OPT):
            raise ValueError(
                f"optimization portion of filename does not start with {_OPT!r}"
            )
        if not level[len(_OPT) :].isalnum():
            raise ValueError(
                f"optimization level {level!r} is not an alphanumeric value"
            )
    return os.path.join(head, name.partition(".")[0] + ".py")


# --- the header ------------------------------------------------------------------------------


def source_hash(source: bytes) -> bytes:
    """Ouro's 8-byte hash of a source file's bytes (hash-based .pyc files, racy checks)."""
    return blake2b(source, digest_size=8, person=b"ouro-src").digest()


def _checksum(head: bytes, body: bytes | memoryview) -> bytes:
    digest = blake2b(
        head, digest_size=8, key=compiler_fingerprint(), person=b"ouro-pyc"
    )
    digest.update(body)
    return digest.digest()


# The parts of Ouro whose source decides the bytes of a .pyc.
_COMPILER_PARTS: Final = ("syntax", "compiler", "bytecode", "cache/serializer.py")


@functools.cache
def compiler_fingerprint() -> bytes:
    """A hash of the source of Ouro's parser, compiler, instruction table and serializer,
    read once per process (about a millisecond): the key of every .pyc checksum."""
    digest = blake2b(digest_size=32, person=b"ouro-cmp")
    root = os.path.dirname(os.path.abspath(ouro.__file__))
    for part in _COMPILER_PARTS:
        path = os.path.join(root, *part.split("/"))
        try:
            names = sorted(os.listdir(path)) if os.path.isdir(path) else [""]
        except OSError:
            names = []
        for name in names:
            if name and not name.endswith(".py"):
                continue
            try:
                with open(os.path.join(path, name) if name else path, "rb") as file:
                    data = file.read()
            except OSError:
                continue  # not on a file system (a zip): the version then stands for it
            digest.update(f"{part}/{name}\0{len(data)}\0".encode())
            digest.update(data)
    digest.update(f"{ouro.__version__}\0{MAGIC.hex()}".encode())
    return digest.digest()


class Header(NamedTuple):
    """A .pyc header that passed the checks that need no source: magic, flags, checksum."""

    invalidation: Invalidation
    mtime: int  # timestamp mode only (else 0)
    size: int  # timestamp mode only (else 0)
    source_hash: bytes


def read_header(data: bytes) -> Header | None:
    """The header of the .pyc bytes ``data``, or None if they are not a sound Ouro .pyc
    of this version (too short, wrong magic, unknown flags, checksum mismatch)."""
    if len(data) < HEADER_SIZE or data[:4] != MAGIC:
        return None
    flags = int.from_bytes(data[4:8], "little")
    if flags not in _FLAGS:
        return None
    if _checksum(data[:24], memoryview(data)[HEADER_SIZE:]) != data[24:32]:
        return None
    hashed = data[16:24]
    if flags == Invalidation.TIMESTAMP:
        mtime = int.from_bytes(data[8:12], "little")
        size = int.from_bytes(data[12:16], "little")
        return Header(Invalidation.TIMESTAMP, mtime, size, hashed)
    if data[8:16] != hashed:
        return None
    return Header(Invalidation(flags), 0, 0, hashed)


def make_pyc(
    code: Code,
    source: bytes,
    invalidation: Invalidation = Invalidation.TIMESTAMP,
    mtime: float = 0.0,
    size: int | None = None,
) -> bytes:
    """The bytes of a .pyc for ``code`` compiled from ``source`` (whose stat gave ``mtime``
    and ``size``; the size defaults to the source's length)."""
    hashed = source_hash(source)
    if invalidation == Invalidation.TIMESTAMP:
        size = len(source) if size is None else size
        stamp = (int(mtime) & _U32).to_bytes(4, "little") + (size & _U32).to_bytes(
            4, "little"
        )
    else:
        stamp = hashed
    head = MAGIC + int(invalidation).to_bytes(4, "little") + stamp + hashed
    body = dumps(code)
    return head + _checksum(head, body) + body


# --- reading ---------------------------------------------------------------------------------


def read_pyc(
    path: str,
    source_path: str | None,
    *,
    check_source: str = "default",
    source_stat: os.stat_result | None = None,
    note: Callable[[str], None] | None = None,
) -> Code | None:
    """The code in the .pyc ``path`` if it is sound and current for ``source_path``, else
    None.  ``source_path`` None: a sourceless file, checked on its own.  ``check_source``
    is --check-hash-based-pycs: whether hash-based files are compared with the source."""
    try:
        with open(path, "rb") as file:
            data = file.read()
            written = os.fstat(file.fileno()).st_mtime
    except (OSError, ValueError):
        return None
    header = read_header(data)
    if header is None:
        _say(note, f"# {path} is damaged or not this Ouro's: ignored")
        return None
    if source_path is not None:
        try:
            current = _is_current(
                header, source_path, source_stat, written, check_source
            )
        except (OSError, ValueError):
            current = False
        if not current:
            _say(note, f"# bytecode is stale for {source_path!r}")
            return None
    try:
        code = loads(memoryview(data)[HEADER_SIZE:], lazy=True, label=path)
    except BadBytecode as e:
        _say(note, f"# {path}: {e}")
        return None
    _say(note, f"# code object from {path!r}")
    return code


def _is_current(
    header: Header,
    source_path: str,
    stat: os.stat_result | None,
    written: float,
    check_source: str,
) -> bool:
    """Does the source still match the header?  (OSError if it cannot be read.)"""
    if header.invalidation == Invalidation.TIMESTAMP:
        stat = os.stat(source_path) if stat is None else stat
        if (int(stat.st_mtime) & _U32, stat.st_size & _U32) != (
            header.mtime,
            header.size,
        ):
            return False
        if written - stat.st_mtime >= RACY_SECONDS:
            return True
        # Racy: the source may have changed again within its recorded second.
    elif check_source == "never" or (
        check_source == "default" and header.invalidation == Invalidation.UNCHECKED_HASH
    ):
        return True
    with open(source_path, "rb") as file:
        return source_hash(file.read()) == header.source_hash


def _say(note: Callable[[str], None] | None, message: str) -> None:
    if note is not None:
        note(message)


# --- writing ---------------------------------------------------------------------------------


def write_atomic(path: str, data: bytes, mode: int = 0o666) -> bool:
    """Write ``data`` to ``path`` through a temporary file in the same folder and a rename;
    False (and nothing left behind) if the folder or the file cannot be written."""
    try:
        write_atomic_or_raise(path, data, mode)
    except (OSError, ValueError):
        return False
    return True


def write_atomic_or_raise(path: str, data: bytes, mode: int = 0o666) -> None:
    """``write_atomic``, letting the OSError out (``ouro -m py_compile`` says why)."""
    os.makedirs(os.path.dirname(path) or ".", exist_ok=True)
    temp = f"{path}.{os.getpid()}.{os.urandom(4).hex()}.tmp"
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_BINARY", 0)
    fd = os.open(temp, flags, mode & 0o666)
    try:
        with os.fdopen(fd, "wb") as file:
            file.write(data)
        os.replace(temp, path)
    except BaseException:
        try:
            os.unlink(temp)
        except OSError:
            pass
        raise


def write_pyc(
    path: str,
    code: Code,
    source: bytes,
    *,
    invalidation: Invalidation = Invalidation.TIMESTAMP,
    source_stat: os.stat_result | None = None,
) -> bool:
    """Write the .pyc of ``code`` (compiled from ``source``, whose stat was ``source_stat``)
    to ``path`` atomically; False, silently, if it cannot be written."""
    mtime = source_stat.st_mtime if source_stat is not None else 0.0
    size = source_stat.st_size if source_stat is not None else None
    mode = (source_stat.st_mode | 0o200) if source_stat is not None else 0o666
    data = make_pyc(code, source, invalidation, mtime, size)
    return write_atomic(path, data, mode)


# --- both ------------------------------------------------------------------------------------


def _locations(source_path: str, optimization: str, policy: CachePolicy) -> list[str]:
    """Where a .pyc of the source may be, best first."""
    places = [cache_path(source_path, optimization, prefix=policy.prefix)]
    if policy.prefix is None and policy.user_cache:
        places.append(user_cache_path(source_path, optimization, policy.user_cache))
    return places


def compile_file(
    source_path: str, optimize: int = 0, policy: CachePolicy | None = None
) -> Code:
    """The code of a module's source file: from a current .pyc when there is one, else
    compiled (SyntaxError as the compiler raises it) and cached where the policy allows."""
    from ouro.compiler import compile_source

    policy = CachePolicy.from_sys() if policy is None else policy
    optimization = str(optimize) if optimize else ""
    stat = os.stat(source_path)
    places = _locations(source_path, optimization, policy)
    for place in places:
        code = read_pyc(
            place,
            source_path,
            check_source=policy.check_source,
            source_stat=stat,
            note=policy.note,
        )
        if code is not None:
            return code
    with open(source_path, "rb") as file:
        source = file.read()
    code = compile_source(source, source_path, "exec", optimize=optimize)
    if policy.write:
        for place in places:
            if write_pyc(
                place,
                code,
                source,
                invalidation=policy.invalidation,
                source_stat=stat,
            ):
                _say(policy.note, f"# wrote {place!r}")
                break
    return code
