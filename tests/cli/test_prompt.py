"""The interactive prompt on a terminal: `ouro` run on a pseudo-terminal of the test's own.

A conversation: wait for a prompt, type a line, check what came back -- a multi-line `def`,
a call whose result is echoed, `_`, a traceback, a Ctrl-C (SIGINT) at the prompt and during a
loop, the history file (readline), then `exit()`. Every read has a deadline, so a prompt that
never comes fails the test instead of hanging it. The prompt (tests/cli/test_options.py
compares it with CPython's through a pipe) and the reading of incomplete input
(`test_incomplete_input`) are also checked without a terminal.
"""

from __future__ import annotations

import os
import select
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from ouro import repl
from tests.cli import runner

pytestmark = pytest.mark.skipif(
    sys.platform == "win32", reason="pseudo-terminals are POSIX"
)
DEADLINE = 20.0  # seconds for any one answer: a hang guard, not a speed test


class Terminal:
    """A child process whose stdin, stdout and stderr are one pseudo-terminal."""

    def __init__(self, args: list[str], env: dict[str, str], cwd: Path) -> None:
        self.master, slave = os.openpty()
        self.proc = subprocess.Popen(
            args,
            stdin=slave,
            stdout=slave,
            stderr=slave,
            env=env,
            cwd=cwd,
            start_new_session=True,
        )
        os.close(slave)
        self.seen = ""

    def expect(self, text: str) -> str:
        """Read until `text` appears; return what came before it (and drop both)."""
        end = time.monotonic() + DEADLINE
        while text not in self.seen:
            left = end - time.monotonic()
            if left <= 0 or self.proc.poll() is not None and not self.readable(0):
                raise AssertionError(f"no {text!r} in {self.seen!r}")
            if self.readable(left):
                try:
                    chunk = os.read(self.master, 4096)
                except OSError:  # the child closed the terminal
                    chunk = b""
                if not chunk:
                    continue
                self.seen += chunk.decode("utf-8", "replace").replace("\r\n", "\n")
        before, _, self.seen = self.seen.partition(text)
        return before

    def readable(self, timeout: float) -> bool:
        return bool(select.select([self.master], [], [], timeout)[0])

    def send(self, line: str) -> None:
        os.write(self.master, line.encode())

    def close(self) -> int:
        try:
            return self.proc.wait(timeout=DEADLINE)
        finally:
            if self.proc.poll() is None:
                self.proc.kill()
                self.proc.wait()
            os.close(self.master)


def test_conversation(tmp_path: Path) -> None:
    history = tmp_path / "history"
    env = runner.environment(
        PYTHONPATH=str(runner.ROOT),
        HOME=str(tmp_path),  # nothing may touch the real home folder
        PYTHON_HISTORY=str(history),
        TERM="dumb",
        INPUTRC=os.devnull,
    )
    term = Terminal([*runner.OURO], env, tmp_path)
    try:
        banner = term.expect(">>> ")
        assert "Ouro" in banner and 'Type "help"' in banner
        term.send("def twice(x):\n")
        term.expect("... ")
        term.send("    return x * 2\n")
        term.expect("... ")
        term.send("\n")
        term.expect(">>> ")
        term.send("twice(21)\n")
        assert term.expect(">>> ").endswith("42\n")
        term.send("_ + 1\n")
        assert term.expect(">>> ").endswith("43\n")
        term.send("1/0\n")
        shown = term.expect(">>> ")
        assert (
            'Traceback (most recent call last):\n  File "<stdin>", line 1, in <module>\n'
            "ZeroDivisionError: division by zero\n"
        ) in shown
        term.send("x = 5")  # half a line, then Ctrl-C: the line is dropped
        time.sleep(0.2)
        term.proc.send_signal(signal.SIGINT)
        assert "KeyboardInterrupt" in term.expect(">>> ")
        term.send("while True: pass\n")
        term.expect("... ")
        term.send("\n")
        time.sleep(0.5)
        term.proc.send_signal(signal.SIGINT)
        shown = term.expect(">>> ")
        assert "Traceback (most recent call last):" in shown
        assert shown.rstrip().endswith("KeyboardInterrupt")
        term.send("'x' in dir()\n")
        assert term.expect(">>> ").endswith("False\n")
        term.send("exit()\n")
        assert term.close() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()
    if history.exists():  # the host has readline
        assert "twice(21)" in history.read_text()
    assert not list(tmp_path.rglob("*.pyc"))  # what is typed is never cached


def test_end_of_input_exits_zero(tmp_path: Path) -> None:
    env = runner.environment(
        PYTHONPATH=str(runner.ROOT), HOME=str(tmp_path), TERM="dumb"
    )
    env["PYTHON_HISTORY"] = str(tmp_path / "history")
    term = Terminal([*runner.OURO, "-q"], env, tmp_path)
    try:
        assert term.expect(">>> ") == ""  # -q: no banner
        term.send("\x04")  # Ctrl-D
        assert term.close() == 0
    finally:
        if term.proc.poll() is None:
            term.proc.kill()


@pytest.mark.parametrize(
    ("text", "final", "want"),
    [
        ("x = 1\n", False, "code"),
        ("if x:\n", False, repl.MORE),
        ("if x:\n  y\n", False, repl.MORE),
        ("if x: y\n", False, repl.MORE),  # an else: may follow
        ("if x:\n  y\n\n", True, "code"),
        ("x = (1,\n", False, repl.MORE),
        ("x = (1,\n\n", True, repl.MORE),  # empty lines go on inside brackets
        ("'''doc\n", False, repl.MORE),
        ("x = 1 + \\\n", False, repl.MORE),
        ("@decorator\n", False, repl.MORE),
        ("try:\n  pass\n", False, repl.MORE),
        ("# a comment\n", False, repl.EMPTY),
        ("   \n", False, repl.EMPTY),
        ("1 +\n", False, SyntaxError),  # CPython reports at the end of the line
        ("x = (1,\n 2 +)\n", False, SyntaxError),
        ("'abc\n", False, SyntaxError),
        ("if x:\n\n", True, IndentationError),
        ("if x:\n  y\nz\n", False, SyntaxError),
        ("x = 1; y = 2\n", False, "code"),
    ],
)
def test_incomplete_input(text: str, final: bool, want: object) -> None:
    if isinstance(want, type):
        with pytest.raises(want):
            repl.compile_input(text, final)
        return
    got = repl.compile_input(text, final)
    if want == "code":
        assert hasattr(got, "co_code") or hasattr(got, "co_name")
    else:
        assert got == want
