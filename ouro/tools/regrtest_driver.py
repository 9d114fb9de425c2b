"""Run one module of the host's `test` package and write each test's outcome as a JSON line.

    python3 -m ouro ouro/tools/regrtest_driver.py test.test_bool OUT.jsonl    (under Ouro)
    python3 ouro/tools/regrtest_driver.py test.test_bool OUT.jsonl            (the reference)

The runner (ouro/tools/regrtest.py) starts this script once per module and interpreter; the
same file runs on both, so the two result files differ only by the interpreter. It imports
the module, collects its tests as CPython's own regrtest does (`loadTestsFromModule`, which
honours `load_tests` and with it the doctests several modules add that way), runs them and
appends to OUT one JSON object per line, flushed at once, so that a crash or a timeout still
leaves every result written before it:

    {"event": "begin", "module": ..., "implementation": ..., "version": ...}
    {"event": "import_error", "type": ..., "message": ..., "where": ..., "stack": ...}
                                                                          (then exit 2)
    {"event": "start", "id": ...}                                          (before each test)
    {"event": "test", "id": ..., "outcome": ..., "time": ...,
     "type": ..., "message": ..., "where": ..., "reason": ...}             (after each test)
    {"event": "end", "tests": N, "time": ...}

`outcome` is one of pass, fail, error, skip, xfail (expected failure), xpass (unexpected
success). A test whose subtests fail is one `fail` (or `error`) carrying the first subtest's
exception. `type` is the exception's class (`module.qualname` unless a builtin), `message`
the first line of its text, `where` the innermost traceback entry (file:line); for a doctest
they describe the first failing example instead of the DocTestCase's report.

CPython's `test.support.cpython_only` and `check_impl_detail` ask `sys.implementation.name`,
so implementation-detail tests skip under Ouro as they do under PyPy. When the host's importer
runs test.support (``-X importer=host``), the module sees the host's `sys` and would answer for
CPython; `prepare_support` then makes it answer for the implementation running this script.
It also marks what `impl_detail` (and `cpython_only`, which calls it) turns into a skip, and
such a skip carries `"impl_detail": true`: the runner leaves those tests out of the baseline
whatever their reason text ("tuple reuse is specific to CPython").

This file runs on Ouro: it keeps to plain code and the stdlib.
"""

from __future__ import annotations

import importlib
import json
import os
import sys
import time
import traceback
import unittest

MESSAGE_LIMIT = 300  # characters of an exception's first line kept


def write_event(stream, event: dict) -> None:
    stream.write(json.dumps(event, ensure_ascii=True) + "\n")
    stream.flush()


def type_name(cls: type) -> str:
    module = getattr(cls, "__module__", "builtins")
    name = getattr(cls, "__qualname__", cls.__name__)
    return name if module == "builtins" else f"{module}.{name}"


def first_line(text: str) -> str:
    lines = [line for line in text.splitlines() if line.strip()]
    line = lines[0].strip() if lines else ""
    return line[:MESSAGE_LIMIT]


# Traceback entries in these folders say nothing about the failing code: unittest's asserts,
# and Ouro's own VM (whose host frames a traceback may show between Ouro frames).
HIDDEN_DIRS = (
    os.path.dirname(os.path.abspath(unittest.__file__)),
    os.path.dirname(os.path.dirname(os.path.abspath(__file__))),
)


def stack(tb, limit: int = 6) -> str:
    """The innermost `limit` traceback entries outside HIDDEN_DIRS, innermost first."""
    try:
        entries = traceback.extract_tb(tb)
    except Exception:  # noqa: BLE001 - a tb the host cannot read only loses the location
        return ""
    shown = [e for e in entries if not e.filename.startswith(HIDDEN_DIRS)][-limit:]
    return " < ".join(
        f"{os.path.basename(e.filename)}:{e.lineno}" for e in reversed(shown)
    )


def innermost(tb) -> str:
    """file:line of the innermost traceback entry outside HIDDEN_DIRS ("" if none)."""
    try:
        entries = traceback.extract_tb(tb)
    except Exception:  # noqa: BLE001 - a tb the host cannot read only loses the location
        return ""
    shown = [e for e in entries if not e.filename.startswith(HIDDEN_DIRS)]
    if not shown:
        return ""
    last = shown[-1]
    return f"{os.path.basename(last.filename)}:{last.lineno}"


def describe_doctest(text: str) -> tuple[str, str, str] | None:
    """(type, message, where) of the first failing example in a DocTestCase's report.

    The report lists each failing example as `File "...", line N, in NAME`, the example,
    then either `Exception raised:` and an indented traceback whose last line is
    `Type: message`, or `Expected:`/`Got:` blocks.
    """
    lines = text.splitlines()
    where = ""
    for index, line in enumerate(lines):
        stripped = line.strip()
        if stripped.startswith('File "') and ", line " in stripped:  # the latest wins
            parts = stripped.split(", line ")
            number = parts[1].split(",")[0]
            if number != "0":
                where = f"{os.path.basename(parts[0][6:-1])}:{number}"
        if stripped == "Exception raised:":
            body = []
            for follow in lines[index + 1 :]:
                if follow and not follow.startswith(" "):
                    break
                if follow.strip():
                    body.append(follow.strip())
            if body:
                last = body[-1]
                name, _, message = last.partition(": ")
                return name, message[:MESSAGE_LIMIT], where
            return "doctest", "exception raised", where
        if stripped == "Expected:" or stripped.startswith("Expected nothing"):
            got = ""
            for follow in lines[index + 1 :]:
                if follow.strip() == "Got:" or follow.strip() == "Got nothing":
                    got = follow.strip()
                    break
            return "doctest", f"output differs ({got or 'Got'})", where
    return None


def describe(test, err) -> dict:
    cls, value, tb = err
    fields = {
        "type": type_name(cls),
        "message": first_line(str(value)),
        "where": innermost(tb),
    }
    import doctest

    if isinstance(test, doctest.DocTestCase):
        found = describe_doctest(str(value))
        if found is not None:
            fields["type"], fields["message"], fields["where"] = found
    return fields


class RecordingResult(unittest.TestResult):
    """Writes a `test` event per test when it stops, with the worst outcome seen for it."""

    def __init__(self, stream) -> None:
        super().__init__()
        self.stream = stream
        self.current: dict | None = None
        self.started = 0.0
        self.count = 0

    def startTest(self, test) -> None:
        super().startTest(test)
        self.current = {"event": "test", "id": test.id(), "outcome": "pass"}
        self.started = time.perf_counter()
        write_event(self.stream, {"event": "start", "id": test.id()})

    def stopTest(self, test) -> None:
        super().stopTest(test)
        if self.current is not None:
            self.current["time"] = round(time.perf_counter() - self.started, 4)
            write_event(self.stream, self.current)
            self.count += 1
        self.current = None

    def mark(self, test, outcome: str, **fields) -> None:
        """Record an outcome for the running test, or a test of its own for a class or
        module fixture error (`setUpClass (test.x.C)`), which has no start or stop."""
        if self.current is None or self.current["id"] != test.id():
            event = {"event": "test", "id": test.id(), "outcome": outcome, "time": 0.0}
            event.update(fields)
            write_event(self.stream, event)
            return
        if self.current["outcome"] in ("fail", "error"):
            return  # the first failure describes the test
        self.current["outcome"] = outcome
        self.current.update(fields)

    def addSuccess(self, test) -> None:
        super().addSuccess(test)

    def addFailure(self, test, err) -> None:
        super().addFailure(test, err)
        self.mark(test, "fail", **describe(test, err))

    def addError(self, test, err) -> None:
        super().addError(test, err)
        self.mark(test, "error", **describe(test, err))

    def addSubTest(self, test, subtest, err) -> None:
        super().addSubTest(test, subtest, err)
        if err is not None:
            failed = issubclass(err[0], test.failureException)
            self.mark(test, "fail" if failed else "error", **describe(test, err))

    def addSkip(self, test, reason) -> None:
        super().addSkip(test, reason)
        fields = {"reason": first_line(str(reason))}
        if is_impl_detail(test):
            fields["impl_detail"] = True
        self.mark(test, "skip", **fields)

    def addExpectedFailure(self, test, err) -> None:
        super().addExpectedFailure(test, err)
        self.mark(test, "xfail")

    def addUnexpectedSuccess(self, test) -> None:
        super().addUnexpectedSuccess(test)
        self.mark(test, "xpass")


IMPL_DETAIL_MARK = "__regrtest_impl_detail__"


def prepare_support() -> None:
    """Make test.support's implementation checks answer for the running implementation,
    and mark what `impl_detail`/`cpython_only` skip (module docstring)."""
    from test import support

    if support.sys.implementation.name != sys.implementation.name:
        parse_guards = support._parse_guards

        def check_impl_detail(**guards):
            table, default = parse_guards(guards)
            return table.get(sys.implementation.name, default)

        support.check_impl_detail = check_impl_detail
    original = support.impl_detail

    def impl_detail(msg=None, **guards):
        decorator = original(msg, **guards)
        if support.check_impl_detail(**guards):
            return decorator  # runs here: nothing to mark

        def mark(item):
            item = decorator(item)
            setattr(item, IMPL_DETAIL_MARK, True)
            return item

        return mark

    support.impl_detail = impl_detail


def is_impl_detail(test) -> bool:
    """Was `test` (its method or its class) skipped by `impl_detail`/`cpython_only`?"""
    method = getattr(test, getattr(test, "_testMethodName", ""), None)
    return any(getattr(item, IMPL_DETAIL_MARK, False) for item in (method, type(test)))


def main(argv: list[str]) -> int:
    if len(argv) != 2:
        sys.stderr.write("usage: regrtest_driver.py MODULE OUT.jsonl\n")
        return 2
    name, out = argv
    with open(out, "a", encoding="ascii") as stream:
        write_event(
            stream,
            {
                "event": "begin",
                "module": name,
                "implementation": sys.implementation.name,
                "version": sys.version.split()[0],
            },
        )
        began = time.perf_counter()
        try:
            prepare_support()
            module = importlib.import_module(name)
            suite = unittest.defaultTestLoader.loadTestsFromModule(module)
        except BaseException as exc:  # noqa: BLE001 - SkipTest, SystemExit, any error
            event = {"event": "import_error"}
            event.update(describe(None, (type(exc), exc, exc.__traceback__)))
            event["stack"] = stack(exc.__traceback__)
            traceback.print_exc()
            write_event(stream, event)
            return 2
        result = RecordingResult(stream)
        result.startTestRun()
        try:
            suite.run(result)
        finally:
            result.stopTestRun()
        elapsed = round(time.perf_counter() - began, 3)
        write_event(stream, {"event": "end", "tests": result.count, "time": elapsed})
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
