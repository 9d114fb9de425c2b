"""The regrtest runner's own logic (ouro/tools/regrtest.py): reading the driver's JSON lines,
the comparison with CPython, failure groups, the only-grow rule of the passing list, the
markdown; and the driver itself on a small generated test module under the host. Fast: no
module runs under Ouro here (tests/regrtest/test_passing.py does that)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from ouro.tools import regrtest
from ouro.tools.regrtest import (
    CRASHED,
    FAILURES,
    IMPORT_ERROR,
    OK,
    TIMEOUT,
    compare,
    failure_key,
    group_failures,
    merge_passing,
    parse_events,
    read_passing,
    render_markdown,
    write_passing,
)


def events(*items: dict[str, object], end: bool = True) -> list[str]:
    lines = [json.dumps({"event": "begin", "module": "test.test_x"})]
    lines += [json.dumps(item) for item in items]
    if end:
        lines.append(json.dumps({"event": "end", "tests": len(items), "time": 0.1}))
    return [line + "\n" for line in lines]


def result(test_id: str, outcome: str = "pass", **fields: object) -> dict[str, object]:
    return {"event": "test", "id": test_id, "outcome": outcome, **fields}


def test_parse_events_complete_run() -> None:
    run = parse_events(
        "test.test_x",
        "ouro",
        events(
            {"event": "start", "id": "a"},
            result("a"),
            result(
                "b", "fail", type="AssertionError", message="1 != 2", where="t.py:3"
            ),
        ),
    )
    assert run.module == "test_x" and run.status == OK and run.last_started == ""
    assert run.tests["a"].outcome == "pass"
    assert run.tests["b"].type == "AssertionError" and run.tests["b"].where == "t.py:3"


def test_parse_events_crash_keeps_results_and_ignores_torn_line() -> None:
    lines = events(result("a"), {"event": "start", "id": "b"}, end=False)
    lines.append('{"event": "test", "id": "b", "outc')  # killed mid-write
    run = parse_events("test_x", "ouro", lines)
    assert (
        run.status == CRASHED and list(run.tests) == ["a"] and run.last_started == "b"
    )


def test_parse_events_import_error() -> None:
    lines = events(
        {"event": "import_error", "type": "ImportError", "message": "no"}, end=False
    )
    run = parse_events("test_x", "ouro", lines)
    assert run.status == IMPORT_ERROR and run.import_error is not None
    key = failure_key("test.test_x.T.test_a", run)
    assert key == ("not run", "import error: ImportError: no")


def test_tidy_blanks_addresses_and_this_checkout() -> None:
    text = f"<frame at 0x7f00deadbeef, file '{regrtest.REPO}/ouro/vm/loop.py'>"
    assert regrtest.tidy(text) == "<frame at 0x..., file 'ouro/vm/loop.py'>"


def test_printed_stack() -> None:
    lines = [
        "Traceback (most recent call last):",
        f'  File "{regrtest.REPO}/ouro/tools/regrtest_driver.py", line 9, in main',
        '  File "/lib/test/test_int.py", line 5, in <module>',
        "    from unittest import mock",
        '  File "/lib/unittest/mock.py", line 2203, in <module>',
        "ValueError: no",
    ]
    assert regrtest.printed_stack(lines) == "mock.py:2203 < test_int.py:5"


def make_runs() -> tuple[regrtest.ModuleRun, regrtest.ModuleRun]:
    cpython = parse_events(
        "test_x",
        "cpython",
        events(
            result("a"),
            result("b"),
            result("c"),
            result("d"),
            result("e"),
            result("f", "skip"),
        ),
    )
    ouro = parse_events(
        "test_x",
        "ouro",
        events(
            result("a"),
            result("b", "error", type="TypeError", message="bad at 0xdeadbeef"),
            result("c", "skip", reason="specific to cpython", impl_detail=True),
            result("d", "skip", reason="needs sys.getrefcount"),
            result("f", "pass"),
        ),
    )
    return cpython, ouro


def test_compare_baseline_excludes_implementation_details() -> None:
    comparison = compare(*make_runs())
    assert comparison.impl_detail == {"c"}
    assert comparison.baseline == {"a", "b", "d", "e"}  # f: CPython skipped it
    assert comparison.passing == {"a"}
    assert comparison.status == FAILURES
    assert comparison.failures == {
        "b": ("TypeError", "bad at 0x..."),
        "d": ("skipped", "needs sys.getrefcount"),
        "e": ("not run", "not collected"),
    }
    assert comparison.percent == 25.0


def test_tests_not_run_are_explained_by_fixture_errors() -> None:
    cpython = parse_events(
        "test_x", "cpython", events(result("t.C.a"), result("t.D.b"), result("t.E.c"))
    )
    error = {"type": "ValueError", "message": "no"}
    ouro = parse_events(
        "test_x",
        "ouro",
        events(
            result("setUpClass (t.C)", "error", **error),
            result("setUpClass (t.D)", "error", type="TypeError", message="bad"),
        ),
    )
    failures = compare(cpython, ouro).failures
    assert failures["t.C.a"] == ("not run", "ValueError: no (in setUpClass (t.C))")
    assert failures["t.D.b"] == ("not run", "TypeError: bad (in setUpClass (t.D))")
    assert failures["t.E.c"] == ("not run", "ValueError: no (in setUpClass (t.C))")


def test_compare_all_passing_is_ok_and_timeout_wins() -> None:
    cpython = parse_events("test_x", "cpython", events(result("a")))
    assert (
        compare(cpython, parse_events("test_x", "ouro", events(result("a")))).status
        == OK
    )
    killed = parse_events("test_x", "ouro", events(result("a"), end=False))
    killed.status = TIMEOUT
    assert compare(cpython, killed).status == TIMEOUT


def test_group_failures_counts_most_common_first() -> None:
    comparison = compare(*make_runs())
    other = compare(*make_runs())
    other.module = "test_y"
    groups = group_failures([comparison, other])
    assert [g.count for g in groups] == [2, 2, 2]
    first = groups[0]
    assert (first.type, first.message) == ("TypeError", "bad at 0x...")
    assert first.modules == {"test_x": 1, "test_y": 1} and first.example == "b"


def test_passing_list_only_grows(tmp_path: Path) -> None:
    listed = {"test_x": {"a", "b"}, "test_y": {"c"}}
    merged, dropped = merge_passing(listed, {"test_x": {"a", "z"}})
    assert dropped == {"test_x": {"b"}}
    assert merged == {"test_x": {"a", "b", "z"}, "test_y": {"c"}}  # nothing lost
    merged, dropped = merge_passing(listed, {"test_x": {"a"}}, allow_drop=True)
    assert merged == {"test_x": {"a"}, "test_y": {"c"}} and dropped == {"test_x": {"b"}}
    path = tmp_path / "passing.txt"
    write_passing(str(path), merged)
    text = path.read_text()
    assert text.startswith("#") and text.splitlines()[-2:] == ["test_x a", "test_y c"]
    assert read_passing(str(path)) == merged
    assert read_passing(str(tmp_path / "missing.txt")) == {}


def test_main_refuses_to_drop(tmp_path: Path, monkeypatch) -> None:  # type: ignore[no-untyped-def]
    path = tmp_path / "passing.txt"
    write_passing(str(path), {"test_x": {"a", "gone"}})
    monkeypatch.setattr(
        regrtest, "run_all", lambda *args, **kw: [compare(*make_runs())]
    )
    assert regrtest.main(["test_x", "--passing", str(path)]) == 1
    assert read_passing(str(path)) == {"test_x": {"a", "gone"}}
    assert regrtest.main(["test_x", "--passing", str(path), "--allow-drop"]) == 0
    assert read_passing(str(path)) == {"test_x": {"a"}}


def test_render_markdown() -> None:
    text = render_markdown([compare(*make_runs())], ["test_x"])
    assert "| test_x | 4 | 1 | 1 | 25.0% | failures |" in text
    assert "| **total** | 4 | 1 | 1 | 25.0% |" in text
    assert "| 1 | TypeError | bad at 0x... | test_x (1) | b |" in text


SAMPLE = '''
import unittest
from test import support

class T(unittest.TestCase):
    def test_pass(self):
        pass
    def test_fail(self):
        self.assertEqual(1, 2)
    def test_error(self):
        {}["k"]
    @unittest.skip("why")
    def test_skip(self):
        pass
    @unittest.expectedFailure
    def test_xfail(self):
        self.fail()
    def test_subtests(self):
        for i in range(3):
            with self.subTest(i=i):
                self.assertLess(i, 1)
    @support.cpython_only
    def test_cpython_only(self):
        pass
    @support.impl_detail("only on pypy", pypy=True)
    def test_pypy_only(self):
        pass

def load_tests(loader, tests, pattern):
    import doctest
    tests.addTest(doctest.DocTestSuite())
    return tests

def sample():
    """
    >>> 1 + 1
    3
    >>> int("x")
    """
'''


def test_driver_under_host(tmp_path: Path) -> None:
    """The driver's events for each kind of outcome, run by the host (the reference side)."""
    package = tmp_path / "sample_pkg"
    package.mkdir()
    (package / "__init__.py").write_text("")
    (package / "test_sample.py").write_text(SAMPLE)
    out = tmp_path / "out.jsonl"
    env = dict(os.environ, PYTHONPATH=str(tmp_path))
    subprocess.run(
        [sys.executable, regrtest.DRIVER, "sample_pkg.test_sample", str(out)],
        env=env,
        cwd=tmp_path,
        capture_output=True,
        check=True,
        timeout=60,
    )
    run = parse_events(
        "sample_pkg.test_sample", "cpython", out.read_text().splitlines()
    )
    assert run.status == OK
    outcome = {i.rsplit(".", 1)[-1]: t for i, t in run.tests.items()}
    assert outcome["test_pass"].outcome == "pass"
    assert outcome["test_cpython_only"].outcome == "pass"  # the host is CPython
    pypy = outcome["test_pypy_only"]
    assert (pypy.outcome, pypy.reason, pypy.impl_detail) == (
        "skip",
        "only on pypy",
        True,
    )
    assert outcome["test_skip"].impl_detail is False
    fail = outcome["test_fail"]
    assert (fail.outcome, fail.type, fail.message) == (
        "fail",
        "AssertionError",
        "1 != 2",
    )
    assert fail.where == "test_sample.py:9"
    assert (outcome["test_error"].type, outcome["test_error"].message) == (
        "KeyError",
        "'k'",
    )
    assert (outcome["test_skip"].outcome, outcome["test_skip"].reason) == (
        "skip",
        "why",
    )
    assert outcome["test_xfail"].outcome == "xfail"
    assert outcome["test_subtests"].outcome == "fail"
    assert outcome["test_subtests"].message == "1 not less than 1"
    doctest_case = outcome["sample"]
    assert (doctest_case.outcome, doctest_case.type) == ("fail", "doctest")
    assert doctest_case.message.startswith("output differs")
    example_line = SAMPLE.splitlines().index("    >>> 1 + 1") + 1
    assert doctest_case.where == f"test_sample.py:{example_line}"  # the failing example
