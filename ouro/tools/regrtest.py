"""Run modules of the host's `test` package under Ouro and under CPython, and compare them.

    python3 -m ouro.tools.regrtest [-j N] [--timeout S] [--markdown FILE] [--passing FILE]
                                   [--allow-drop] [--importer host|ouro] [MODULE ...]

MODULE is `test_bool` or `test.test_bool`; the default is the list of issue #6 (MODULES).
Each module runs twice in its own process, group and scratch folder, with a time limit:
once under the host interpreter running this tool (the reference) and once under
`python -m ouro` on that same interpreter. Both runs execute ouro/tools/regrtest_driver.py,
which writes each test's outcome as a JSON line as it goes; a run that crashes or is killed
at its time limit keeps the results written before it.

The comparison (`compare`) is per module: the *baseline* is the test ids the reference
passes, less those Ouro skips as CPython implementation details (`cpython_only`,
`impl_detail`: they skip under Ouro as under any other implementation); Ouro's score is how
many of the baseline pass under Ouro. Every baseline test that does not pass gets a failure
key, (exception type, first line of the message) for a failure or error, ("skipped", reason),
or ("not run", why) when the module crashed, timed out or failed to import, and the keys are
counted across modules (`group_failures`).

Outputs: a progress line per module and a summary line; with --markdown, the results table
(docs/regrtest.md explains its columns); with --passing, the checked-in list of passing ids
(one `MODULE ID` per line), which may only grow: a run that would drop an id of a module it
ran refuses to write the list and exits 1, unless --allow-drop. tests/regrtest/test_passing.py
runs the listed modules under Ouro and fails if a listed id stops passing.
"""

from __future__ import annotations

import argparse
import concurrent.futures
import json
import os
import platform
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field

import ouro

DRIVER = os.path.join(os.path.dirname(os.path.abspath(__file__)), "regrtest_driver.py")
REPO = os.path.dirname(os.path.dirname(os.path.abspath(ouro.__file__)))
DEFAULT_TIMEOUT = 900.0  # seconds per module and interpreter: a hang guard
LOG_TAIL = 40  # lines of a run's stdout/stderr kept to describe a crash

# Issue #6, point 2: the modules measured on a 3.12 host.
MODULES = """
test_grammar test_opcodes test_augassign test_bool test_compare test_contains test_class
test_scope test_generators test_genexps test_listcomps test_setcomps test_dictcomps
test_unpack test_unpack_ex test_keywordonlyarg test_positional_only_arg
test_named_expressions test_patma test_fstring test_string_literals test_raise
test_exceptions test_exception_group test_except_star test_exception_variations
test_baseexception test_with test_contextlib test_yield_from test_generator_stop
test_coroutines test_super test_property test_decorators test_richcmp test_slice test_int
test_float test_list test_tuple test_dict test_set test_iter test_types test_funcattrs
test_dynamic test_global test_metaclass test_isinstance test_sort test_dataclasses test_enum
test_typing test_functools test_itertools test_collections test_type_params
test_type_aliases test_json test_re
""".split()  # noqa: SIM905 - a paragraph reads better than 61 strings

# Run statuses, worst last.
OK, FAILURES, CRASHED, TIMEOUT, IMPORT_ERROR = (
    "ok",
    "failures",
    "crashed",
    "timeout",
    "import error",
)


@dataclass(slots=True)
class Outcome:
    """One test's result as the driver wrote it."""

    id: str
    outcome: str  # pass fail error skip xfail xpass
    type: str = ""
    message: str = ""
    where: str = ""
    reason: str = ""
    time: float = 0.0
    impl_detail: bool = False  # skipped by test.support.impl_detail / cpython_only
    stack: str = ""  # import errors: innermost entries first, "a.py:3 < b.py:9"


@dataclass(slots=True)
class ModuleRun:
    """One module under one interpreter."""

    module: str  # short name, test_bool
    implementation: str  # "cpython" or "ouro": which command ran it
    status: str = OK  # OK here means "ran to its end"; compare() decides OK/FAILURES
    tests: dict[str, Outcome] = field(default_factory=dict)
    import_error: Outcome | None = None
    last_started: str = ""  # the test running when the process died or was killed
    elapsed: float = 0.0
    returncode: int | None = None
    log_tail: list[str] = field(default_factory=list)


def short_name(module: str) -> str:
    return module.removeprefix("test.")


def parse_events(module: str, implementation: str, lines: Iterable[str]) -> ModuleRun:
    """A ModuleRun from the driver's JSON lines; a torn last line (a kill mid-write) is
    ignored. Without an `end` event the run is CRASHED (the caller may say TIMEOUT)."""
    run = ModuleRun(short_name(module), implementation, status=CRASHED)
    for line in lines:
        try:
            event = json.loads(line)
        except ValueError:
            continue
        kind = event.pop("event", None)
        if kind == "start":
            run.last_started = event["id"]
        elif kind == "test":
            run.tests[event["id"]] = Outcome(**event)
            if run.last_started == event["id"]:
                run.last_started = ""
        elif kind == "import_error":
            run.import_error = Outcome(id=run.module, outcome="error", **event)
            run.status = IMPORT_ERROR
        elif kind == "end":
            run.status = OK
    return run


def command(
    implementation: str, module: str, out: str, importer: str | None
) -> list[str]:
    target = module if module.startswith("test.") else f"test.{module}"
    if implementation == "cpython":
        return [sys.executable, DRIVER, target, out]
    options = ["-X", f"importer={importer}"] if importer else []
    return [sys.executable, "-m", "ouro", *options, DRIVER, target, out]


def run_module(
    module: str,
    implementation: str,
    timeout: float = DEFAULT_TIMEOUT,
    importer: str | None = None,
    env: dict[str, str] | None = None,
) -> ModuleRun:
    """Run `module` under `implementation` in a fresh scratch folder (the tests write files
    into the current folder) and its own process group, killed whole at the time limit."""
    scratch = tempfile.mkdtemp(
        prefix=f"regrtest-{short_name(module)}-{implementation}-"
    )
    out = os.path.join(scratch, "results.jsonl")
    log = os.path.join(scratch, "output.log")
    environ = dict(os.environ if env is None else env)
    environ["PYTHONPATH"] = os.pathsep.join(
        [REPO, *filter(None, [environ.get("PYTHONPATH", "")])]
    )
    began = time.monotonic()
    timed_out = False
    try:
        with open(log, "wb") as output:
            process = subprocess.Popen(
                command(implementation, module, out, importer),
                cwd=scratch,
                env=environ,
                stdin=subprocess.DEVNULL,
                stdout=output,
                stderr=subprocess.STDOUT,
                start_new_session=True,
            )
            try:
                process.wait(timeout)
            except subprocess.TimeoutExpired:
                timed_out = True
                os.killpg(process.pid, signal.SIGKILL)
                process.wait()
        elapsed = time.monotonic() - began
        lines: list[str] = []
        if os.path.exists(out):
            with open(out, encoding="ascii", errors="replace") as results:
                lines = results.readlines()
        run = parse_events(module, implementation, lines)
        if timed_out:
            run.status = TIMEOUT
        run.elapsed = elapsed
        run.returncode = process.returncode
        with open(log, encoding="utf-8", errors="replace") as output_text:
            run.log_tail = output_text.read().splitlines()[-LOG_TAIL:]
        return run
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


# --- comparing -------------------------------------------------------------------------


@dataclass(slots=True)
class Comparison:
    module: str
    cpython: ModuleRun
    ouro: ModuleRun
    baseline: set[str]  # ids CPython passes, less implementation details
    impl_detail: set[
        str
    ]  # ids CPython passes that Ouro skips as implementation details
    passing: set[str]  # baseline ids Ouro passes
    failures: dict[str, tuple[str, str]]  # baseline id -> failure key
    status: str

    @property
    def percent(self) -> float:
        return (
            100.0 * len(self.passing) / len(self.baseline) if self.baseline else 100.0
        )


ADDRESS = re.compile(r"0x[0-9a-fA-F]{4,}")


def tidy(text: str) -> str:
    """A message as a group key: memory addresses blanked, this checkout's folder left out
    (the same failure reads the same from any checkout)."""
    return ADDRESS.sub("0x...", text.replace(REPO + os.sep, ""))


def fixture_owns(fixture_id: str, test_id: str) -> bool:
    """Is `fixture_id` (`setUpClass (test.test_x.C)`) the fixture of the test `test_id`?"""
    head, _, inner = fixture_id.partition(" (")
    return head.startswith(("setUp", "tearDown")) and test_id.startswith(
        inner[:-1] + "."
    )


def failure_key(
    test_id: str, run: ModuleRun, extras: Sequence[Outcome] = ()
) -> tuple[str, str]:
    """What kind of failure the baseline test `test_id` had in `run` (module docstring).
    `extras` are errors under ids CPython does not have: a class or module fixture
    (`setUpClass (test.test_x.C)`) or a loader error; they explain tests not run."""
    test = run.tests.get(test_id)
    if test is not None and test.outcome in ("fail", "error"):
        return (test.type or test.outcome, tidy(test.message))
    if test is not None and test.outcome == "skip":
        return ("skipped", tidy(test.reason))
    if test is not None:
        return (test.outcome, "")
    why = "not collected"
    if run.import_error is not None:
        error = run.import_error
        why = f"import error: {error.type}: {error.message}"
    elif extras:
        error = next((e for e in extras if fixture_owns(e.id, test_id)), extras[0])
        why = f"{error.type}: {error.message} (in {error.id})"
    elif run.status == TIMEOUT:
        why = "module timed out"
    elif run.status == CRASHED:
        why = "module crashed"
    return ("not run", tidy(why))


def compare(cpython: ModuleRun, ouro_run: ModuleRun) -> Comparison:
    passed = {i for i, t in cpython.tests.items() if t.outcome == "pass"}
    impl_detail = {
        i
        for i in passed
        if i in ouro_run.tests
        and ouro_run.tests[i].outcome == "skip"
        and ouro_run.tests[i].impl_detail
    }
    baseline = passed - impl_detail
    passing = {
        i
        for i in baseline
        if i in ouro_run.tests and ouro_run.tests[i].outcome == "pass"
    }
    extras = [
        t
        for i, t in ouro_run.tests.items()
        if i not in cpython.tests and t.outcome in ("fail", "error")
    ]
    failures = {i: failure_key(i, ouro_run, extras) for i in sorted(baseline - passing)}
    status = ouro_run.status
    if status == OK and failures:
        status = FAILURES
    return Comparison(
        cpython.module,
        cpython,
        ouro_run,
        baseline,
        impl_detail,
        passing,
        failures,
        status,
    )


@dataclass(slots=True)
class Group:
    type: str
    message: str
    count: int
    modules: Counter[str]
    example: str  # a test id, with the innermost traceback entry when known


def group_failures(comparisons: Iterable[Comparison]) -> list[Group]:
    """Failure keys with their counts, most common first, each with one example id."""
    groups: dict[tuple[str, str], Group] = {}
    for comparison in comparisons:
        for test_id, key in comparison.failures.items():
            group = groups.get(key)
            if group is None:
                test = comparison.ouro.tests.get(test_id)
                example = (
                    f"{test_id} ({test.where})" if test and test.where else test_id
                )
                group = groups[key] = Group(key[0], key[1], 0, Counter(), example)
            group.count += 1
            group.modules[comparison.module] += 1
    return sorted(groups.values(), key=lambda g: (-g.count, g.type, g.message))


# --- the passing list --------------------------------------------------------------------


def read_passing(path: str) -> dict[str, set[str]]:
    """`MODULE ID` lines (comments and blank lines ignored) as {module: {ids}}."""
    listed: dict[str, set[str]] = {}
    if not os.path.exists(path):
        return listed
    with open(path, encoding="utf-8") as lines:
        for line in lines:
            line = line.strip()
            if line and not line.startswith("#"):
                module, _, test_id = line.partition(" ")
                listed.setdefault(module, set()).add(test_id.strip())
    return listed


def merge_passing(
    listed: dict[str, set[str]], found: dict[str, set[str]], allow_drop: bool = False
) -> tuple[dict[str, set[str]], dict[str, set[str]]]:
    """(the new list, the ids it drops). `found` has the passing ids of each module run;
    modules not run keep their entries. Without allow_drop the list only grows."""
    merged = {module: set(ids) for module, ids in listed.items()}
    dropped: dict[str, set[str]] = {}
    for module, ids in found.items():
        lost = merged.get(module, set()) - ids
        if lost:
            dropped[module] = lost
        merged[module] = set(ids) if allow_drop else merged.get(module, set()) | ids
    return {m: ids for m, ids in merged.items() if ids}, dropped


PASSING_HEADER = """\
# Test ids of CPython's regression tests that pass under Ouro, one `MODULE ID` per line.
# Written by `python3 -m ouro.tools.regrtest --passing FILE` (docs/regrtest.md); the list only
# grows, and tests/regrtest/test_passing.py fails if a listed test stops passing.
"""


def write_passing(path: str, listed: dict[str, set[str]]) -> None:
    lines = sorted(
        f"{module} {test_id}" for module, ids in listed.items() for test_id in ids
    )
    with open(path, "w", encoding="utf-8") as out:
        out.write(PASSING_HEADER)
        out.writelines(line + "\n" for line in lines)


# --- reporting ---------------------------------------------------------------------------


def cell(text: str, limit: int = 120) -> str:
    text = text if len(text) <= limit else text[: limit - 1] + "…"
    return text.replace("|", "\\|").replace("\n", " ") or "(empty)"


def percent(part: int, whole: int) -> str:
    return f"{100.0 * part / whole:.1f}%" if whole else "-"


def summary(comparisons: Sequence[Comparison]) -> tuple[int, int, int]:
    """(baseline tests, of those passing under Ouro, modules that ran to their end)."""
    base = sum(len(c.baseline) for c in comparisons)
    passing = sum(len(c.passing) for c in comparisons)
    finished = sum(c.status in (OK, FAILURES) for c in comparisons)
    return base, passing, finished


PRINTED_ENTRY = re.compile(r'^\s*File "([^"]+)", line (\d+)')


def printed_stack(lines: Sequence[str], limit: int = 6) -> str:
    """Like the driver's `stack`, from a traceback the driver printed (innermost first,
    Ouro's own files left out): for when the exception's __traceback__ said nothing."""
    entries = [m.groups() for m in map(PRINTED_ENTRY.match, lines) if m]
    shown = [(f, n) for f, n in entries if not f.startswith(REPO + os.sep)][-limit:]
    return " < ".join(f"{os.path.basename(f)}:{n}" for f, n in reversed(shown))


def describe_run(comparison: Comparison) -> str:
    run = comparison.ouro
    if run.import_error is not None:
        error = run.import_error
        place = error.stack or error.where or printed_stack(run.log_tail)
        where = f" ({place})" if place else ""
        return tidy(f"{error.type}: {error.message}{where}")
    if run.status in (CRASHED, TIMEOUT):
        last = run.log_tail[-1] if run.log_tail and run.status == CRASHED else ""
        during = f"during {run.last_started}" if run.last_started else "between tests"
        return f"{during}; exit {run.returncode}; {last}".rstrip("; ")
    return ""


def render_markdown(
    comparisons: Sequence[Comparison],
    argv: Sequence[str],
    top: int = 60,
    per_module: int = 3,
) -> str:
    base, passing, finished = summary(comparisons)
    out = [
        "# CPython's regression tests under Ouro",
        "",
        "Made by `python3 -m ouro.tools.regrtest "
        + " ".join(argv)
        + f"` on {platform.python_implementation()} {platform.python_version()}"
        + f" ({time.strftime('%Y-%m-%d')}). Columns: docs/regrtest.md.",
        "",
        (
            f"**{passing} of {base} baseline tests pass under Ouro ({percent(passing, base)});"
            f" {finished} of {len(comparisons)} modules run to their end.**"
        ),
        "",
        "| module | CPython passes | impl. detail | Ouro passes | % | status | Ouro time"
        + " | CPython time |",
        "| --- | ---: | ---: | ---: | ---: | --- | ---: | ---: |",
    ]
    for c in comparisons:
        out.append(
            f"| {c.module} | {len(c.baseline)} | {len(c.impl_detail)} | {len(c.passing)}"
            f" | {percent(len(c.passing), len(c.baseline))} | {c.status}"
            f" | {c.ouro.elapsed:.1f}s | {c.cpython.elapsed:.1f}s |"
        )
    out.append(
        f"| **total** | {base} | {sum(len(c.impl_detail) for c in comparisons)} | {passing}"
        f" | {percent(passing, base)} | {finished}/{len(comparisons)} ran to the end"
        f" | {sum(c.ouro.elapsed for c in comparisons):.0f}s"
        f" | {sum(c.cpython.elapsed for c in comparisons):.0f}s |"
    )
    stopped = [c for c in comparisons if c.status in (CRASHED, TIMEOUT, IMPORT_ERROR)]
    if stopped:
        out += ["", "## Modules that did not run to their end", ""]
        out += [
            f"- **{c.module}** ({c.status}): {cell(describe_run(c), 400)}"
            for c in stopped
        ]
    reference = [c for c in comparisons if c.cpython.status != OK]
    if reference:
        out += ["", "## Modules whose CPython run did not finish", ""]
        out += [f"- {c.module}: {c.cpython.status}" for c in reference]
    groups = group_failures(comparisons)
    if groups:
        out += [
            "",
            f"## Failure groups (the {min(top, len(groups))} largest of {len(groups)})",
            "",
            "| tests | exception | message | modules | example |",
            "| ---: | --- | --- | --- | --- |",
        ]
        for g in groups[:top]:
            modules = ", ".join(f"{m} ({n})" for m, n in g.modules.most_common(4))
            if len(g.modules) > 4:
                modules += f", +{len(g.modules) - 4}"
            out.append(
                f"| {g.count} | {cell(g.type, 60)} | {cell(g.message)} | {modules}"
                f" | {cell(g.example, 100)} |"
            )
        types: Counter[str] = Counter()
        for g in groups:
            types[g.type] += g.count
        out += ["", "## Failures by exception type", ""]
        out += ["| tests | exception |", "| ---: | --- |"]
        out += [f"| {n} | {cell(t, 60)} |" for t, n in types.most_common()]
        out += ["", "## Largest failure groups per module", ""]
        for c in comparisons:
            mine = group_failures([c])
            if mine:
                parts = [
                    f"{g.count} × {g.type}: {cell(g.message, 90)}"
                    for g in mine[:per_module]
                ]
                out.append(f"- **{c.module}**: " + "; ".join(parts))
    return "\n".join(out) + "\n"


def progress_line(index: int, total: int, c: Comparison) -> str:
    return (
        f"[{index:>{len(str(total))}}/{total}] {c.module:<28} "
        f"{len(c.passing):>5}/{len(c.baseline):<5} {percent(len(c.passing), len(c.baseline)):>7}"
        f"  {c.status:<12} ouro {c.ouro.elapsed:6.1f}s  cpython {c.cpython.elapsed:5.1f}s"
    )


# --- command line ------------------------------------------------------------------------


def run_all(
    modules: Sequence[str],
    jobs: int,
    timeout: float,
    importer: str | None,
    env: dict[str, str] | None = None,
    report: bool = True,
) -> list[Comparison]:
    """Each module under both interpreters, `jobs` processes at a time, in list order."""
    lock = threading.Lock()
    done = [0]

    def one(module: str) -> Comparison:
        reference = run_module(module, "cpython", timeout, env=env)
        comparison = compare(
            reference, run_module(module, "ouro", timeout, importer, env)
        )
        with lock:
            done[0] += 1
            if report:
                print(progress_line(done[0], len(modules), comparison), flush=True)
        return comparison

    with concurrent.futures.ThreadPoolExecutor(max(1, jobs)) as pool:
        return list(pool.map(one, modules))


def main(argv: Sequence[str] | None = None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = argparse.ArgumentParser(
        prog="python3 -m ouro.tools.regrtest", description=__doc__.split("\n")[0]
    )
    parser.add_argument(
        "modules", nargs="*", metavar="MODULE", help="default: issue #6's list"
    )
    parser.add_argument("-j", "--jobs", type=int, default=os.cpu_count() or 1)
    parser.add_argument("--timeout", type=float, default=DEFAULT_TIMEOUT, metavar="S")
    parser.add_argument(
        "--markdown", metavar="FILE", help="write the results table here"
    )
    parser.add_argument(
        "--passing", metavar="FILE", help="add the passing ids to this list"
    )
    parser.add_argument(
        "--allow-drop", action="store_true", help="let --passing drop ids"
    )
    parser.add_argument(
        "--importer",
        choices=("ouro", "host"),
        help="Ouro's -X importer= (default: Ouro's)",
    )
    parser.add_argument(
        "--env",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="set an environment variable for both interpreters (repeatable)",
    )
    args = parser.parse_args(argv)
    if sys.version_info[:2] != (3, 12):
        print(
            "warning: conformance is measured on a CPython 3.12 host", file=sys.stderr
        )
    modules = [short_name(m) for m in args.modules] or MODULES
    began = time.monotonic()
    env = dict(os.environ)
    env.update(item.partition("=")[::2] for item in args.env)
    comparisons = run_all(modules, args.jobs, args.timeout, args.importer, env)
    base, passing, finished = summary(comparisons)
    print(
        f"{passing} of {base} tests CPython passes pass under Ouro ({percent(passing, base)});"
        f" {finished}/{len(comparisons)} modules ran to their end;"
        f" {time.monotonic() - began:.0f}s"
    )
    if args.markdown:
        with open(args.markdown, "w", encoding="utf-8") as out:
            out.write(render_markdown(comparisons, argv))
    status = 0
    if args.passing:
        found = {c.module: c.passing for c in comparisons}
        merged, dropped = merge_passing(
            read_passing(args.passing), found, args.allow_drop
        )
        for module, ids in sorted(dropped.items()):
            for test_id in sorted(ids):
                print(f"no longer passes: {module} {test_id}", file=sys.stderr)
        if dropped and not args.allow_drop:
            print(
                f"{args.passing} not written (--allow-drop to drop ids)",
                file=sys.stderr,
            )
            status = 1
        else:
            write_passing(args.passing, merged)
    return status


if __name__ == "__main__":
    sys.exit(main())
