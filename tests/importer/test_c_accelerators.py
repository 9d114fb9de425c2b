"""json, asyncio and numbers are Ouro's, and the C accelerators that look them up by name find
Ouro's modules (ouro/importer/hostlist.py BOUND_EXTENSIONS, fixups.py's json.decoder view).

Each program runs under Ouro and under the host CPython and must print the same; the first
test also checks what only Ouro can say (who compiled the modules).
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

from tests.importer.helpers import run, same_as_host, write_tree


def test_modules_are_compiled_by_ouro(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "main.py": """
                import sys, json, json.decoder, asyncio, asyncio.events, numbers, decimal
                for name in ("json", "json.decoder", "asyncio", "asyncio.events", "numbers"):
                    module = sys.modules[name]
                    print(name, type(module.__loader__).__module__, module.__cached__.endswith(".ouro-312.pyc"))
                print(type(json.loads) is type(lambda: 0), type(asyncio.run) is type(lambda: 0))
                import _asyncio
                print(_asyncio.Future is asyncio.Future, _asyncio.Task is asyncio.Task)
            """,
        },
    )
    result = run(tmp_path, ["main.py"], write_bytecode=False)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    for line in lines[:5]:
        assert line.endswith(" ouro.importer.loaders True"), line
    assert lines[5:] == ["True True", "True True"]


def test_json_scanner_raises_the_class_in_sys_modules(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "main.py": """
                import importlib, sys, json
                def check(loads, *classes):
                    try:
                        loads('{"a" 1}')
                    except ValueError as e:
                        return [type(e) is c for c in classes], e.msg, e.pos
                print(check(json.loads, json.JSONDecodeError))
                saved = {n: sys.modules.pop(n) for n in sorted(sys.modules) if n.split(".")[0] == "json"}
                fresh = importlib.import_module("json")
                print(check(fresh.loads, json.JSONDecodeError, fresh.JSONDecodeError))
                sys.modules.update(saved)
                print(check(fresh.loads, json.JSONDecodeError, fresh.JSONDecodeError))
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


@pytest.mark.skipif(
    sys.version_info < (3, 12), reason="3.11's scanner only reads sys.modules"
)
def test_json_scanner_imports_json_decoder(tmp_path: Path) -> None:
    """From 3.12 the scanner imports json.decoder at each error (CPython's
    ``_PyImport_GetModuleAttr``), so a missing one is imported anew, a blocked one is an
    ImportError."""
    write_tree(
        tmp_path,
        {
            "main.py": """
                import sys, json
                old = json.JSONDecodeError
                del sys.modules["json.decoder"]
                try:
                    json.loads("[1 2]")
                except ValueError as e:
                    print(type(e) is old, type(e) is sys.modules["json.decoder"].JSONDecodeError)
                sys.modules["json.decoder"] = None
                try:
                    json.loads("[1 2]")
                except ImportError as e:
                    print(type(e).__name__, e)
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_asyncio_c_code_uses_ouro_classes(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "main.py": """
                import asyncio, sys
                async def main():
                    loop = asyncio.get_running_loop()
                    future = loop.create_future()
                    future.cancel("why")
                    try:
                        await future
                    except asyncio.CancelledError as e:
                        print("cancelled", e.args, type(e).__module__)
                    try:
                        future.set_result(1)
                    except asyncio.InvalidStateError as e:
                        print("invalid state", type(e).__module__)
                    task = asyncio.current_task()
                    print(task in asyncio.all_tasks(), asyncio.get_event_loop() is loop)
                    print(repr(future).split(" at ")[0], task.get_name())
                asyncio.run(main())
                class Policy(asyncio.DefaultEventLoopPolicy):
                    def get_event_loop(self):
                        print("the program's policy is asked")
                        return super().get_event_loop()
                asyncio.set_event_loop_policy(Policy())
                loop = asyncio.new_event_loop()
                asyncio.set_event_loop(loop)
                print(asyncio.get_event_loop() is loop)
                loop.close()
                print(sorted(n for n in sys.modules if n in ("numbers", "_asyncio", "asyncio.base_tasks")))
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])


def test_decimal_joins_the_programs_numbers(tmp_path: Path) -> None:
    write_tree(
        tmp_path,
        {
            "main.py": """
                import sys
                import decimal
                print("numbers" in sys.modules)
                import numbers, fractions, collections.abc
                D, F = decimal.Decimal, fractions.Fraction
                print(isinstance(D(1), numbers.Number), issubclass(D, numbers.Real))
                print(D("0.5") == F(1, 2), F(1, 2) == D("0.5"), D(1) < F(3, 2))
                print(isinstance(decimal.getcontext().flags, collections.abc.MutableMapping))
                print(D("1.5").as_tuple())
            """,
        },
    )
    same_as_host(tmp_path, ["main.py"])
