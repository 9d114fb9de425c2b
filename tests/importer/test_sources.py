"""Where modules come from: zip archives, sourceless .pyc files, finders and path hooks
written by the program, and ``-m`` through Ouro's importer."""

from __future__ import annotations

import zipfile
from pathlib import Path

from ouro.cache import pycfile
from ouro.compiler import compile_source
from tests.importer.helpers import run, same_as_host, write_tree


def test_zip_archive_on_sys_path(tmp_path: Path) -> None:
    with zipfile.ZipFile(tmp_path / "lib.zip", "w") as archive:
        archive.writestr(
            "zmod.py", "# -*- coding: latin-1 -*-\nWORD = 'caf\xe9'\n".encode("latin-1")
        )
        archive.writestr("zpkg/__init__.py", "from .inner import X\n")
        archive.writestr("zpkg/inner.py", "X = 'inner'\n")
        archive.writestr("zpkg/data.txt", "resource text")
    write_tree(
        tmp_path,
        {
            "main.py": """
                import sys
                sys.path.insert(0, "lib.zip")
                import zmod, zpkg
                print(zmod.WORD, zpkg.X, zpkg.inner.__name__)
                print(zmod.__file__.endswith("lib.zip/zmod.py"), zpkg.__path__[0].endswith("lib.zip/zpkg"))
                print(type(zmod.__loader__).__name__)
                print(zmod.__loader__.get_data(zpkg.__path__[0] + "/data.txt"))
                import importlib.resources
                print(importlib.resources.files("zpkg").joinpath("data.txt").read_text())
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_sourceless_pyc_where_the_source_would_be(tmp_path: Path) -> None:
    source = b"def shipped():\n    return 'from bytecode'\n"
    code = compile_source(source, "shipped.py", "exec")
    (tmp_path / "shipped.pyc").write_bytes(pycfile.make_pyc(code, source))
    (tmp_path / "bad.pyc").write_bytes(b"not bytecode at all")
    write_tree(
        tmp_path,
        {
            "main.py": """
                import shipped
                print(shipped.shipped(), shipped.__file__, type(shipped.__loader__).__name__)
                try:
                    import bad
                except ImportError as e:
                    print("ImportError", e.name)
            """,
        },
    )
    result = run(tmp_path, ["main.py"])
    assert (
        result.stdout
        == "from bytecode shipped.pyc SourcelessFileLoader\nImportError bad\n"
    )


FINDER = """
    import sys, importlib.abc, importlib.util

    class StringLoader(importlib.abc.Loader):
        def __init__(self, source):
            self.source = source
        def create_module(self, spec):
            return None
        def exec_module(self, module):
            exec(self.source, module.__dict__)

    class StringFinder(importlib.abc.MetaPathFinder):
        def find_spec(self, name, path, target=None):
            if name == "virtual":
                return importlib.util.spec_from_loader(name, StringLoader("X = 'virtual!'"))
            return None

    sys.meta_path.insert(0, StringFinder())
    import virtual
    print(virtual.X, virtual.__spec__.name, type(virtual.__loader__).__name__)

    class DictFinder:
        def __init__(self, path):
            if not path.startswith("dict:"):
                raise ImportError("not mine")
        def find_spec(self, name, target=None):
            return importlib.util.spec_from_loader(name, StringLoader(f"NAME = {name!r}"))
        def invalidate_caches(self):
            print("invalidated")

    sys.path_hooks.insert(0, DictFinder)
    sys.path.insert(0, "dict:")
    import anything
    print(anything.NAME, type(sys.path_importer_cache["dict:"]).__name__)
    importlib.invalidate_caches()
"""


def test_meta_path_finder_and_path_hook_written_in_python(tmp_path: Path) -> None:
    write_tree(tmp_path, {"main.py": FINDER})
    same_as_host(tmp_path, ["main.py"])


def test_dash_m_module_and_package(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "tool.py": "import sys\nprint('tool', __name__, sys.argv[1:], __spec__.name)\n",
            "app/__init__.py": "print('app init')\n",
            "app/__main__.py": "print('app main', __name__, __package__)\n",
            "ns/sub.py": "",
        },
    )
    same_as_host(tmp_path, ["-m", "tool", "a", "b"])
    same_as_host(tmp_path, ["-m", "app"])
    for name in ("ns", "nowhere", ".rel"):
        ouro = run(tmp_path, ["-m", name])
        cpython = run(tmp_path, ["-m", name], host=True)
        assert ouro.returncode == cpython.returncode == 1
        assert ouro.stderr.partition(":")[2] == cpython.stderr.partition(":")[2]
