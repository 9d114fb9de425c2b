"""``ouro -m compileall`` and ``import compileall`` in Ouro: CPython 3.12's options, lines and
exit statuses, plus Ouro's summary line (and a progress count on a terminal)."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from ouro.cache import pycfile
from ouro.tools import compileall
from tests.tools.helpers import environment, hosts, ouro, reference, run

SUMMARY = re.compile(
    r"^compileall: (\d+) compiled, (\d+) up to date, (\d+) failed in \d+\.\d s$"
)
CASES = {
    "tree": ["pkg"],
    "quiet": ["-q", "pkg"],
    "very quiet": ["-qq", "pkg"],
    "no recursion": ["-l", "pkg"],
    "depth": ["-r", "1", "pkg"],
    "exclude": ["-x", "bad", "pkg"],
    "files": ["pkg/a.py", "pkg/bad.py"],
    "legacy": ["-b", "-x", "bad", "pkg"],
    "workers": ["-j", "2", "pkg"],
    "missing": ["nothing"],
    "ddir with strip": ["-d", "x", "-s", "y", "pkg"],
    "hash": ["--invalidation-mode", "checked-hash", "-x", "bad", "pkg"],
    "bad mode": ["--invalidation-mode", "nope", "pkg"],
    "help": ["-h"],
}


def tree(folder: Path) -> Path:
    (folder / "pkg" / "sub" / "deeper").mkdir(parents=True)
    (folder / "pkg" / "__init__.py").write_text("")
    (folder / "pkg" / "a.py").write_text("x = 1\n")
    (folder / "pkg" / "bad.py").write_text("def f(:\n")
    (folder / "pkg" / "notes.txt").write_text("not python\n")
    (folder / "pkg" / "sub" / "b.py").write_text("y = 2\n")
    (folder / "pkg" / "sub" / "deeper" / "c.py").write_text("z = 3\n")
    return folder


def without_summary(stdout: str) -> tuple[str, tuple[int, ...] | None]:
    lines = stdout.splitlines(keepends=True)
    if lines and SUMMARY.match(lines[-1].rstrip("\n")):
        found = SUMMARY.match(lines[-1].rstrip("\n"))
        assert found is not None
        return "".join(lines[:-1]), tuple(int(n) for n in found.groups())
    return stdout, None


@pytest.mark.parametrize("host", hosts())
@pytest.mark.parametrize("case", sorted(CASES))
def test_command_line_as_cpython(case: str, host: str, tmp_path: Path) -> None:
    python = reference()
    if python is None:
        pytest.skip("no CPython 3.12 to compare with")
    args = CASES[case]
    expected = run([python, "-m", "compileall", *args], tree(tmp_path / "c"))
    got = ouro(["-m", "compileall", *args], tree(tmp_path / "o"), host)
    stdout, summary = without_summary(got.stdout)
    wanted = expected.stdout
    if "-j" in args:  # worker processes print in the order they finish
        stdout, wanted = sorted(stdout.splitlines()), sorted(wanted.splitlines())
    assert (stdout, got.stderr, got.returncode) == (
        wanted,
        expected.stderr,
        expected.returncode,
    )
    quiet = any(a.startswith("-q") for a in args) or expected.returncode == 2
    assert (summary is None) == (quiet or case == "help")
    # Every file CPython compiled has Ouro's .pyc where CPython put its own.
    for pyc in (tmp_path / "c").rglob("*.cpython-312.pyc"):
        mine = tmp_path / "o" / pyc.relative_to(tmp_path / "c")
        mine = mine.with_name(mine.name.replace("cpython-312", "ouro-312"))
        assert mine.exists(), mine
    for pyc in (tmp_path / "c").rglob("*.pyc"):
        if ".cpython-312." not in pyc.name:  # -b: legacy names, Ouro's format inside
            data = (tmp_path / "o" / pyc.relative_to(tmp_path / "c")).read_bytes()
            assert pycfile.read_header(data) is not None


def test_summary_and_up_to_date(tmp_path: Path) -> None:
    tree(tmp_path)
    first = ouro(["-m", "compileall", "pkg"], tmp_path)
    assert without_summary(first.stdout)[1] == (4, 0, 1)
    second = ouro(["-m", "compileall", "pkg"], tmp_path)
    assert "Compiling 'pkg/a.py'" not in second.stdout
    assert without_summary(second.stdout)[1] == (0, 4, 1)
    os.utime(tmp_path / "pkg" / "a.py", (1, 1))  # an edited source is compiled again
    third = ouro(["-m", "compileall", "-x", "bad", "pkg"], tmp_path)
    assert without_summary(third.stdout)[1] == (1, 3, 0)
    assert third.returncode == 0
    forced = ouro(["-m", "compileall", "-f", "-x", "bad", "pkg"], tmp_path)
    assert without_summary(forced.stdout)[1] == (4, 0, 0)
    source = str(tmp_path / "pkg" / "sub" / "b.py")
    assert pycfile.read_pyc(pycfile.cache_path(source), source) is not None


def test_progress_count_on_a_terminal(tmp_path: Path) -> None:
    tree(tmp_path)
    leader, follower = os.openpty()
    try:
        proc = subprocess.Popen(
            [sys.executable, "-m", "ouro", "-m", "compileall", "-x", "bad", "pkg"],
            cwd=tmp_path,
            stdout=follower,
            stderr=follower,
            env=environment(),
        )
        os.close(follower)
        chunks = []
        while True:
            try:
                chunk = os.read(leader, 4096)
            except OSError:
                break
            if not chunk:
                break
            chunks.append(chunk)
        proc.wait(timeout=120)
    finally:
        os.close(leader)
    lines = b"".join(chunks).decode().replace("\r\n", "\n").splitlines()
    compiling = [line for line in lines if "Compiling" in line]
    assert compiling == [
        "[1/5] Compiling 'pkg/__init__.py'...",
        "[2/5] Compiling 'pkg/a.py'...",
        "[4/5] Compiling 'pkg/sub/b.py'...",
        "[5/5] Compiling 'pkg/sub/deeper/c.py'...",
    ]
    assert SUMMARY.match(lines[-1])


def test_api(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    tree(tmp_path)
    pkg = tmp_path / "pkg"
    assert compileall.compile_dir(str(pkg), quiet=1) is False
    out = capsys.readouterr().out
    assert out.startswith(f"*** Error compiling {str(pkg / 'bad.py')!r}...")
    assert compileall.compile_file(str(pkg / "a.py"), force=True, ddir="/shown")
    source = str(pkg / "a.py")
    code = pycfile.read_pyc(pycfile.cache_path(source), source)
    assert code is not None and code.co_filename == "/shown/a.py"
    assert compileall.compile_dir(pkg, rx=re.compile("bad"), quiet=2, workers=2)
    assert compileall.compile_file(str(pkg / "notes.txt"))
    with pytest.raises(ValueError):
        compileall.compile_dir(str(pkg), workers=-1)


@pytest.mark.parametrize("host", hosts())
def test_ouro_programs_import_ouros_module(host: str, tmp_path: Path) -> None:
    tree(tmp_path)
    (tmp_path / "main.py").write_text(
        "import compileall, re\n"
        "print(compileall.compile_dir('pkg', quiet=1, rx=re.compile('bad')))\n"
        "print(compileall.__name__)\n"
    )
    got = ouro(["main.py"], tmp_path, host)
    assert got.stdout.split() == ["True", "compileall"], got.stderr
    assert (tmp_path / "pkg" / "sub" / "__pycache__" / "b.ouro-312.pyc").exists()
