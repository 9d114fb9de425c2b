"""A program whose trace events tests/vm/test_trace.py compares with CPython 3.12's.

Run by Ouro (in process) and by CPython 3.12 (a subprocess); each prints one line per traced
function: the (function, event, line, exception type) tuples its trace function saw. Lines
matter: keep the functions where they are, or regenerate EXPECTED in the test.
"""

import sys

events = []
NAMES = {
    "loop",
    "callee",
    "caller",
    "thrower",
    "middle",
    "gen",
    "consume",
    "comp",
    "quiet",
}


def tr(frame, event, arg):
    name = frame.f_code.co_name
    if name not in NAMES:
        return None
    shown = type(arg[1]).__name__ if event == "exception" else None
    events.append((name, event, frame.f_lineno, shown))
    return None if name == "quiet" else tr


def loop(n):
    total = 0
    for i in range(n):
        total += i
    while n > 0:
        n -= 1
    return total


def callee(x):
    return x * 2


def caller():
    a = callee(1)
    b = callee(2)
    return a + b


def thrower(n):
    if n > 1:
        raise KeyError(n)
    return n


def middle(n):
    x = thrower(n)
    return x + 1


def gen(n):
    for i in range(n):  # noqa: UP028 - a loop of its own: its line events
        yield i


def consume():
    total = sum(gen(2))
    return total


def comp():
    return [v * 2 for v in range(2)]


def quiet():
    x = 1
    return callee(x)


for function, args in [
    (loop, (2,)),
    (caller, ()),
    (middle, (1,)),
    (middle, (2,)),
    (consume, ()),
    (comp, ()),
    (quiet, ()),
]:
    sys.settrace(tr)
    try:
        function(*args)
    except KeyError:
        events.append("caught")
    sys.settrace(None)
    print(function.__name__, events)
    events.clear()
