"""The public importlib API on Ouro's importer: import_module, reload, invalidate_caches,
util.find_spec, spec_from_file_location, module_from_spec, machinery names."""

from __future__ import annotations

from pathlib import Path

from tests.importer.helpers import run, same_as_host, write_tree


def test_import_module_and_find_spec(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/a.py": "A = 'a'\n",
            "main.py": """
                import importlib, importlib.util, sys
                a = importlib.import_module(".a", "pkg")
                print(a.A, a is importlib.import_module("pkg.a"), a is sys.modules["pkg.a"])
                try:
                    importlib.import_module(".a")
                except TypeError as e:
                    print("TypeError", e)
                spec = importlib.util.find_spec("pkg.a")
                print(spec.name, spec.parent, spec.origin.endswith("pkg/a.py"))
                print(importlib.util.find_spec("no_such_thing"))
                print(importlib.util.find_spec("math").origin)
                try:
                    importlib.import_module("pkg.nothing")
                except ModuleNotFoundError as e:
                    print(e, e.name)
                print(importlib.util.resolve_name("..x", "p.q.r"))
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_reload_and_invalidate_caches(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "counter.py": "import sys\nRUNS = getattr(sys.modules.get('counter'), 'RUNS', 0) + 1\n",
            "main.py": """
                import importlib, counter, os, time
                print(counter.RUNS)
                same = importlib.reload(counter)
                print(same is counter, counter.RUNS)
                try:
                    importlib.reload(os.path.join)
                except TypeError as e:
                    print("TypeError", e)
                with open("later.py", "w") as f:
                    f.write("LATE = True\\n")
                importlib.invalidate_caches()
                import later
                print(later.LATE)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_spec_from_file_location_and_module_from_spec(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "elsewhere/plugin.txt.py": "print('plugin runs', __name__)\nVALUE = 7\n",
            "main.py": """
                import importlib.util, importlib.machinery, sys
                spec = importlib.util.spec_from_file_location("plugin", "elsewhere/plugin.txt.py")
                module = importlib.util.module_from_spec(spec)
                print(module.__name__, "plugin" in sys.modules)
                spec.loader.exec_module(module)
                print(module.VALUE, module.__file__.endswith("plugin.txt.py"))
                print(isinstance(spec, importlib.machinery.ModuleSpec))
                print(isinstance(spec.loader, importlib.machinery.SourceFileLoader))
                print(importlib.machinery.SOURCE_SUFFIXES, importlib.machinery.BYTECODE_SUFFIXES)
                print(".py" in importlib.machinery.all_suffixes())
                loader = importlib.machinery.SourceFileLoader("direct", "elsewhere/plugin.txt.py")
                direct = importlib.util.module_from_spec(importlib.util.spec_from_loader("direct", loader))
                loader.exec_module(direct)
                print(direct.VALUE, importlib.machinery.PathFinder.find_spec("main").name)
                print(importlib.util.spec_from_file_location("x", "data.unknown"))
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_cache_names(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "main.py": """
                import importlib.util, sys
                print(sys.implementation.cache_tag)
                print(importlib.util.cache_from_source("/a/b.py"))
                print(importlib.util.source_from_cache("/a/__pycache__/b.ouro-312.pyc"))
                print(len(importlib.util.MAGIC_NUMBER))
            """,
        },
    )
    result = run(tmp_path, ["main.py"])
    assert result.stdout.splitlines()[:3] == [
        "ouro-312",
        "/a/__pycache__/b.ouro-312.pyc",
        "/a/b.py",
    ], result.stderr
