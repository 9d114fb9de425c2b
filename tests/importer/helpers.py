"""Running a program under Ouro with its own importer (and under the host, to compare).

Each test writes a small tree of modules into a scratch folder and runs ``main.py`` there as
``python3 -m ouro -X importer=ouro main.py`` (the default, spelled out), in a clean environment that says whether
bytecode may be written (our machines set PYTHONDONTWRITEBYTECODE=1; tests choose).  The same
program run by the host CPython gives the expected output where the behaviour is CPython's.
"""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
TIMEOUT = 120  # a hang guard only


@dataclass(slots=True)
class Run:
    stdout: str
    stderr: str
    returncode: int


def environment(write_bytecode: bool = True, **extra: str) -> dict[str, str]:
    env = {
        "PATH": os.environ.get("PATH", os.defpath),
        "PYTHONIOENCODING": "utf-8",
        "PYTHONNOUSERSITE": "1",
        "LC_ALL": "C.UTF-8",
        "PYTHON_COLORS": "0",
        "PYTHONPATH": str(ROOT),
        "HOME": os.environ.get("HOME", "/tmp"),
    }
    if not write_bytecode:
        env["PYTHONDONTWRITEBYTECODE"] = "1"
    env.update(extra)
    return env


def write_tree(folder: Path, files: dict[str, str | bytes]) -> None:
    """Write ``{relative path: text}`` under ``folder`` (text dedented)."""
    for name, content in files.items():
        path = folder / name
        path.parent.mkdir(parents=True, exist_ok=True)
        if isinstance(content, bytes):
            path.write_bytes(content)
        else:
            path.write_text(textwrap.dedent(content), encoding="utf-8")


def run(
    folder: Path,
    args: list[str],
    *,
    host: bool = False,
    options: tuple[str, ...] = ("-X", "importer=ouro"),
    write_bytecode: bool = True,
    **env: str,
) -> Run:
    """Run ``args`` (a script and its arguments, or -m ...) in ``folder`` under Ouro with its
    importer, or under the host CPython (``host=True``, bytecode never written)."""
    if host:
        command = [sys.executable, "-B", *args]
    else:
        command = [sys.executable, "-m", "ouro", *options, *args]
    proc = subprocess.run(
        command,
        cwd=folder,
        env=environment(write_bytecode, **env),
        stdin=subprocess.DEVNULL,
        capture_output=True,
        check=False,
        timeout=TIMEOUT,
    )
    text = str(folder) + os.sep
    return Run(
        proc.stdout.decode("utf-8", "backslashreplace").replace(text, ""),
        proc.stderr.decode("utf-8", "backslashreplace").replace(text, ""),
        proc.returncode,
    )


def same_as_host(folder: Path, args: list[str], **env: str) -> Run:
    """Run under Ouro and under the host; assert the same stdout and status."""
    ouro = run(folder, args, **env)
    cpython = run(folder, args, host=True, **env)
    assert (ouro.stdout, ouro.returncode) == (cpython.stdout, cpython.returncode), (
        ouro.stderr
    )
    return ouro


def same_result_as_host(folder: Path, args: list[str], **env: str) -> Run:
    """Run under Ouro and under the host; assert the same stdout, stderr and status."""
    ouro = run(folder, args, **env)
    cpython = run(folder, args, host=True, **env)
    assert (ouro.stdout, ouro.stderr, ouro.returncode) == (
        cpython.stdout,
        cpython.stderr,
        cpython.returncode,
    )
    return ouro
