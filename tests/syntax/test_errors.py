"""Ouro's parser raises CPython 3.12's SyntaxError, to the position, for every bad snippet.

Takes the cases in ``error_cases.py`` and what CPython recorded for them in ``error_expected.json`` (written by
``tools/regen_syntax_errors.py``, never by hand); for each case calls ``ouro.syntax.parse(source, "<snippet>",
mode)`` (SyntaxWarnings ignored, or errors for the ``warnerror-`` cases) and compares the exception's class name, ``msg``, ``filename``, ``lineno``, ``offset``, ``end_lineno``,
``end_offset`` and ``text`` with the record. Ids listed in ``error_xfail.txt`` (``id  # reason``, one a line) are
strict xfails: once such a case passes, the line must go.

``ouro.syntax`` is imported inside the test, so collection works while the parser is being written.
"""

from __future__ import annotations

import importlib.util
import json
import warnings
from pathlib import Path
from types import ModuleType

import pytest

HERE = Path(__file__).resolve().parent
FILENAME = "<snippet>"
FIELDS = (
    "type",
    "msg",
    "filename",
    "lineno",
    "offset",
    "end_lineno",
    "end_offset",
    "text",
)


def load_module(path: Path) -> ModuleType:
    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def load_xfails(path: Path) -> dict[str, str]:
    """Map case id -> reason from lines of the form ``case-id  # reason``."""
    xfails = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        case_id, _, reason = line.partition("#")
        if case_id.strip():
            xfails[case_id.strip()] = reason.strip() or "listed in error_xfail.txt"
    return xfails


CASES = [
    (case[0], case[1], case[2] if len(case) > 2 else "exec")
    for case in load_module(HERE / "error_cases.py").CASES
]
RECORD = json.loads((HERE / "error_expected.json").read_text(encoding="utf-8"))
XFAILS = load_xfails(HERE / "error_xfail.txt")


def as_param(case_id: str, source: str | bytes, mode: str) -> object:
    marks = []
    if case_id in XFAILS:
        marks.append(pytest.mark.xfail(reason=XFAILS[case_id], strict=True))
    return pytest.param(case_id, source, mode, id=case_id, marks=marks)


def warning_action(case_id: str) -> str:
    """SyntaxWarnings are errors for the ``warnerror`` cases, ignored for the others (as when recorded)."""
    return "error" if case_id.startswith("warnerror-") else "ignore"


def describe(exc: BaseException) -> dict[str, object]:
    got: dict[str, object] = {"type": type(exc).__name__}
    if isinstance(exc, SyntaxError):
        got.update((field, getattr(exc, field)) for field in FIELDS[1:])
    else:
        got["msg"] = str(exc)
    return got


@pytest.mark.parametrize(
    ("case_id", "source", "mode"), [as_param(*case) for case in CASES]
)
def test_error_matches_cpython(case_id: str, source: str | bytes, mode: str) -> None:
    from ouro.syntax import parse

    expected = {field: RECORD["cases"][case_id][field] for field in FIELDS}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter(warning_action(case_id), SyntaxWarning)
            parse(source, FILENAME, mode)
    except Exception as exc:  # noqa: BLE001 - any outcome but CPython's is the failure reported below
        got = describe(exc)
    else:
        pytest.fail(
            f"{case_id}: parse accepted {source!r} (mode {mode!r}); CPython 3.12 raises {expected}"
        )
    differing = [field for field in FIELDS if got.get(field) != expected[field]]
    lines = [
        f"  {field}: expected {expected[field]!r}, got {got.get(field)!r}"
        for field in differing
    ]
    assert not differing, f"{case_id}: {source!r} (mode {mode!r})\n" + "\n".join(lines)


def test_case_list_matches_record() -> None:
    """Every case has a record made from the same source and mode; rerun the regen script when this fails."""
    recorded = RECORD["cases"]
    assert RECORD["_generated_by"].startswith("tools/regen_syntax_errors.py")
    assert [case_id for case_id, _, _ in CASES] == list(
        dict.fromkeys(c for c, _, _ in CASES)
    ), "duplicate ids"
    assert sorted(case_id for case_id, _, _ in CASES) == sorted(recorded)
    stale = [
        case_id
        for case_id, source, mode in CASES
        if (recorded[case_id]["source"], recorded[case_id]["mode"])
        != (repr(source), mode)
    ]
    assert not stale, f"edited since the last regen: {stale}"


def test_xfail_ids_exist() -> None:
    deep_ids = set(RECORD["deep"])
    unknown = sorted(set(XFAILS) - set(RECORD["cases"]) - deep_ids)
    assert not unknown, f"error_xfail.txt names unknown case ids: {unknown}"
