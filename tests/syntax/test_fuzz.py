"""Fuzz the front end with mutated programs: bad input may only raise SyntaxError, never hang.

Seeds are the snippets in tests/fuzz/seeds/ and a few stdlib modules cut into chunks; each
example applies one to four mutations from tests/fuzz/mutators.py (token deletions, insertions,
swaps, a duplicated line, byte insertions and replacements, truncation). The runs are
deterministic (derandomize): the same examples on every run of the same host. Run many more
examples with `python3 -m pytest -m slow tests/syntax/test_fuzz.py`.

On a 3.12 host the seeds and the mutants that are valid UTF-8 are also compared with the host's
parser: CPython accepts a mutant iff Ouro does (with equal dumps), and where CPython raises,
Ouro raises the same class (SyntaxError, IndentationError or TabError).
"""

from __future__ import annotations

import os
import sys
import sysconfig
import time
import warnings

import pytest
from hypothesis import HealthCheck, assume, given, note, settings
from hypothesis import strategies as st

from ouro.tools.parsecheck import DIFFER, IDENTICAL, compare_source
from tests.fuzz import mutators

TIME_BOUND = 5.0  # seconds for one parse: a hang detector, not a speed test
STDLIB_MODULES = ["textwrap.py", "contextlib.py", "fractions.py"]


def stdlib_chunks() -> list[bytes]:
    root = sysconfig.get_paths()["stdlib"]
    chunks: list[bytes] = []
    for name in STDLIB_MODULES:
        path = os.path.join(root, name)
        if os.path.isfile(path):
            with open(path, "rb") as f:
                chunks.extend(mutators.cut_into_chunks(f.read()))
    return chunks


SNIPPETS = mutators.snippet_seeds()
SEEDS = list(SNIPPETS.values()) + stdlib_chunks()

mutation = st.tuples(
    st.sampled_from(mutators.KINDS), st.integers(0, 1 << 20), st.integers(0, 1 << 20)
)
mutants = st.builds(
    mutators.mutate, st.sampled_from(SEEDS), st.lists(mutation, min_size=1, max_size=4)
)

FAST = settings(
    max_examples=300,
    derandomize=True,
    database=None,
    deadline=None,
    print_blob=False,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
SLOW = settings(FAST, max_examples=5000)


def parse_or_syntax_error(source: str | bytes) -> None:
    """Parse (and dump) `source`; only SyntaxError may escape, and only within TIME_BOUND."""
    from ouro import syntax

    start = time.perf_counter()
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            syntax.dump(syntax.parse(source, "<fuzz>"), include_attributes=True)
    except SyntaxError:
        pass
    elapsed = time.perf_counter() - start
    assert elapsed < TIME_BOUND, f"parsing took {elapsed:.1f} s"


def is_utf8(source: bytes) -> bool:
    try:
        source.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


def check_mutant(source: bytes) -> None:
    note(f"source = {source!r}")
    if is_utf8(source):
        parse_or_syntax_error(source.decode("utf-8"))
    parse_or_syntax_error(source)


@pytest.mark.timeout(300)
@FAST
@given(mutants)
def test_mutants_parse_or_raise_syntax_error(source: bytes) -> None:
    check_mutant(source)


@pytest.mark.slow
@pytest.mark.timeout(3600)
@SLOW
@given(mutants)
def test_many_mutants_parse_or_raise_syntax_error(source: bytes) -> None:
    check_mutant(source)


# --- against the host parser (3.12 hosts only) ---

on_312 = pytest.mark.skipif(
    sys.version_info[:2] != (3, 12),
    reason="Ouro parses 3.12: compare with a 3.12 host only",
)


def host_error(source: bytes) -> tuple[type[Exception], bool] | None:
    """What CPython raises for `source` and whether Ouro must raise that very class.

    None if CPython parses it. CPython 3.12 sometimes lets a UnicodeDecodeError escape for
    undecodable bytes; Ouro raises a SyntaxError there (DESIGN.md: bad input only ever raises
    SyntaxError), so only the base class is required.
    """
    import ast  # host-ok: reference for comparison

    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            ast.parse(source, "<fuzz>")
    except SyntaxError as e:
        return type(e), True
    except ValueError:  # UnicodeDecodeError
        return SyntaxError, False
    return None


def check_agrees_with_host(source: bytes) -> None:
    from ouro import syntax

    note(f"source = {source!r}")
    # Undecodable bytes are where CPython is erratic (it accepts them in comments, lets a
    # UnicodeDecodeError escape, reports another error first): only the crash test covers them.
    assume(is_utf8(source))
    expected = host_error(source)
    if expected is None:
        result = compare_source(source, "<fuzz>")
        assert result.status != DIFFER, result.detail
        return
    error_class, exact = expected
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            syntax.parse(source, "<fuzz>")
    except SyntaxError as e:
        if exact:
            assert type(e) is error_class, (
                f"CPython raises {error_class.__name__}, Ouro {e!r}"
            )
    else:
        pytest.fail(f"CPython raises {error_class.__name__}; Ouro accepts the source")


@on_312
@pytest.mark.parametrize("name", sorted(SNIPPETS))
def test_seed_parses_like_cpython(name: str) -> None:
    result = compare_source(SNIPPETS[name], name)
    assert result.status == IDENTICAL, result.detail


@on_312
@pytest.mark.timeout(300)
@FAST
@given(mutants)
def test_mutants_agree_with_cpython(source: bytes) -> None:
    check_agrees_with_host(source)


@on_312
@pytest.mark.slow
@pytest.mark.timeout(3600)
@SLOW
@given(mutants)
def test_many_mutants_agree_with_cpython(source: bytes) -> None:
    check_agrees_with_host(source)


# --- the mutators themselves (no parser needed) ---


@pytest.mark.parametrize("seed", SEEDS[:20])
def test_pieces_join_back_to_the_source(seed: bytes) -> None:
    text = seed.decode("utf-8", "surrogateescape")
    assert "".join(mutators.split_pieces(text)) == text


@pytest.mark.parametrize("kind", mutators.KINDS)
def test_every_mutation_applies_to_any_input(kind: str) -> None:
    for source in (b"", b"x", b"\xff\xfe", SEEDS[0]):
        for position, choice in ((0, 0), (7, 300), (10**6, 10**6)):
            assert isinstance(mutators.apply(source, (kind, position, choice)), bytes)


def test_mutations_change_the_source() -> None:
    seed = SNIPPETS["expressions.py"]
    assert mutators.apply(seed, ("delete_token", 0, 0)) == seed[1:]
    assert mutators.apply(seed, ("truncate", 10, 0)) == seed[:10]
    assert mutators.apply(seed, ("swap_tokens", 0, 0)).startswith(b"= x ")
