"""Record CPython 3.12's outcome for each bad program in tests/compiler/symtable_error_cases.py.

Writes tests/compiler/symtable_errors.json: for each case id, the ``stage`` that rejects the
program (``symtable`` when the host ``symtable`` module raises, ``compiler`` when only
``compile`` does, ``ok`` when neither) and the SyntaxError's message and location fields.
Run it with a 3.12 interpreter from the repository root:

    PYENV_VERSION=3.12.1 python3.12 tools/regen_symtable_errors.py
"""

from __future__ import annotations

import importlib.util
import json
import symtable
import sys
import warnings
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
CASES_FILE = ROOT / "tests" / "compiler" / "symtable_error_cases.py"
OUTPUT = ROOT / "tests" / "compiler" / "symtable_errors.json"
FILENAME = "<snippet>"


def load_cases() -> list[tuple[str, str]]:
    spec = importlib.util.spec_from_file_location("symtable_error_cases", CASES_FILE)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    cases: list[tuple[str, str]] = module.CASES
    return cases


def describe(exc: SyntaxError) -> dict[str, object]:
    return {
        "msg": exc.msg,
        "filename": exc.filename,
        "lineno": exc.lineno,
        "offset": exc.offset,
        "end_lineno": exc.end_lineno,
        "end_offset": exc.end_offset,
        "text": exc.text,
    }


def outcome(source: str) -> dict[str, object]:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        try:
            symtable.symtable(source, FILENAME, "exec")
        except SyntaxError as exc:
            return {"stage": "symtable", **describe(exc)}
        try:
            compile(source, FILENAME, "exec")
        except SyntaxError as exc:
            return {"stage": "compiler", **describe(exc)}
    return {"stage": "ok"}


def main() -> None:
    if sys.version_info[:2] != (3, 12):
        sys.exit("run this with CPython 3.12, the reference")
    cases = load_cases()
    ids = [case_id for case_id, _ in cases]
    duplicates = {case_id for case_id in ids if ids.count(case_id) > 1}
    if duplicates:
        sys.exit(f"duplicate case ids: {sorted(duplicates)}")
    record = {
        "_generated_by": "tools/regen_symtable_errors.py with CPython "
        + sys.version.split()[0],
        "cases": {case_id: outcome(source) for case_id, source in cases},
    }
    OUTPUT.write_text(
        json.dumps(record, indent=1, ensure_ascii=False) + "\n", encoding="utf-8"
    )
    print(f"wrote {len(cases)} cases to {OUTPUT.relative_to(ROOT)}")


if __name__ == "__main__":
    main()
