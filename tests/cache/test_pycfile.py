"""The .pyc files: paths (as CPython's importlib names them, with Ouro's tag), the header and
its three modes, stale and damaged files (always a cache miss, never an exception), atomic
writes under concurrency, unwritable folders, -B and the cache prefix."""

from __future__ import annotations

import importlib.util
import multiprocessing
import os
import struct
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from ouro.bytecode import opcodes
from ouro.cache import dumps
from ouro.cache import pycfile as P
from ouro.compiler import compile_source

SOURCE = b"def f(x):\n    return x * 2\n\nprint(f(21), 'caf\xc3\xa9')\n"


@pytest.fixture
def module(tmp_path: Path) -> Iterator[Path]:
    path = tmp_path / "pkg" / "mod.py"
    path.parent.mkdir()
    path.write_bytes(SOURCE)
    old = time.time() - 100  # not racy: written long after its source's mtime
    os.utime(path, (old, old))
    yield path


def policy(tmp_path: Path, **changes: object) -> P.CachePolicy:
    values: dict[str, object] = {"user_cache": str(tmp_path / "user-cache")}
    values.update(changes)
    return P.CachePolicy(**values)  # type: ignore[arg-type]


def compiled(source: bytes = SOURCE, name: str = "mod.py") -> bytes:
    return dumps(compile_source(source, name))


def pyc_of(module: Path) -> Path:
    return Path(P.cache_path(str(module)))


# --- paths ----------------------------------------------------------------------------------

PATHS = [
    "/a/b/mod.py",
    "mod.py",
    "/a/b.c/x.tar.py",
    "/a/noext",
    "rel/dir/m.py",
    "/a/.hidden",
]


@pytest.mark.parametrize("path", PATHS)
@pytest.mark.parametrize("optimization", ["", 1, 2, "x"])
def test_cache_path_is_cpythons_with_ouros_tag(
    path: str, optimization: object, monkeypatch: pytest.MonkeyPatch
) -> None:
    tag = sys.implementation.cache_tag
    for prefix in (None, "/prefix", "rel-prefix"):
        monkeypatch.setattr(sys, "pycache_prefix", prefix)
        host = importlib.util.cache_from_source(path, optimization=optimization)
        ours = P.cache_path(path, optimization, prefix=prefix)
        assert ours == host.replace(tag, P.CACHE_TAG)


def test_cache_path_errors() -> None:
    with pytest.raises(ValueError, match="'a-b' is not alphanumeric"):
        P.cache_path("m.py", "a-b")


@pytest.mark.parametrize(
    "path",
    [
        "/a/__pycache__/m.ouro-312.pyc",
        "/a/__pycache__/m.ouro-312.opt-2.pyc",
        "/a/m.ouro-312.pyc",
        "/a/__pycache__/m.pyc",
        "/a/__pycache__/m.a.b.c.pyc",
        "/a/__pycache__/m.ouro-312.x-2.pyc",
        "/a/__pycache__/m.ouro-312.opt-.pyc",
    ],
)
def test_source_from_cache_is_cpythons(path: str) -> None:
    try:
        expected: object = importlib.util.source_from_cache(path)
    except ValueError as e:
        expected = str(e)
    try:
        actual: object = P.source_from_cache(path)
    except ValueError as e:
        actual = str(e)
    assert actual == expected


def test_source_from_cache_under_the_trees(tmp_path: Path) -> None:
    user = str(tmp_path / "u")
    for prefix in ("/pre", user):
        pyc = P.cache_path("/a/b/m.py", 1, prefix=prefix)
        assert P.source_from_cache(pyc, prefixes=("/pre", user)) == "/a/b/m.py"
    pyc = P.user_cache_path("/a/b/m.py", "", user)
    assert pyc == os.path.join(user, "a", "b", "m.ouro-312.pyc")


def test_user_cache_dir(monkeypatch: pytest.MonkeyPatch) -> None:
    if sys.platform.startswith("linux"):
        monkeypatch.setenv("XDG_CACHE_HOME", "/x/cache")
        assert P.user_cache_dir() == "/x/cache/ouro/pycache"
        monkeypatch.setenv("XDG_CACHE_HOME", "")
        assert P.user_cache_dir() == os.path.expanduser("~/.cache/ouro/pycache")


def test_cache_tag_is_sys_implementations() -> None:
    from ouro.vm import sysview

    assert sysview._IMPLEMENTATION.cache_tag == P.CACHE_TAG


# --- the header -------------------------------------------------------------------------------


def test_magic_is_derived_from_the_opcode_table() -> None:
    assert P.MAGIC == struct.pack("<H", opcodes.MAGIC_NUMBER) + b"\r\n"
    assert P.MAGIC != importlib.util.MAGIC_NUMBER


def test_header_layout_is_pep_552s() -> None:
    code = compile_source(SOURCE, "m.py")
    data = P.make_pyc(code, SOURCE, P.Invalidation.TIMESTAMP, 1234567890.7, 99)
    magic, flags, mtime, size = struct.unpack("<4sIII", data[:16])
    assert (magic, flags, mtime, size) == (P.MAGIC, 0, 1234567890, 99)
    assert data[16:24] == P.source_hash(SOURCE)
    assert data[P.HEADER_SIZE :] == dumps(code)
    for mode in (P.Invalidation.CHECKED_HASH, P.Invalidation.UNCHECKED_HASH):
        data = P.make_pyc(code, SOURCE, mode)
        assert struct.unpack("<I", data[4:8])[0] == mode == {3: 0b11, 1: 0b01}[mode]
        assert data[8:16] == data[16:24] == P.source_hash(SOURCE)
    header = P.read_header(data)
    assert header == P.Header(
        P.Invalidation.UNCHECKED_HASH, 0, 0, P.source_hash(SOURCE)
    )


def test_size_and_mtime_wrap_at_32_bits() -> None:
    code = compile_source(b"", "m.py")
    data = P.make_pyc(code, b"", P.Invalidation.TIMESTAMP, 2**32 + 5.5, 2**32 + 7)
    assert struct.unpack("<II", data[8:16]) == (5, 7)


# --- reading and validation -----------------------------------------------------------------


def test_compile_file_writes_then_reads(module: Path, tmp_path: Path) -> None:
    notes: list[str] = []
    pol = policy(tmp_path, note=notes.append)
    first = P.compile_file(str(module), policy=pol)
    assert pyc_of(module).exists()
    assert notes[-1].startswith("# wrote")
    second = P.compile_file(str(module), policy=pol)
    assert notes[-1].startswith("# code object from")
    assert dumps(first) == dumps(second) == compiled(name=str(module))


def test_optimization_levels_have_their_own_files(module: Path, tmp_path: Path) -> None:
    for level in (0, 1, 2):
        P.compile_file(str(module), level, policy=policy(tmp_path))
    names = sorted(os.listdir(module.parent / "__pycache__"))
    assert names == [
        "mod.ouro-312.opt-1.pyc",
        "mod.ouro-312.opt-2.pyc",
        "mod.ouro-312.pyc",
    ]


def write_source(path: Path, data: bytes, mtime: float) -> None:
    path.write_bytes(data)
    os.utime(path, (mtime, mtime))


def test_stale_timestamp(module: Path, tmp_path: Path) -> None:
    P.compile_file(str(module), policy=policy(tmp_path))
    pyc = str(pyc_of(module))
    assert P.read_pyc(pyc, str(module)) is not None
    mtime = module.stat().st_mtime
    write_source(module, SOURCE.replace(b"21", b"2"), mtime)  # size differs
    assert P.read_pyc(pyc, str(module)) is None
    write_source(module, SOURCE, mtime + 1)  # mtime differs
    assert P.read_pyc(pyc, str(module)) is None
    write_source(module, SOURCE, mtime)
    assert P.read_pyc(pyc, str(module)) is not None


def test_source_edited_within_the_same_second(module: Path, tmp_path: Path) -> None:
    """Same size, same whole second: (mtime, size) cannot tell; the racy check can."""
    now = time.time()
    write_source(module, SOURCE, now)
    P.compile_file(str(module), policy=policy(tmp_path))
    edited = SOURCE.replace(b"21", b"12")
    assert len(edited) == len(SOURCE)
    write_source(module, edited, now)
    assert P.read_pyc(str(pyc_of(module)), str(module)) is None
    code = P.compile_file(str(module), policy=policy(tmp_path))
    assert dumps(code) == compiled(edited, str(module))


def test_future_mtime_in_the_header(module: Path) -> None:
    code = compile_source(SOURCE, str(module))
    st = module.stat()
    data = P.make_pyc(code, SOURCE, P.Invalidation.TIMESTAMP, st.st_mtime + 10**6)
    pyc = pyc_of(module)
    pyc.parent.mkdir()
    pyc.write_bytes(data)
    assert P.read_pyc(str(pyc), str(module)) is None


def test_source_in_the_future_is_checked_by_hash(module: Path, tmp_path: Path) -> None:
    future = time.time() + 3600
    write_source(module, SOURCE, future)
    P.compile_file(str(module), policy=policy(tmp_path))
    assert P.read_pyc(str(pyc_of(module)), str(module)) is not None
    write_source(module, SOURCE.replace(b"21", b"12"), future)
    assert P.read_pyc(str(pyc_of(module)), str(module)) is None


@pytest.mark.parametrize(
    ("mode", "check", "still_used"),
    [
        (P.Invalidation.CHECKED_HASH, "default", False),
        (P.Invalidation.CHECKED_HASH, "always", False),
        (P.Invalidation.CHECKED_HASH, "never", True),
        (P.Invalidation.UNCHECKED_HASH, "default", True),
        (P.Invalidation.UNCHECKED_HASH, "always", False),
        (P.Invalidation.UNCHECKED_HASH, "never", True),
    ],
)
def test_hash_modes(
    module: Path, tmp_path: Path, mode: P.Invalidation, check: str, still_used: bool
) -> None:
    pol = policy(tmp_path, invalidation=mode, check_source=check)
    P.compile_file(str(module), policy=pol)
    pyc = str(pyc_of(module))
    assert P.read_pyc(pyc, str(module), check_source=check) is not None
    # A new mtime alone never matters to a hash-based file.
    os.utime(module, (1, 1))
    assert P.read_pyc(pyc, str(module), check_source=check) is not None
    module.write_bytes(SOURCE.replace(b"21", b"12"))
    code = P.read_pyc(pyc, str(module), check_source=check)
    assert (code is not None) == still_used
    fresh = P.compile_file(str(module), policy=pol)
    assert (dumps(fresh) == compiled(name=str(module))) == still_used


def test_sourceless(module: Path, tmp_path: Path) -> None:
    P.compile_file(str(module), policy=policy(tmp_path))
    pyc = pyc_of(module)
    shipped = tmp_path / "mod.pyc"
    shipped.write_bytes(pyc.read_bytes())
    module.unlink()
    assert P.read_pyc(str(shipped), None) is not None
    assert P.read_pyc(str(pyc), str(module)) is None  # the source is gone: a miss


# --- damage: always None, never an exception -------------------------------------------------


@pytest.fixture
def good(module: Path, tmp_path: Path) -> tuple[Path, bytes]:
    P.compile_file(str(module), policy=policy(tmp_path))
    return pyc_of(module), pyc_of(module).read_bytes()


def test_truncated_everywhere(module: Path, good: tuple[Path, bytes]) -> None:
    pyc, data = good
    ends = [*range(P.HEADER_SIZE + 1), *range(P.HEADER_SIZE, len(data), 7)]
    for end in ends:
        pyc.write_bytes(data[:end])
        assert P.read_pyc(str(pyc), str(module)) is None, end
        assert P.read_pyc(str(pyc), None) is None, end


def test_every_bit_flip(module: Path, good: tuple[Path, bytes]) -> None:
    pyc, data = good
    for index in range(len(data)):
        for bit in range(8):
            damaged = bytearray(data)
            damaged[index] ^= 1 << bit
            pyc.write_bytes(damaged)
            assert P.read_pyc(str(pyc), str(module)) is None, (index, bit)
    pyc.write_bytes(data)
    assert P.read_pyc(str(pyc), str(module)) is not None


def test_damaged_body_with_a_matching_checksum(
    module: Path, good: tuple[Path, bytes]
) -> None:
    """Damage the checksum cannot see (rewritten to match) is still caught by the loader."""
    pyc, data = good
    head = data[:24]
    for cut in (1, 10, 50):
        body = data[P.HEADER_SIZE : -cut]
        pyc.write_bytes(head + P._checksum(head, body) + body)
        assert P.read_pyc(str(pyc), str(module)) is None


@pytest.mark.parametrize(
    "change",
    [
        lambda d: b"\x00\x00\r\n" + d[4:],  # wrong magic
        lambda d: importlib.util.MAGIC_NUMBER + d[4:],  # CPython's magic
        lambda d: d[:4] + struct.pack("<I", 2) + d[8:],  # check-source without hash
        lambda d: d[:4] + struct.pack("<I", 4) + d[8:],  # unknown flag bit
        lambda d: d[:12] + struct.pack("<I", 1) + d[16:],  # size mismatch
        lambda d: b"",
        lambda d: d + b"\x00",  # trailing byte
    ],
)
def test_bad_headers(module: Path, good: tuple[Path, bytes], change: object) -> None:
    pyc, data = good
    pyc.write_bytes(change(data))  # type: ignore[operator]
    assert P.read_pyc(str(pyc), str(module)) is None
    assert P.compile_file(str(module), policy=P.CachePolicy(user_cache=None))
    assert pyc.read_bytes() == data  # rewritten


def test_missing_and_odd_files(module: Path, tmp_path: Path) -> None:
    assert P.read_pyc(str(tmp_path / "none.pyc"), str(module)) is None
    assert P.read_pyc(str(tmp_path), str(module)) is None  # a folder
    assert P.read_pyc("bad\0path", str(module)) is None
    P.compile_file(str(module), policy=policy(tmp_path))
    assert P.read_pyc(str(pyc_of(module)), str(tmp_path / "gone.py")) is None


# --- writing ----------------------------------------------------------------------------------


def leftovers(folder: Path) -> list[str]:
    return [p.name for p in folder.rglob("*.tmp")]


def test_pycache_is_a_file(module: Path, tmp_path: Path) -> None:
    """A folder that cannot be made (even as root): the per-user tree, or from memory."""
    (module.parent / "__pycache__").write_bytes(b"not a folder")
    code = P.compile_file(str(module), policy=policy(tmp_path, user_cache=None))
    assert dumps(code) == compiled(name=str(module))
    code = P.compile_file(str(module), policy=policy(tmp_path))
    fallback = Path(P.user_cache_path(str(module), "", str(tmp_path / "user-cache")))
    assert fallback.exists()
    assert P.read_pyc(str(fallback), str(module)) is not None
    assert leftovers(tmp_path) == []


def test_pyc_path_is_a_folder(module: Path, tmp_path: Path) -> None:
    pyc_of(module).mkdir(parents=True)
    assert not P.write_pyc(str(pyc_of(module)), compile_source(SOURCE, "m"), SOURCE)
    assert leftovers(tmp_path) == []


def can_write_into(folder: Path) -> bool:
    try:
        (folder / "probe").write_bytes(b"")
    except OSError:
        return False
    (folder / "probe").unlink()
    return True


def test_read_only_folder(module: Path, tmp_path: Path) -> None:
    folder = module.parent
    folder.chmod(0o555)
    if can_write_into(folder):  # root (os.geteuid() == 0) with its usual capabilities
        folder.chmod(0o755)
        pytest.skip("this user may write into read-only folders")
    try:
        notes: list[str] = []
        pol = policy(tmp_path, note=notes.append)
        code = P.compile_file(str(module), policy=pol)
        assert os.listdir(folder) == ["mod.py"]  # nothing written beside the source
        fallback = P.user_cache_path(str(module), "", pol.user_cache or "")
        assert notes[-1] == f"# wrote {fallback!r}"
        again = P.compile_file(str(module), policy=pol)
        assert notes[-1] == f"# code object from {fallback!r}"
        assert dumps(code) == dumps(again)
        # no fallback: from memory, silently
        code = P.compile_file(str(module), policy=policy(tmp_path, user_cache=None))
        assert dumps(code) == dumps(again)
    finally:
        folder.chmod(0o755)


def test_dont_write_bytecode(module: Path, tmp_path: Path) -> None:
    pol = policy(tmp_path, write=False)
    P.compile_file(str(module), policy=pol)
    assert not pyc_of(module).exists() and not (tmp_path / "user-cache").exists()
    P.compile_file(str(module), policy=policy(tmp_path))
    assert P.compile_file(str(module), policy=pol) is not None  # still read


def test_prefix(module: Path, tmp_path: Path) -> None:
    prefix = str(tmp_path / "prefix")
    P.compile_file(str(module), policy=policy(tmp_path, prefix=prefix))
    assert not (module.parent / "__pycache__").exists()
    assert Path(P.cache_path(str(module), prefix=prefix)).exists()
    assert not (tmp_path / "user-cache").exists()


def test_policy_from_sys(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "dont_write_bytecode", True)
    monkeypatch.setattr(sys, "pycache_prefix", "/p")
    pol = P.CachePolicy.from_sys()
    assert (pol.write, pol.prefix, pol.user_cache) == (False, "/p", P.user_cache_dir())


# --- two processes at once -----------------------------------------------------------------


def hammer(args: tuple[str, str, int]) -> list[str]:
    """Write and read the same .pyc over and over; report every failed read."""
    module, user_cache, rounds = args
    pol = P.CachePolicy(user_cache=user_cache)
    source = Path(module).read_bytes()
    stat = os.stat(module)
    code = compile_source(source, module)
    pyc = P.cache_path(module)
    problems = []
    for i in range(rounds):
        P.write_pyc(pyc, code, source, source_stat=stat)
        if P.read_pyc(pyc, module) is None:
            problems.append(f"read {i} failed")
        if P.compile_file(module, policy=pol) is None:
            problems.append(f"compile {i} failed")
    return problems


def test_concurrent_writers_never_expose_a_partial_file(
    module: Path, tmp_path: Path
) -> None:
    # a bigger module, so a write takes long enough to overlap a read
    module.write_bytes(SOURCE * 200)
    old = time.time() - 100
    os.utime(module, (old, old))
    context = multiprocessing.get_context("spawn")
    with context.Pool(4) as pool:
        results = pool.map(hammer, [(str(module), str(tmp_path / "u"), 40)] * 4)
    assert results == [[]] * 4
    assert leftovers(tmp_path) == []
