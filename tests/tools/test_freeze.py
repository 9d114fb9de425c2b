"""``ouro -m ouro.freeze``: one executable that runs a program with any python3 >= 3.11,
Ouro not importable, as ``ouro prog.py args`` does (output, traceback, exit status) — frozen
on each host and run on each host."""

from __future__ import annotations

import functools
import shutil
import tempfile
import zipfile
from pathlib import Path

import pytest

from tests.tools.helpers import environment, hosts, ouro, run

PROGRAM = {
    "prog.py": """\
import importlib
import sys
from collections import Counter
from mypkg import Point, util

print("args:", sys.argv[1:])
p = Point(3, 4)
print(p, p.norm2(), Point.__module__)
print(util.summary(sys.argv[1:] or ["a", "b", "a"]))
print(__name__, util.plugin_name())
if "--boom" in sys.argv:
    util.fail(5)
if "--exit" in sys.argv:
    sys.exit(3)
if "--dynamic" in sys.argv:
    name = "mypkg." + "extra"
    print(importlib.import_module(name).VALUE)
""",
    "mypkg/__init__.py": "from .shapes import Point\nfrom . import util\n",
    "mypkg/shapes.py": """\
from dataclasses import dataclass, field


@dataclass
class Point:
    x: int
    y: int
    tags: list = field(default_factory=list)

    def norm2(self):
        return self.x * self.x + self.y * self.y
""",
    "mypkg/util.py": """\
import json
from collections import OrderedDict, Counter
from .sub.deep import NAME


def summary(words):
    return json.dumps(OrderedDict(sorted(Counter(words).items())))


def plugin_name():
    return NAME


def fail(n):
    if n > 2:
        raise ValueError(f"bad value {n}")
""",
    "mypkg/sub/__init__.py": "",
    "mypkg/sub/deep.py": "from .. import shapes\nNAME = 'deep:' + shapes.__name__\n",
    "mypkg/extra.py": "VALUE = 'extra module'\n",
}
RUNS = [["x", "y", "x"], ["--boom"], ["--exit"], []]


def write_program(folder: Path) -> Path:
    for name, text in PROGRAM.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text)
    return folder / "prog.py"


@functools.cache
def frozen(host: str, include: tuple[str, ...] = ()) -> Path:
    """The program frozen by Ouro on ``host`` (once per test run)."""
    folder = Path(tempfile.mkdtemp(prefix="ouro-freeze-"))
    script = write_program(folder / "src")
    extra = [arg for name in include for arg in ("--include", name)]
    result = ouro(
        ["-m", "ouro.freeze", str(script), "-o", "prog", *extra], folder, host
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("froze 'prog'"), result.stdout
    return folder / "prog"


@functools.cache
def bare_python(host: str) -> str:
    """The interpreter of a new virtual environment of ``host`` with nothing installed: a
    python3 on which Ouro is not installed, even where ``pip install -e .`` (the README's
    commands, CI) has installed it into ``host`` itself."""
    folder = Path(tempfile.mkdtemp(prefix="ouro-bare-python-"))
    made = run([host, "-m", "venv", "--without-pip", str(folder)], folder)
    assert made.returncode == 0, made.stderr
    return str(folder / "bin" / "python3")


def clean_run(executable: Path, host: str, args: list[str], tmp: Path):  # type: ignore[no-untyped-def]
    """Run a copy of ``executable`` from another empty folder, no PYTHONPATH, with a python
    of ``host``'s version on which Ouro is not installed."""
    place = tmp / "bin"
    place.mkdir(exist_ok=True)
    copy = place / "prog"
    shutil.copy2(executable, copy)
    elsewhere = tmp / "cwd"
    elsewhere.mkdir(exist_ok=True)
    env = environment(ouro=False)
    python = bare_python(host)
    assert run([python, "-c", "import ouro"], elsewhere, env=env).returncode == 1
    return run([python, str(copy), *args], elsewhere, env=env)


@pytest.mark.parametrize("runner", hosts())
@pytest.mark.parametrize("freezer", hosts())
def test_runs_as_ouro_does(freezer: str, runner: str, tmp_path: Path) -> None:
    executable = frozen(freezer)
    source = executable.parent / "src" / "prog.py"
    for args in RUNS:
        expected = ouro([str(source), *args], tmp_path, runner)
        got = clean_run(executable, runner, args, tmp_path)
        assert (got.stdout, got.stderr, got.returncode) == (
            expected.stdout,
            expected.stderr,
            expected.returncode,
        ), args
        if "--boom" in args:  # the traceback names the original files
            assert f'File "{source}", line 12' in got.stderr


def test_the_file(tmp_path: Path) -> None:
    executable = frozen(hosts()[0])
    assert executable.read_bytes().startswith(b"#!/usr/bin/env python3\n")
    assert executable.stat().st_mode & 0o111
    with zipfile.ZipFile(executable) as archive:
        names = archive.namelist()
    sources = [n for n in names if n.endswith(".py")]
    assert all(n.startswith("ouro/") or n == "__main__.py" for n in sources)
    frozen_code = {
        n.rpartition("/")[2] for n in names if n.startswith("__ouro_frozen__/code/")
    }
    for name in (
        "mypkg",
        "mypkg.shapes",
        "mypkg.util",
        "mypkg.sub.deep",
        "dataclasses",
        "json",
    ):
        assert f"{name}.ouro" in frozen_code
    assert "copyreg.ouro" not in frozen_code  # the host's (ouro/importer/hostlist.py)
    assert "mypkg.extra.ouro" not in frozen_code  # imported by a computed name


@pytest.mark.parametrize("runner", hosts())
def test_without_sources(runner: str, tmp_path: Path) -> None:
    """With the sources gone the bytecode still runs; the traceback names the original
    files without their lines (CPython's frozen modules do the same); a computed import
    needs --include."""
    folder = tmp_path / "f"
    folder.mkdir()
    script = write_program(folder / "src")
    made = ouro(["-m", "ouro.freeze", str(script), "-o", "plain", "-q"], folder)
    assert made.returncode == 0, made.stderr
    made = ouro(
        [
            "-m",
            "ouro.freeze",
            str(script),
            "-o",
            "with",
            "-q",
            "--include",
            "mypkg.extra",
        ],
        folder,
    )
    assert made.returncode == 0, made.stderr
    shutil.rmtree(folder / "src")
    got = clean_run(folder / "plain", runner, ["--boom"], tmp_path)
    assert got.returncode == 1
    assert got.stderr.splitlines() == [
        "Traceback (most recent call last):",
        f'  File "{folder / "src" / "prog.py"}", line 12, in <module>',
        f'  File "{folder / "src" / "mypkg" / "util.py"}", line 16, in fail',
        "ValueError: bad value 5",
    ]
    got = clean_run(folder / "plain", runner, ["--dynamic"], tmp_path)
    assert got.returncode == 1
    assert got.stderr.endswith("ModuleNotFoundError: No module named 'mypkg.extra'\n")
    got = clean_run(folder / "with", runner, ["--dynamic"], tmp_path)
    assert (got.returncode, got.stdout.splitlines()[-1]) == (0, "extra module"), (
        got.stderr
    )


def test_freezer_errors(tmp_path: Path) -> None:
    (tmp_path / "bad.py").write_text("x = (\n")
    got = ouro(["-m", "ouro.freeze", "bad.py"], tmp_path)
    assert got.returncode == 1
    assert got.stderr.endswith("SyntaxError: '(' was never closed\n")
    (tmp_path / "ok.py").write_text("print(1)\n")
    got = ouro(
        ["-m", "ouro.freeze", "ok.py", "--include", "no_such_module_x"], tmp_path
    )
    assert got.returncode == 1 and "no_such_module_x" in got.stderr
    got = ouro(["-m", "ouro.freeze", "ok.py", "-q"], tmp_path)
    assert got.returncode == 0 and (tmp_path / "ok").exists()
    assert (
        run([str(tmp_path / "ok")], tmp_path, env=environment(ouro=False)).stdout
        == "1\n"
    )
