"""The VM's per-thread state and its settings.

* ``ThreadState.frames``: the callers' frames, shared by every loop running on the thread
  (a nested loop started by host code calling back into Ouro pushes above its caller's), each
  saved as ``(env, registers, pc, destination register)``. Its length is the Ouro call depth.
* ``ThreadState.handled``: the exception being handled (what ``sys.exc_info()`` shows),
  replaced by PUSH_EXC_INFO and restored by POP_EXCEPT.
* The recursion limit: a call that would make the depth pass it raises RecursionError
  ("maximum recursion depth exceeded"), catchable like any exception.
"""

from __future__ import annotations

# _thread, not threading: threading.local is _thread._local, and importing the host's
# threading module (with _weakrefset) costs a start ~1.5 ms; a program that imports threading
# gets the host's module then (importer/hostlist.py).
import _thread

DEFAULT_RECURSION_LIMIT = 1000


class ThreadState:
    """What the loops running on one thread share."""

    __slots__ = ("frames", "handled")

    def __init__(self) -> None:
        self.frames: list[tuple[object, list[object], int, int]] = []
        self.handled: BaseException | None = None


class _Local(_thread._local):
    """Each thread's ``state``, made on the thread's first use (threading.local calls
    ``__init__`` once per thread), so reading it never fails."""

    def __init__(self) -> None:
        self.state = ThreadState()


LOCAL = _Local()


def thread_state() -> ThreadState:
    """This thread's state (hot paths read ``LOCAL.state`` directly: no call)."""
    return LOCAL.state


class _Limit:
    """The recursion limit as a one-attribute object the loop binds once."""

    __slots__ = ("value",)

    def __init__(self) -> None:
        self.value = DEFAULT_RECURSION_LIMIT


LIMIT = _Limit()


def getrecursionlimit() -> int:
    return LIMIT.value


def setrecursionlimit(limit: int) -> None:
    """Set the Ouro call depth limit (CPython's checks and messages)."""
    if not isinstance(limit, int):
        raise TypeError(
            f"'{type(limit).__name__}' object cannot be interpreted as an integer"
        )
    if limit < 1:
        raise ValueError("recursion limit must be greater or equal than 1")
    LIMIT.value = limit


def current_exception() -> BaseException | None:
    """The exception being handled on this thread (``sys.exception()``)."""
    return thread_state().handled
