"""Bytecode files under Ouro's importer: imported modules are cached, the main script never;
-B, PYTHONDONTWRITEBYTECODE, sys.dont_write_bytecode and the cache prefix are honoured; an
edited source is compiled again; a damaged .pyc is a silent cache miss."""

from __future__ import annotations

import os
from pathlib import Path

from ouro.cache import pycfile
from tests.importer.helpers import run, write_tree

FILES = {
    "mod.py": "print('mod runs')\nVALUE = 1\n",
    "pkg/__init__.py": "",
    "pkg/sub.py": "WHERE = 'sub'\n",
    "main.py": """
        import mod, pkg.sub
        print(mod.VALUE, pkg.sub.WHERE)
        print(os.path.relpath(mod.__cached__) if (os := __import__('os')) else '')
    """,
}


def pyc_files(folder: Path) -> list[str]:
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*.pyc"))


def test_imported_modules_are_cached_not_the_main_script(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    first = run(tmp_path, ["main.py"])
    assert first.returncode == 0, first.stderr
    assert first.stdout.splitlines()[-1] == "__pycache__/mod.ouro-312.pyc"
    assert pyc_files(tmp_path) == [
        "__pycache__/mod.ouro-312.pyc",
        "pkg/__pycache__/__init__.ouro-312.pyc",
        "pkg/__pycache__/sub.ouro-312.pyc",
    ]
    # The cached code is what runs next time, and it runs the same.
    stamp = os.stat(tmp_path / "__pycache__/mod.ouro-312.pyc").st_mtime_ns
    second = run(tmp_path, ["main.py"])
    assert second.stdout == first.stdout
    assert os.stat(tmp_path / "__pycache__/mod.ouro-312.pyc").st_mtime_ns == stamp


def test_no_writes_when_asked(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    assert run(tmp_path, ["main.py"], write_bytecode=False).returncode == 0
    assert run(tmp_path, ["-B", "main.py"]).returncode == 0
    write_tree(
        tmp_path,
        {"flag.py": "import sys\nsys.dont_write_bytecode = True\nimport mod\n"},
    )
    assert run(tmp_path, ["flag.py"]).returncode == 0
    assert pyc_files(tmp_path) == []


def test_cache_prefix(tmp_path: Path) -> None:
    write_tree(tmp_path / "src", FILES)
    prefix = tmp_path / "prefix"
    result = run(tmp_path / "src", ["-X", f"pycache_prefix={prefix}", "main.py"])
    assert result.returncode == 0, result.stderr
    assert pyc_files(tmp_path / "src") == []
    made = pyc_files(prefix)
    assert any(name.endswith("src/mod.ouro-312.pyc") for name in made), made
    env_run = run(tmp_path / "src", ["main.py"], PYTHONPYCACHEPREFIX=str(prefix))
    assert env_run.stdout == result.stdout


def test_edited_source_is_compiled_again(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    run(tmp_path, ["main.py"])
    (tmp_path / "mod.py").write_text("print('edited')\nVALUE = 2222\n")
    result = run(tmp_path, ["main.py"])
    assert result.stdout.startswith("edited\n2222 sub"), result.stderr


def test_damaged_pyc_is_a_cache_miss(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    run(tmp_path, ["main.py"])
    pyc = tmp_path / "__pycache__/mod.ouro-312.pyc"
    data = bytearray(pyc.read_bytes())
    data[-3] ^= 0xFF
    pyc.write_bytes(bytes(data))
    result = run(tmp_path, ["main.py"])
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("mod runs\n1 sub")
    assert pycfile.read_pyc(str(pyc), str(tmp_path / "mod.py")) is not None  # rewritten


def test_unwritable_folder_runs_from_memory(tmp_path: Path) -> None:
    write_tree(tmp_path, FILES)
    cache_home = tmp_path / "cache-home"
    os.chmod(tmp_path, 0o555)
    try:
        if os.access(tmp_path, os.W_OK):  # root ignores the mode bits
            return
        result = run(tmp_path, ["main.py"], XDG_CACHE_HOME=str(cache_home))
    finally:
        os.chmod(tmp_path, 0o755)
    assert result.returncode == 0, result.stderr
    assert pyc_files(tmp_path) == []
