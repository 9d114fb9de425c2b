"""The import statement under Ouro's importer behaves as under CPython (run side by side).

Each program prints what it imported and any ImportError it caught; the host CPython running
the same files must print the same.
"""

from __future__ import annotations

from pathlib import Path

from tests.importer.helpers import run, same_as_host, same_result_as_host, write_tree

PACKAGE = {
    "pkg/__init__.py": """
        print("pkg init", __name__, __package__)
        from . import sub
        VALUE = 1
    """,
    "pkg/sub.py": """
        print("sub", __name__, __package__)
        from .inner import deep
        from . import helper as h
        from .. import pkg as self_package  # beyond? no: pkg's parent is the top
    """,
    "pkg/helper.py": "NAME = 'helper'\n",
    "pkg/inner/__init__.py": "",
    "pkg/inner/deep.py": """
        from ..helper import NAME
        from ... import pkg
        print("deep sees", NAME)
    """,
}


def test_packages_and_relative_imports(tmp_path: Path) -> None:
    files = dict(PACKAGE)
    files["pkg/sub.py"] = """
        print("sub", __name__, __package__)
        from .inner import deep
        from . import helper as h
        print(h.NAME, deep.NAME)
    """
    files["pkg/inner/deep.py"] = """
        from ..helper import NAME
        print("deep sees", NAME, __package__)
    """
    files["main.py"] = """
        import pkg.inner.deep
        import pkg
        print(pkg.VALUE, pkg.sub.h.NAME, pkg.inner.deep.NAME)
        import pkg.sub as s
        print(s.__name__, s.__spec__.name, s.__spec__.parent, pkg.__spec__.submodule_search_locations == pkg.__path__)
        print(pkg.__file__.endswith("pkg/__init__.py"), s.__file__.endswith("pkg/sub.py"))
        print(type(pkg.__path__).__name__, len(pkg.__path__))
        from pkg import helper, inner
        print(helper.NAME, inner.__name__)
    """
    write_tree(tmp_path, files)
    same_as_host(tmp_path, ["main.py"])


def test_relative_import_errors(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "pkg/__init__.py": "",
            "pkg/up.py": "from ... import x\n",
            "top.py": "from . import x\n",
            "main.py": """
                for stmt in ["import pkg.up", "import top", "from . import y"]:
                    try:
                        exec(stmt)
                    except ImportError as e:
                        print(type(e).__name__, e)
                try:
                    __import__("", level=0)
                except ValueError as e:
                    print("ValueError", e)
                try:
                    __import__("x", None, None, (), -1)
                except ValueError as e:
                    print("ValueError", e)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_module_not_found_messages(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "plain.py": "X = 1\n",
            "pkg/__init__.py": "",
            "main.py": """
                tries = ["import no_such_mod", "import plain.sub", "import pkg.missing",
                         "from pkg import missing", "from plain import nothing",
                         "import no_such.deeper"]
                for stmt in tries:
                    try:
                        exec(stmt)
                    except ImportError as e:
                        print(type(e).__name__, "|", e, "|", e.name)
                import sys
                sys.modules["blocked"] = None
                try:
                    import blocked
                except ImportError as e:
                    print(type(e).__name__, "|", e, "|", e.name)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_executed_once_and_sys_modules(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "once.py": "print('running once')\nCOUNT = 1\n",
            "swap.py": "import sys\nsys.modules[__name__] = 'replaced'\n",
            "main.py": """
                import once
                import once as again
                from once import COUNT
                import importlib
                print(importlib.import_module("once") is once, again is once, COUNT)
                import sys
                print(sys.modules["once"] is once, "once" in sys.modules)
                import swap
                print(swap)
                print(sys.modules["__main__"].__name__, __name__)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_circular_imports(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "ca.py": "import cb\nA = 'a'\nprint('ca sees', cb.B)\n",
            "cb.py": "import ca\nB = 'b'\nprint('cb sees partial ca:', hasattr(ca, 'A'))\n",
            "xa.py": "from xb import B\nA = 1\n",
            "xb.py": "from xa import A\nB = 2\n",
            "main.py": """
                import ca
                print(ca.A)
                try:
                    import xa
                except ImportError as e:
                    print(type(e).__name__, "|", e)
                import sys
                print("xa" in sys.modules, "xb" in sys.modules)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_star_import(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "withall.py": "__all__ = ['a', '_b']\na = 1\n_b = 2\nc = 3\n",
            "noall.py": "a = 1\n_b = 2\nc = 3\n",
            "pkg/__init__.py": "__all__ = ['sub']\n",
            "pkg/sub.py": "X = 'sub'\n",
            "badall.py": "__all__ = ['a', 1]\na = 1\n",
            "main.py": """
                from withall import *
                print(sorted(k for k in dir() if not k.startswith('__')))
                from noall import *
                print(sorted(k for k in dir() if not k.startswith('__')))
                from pkg import *
                print(sub.X)
                try:
                    from badall import *
                except TypeError as e:
                    print("TypeError", e)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_program_replacing_import_is_honoured(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "mod.py": "X = 5\n",
            "main.py": """
                import builtins
                original = builtins.__import__
                def tracing(name, globals=None, locals=None, fromlist=(), level=0):
                    if not name.startswith("_"):  # CPython's C code imports _io by itself
                        print("import of", name, fromlist, level)
                    return original(name, globals, locals, fromlist, level)
                builtins.__import__ = tracing
                import mod
                from mod import X
                builtins.__import__ = original
                print(mod.X, X)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_namespace_packages(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "one/ns/a.py": "print('a from one')\n",
            "two/ns/b.py": "print('b from two')\n",
            "main.py": """
                import sys
                sys.path[:0] = ["one", "two"]
                import ns.a, ns.b
                print(ns.__file__ if hasattr(ns, "__file__") else "no __file__")
                print(sorted(p.rsplit('/', 1)[0].rsplit('/', 1)[-1] for p in ns.__path__))
                print(ns.__spec__.origin, ns.__spec__.loader is not None)
                print(type(ns.__path__).__name__)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_stdlib_is_run_by_ouro(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "main.py": """
                import textwrap, json, math, sys
                print(textwrap.dedent("  x\\n  y"))
                print(type(textwrap.__loader__).__module__, textwrap.__cached__.endswith(".ouro-312.pyc"))
                print(type(textwrap.dedent) is type(lambda: 0))  # an Ouro function
                print(math.__loader__, math is sys.modules["math"])
                print(sys.modules is sys.modules, "textwrap" in sys.modules)
            """,
        },
    )
    result = run(tmp_path, ["main.py"], write_bytecode=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:2] == ["x", "y"]
    assert lines[2] == "ouro.importer.loaders True"
    assert lines[3] == "True"
    assert lines[-1] == "True True"


def test_switch_is_on_by_default(tmp_path: Path) -> None:
    """Ouro's importer runs imported modules unless ``-X importer=host`` or
    ``OURO_IMPORTER=host`` ask for the host's (the command line winning)."""
    write_tree(
        tmp_path,
        {
            "main.py": "import textwrap\nprint(type(textwrap.dedent) is type(lambda: 0))\n"
        },
    )
    result = run(tmp_path, ["main.py"], options=())
    assert result.stdout == "True\n", result.stderr
    result = run(tmp_path, ["main.py"], options=(), OURO_IMPORTER="host")
    assert result.stdout == "False\n", result.stderr
    result = run(tmp_path, ["main.py"], options=("-X", "importer=host"))
    assert result.stdout == "False\n", result.stderr
    result = run(
        tmp_path, ["main.py"], options=("-X", "importer=ouro"), OURO_IMPORTER="host"
    )
    assert result.stdout == "True\n", result.stderr


def test_program_files_named_like_host_modules(tmp_path: Path) -> None:
    """A program's folder holding token.py, linecache.py, threading.py or sysconfig.py,
    which it never imports: Ouro's own imports of the host's modules (to print a traceback,
    to shut threads down) do not pick them up, as CPython's do not."""
    files = {f"{name}.py": "X = 1\n" for name in SHADOWS}
    files["main.py"] = """\
        import json
        print(json.dumps([1]))
        raise ValueError("boom")
        """
    write_tree(tmp_path, files)
    same_result_as_host(tmp_path, ["main.py"])


SHADOWS = (
    "token",
    "tokenize",
    "linecache",
    "threading",
    "sysconfig",
    "traceback",
    "ast",
)


def test_program_modules_named_like_ouros_own(tmp_path: Path) -> None:
    """traceback and dis are Ouro's own modules, but CPython's are plain stdlib files a
    program's start has not imported: the program's traceback.py and dis.py win, and a
    traceback is still printed by the host's own module.  warnings is in sys.modules when
    a program starts, so a warnings.py beside it is not imported."""
    write_tree(
        tmp_path,
        {
            "traceback.py": "X = 1\n",
            "dis.py": "X = 2\n",
            "warnings.py": "X = 3\n",
            "main.py": """\
                import traceback, dis, warnings
                print(traceback.X, dis.X, hasattr(warnings, "X"))
                raise ValueError("boom")
                """,
        },
    )
    same_result_as_host(tmp_path, ["main.py"])
