"""The cache of compiled regular expressions (ouro/cache/regexes.py).

Unit tests drive a ``RegexCache`` over the host's own ``re._compiler`` (the same source Ouro
runs) and compare what it hands back with a fresh ``re.compile``: patterns compare equal only
when their flags, pattern and matcher code are equal.  End-to-end tests run Ouro twice on a
program whose module compiles patterns at import.
"""

from __future__ import annotations

import _sre
import os
import re
import re._compiler as host_compiler
import sys
import warnings
from collections.abc import Iterator
from pathlib import Path
from typing import ClassVar

import pytest

from ouro.cache import regexes
from tests.importer import helpers

PATTERNS: list[tuple[str | bytes, int]] = [
    ("", 0),
    (r"(?P<sign>[-+])?(?P<num>\d+)(?:\.(?P<frac>\d*))?", 0),
    (r"(?i)straße|ǅ", 0),
    (r"^\s*#.*?coding[:=]\s*([-\w.]+)", re.MULTILINE),
    ("\n  (?P<word> [a-z]+ )   # a word\n  \\s*\n", re.VERBOSE | re.IGNORECASE),
    (rb"[\x80-\xff]+(?P<tail>.)", 0),
    (rb"(?L)\w+", 0),
    (r"(a)(b)?\2?\1", re.ASCII),
    ("lone \udcff surrogate", 0),
    (r"x{2,5}?(?=y)(?<!z)(?>w+)(?:q)*+", re.DOTALL),
]


def fresh(pattern: str | bytes, flags: int) -> re.Pattern[str] | re.Pattern[bytes]:
    re.purge()
    return re.compile(pattern, flags)


@pytest.fixture(autouse=True)
def write_bytecode(monkeypatch: pytest.MonkeyPatch) -> None:
    """The cache writes only where bytecode may be written (our machines say not to)."""
    monkeypatch.setattr(sys, "dont_write_bytecode", False)


def must_not_parse(pattern: object, flags: object = 0) -> object:
    raise AssertionError(f"{pattern!r} was parsed, not read from the cache")


def make_cache(tmp_path: Path, importing: int = 1) -> regexes.RegexCache:
    path = str(tmp_path / "_compiler.ouro-312.regexes")
    return regexes.RegexCache(
        host_compiler, _sre, [path], "test-key", lambda: importing, warnings_issued
    )


class Warned:
    """The host's warnings caught in a test: what Ouro's warn() counts, for the host's re."""

    caught: ClassVar[list[warnings.WarningMessage]] = []


def warnings_issued() -> int:
    return len(Warned.caught)


@pytest.fixture(autouse=True)
def catch_warnings() -> Iterator[None]:
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        Warned.caught = caught
        yield


def record(cache: regexes.RegexCache, pattern: str | bytes, flags: int) -> object:
    """cache.compile as the wrapped re._compiler would run it: the recorder in place of
    ``_code`` while the original compile runs."""
    original = host_compiler._code
    host_compiler._code = cache.code  # type: ignore[assignment]
    try:
        return cache.compile(pattern, int(flags))  # re._compile passes a flag's value
    finally:
        host_compiler._code = original


@pytest.mark.parametrize("pattern, flags", PATTERNS)
def test_cached_pattern_is_the_same_pattern(
    tmp_path: Path, pattern: str | bytes, flags: int
) -> None:
    first = make_cache(tmp_path)
    made = record(first, pattern, flags)
    assert made == fresh(pattern, flags)
    assert len(first.new) == 1
    first.write()
    second = make_cache(tmp_path)
    second.original = must_not_parse
    again = second.compile(pattern, int(flags))  # from the file
    expected = fresh(pattern, flags)
    assert again == expected
    assert (again.flags, again.groups, again.groupindex) == (  # type: ignore[attr-defined]
        expected.flags,
        expected.groups,
        expected.groupindex,
    )
    assert second.new == {}


def test_flags_are_part_of_the_key(tmp_path: Path) -> None:
    cache = make_cache(tmp_path)
    record(cache, "abc", 0)
    record(cache, "abc", re.IGNORECASE)
    record(cache, b"abc", 0)
    cache.write()
    again = make_cache(tmp_path)
    again.original = must_not_parse
    assert again.compile("abc", int(re.IGNORECASE)) == fresh("abc", re.IGNORECASE)
    assert again.compile("abc", 0) == fresh("abc", 0)
    assert again.compile(b"abc", 0) == fresh(b"abc", 0)


@pytest.mark.parametrize("pattern", ["abc", b"abc"])
def test_debug_and_other_kinds_are_not_cached(tmp_path: Path, pattern: object) -> None:
    cache = make_cache(tmp_path)
    assert cache.key_of(pattern, re.DEBUG) is None  # it prints the parse
    assert cache.key_of(re.compile("abc"), 0) is None  # a compiled pattern
    assert cache.key_of(bytearray(b"abc"), 0) is None
    # re._compile passes a RegexFlag's int value; a flag object itself is parsed as is
    assert cache.key_of("abc", re.IGNORECASE) is None
    assert cache.key_of("abc", int(re.IGNORECASE)) is not None


@pytest.mark.parametrize("pattern", ["[[a]", "[a-c--b]", "[a&&b]", "[a~~b]", "[a||b]"])
def test_patterns_that_warn_are_not_kept(tmp_path: Path, pattern: str) -> None:
    """CPython warns at every run, so these are parsed every time."""
    cache = make_cache(tmp_path)
    made = record(cache, pattern, 0)
    assert [w.category for w in Warned.caught] == [FutureWarning]
    assert cache.new == {}
    assert made == fresh(pattern, 0)


def test_operators_outside_sets_are_kept(tmp_path: Path) -> None:
    cache = make_cache(tmp_path)
    assert record(cache, r"&&|\|\||--", 0) == fresh(r"&&|\|\||--", 0)
    assert Warned.caught == [] and len(cache.new) == 1


def test_only_patterns_compiled_during_an_import_are_kept(tmp_path: Path) -> None:
    cache = make_cache(tmp_path, importing=0)
    assert record(cache, "abc+", 0) == fresh("abc+", 0)
    assert cache.new == {}


def test_errors_are_not_kept(tmp_path: Path) -> None:
    cache = make_cache(tmp_path)
    with pytest.raises(re.error, match="missing \\)"):
        record(cache, "(ab", 0)
    assert cache.new == {}


def test_damaged_or_foreign_files_are_an_empty_cache(tmp_path: Path) -> None:
    cache = make_cache(tmp_path)
    record(cache, "a+b", 0)
    cache.write()
    path = Path(cache.paths[0])
    data = path.read_bytes()
    assert regexes.decode(data, "test-key")
    assert regexes.decode(data, "another key") == {}
    for cut in (0, 5, len(regexes.MAGIC_LINE), len(data) // 2, len(data) - 1):
        assert regexes.decode(data[:cut], "test-key") == {}
    for at in range(0, len(data), max(1, len(data) // 40)):
        flipped = bytearray(data)
        flipped[at] ^= 0x10
        assert regexes.decode(bytes(flipped), "test-key") == {}


def test_code_the_matcher_rejects_is_parsed_again(tmp_path: Path) -> None:
    """A sound file whose code _sre refuses (made by hand): the pattern is parsed."""
    entry = (32, [99999, 1, 2], 0, [])
    path = Path(tmp_path / "_compiler.ouro-312.regexes")
    path.write_bytes(regexes.encode({(False, "abc", 0): entry}, "test-key"))
    cache = make_cache(tmp_path)
    assert record(cache, "abc", 0) == fresh("abc", 0)


def test_install_wraps_the_module_and_keeps_its_names() -> None:
    module = type(sys)("re._compiler")
    module.__dict__.update(
        compile=host_compiler.compile,
        _code=host_compiler._code,
        SRE_FLAG_DEBUG=host_compiler.SRE_FLAG_DEBUG,
    )
    regexes.install(module, lambda: 0, warnings_issued)
    assert module.compile is not host_compiler.compile
    assert module.compile.__name__ == "compile"
    assert module.compile("x(y)", 0) == fresh("x(y)", 0)


# --- end to end ------------------------------------------------------------------------------

PROGRAM = {
    "patterns.py": """\
        import re
        WORD = re.compile(r"(?P<word>[a-z]+)\\s*(?P<n>\\d+)?", re.IGNORECASE)
        NESTED = re.compile("[[a]")
        """,
    "main.py": """\
        import patterns
        m = patterns.WORD.match("Hello 42")
        print(m.group("word"), m.group("n"), patterns.WORD.groupindex)
        print(patterns.NESTED.match("[").group())
        """,
}


def _regex_files(root: Path) -> list[Path]:
    return [
        Path(folder, name)
        for folder, _, names in os.walk(root)
        for name in names
        if name.endswith(regexes.SUFFIX)
    ]


def test_a_second_run_reads_the_patterns(tmp_path: Path) -> None:
    helpers.write_tree(tmp_path, PROGRAM)
    prefix = tmp_path / "cache"
    options = ("-X", "importer=ouro", "-X", f"pycache_prefix={prefix}")
    expected = helpers.run(tmp_path, ["main.py"], host=True)
    first = helpers.run(tmp_path, ["main.py"], options=options)
    (written,) = _regex_files(prefix)
    stored = regexes.decode(written.read_bytes(), _key_in(written))
    assert any("(?P<word>" in text for _, text, _ in stored)
    assert not any("[[" in text for _, text, _ in stored)  # it warns: never kept
    second = helpers.run(tmp_path, ["main.py"], options=options)
    for run in (first, second):
        assert (run.stdout, run.stderr, run.returncode) == (
            expected.stdout,
            expected.stderr,
            expected.returncode,
        )


def test_no_file_under_dont_write_bytecode(tmp_path: Path) -> None:
    cache = make_cache(tmp_path)
    record(cache, "a+", 0)
    sys.dont_write_bytecode = True  # the fixture puts it back
    cache.write()
    assert _regex_files(tmp_path) == []
    helpers.write_tree(tmp_path, PROGRAM)
    prefix = tmp_path / "cache"
    options = ("-X", "importer=ouro", "-X", f"pycache_prefix={prefix}")
    run = helpers.run(tmp_path, ["main.py"], options=options, write_bytecode=False)
    assert run.returncode == 0, run.stderr
    assert _regex_files(tmp_path) == []


def _key_in(path: Path) -> str:
    import json

    body = path.read_bytes().partition(b"\n")[2]
    key: str = json.loads(body)["key"]
    return key
