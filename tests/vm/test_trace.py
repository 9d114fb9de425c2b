"""sys.settrace / sys.setprofile for Ouro code (ouro/vm/tracing.py).

* trace_events.py sees the same (event, line) sequence under Ouro as under CPython 3.12
  (trace_events.expected, made by CPython 3.12; checked live when a 3.12 is at hand);
* the corpus programs give the same output when every frame is traced (the traced loop
  runs the same instructions as the plain one);
* the API: gettrace, f_trace, a failing trace function, profile events.
"""

from __future__ import annotations

import io
import shutil
import subprocess
import sys
import warnings
from contextlib import redirect_stdout
from pathlib import Path

import pytest

from ouro.compiler import compile_source
from ouro.vm import execute, tracing
from tests.programs import harness

HERE = Path(__file__).resolve().parent
EVENTS = HERE / "trace_events.py"


def run(source: str, filename: str = "<test>") -> str:
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            execute(compile_source(source, filename), {"__name__": "__main__"})
    finally:
        tracing.settrace(None)
        tracing.setprofile(None)
    return out.getvalue()


def cpython312() -> list[str] | None:
    """A command running CPython 3.12, if this machine has one."""
    if sys.version_info[:2] == (3, 12):
        return [sys.executable]
    if shutil.which("python3.12") is None:
        return None
    return ["env", "PYENV_VERSION=3.12.1", "python3.12"]


def on_cpython(source: str) -> str:
    command = cpython312()
    if command is None:
        pytest.skip("no CPython 3.12 to compare with")
    done = subprocess.run(
        [*command, "-c", source],  # host-ok: the reference runs it
        capture_output=True,
        text=True,
        check=False,
        timeout=60,
    )
    if done.returncode != 0 and "No module" in done.stderr:
        pytest.skip("no CPython 3.12 to compare with")
    return done.stdout


def test_events_are_cpythons() -> None:
    source = EVENTS.read_text(encoding="utf-8")
    expected = (HERE / "trace_events.expected").read_text(encoding="utf-8")
    assert run(source, str(EVENTS)) == expected


def test_expected_events_are_current() -> None:
    command = cpython312()
    if command is None:
        pytest.skip("no CPython 3.12 to compare with")
    done = subprocess.run(
        [*command, str(EVENTS)], capture_output=True, text=True, check=False, timeout=60
    )
    assert done.stdout == (HERE / "trace_events.expected").read_text(encoding="utf-8")


PROFILED = """\
import sys
seen = []
def prof(frame, event, arg):
    name = getattr(arg, "__name__", None) if event.startswith("c_") else None
    seen.append((frame.f_code.co_name, event, name))
def helper(x):
    return len(x)
def main():
    try:
        helper(None)
    except TypeError:
        return helper("ab")
sys.setprofile(prof)
main()
sys.setprofile(None)
print([e for e in seen if e[0] in ("main", "helper")])
"""


def test_profile_events_are_cpythons() -> None:
    assert run(PROFILED) == on_cpython(PROFILED)


def test_api() -> None:
    source = (
        "import sys\n"
        "def tr(frame, event, arg):\n"
        "    return None\n"
        "print(sys.gettrace(), sys.getprofile())\n"
        "sys.settrace(tr)\n"
        "print(sys.gettrace() is tr)\n"
        "sys.settrace(None)\n"
        "print(sys.gettrace())\n"
    )
    assert run(source) == "None None\nTrue\nNone\n"


def test_failing_trace_function_stops_tracing() -> None:
    source = (
        "import sys\n"
        "def tr(frame, event, arg):\n"
        "    if event == 'line':\n"
        "        raise KeyError('from the tracer')\n"
        "    return tr\n"
        "def f():\n"
        "    return 1\n"
        "sys.settrace(tr)\n"
        "try:\n"
        "    f()\n"
        "except KeyError as e:\n"
        "    print('raised', e, sys.gettrace())\n"
        "print(f())\n"
    )
    assert run(source) == "raised 'from the tracer' None\n1\n"


def test_f_trace_set_on_a_running_frame() -> None:
    # What pdb does: give the current frame a local trace function, then settrace.
    source = (
        "import sys\n"
        "lines = []\n"
        "def tr(frame, event, arg):\n"
        "    lines.append((event, frame.f_lineno))\n"
        "    return tr\n"
        "def work():\n"
        "    sys._getframe().f_trace = tr\n"
        "    sys.settrace(tr)\n"
        "    a = 1\n"
        "    b = a + 1\n"
        "    sys.settrace(None)\n"
        "    return b\n"
        "work()\n"
        "print(lines)\n"
    )
    assert run(source) == "[('line', 9), ('line', 10), ('line', 11)]\n"


def test_tracing_starts_in_a_nested_loop() -> None:
    # settrace called in a key function (a loop that host code started): that loop goes on
    # traced.  (The loop waiting in sorted() goes on untraced: see tracing.py.)
    source = (
        "import sys\n"
        "calls = []\n"
        "def tr(frame, event, arg):\n"
        "    calls.append(frame.f_code.co_name)\n"
        "def key(x):\n"
        "    sys.settrace(tr)\n"
        "    later()\n"
        "    sys.settrace(None)\n"
        "    return x\n"
        "def later():\n"
        "    return 0\n"
        "sorted([1], key=key)\n"
        "print(calls)\n"
    )
    assert run(source) == "['later']\n"


HANDOFF = """\
import sys
def tr(frame, event, arg):
    frame.f_lineno
    return tr
def names():
    f = sys._getframe(1)
    out = []
    while f is not None:
        out.append((f.f_code.co_name, f.f_lineno))
        f = f.f_back
    return out
def inner():
    sys.settrace(tr)
    a = names()
    sys.settrace(None)
    return a, names()
print(*inner())
try:
    sys.settrace(tr)
except ZeroDivisionError:
    print("caught where the loop handed over")
sys.settrace(None)
try:
    1 / 0
except ZeroDivisionError as e:
    print("caught once")
"""


def test_a_loop_that_handed_its_frame_over_is_not_on_the_stack() -> None:
    # run_frame hands its frame to the traced loop when settrace is called (and back when
    # it is cleared): the loop it left is neither a frame (twice, at its old line: f_back
    # made a cycle) nor a place to unwind to (its old try block caught a later error).
    assert run(HANDOFF) == (
        "[('inner', 14), ('<module>', 17)] [('inner', 16), ('<module>', 17)]\n"
        "caught once\n"
    )


def test_a_warning_blames_the_traced_frame() -> None:
    # warn_in_caller (throw/athrow's 3-argument form) reads the stack as frames.py does:
    # the traced loop's frame and pc, not the run_frame that handed over to it.
    source = (
        "import sys\n"
        "def tr(frame, event, arg):\n"
        "    return tr\n"
        "def gen():\n"
        "    yield 1\n"
        "def f():\n"
        "    g = gen()\n"
        "    next(g)\n"
        "    try:\n"
        "        g.throw(ValueError, ValueError('x'), None)\n"
        "    except ValueError:\n"
        "        pass\n"
        "sys.settrace(tr)\n"
        "f()\n"
        "sys.settrace(None)\n"
    )
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        run(source, "<warned>")
    assert [(w.category, w.filename, w.lineno) for w in caught] == [
        (DeprecationWarning, "<warned>", 10)
    ]


def test_traced_frames_free_their_generators_on_return() -> None:
    # Neither the traced loop nor the frame finder keeps a returned frame's registers:
    # the generator it held is closed when it returns, as in CPython (not at the next gc).
    source = (
        "import sys\n"
        "def tr(frame, event, arg):\n"
        "    frame.f_lineno\n"
        "    return tr\n"
        "def gen():\n"
        "    try:\n"
        "        yield 1\n"
        "    finally:\n"
        "        print('closed')\n"
        "def drive():\n"
        "    g = gen()\n"
        "    next(g)\n"
        "    try:\n"
        "        next(iter([]))\n"
        "    except StopIteration:\n"
        "        pass\n"
        "sys.settrace(tr)\n"
        "drive()\n"
        "print('returned')\n"
        "sys.settrace(None)\n"
    )
    assert run(source) == "closed\nreturned\n"


# A few areas of the corpus, run with a trace function on every frame.
TRACED_AREAS = (
    "generators",
    "exceptions",
    "functions",
    "scoping",
    "tracebacks",
    "async",
)
RUNNER = """
import sys
from ouro.vm import tracing
def trace(frame, event, arg):
    frame.f_lineno
    return trace
tracing.settrace(trace)
from ouro.cli import main
sys.exit(main(sys.argv[1:]))
"""


def traced_programs() -> list[object]:
    from tests.vm.test_programs import PASSING

    return [
        pytest.param(program, id=harness.program_id(program))
        for program in harness.all_programs()
        if harness.program_id(program) in PASSING
        and harness.program_id(program).split("/")[0] in TRACED_AREAS
    ]


@pytest.mark.skipif(sys.version_info[:2] != (3, 12), reason="expectations are 3.12's")
@pytest.mark.parametrize("program", traced_programs())
def test_corpus_program_traced(program: Path) -> None:
    expected = harness.Result.from_json(
        harness.expected_path(program).read_text(encoding="utf-8")
    )
    actual = harness.run(
        [sys.executable, "-c", RUNNER],  # host-ok: runs Ouro's cli, not the program
        program,
        300,
        pythonpath=str(harness.ROOT),
    )
    assert (actual.returncode, actual.stdout, actual.stderr) == (
        expected.returncode,
        expected.stdout,
        expected.stderr,
    )


def test_no_tracing_left_on() -> None:
    assert not tracing.TRACING.on
