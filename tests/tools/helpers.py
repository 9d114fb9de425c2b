"""Running Ouro's tools and CPython 3.12's side by side, and the hosts a frozen program runs on.

Both run in a scratch folder with a small environment.  ``HOSTS`` are the host interpreters
on this machine (3.11 as ``python3``, 3.12 as ``python3.12`` through pyenv): Ouro's tools are
run on each, and a program frozen on one is run on every one.
"""

from __future__ import annotations

import functools
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 300  # a hang guard only


@dataclass(slots=True)
class Run:
    stdout: str
    stderr: str
    returncode: int


def environment(ouro: bool = True, **extra: str) -> dict[str, str]:
    """A small environment; ``ouro``: Ouro importable (PYTHONPATH is the checkout)."""
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "PYTHONIOENCODING": "utf-8",
        "PYTHONNOUSERSITE": "1",
        "LC_ALL": "C.UTF-8",
        "PYTHON_COLORS": "0",
        "PYENV_VERSION": "3.12.1",  # what `python3.12` means on our hosts (pyenv)
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    for name in ("PYENV_ROOT", "XDG_CACHE_HOME"):
        if name in os.environ:
            env[name] = os.environ[name]
    if ouro:
        env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def run(
    command: list[str],
    folder: Path,
    stdin: str = "",
    env: dict[str, str] | None = None,
) -> Run:
    proc = subprocess.run(
        command,
        check=False,
        cwd=folder,
        input=stdin,
        capture_output=True,
        text=True,
        env=environment() if env is None else env,
        timeout=TIMEOUT,
    )
    return Run(proc.stdout, proc.stderr, proc.returncode)


def ouro(
    args: list[str], folder: Path, host: str = sys.executable, **kw: object
) -> Run:
    return run([host, "-m", "ouro", *args], folder, **kw)  # type: ignore[arg-type]


def _interpreter(command: str, version: tuple[int, int], **env: str) -> str | None:
    """The absolute path of ``command`` if it runs and is Python ``version`` (pyenv's
    shims pick the version from the environment, so the binary itself is used)."""
    try:
        proc = subprocess.run(
            [command, "-c", "import sys; print(sys.version_info[:2], sys.executable)"],
            check=False,
            capture_output=True,
            text=True,
            env={**environment(ouro=False), **env},
            timeout=60,
        )
    except OSError:
        return None
    found, _, path = proc.stdout.strip().rpartition(" ")
    if proc.returncode != 0 or found.replace(" ", "") != str(version).replace(" ", ""):
        return None
    return path


@functools.cache
def reference() -> str | None:
    """CPython 3.12's interpreter, None if this machine has none."""
    if sys.version_info[:2] == (3, 12):
        return sys.executable
    return _interpreter("python3.12", (3, 12))


@functools.cache
def hosts() -> tuple[str, ...]:
    """The host interpreters available: this one, and the other of 3.11 / 3.12."""
    found = [sys.executable]
    if sys.version_info[:2] == (3, 12):
        # pyenv puts the running version's bin folder first on PATH: leave it out, so the
        # shims choose by PYENV_VERSION (pyenv's 3.11 rather than a system one).
        path = os.pathsep.join(
            entry
            for entry in os.environ.get("PATH", os.defpath).split(os.pathsep)
            if f"{os.sep}versions{os.sep}" not in entry
        )
        other = _interpreter(
            "python3.11", (3, 11), PYENV_VERSION="3.11.7", PATH=path
        ) or _interpreter("python3.11", (3, 11))
    else:
        other = reference()
    if other is not None:
        found.append(other)
    return tuple(found)
