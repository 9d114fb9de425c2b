"""Host trampolines for Ouro functions (ouro/vm/trampoline.py).

* ``host_function`` makes a genuine ``types.FunctionType`` (what C code's PyFunction_Check
  wants) that calls the Ouro function, with its name and signature;
* host callables that want host functions (``ExceptionGroup.split``/``subgroup``) take Ouro
  functions in every kind of call (CALL, CALL_KW/CALL_EX, traced), other calls are untouched,
  and a variable holding the predicate keeps the Ouro function.
"""

from __future__ import annotations

import inspect
import io
import types
from contextlib import redirect_stdout

from ouro.compiler import compile_source
from ouro.vm import execute, tracing
from ouro.vm.function import Function
from ouro.vm.trampoline import host_arguments, host_function, insists


def run(source: str) -> tuple[str, dict[str, object]]:
    out = io.StringIO()
    namespace: dict[str, object] = {"__name__": "__main__"}
    try:
        with redirect_stdout(out):
            execute(compile_source(source, "<test>", "exec"), namespace)
    finally:
        tracing.settrace(None)
    return out.getvalue(), namespace


def test_host_function_is_a_real_function_calling_the_ouro_one() -> None:
    _, ns = run("def add(a, b=2, *, c=3):\n    'Adds.'\n    return a + b + c\n")
    add = ns["add"]
    assert type(add) is Function
    host = host_function(add)  # type: ignore[arg-type]
    assert type(host) is types.FunctionType
    assert host(1) == 6 and host(1, 1, c=1) == 3
    assert (host.__name__, host.__qualname__, host.__doc__) == ("add", "add", "Adds.")
    assert host.__wrapped__ is add  # type: ignore[attr-defined]
    assert str(inspect.signature(host)) == "(a, b=2, *, c=3)"
    # One host code object for all of them: no code is made per function.
    assert host.__code__ is host_function(add).__code__  # type: ignore[arg-type]


def test_only_the_table_wants_host_functions() -> None:
    eg = ExceptionGroup("g", [ValueError()])
    assert insists(eg.split) and insists(eg.subgroup)
    assert insists(BaseExceptionGroup.split)
    assert not insists(len) and not insists(eg.derive) and not insists(sorted)
    _, ns = run("f = lambda e: True\n")
    assert host_arguments(len, [ns["f"]], {}) is None
    assert host_arguments(eg.split, [ValueError], {}) is None


PROGRAM = """\
import sys
eg = ExceptionGroup("outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2)])])
def pred(e):
    return isinstance(e, ValueError)
print(repr(eg.subgroup(pred)))
print(repr(eg.split(lambda e: isinstance(e, TypeError))[0]))
print(repr(BaseExceptionGroup.subgroup(eg, pred)))
print(repr(eg.subgroup(*[pred])))
print(pred.__class__.__name__, type(pred) is type(lambda: 0))
def tr(frame, event, arg):
    return tr
def traced(p):
    return eg.subgroup(p)
sys.settrace(tr)
print(repr(traced(pred)))
sys.settrace(None)
try:
    eg.split(pred, pred)
except TypeError as e:
    print(e)
"""


def test_exception_group_predicates() -> None:
    out, _ = run(PROGRAM)
    inner = "ExceptionGroup('inner', [TypeError(2)])"
    assert out.splitlines() == [
        "ExceptionGroup('outer', [ValueError(1)])",
        f"ExceptionGroup('outer', [{inner}])",
        "ExceptionGroup('outer', [ValueError(1)])",
        "ExceptionGroup('outer', [ValueError(1)])",
        "function True",
        "ExceptionGroup('outer', [ValueError(1)])",
        "split expected 1 argument, got 2",
    ]
