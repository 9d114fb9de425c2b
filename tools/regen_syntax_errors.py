"""Record what CPython 3.12 raises for the bad snippets in tests/syntax/error_cases.py.

Takes the case lists (``CASES`` and ``DEEP_CASES``), runs ``ast.parse(source, "<snippet>", mode)`` on the host
CPython 3.12 for each, and writes ``tests/syntax/error_expected.json``, which ``tests/syntax/test_errors.py`` and
``tests/syntax/test_deep.py`` compare Ouro's parser against. Run it after editing the case list::

    PYENV_VERSION=3.12.1 python3.12 tools/regen_syntax_errors.py

Invariants: the output is a pure function of the case list and the CPython version (keys sorted, no timestamps),
so rerunning it leaves the file unchanged; a case that ``ast.parse`` accepts, or that raises anything but
``SyntaxError`` (or a subclass), is an error in the case list and stops the run without writing.
"""

from __future__ import annotations

import ast
import importlib.util
import json
import sys
import warnings
from pathlib import Path
from types import ModuleType

ROOT = Path(__file__).resolve().parent.parent
CASES_PATH = ROOT / "tests" / "syntax" / "error_cases.py"
OUTPUT_PATH = ROOT / "tests" / "syntax" / "error_expected.json"
SCRIPT_NAME = "tools/regen_syntax_errors.py"
FILENAME = "<snippet>"
ERROR_FIELDS = (
    "msg",
    "filename",
    "lineno",
    "offset",
    "end_lineno",
    "end_offset",
    "text",
)


def load_cases() -> ModuleType:
    spec = importlib.util.spec_from_file_location("error_cases", CASES_PATH)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def record_case(case_id: str, source: str | bytes, mode: str) -> dict[str, object]:
    """Parse one bad snippet; return its source, mode and the full SyntaxError record.

    SyntaxWarnings (invalid escapes, "1if") stay warnings and are ignored, or they would be recorded as
    errors -- except in the ``warnerror`` cases, which record the SyntaxError a warnings filter of "error"
    turns them into.
    """
    action = "error" if case_id.startswith("warnerror-") else "ignore"
    try:
        with warnings.catch_warnings():
            warnings.simplefilter(action, SyntaxWarning)
            ast.parse(source, FILENAME, mode)
    except SyntaxError as exc:
        entry: dict[str, object] = {
            "source": repr(source),
            "mode": mode,
            "type": type(exc).__name__,
        }
        entry.update((field, getattr(exc, field)) for field in ERROR_FIELDS)
        return entry
    except Exception as exc:  # reported, then the run stops
        raise SystemExit(
            f"{case_id}: ast.parse raised {type(exc).__name__}, not SyntaxError: {exc}"
        ) from exc
    raise SystemExit(
        f"{case_id}: ast.parse accepted it; only parser errors belong in the case list"
    )


def record_deep(case_id: str, source: str) -> dict[str, object]:
    """Parse one huge input; return the exception type and message, or nulls where CPython parses it."""
    entry: dict[str, object] = {"source_length": len(source), "type": None, "msg": None}
    try:
        ast.parse(source, FILENAME, "exec")
    except SyntaxError as exc:
        entry.update(type=type(exc).__name__, msg=exc.msg)
    except (RecursionError, MemoryError) as exc:
        entry.update(type=type(exc).__name__, msg=str(exc))
    return entry


def build_record(module: ModuleType) -> dict[str, object]:
    cases: dict[str, object] = {}
    for case in module.CASES:
        case_id, source, mode = case[0], case[1], case[2] if len(case) > 2 else "exec"
        if case_id in cases:
            raise SystemExit(f"duplicate case id {case_id!r}")
        cases[case_id] = record_case(case_id, source, mode)
    deep: dict[str, object] = {}
    for case_id, build in module.DEEP_CASES:
        if case_id in deep or case_id in cases:
            raise SystemExit(f"duplicate case id {case_id!r}")
        deep[case_id] = record_deep(case_id, build())
    return {
        "_generated_by": f"{SCRIPT_NAME} (do not edit by hand; edit tests/syntax/error_cases.py and rerun)",
        "_python": sys.version.split()[0],
        "cases": cases,
        "deep": deep,
    }


def main() -> int:
    if sys.version_info[:2] != (3, 12):
        found = sys.version.split()[0]
        print(
            f"{SCRIPT_NAME}: needs CPython 3.12 (found {found}); try: PYENV_VERSION=3.12.1 python3.12 {SCRIPT_NAME}"
        )
        return 2
    # SyntaxWarnings (invalid escapes, "1if") must stay warnings, or they would be recorded as errors.
    warnings.simplefilter("ignore")
    record = build_record(load_cases())
    text = json.dumps(record, indent=1, sort_keys=True, ensure_ascii=False) + "\n"
    OUTPUT_PATH.write_text(text, encoding="utf-8")
    print(
        f"{len(record['cases'])} cases recorded, {len(record['deep'])} deep cases recorded -> {OUTPUT_PATH.relative_to(ROOT)}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
