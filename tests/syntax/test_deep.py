"""Huge and deeply nested inputs: Ouro's parser parses them or fails exactly as CPython 3.12 does.

Takes ``DEEP_CASES`` from ``error_cases.py`` and the outcomes ``tools/regen_syntax_errors.py`` recorded under
``"deep"`` in ``error_expected.json``: where CPython parses the input, Ouro must parse it; where CPython raises
(``RecursionError`` "maximum recursion depth exceeded during ast construction", ``MemoryError`` "Parser stack
overflowed - Python source too complex to parse", or a ``SyntaxError`` such as "too many nested parentheses"), Ouro
must raise the same class with the same message. Positions are not compared here.

Each case runs in a fresh interpreter (so the default ``sys.getrecursionlimit()``, never raised) with a time limit;
a host ``RecursionError`` escaping the parser is always a failure, as is a crash or a timeout. Ids listed in
``error_xfail.txt`` are strict xfails, as in ``test_errors.py``.
"""

from __future__ import annotations

import importlib.util
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent.parent
TIME_LIMIT = 60.0  # seconds per case: generous, a hang guard rather than a speed test

# Runs in the child: builds the source there (no megabytes through a pipe), parses, prints one JSON line.
RUNNER = """
import importlib.util, json, sys, traceback
spec = importlib.util.spec_from_file_location("error_cases", sys.argv[1])
cases = importlib.util.module_from_spec(spec)
spec.loader.exec_module(cases)
source = dict(cases.DEEP_CASES)[sys.argv[2]]()
from ouro.syntax import parse
try:
    parse(source, "<snippet>", "exec")
except BaseException as exc:
    msg = exc.msg if isinstance(exc, SyntaxError) else str(exc)
    frames = traceback.extract_tb(exc.__traceback__)
    where = f"{frames[-1].filename}:{frames[-1].lineno}" if frames else "?"
    outcome = {"type": type(exc).__name__, "msg": msg, "where": where, "depth": len(frames)}
else:
    outcome = {"type": None, "msg": None}
print(json.dumps(outcome))
"""


def load_xfails(path: Path) -> dict[str, str]:
    """Map case id -> reason from lines of the form ``case-id  # reason``."""
    xfails = {}
    for line in path.read_text(encoding="utf-8").splitlines():
        case_id, _, reason = line.partition("#")
        if case_id.strip():
            xfails[case_id.strip()] = reason.strip() or "listed in error_xfail.txt"
    return xfails


RECORD = json.loads((HERE / "error_expected.json").read_text(encoding="utf-8"))["deep"]
XFAILS = load_xfails(HERE / "error_xfail.txt")


# CPython's own depth limits ("during ast construction", "Parser stack overflowed"): where
# CPython stops there, parsing the input is an accepted outcome too.
CPYTHON_LIMITS = ("RecursionError", "MemoryError")


def as_param(case_id: str) -> object:
    marks = []
    if case_id in XFAILS:
        marks.append(pytest.mark.xfail(reason=XFAILS[case_id], strict=True))
    return pytest.param(case_id, id=case_id, marks=marks)


def run_case(case_id: str) -> dict[str, object]:
    env = dict(os.environ)
    env["PYTHONPATH"] = os.pathsep.join(
        filter(None, [str(ROOT), env.get("PYTHONPATH")])
    )
    command = [sys.executable, "-c", RUNNER, str(HERE / "error_cases.py"), case_id]
    try:
        done = subprocess.run(
            command,
            check=False,
            capture_output=True,
            text=True,
            env=env,
            cwd=ROOT,
            timeout=TIME_LIMIT,
        )
    except subprocess.TimeoutExpired:
        pytest.fail(f"{case_id}: no outcome within {TIME_LIMIT:.0f} s")
    lines = done.stdout.strip().splitlines()
    if done.returncode != 0 or not lines:
        pytest.fail(
            f"{case_id}: child exited with {done.returncode}\n{done.stderr[-2000:]}"
        )
    return json.loads(lines[-1])


@pytest.mark.parametrize("case_id", [as_param(case_id) for case_id in sorted(RECORD)])
def test_deep_input_matches_cpython(case_id: str) -> None:
    expected = {"type": RECORD[case_id]["type"], "msg": RECORD[case_id]["msg"]}
    got = run_case(case_id)
    if got["type"] == "RecursionError" and got["msg"] != expected["msg"]:
        pytest.fail(
            f"{case_id}: a host RecursionError escaped ({got['msg']!r} at {got['where']}); want {expected}"
        )
    shown = (
        "parses"
        if expected["type"] is None
        else f"raises {expected['type']}: {expected['msg']}"
    )
    if expected["type"] in CPYTHON_LIMITS and got["type"] is None:
        # CPython gives up at its own fixed stack size; the issue allows Ouro to parse instead.
        return
    assert {"type": got["type"], "msg": got["msg"]} == expected, (
        f"{case_id}: CPython {shown}; Ouro gave {got}"
    )


def test_deep_cases_match_record() -> None:
    """Every deep case is recorded, from a source of the same length; rerun the regen script when this fails."""
    spec = importlib.util.spec_from_file_location(
        "error_cases", HERE / "error_cases.py"
    )
    assert spec is not None and spec.loader is not None
    cases = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(cases)
    deep_cases = cases.DEEP_CASES
    assert sorted(case_id for case_id, _ in deep_cases) == sorted(RECORD)
    stale = [
        case_id
        for case_id, build in deep_cases
        if len(build()) != RECORD[case_id]["source_length"]
    ]
    assert not stale, f"edited since the last regen: {stale}"
