"""Running `ouro` and CPython 3.12's `python` side by side for the command-line tests.

Both run in the same scratch folder with the same small environment; CPython's messages name
its executable (`/path/python3.12: No module named x`, `Try \\`python -h'`) where Ouro's say
`ouro`, so `normalize` rewrites CPython's text to Ouro's before they are compared.
"""

from __future__ import annotations

import functools
import os
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# CPython's name for itself at the start of its messages and in its usage line.
PROGRAM_NAME = re.compile(r"^(usage: )?\S*python3\.12(?=:| \[option\])", re.MULTILINE)
ROOT = Path(__file__).resolve().parent.parent.parent
OURO = [sys.executable, "-m", "ouro"]
REFERENCE = ["python3.12"]
TIMEOUT = 60  # a hang guard only


@dataclass(slots=True)
class Run:
    stdout: str
    stderr: str
    returncode: int


def environment(**extra: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "PYTHONDONTWRITEBYTECODE": "1",
        "PYTHONIOENCODING": "utf-8",
        "LC_ALL": "C.UTF-8",
        "PYTHON_COLORS": "0",
        "PYENV_VERSION": "3.12.1",  # what `python3.12` means on our hosts (pyenv)
    }
    if "PYENV_ROOT" in os.environ:
        env["PYENV_ROOT"] = os.environ["PYENV_ROOT"]
    env.update(extra)
    return env


def run(
    command: list[str],
    args: list[str],
    folder: Path,
    stdin: str = "",
    env: dict[str, str] | None = None,
) -> Run:
    env = environment() if env is None else env
    if command is OURO:
        env = {**env, "PYTHONPATH": str(ROOT)}
    proc = subprocess.run(
        [*command, *args],
        cwd=folder,
        env=env,
        input=stdin.encode(),
        capture_output=True,
        timeout=TIMEOUT,
        check=False,
    )
    return Run(
        proc.stdout.decode("utf-8", "replace"),
        proc.stderr.decode("utf-8", "replace"),
        proc.returncode,
    )


@functools.cache
def reference_executable() -> str | None:
    """CPython 3.12's sys.executable, or None if there is no 3.12 to compare with."""
    probe = "import sys; print(sys.version_info[:2] == (3, 12)); print(sys.executable)"
    try:
        proc = subprocess.run(
            [*REFERENCE, "-c", probe],
            env=environment(),
            capture_output=True,
            timeout=TIMEOUT,
            check=False,
        )
    except OSError:
        return None
    lines = proc.stdout.decode().splitlines()
    if proc.returncode or len(lines) != 2 or lines[0] != "True":
        return None
    return lines[1]


def normalize(text: str) -> str:
    """CPython's text as Ouro words it: its program name (argv[0], a path when started
    through pyenv's shim) is `ouro`."""
    text = PROGRAM_NAME.sub(lambda m: (m.group(1) or "") + "ouro", text)
    return text.replace("Try `python -h'", "Try `ouro -h'")
