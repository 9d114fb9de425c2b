"""Ouro's parser against the host's `ast` on a fixed sample of the stdlib, one test per file.

The comparison is ouro.tools.parsecheck's (dumps with positions must be equal), defined on a
CPython 3.12 host, so these tests skip elsewhere. The sample is a stable function of the
host's stdlib listing: every k-th file of the sorted list of files up to 40 kB (spread across
Lib/ and Lib/test/), plus named files that exercise the hard corners of the grammar.
The whole stdlib is checked by the `slow` test (`python3 -m pytest -m slow`) or by
`python3 -m ouro.tools.parsecheck -j 2`.
"""

from __future__ import annotations

import os
import sys

import pytest

from ouro.tools.parsecheck import (
    DIFFER,
    SKIPPED,
    check_file,
    check_files,
    find_files,
    report_text,
    stdlib_root,
)

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != (3, 12),
    reason="the comparison with ast is defined on a 3.12 host",
)

SPREAD = 54  # about this many files taken every k-th
MAX_BYTES = 40_000  # keeps the sample's run time small
HARD_FILES = [
    "test/test_fstring.py",  # PEP 701 f-strings: nesting, quotes, format specs
    "test/test_grammar.py",  # every statement and expression form
    "test/test_patma.py",  # match statements
    "test/test_type_params.py",  # PEP 695 type parameters and `type`
    "test/test_string_literals.py",  # escapes, prefixes, bytes
    "test/test_unicode_identifiers.py",  # non-ASCII names: byte-based col_offset
    "test/encoded_modules/module_koi8_r.py",  # a coding cookie other than UTF-8
    "typing.py",
    "dataclasses.py",
]


def stdlib_sample() -> list[str]:
    """Paths relative to the stdlib root, in a stable order."""
    root = stdlib_root()
    relative = [os.path.relpath(p, root) for p in find_files([root])]
    small = [p for p in relative if os.path.getsize(os.path.join(root, p)) <= MAX_BYTES]
    step = max(1, len(small) // SPREAD)
    spread = small[step // 2 :: step]
    hard = [p for p in HARD_FILES if os.path.isfile(os.path.join(root, p))]
    return sorted(set(spread) | set(hard))


@pytest.mark.parametrize("relpath", stdlib_sample())
def test_stdlib_file_parses_like_cpython(relpath: str) -> None:
    result = check_file(os.path.join(stdlib_root(), relpath))
    if result.status == SKIPPED:
        pytest.skip(f"the host rejects this file ({result.detail})")
    assert result.status != DIFFER, f"{relpath}:\n{result.detail}"


@pytest.mark.slow
@pytest.mark.timeout(3600)
def test_whole_stdlib_parses_like_cpython() -> None:
    results = check_files(find_files([stdlib_root()]), jobs=min(2, os.cpu_count() or 1))
    assert all(r.status != DIFFER for r in results), report_text(results, show=10)
