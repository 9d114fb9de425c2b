"""``ouro -m py_compile`` and ``import py_compile`` in Ouro: CPython 3.12's command line and
API, writing Ouro's .pyc (which Ouro's cache reads back)."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from ouro.cache import pycfile
from ouro.tools import py_compile
from tests.tools.helpers import environment, hosts, ouro, reference, run

CASES = {
    "good": (["good.py"], ""),
    "syntax error": (["bad.py"], ""),
    "missing file": (["good.py", "nothing.py"], ""),
    "quiet": (["-q", "bad.py"], ""),
    "no arguments": ([], ""),
    "help": (["--help"], ""),
    "names from stdin": (["-"], "good.py\nbad.py\n"),
    "bad option": (["--nope", "good.py"], ""),
}


def scratch(folder: Path) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "good.py").write_text("x = 1\ndef f():\n    return x\n")
    (folder / "bad.py").write_text("x = (\n")
    return folder


@pytest.mark.parametrize("host", hosts())
@pytest.mark.parametrize("case", sorted(CASES))
def test_command_line_as_cpython(case: str, host: str, tmp_path: Path) -> None:
    python = reference()
    if python is None:
        pytest.skip("no CPython 3.12 to compare with")
    args, stdin = CASES[case]
    expected = run([python, "-m", "py_compile", *args], scratch(tmp_path / "c"), stdin)
    got = ouro(["-m", "py_compile", *args], scratch(tmp_path / "o"), host, stdin=stdin)
    assert (got.stdout, got.stderr, got.returncode) == (
        expected.stdout,
        expected.stderr,
        expected.returncode,
    )


def test_writes_ouro_pyc(tmp_path: Path) -> None:
    source = scratch(tmp_path) / "good.py"
    cfile = py_compile.compile(str(source))
    assert cfile == pycfile.cache_path(str(source))
    assert cfile.endswith("__pycache__/good.ouro-312.pyc")
    code = pycfile.read_pyc(cfile, str(source))
    assert code is not None and code.co_filename == str(source)


def test_parameters(tmp_path: Path) -> None:
    source = str(scratch(tmp_path) / "good.py")
    target = str(tmp_path / "out" / "x.pyc")
    mode = py_compile.PycInvalidationMode.CHECKED_HASH
    written = py_compile.compile(source, target, "shown.py", invalidation_mode=mode)
    assert written == target
    data = Path(target).read_bytes()
    header = pycfile.read_header(data)
    assert (
        header is not None and header.invalidation == pycfile.Invalidation.CHECKED_HASH
    )
    code = pycfile.read_pyc(target, source)
    assert code is not None and code.co_filename == "shown.py"
    level2 = py_compile.compile(source, optimize=2)
    assert level2 is not None and level2.endswith("good.ouro-312.opt-2.pyc")


def test_errors(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    bad = str(scratch(tmp_path) / "bad.py")
    with pytest.raises(py_compile.PyCompileError) as info:
        py_compile.compile(bad, doraise=True)
    error = info.value
    assert error.exc_type_name == "SyntaxError" and error.file == bad
    assert str(error) == error.msg and "'(' was never closed" in error.msg
    assert py_compile.compile(bad) is None
    assert "SyntaxError: '(' was never closed" in capsys.readouterr().err
    assert py_compile.compile(bad, quiet=2) is None
    assert capsys.readouterr().err == ""
    link = tmp_path / "link.pyc"
    link.symlink_to(tmp_path / "elsewhere")
    with pytest.raises(FileExistsError):
        py_compile.compile(str(tmp_path / "good.py"), str(link))


@pytest.mark.parametrize("host", hosts())
def test_ouro_programs_import_ouros_module(host: str, tmp_path: Path) -> None:
    scratch(tmp_path)
    (tmp_path / "main.py").write_text(
        "import py_compile, sys\n"
        "print(py_compile.compile('good.py'))\n"
        "print(py_compile.PycInvalidationMode.TIMESTAMP.value)\n"
        "try:\n"
        "    py_compile.compile('bad.py', doraise=True)\n"
        "except py_compile.PyCompileError as e:\n"
        "    print(e.exc_type_name)\n"
    )
    got = ouro(["main.py"], tmp_path, host)
    assert got.stdout.split() == ["__pycache__/good.ouro-312.pyc", "1", "SyntaxError"]
    assert got.returncode == 0, got.stderr


def test_host_runs_main_too(tmp_path: Path) -> None:
    scratch(tmp_path)
    got = run([sys.executable, "-m", "ouro.tools.py_compile", "good.py"], tmp_path,
              env=environment())  # fmt: skip
    assert got.returncode == 0, got.stderr
    assert (tmp_path / "__pycache__" / "good.ouro-312.pyc").exists()
