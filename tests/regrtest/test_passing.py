"""Every test id on tests/regrtest/passing.txt still passes under Ouro.

The list is written by `python3 -m ouro.tools.regrtest --passing tests/regrtest/passing.txt`
(docs/regrtest.md) and only grows. Here each listed module of CPython's `test` package runs
under `python -m ouro` through the runner's driver (no CPython run: the list already holds
only tests CPython passes), and the test of a module fails naming each listed id that no
longer passes, with its outcome and exception.

The modules run in parallel (one process each, as many as there are CPUs), all started by the
first test that needs them: the default selection took about 3 minutes on two busy CPUs
(November 2026, 59 modules). Modules in SLOW take longer under Ouro than the default test
run can afford (it stays under ten minutes); they are marked `slow` and run with
`python3 -m pytest -m slow tests/regrtest`. Conformance is measured on CPython 3.12: on
another host the tests skip.
"""

from __future__ import annotations

import concurrent.futures
import os
import sys
from pathlib import Path

import pytest

from ouro.tools import regrtest

PASSING = Path(__file__).with_name("passing.txt")
LISTED = regrtest.read_passing(str(PASSING))
TIMEOUT = float(os.environ.get("OURO_REGRTEST_TIMEOUT", "600"))
# Modules whose run under Ouro takes more than about half a minute (RESULTS.md's "Ouro
# time").
SLOW = {
    "test_itertools",
    "test_set",
}

pytestmark = pytest.mark.skipif(
    sys.version_info[:2] != (3, 12), reason="conformance is measured on CPython 3.12"
)

_runs: dict[str, concurrent.futures.Future[regrtest.ModuleRun]] = {}
_pool = concurrent.futures.ThreadPoolExecutor(os.cpu_count() or 1)


def selected_modules(request: pytest.FixtureRequest) -> list[str]:
    """The modules of this session's selected test_listed_ids items, in their order."""
    modules = []
    for item in request.session.items:
        callspec = getattr(item, "callspec", None)
        if item.originalname == "test_listed_ids" and callspec is not None:
            modules.append(callspec.params["module"])
    return modules


@pytest.fixture
def ouro_run(request: pytest.FixtureRequest, module: str) -> regrtest.ModuleRun:
    if not _runs:  # start every selected module at once, slowest first
        order = sorted(selected_modules(request), key=lambda m: m not in SLOW)
        for name in order:
            _runs[name] = _pool.submit(regrtest.run_module, name, "ouro", TIMEOUT)
    if module not in _runs:
        _runs[module] = _pool.submit(regrtest.run_module, module, "ouro", TIMEOUT)
    return _runs[module].result()


def params() -> list[object]:
    return [
        pytest.param(
            module, marks=[pytest.mark.slow] if module in SLOW else [], id=module
        )
        for module in sorted(LISTED)
    ]


@pytest.mark.parametrize("module", params())
def test_listed_ids(module: str, ouro_run: regrtest.ModuleRun) -> None:
    lost = []
    for test_id in sorted(LISTED[module]):
        test = ouro_run.tests.get(test_id)
        if test is None or test.outcome != "pass":
            key = regrtest.failure_key(test_id, ouro_run)
            lost.append(f"{test_id}: {key[0]}: {key[1]}")
    detail = regrtest.describe_run(
        regrtest.Comparison(
            module, ouro_run, ouro_run, set(), set(), set(), {}, ouro_run.status
        )
    )
    assert not lost, (
        f"{len(lost)} of {len(LISTED[module])} listed tests of {module} no longer pass under"
        f" Ouro ({ouro_run.status}{'; ' + detail if detail else ''}):\n"
        + "\n".join(lost)
    )


def test_list_is_sorted_and_well_formed() -> None:
    lines = [
        line
        for line in PASSING.read_text().splitlines()
        if line and not line.startswith("#")
    ]
    assert lines == sorted(set(lines)), (
        "passing.txt: keep it sorted, without duplicates"
    )
    for line in lines:
        module, _, test_id = line.partition(" ")
        assert module.startswith("test_") and test_id, line
