"""The freezer: ``ouro -m ouro.freeze prog.py -o prog`` writes one executable file.

Takes a program; hands on ONE file that runs it with any ``python3`` >= 3.11, Ouro not
installed: ``./prog args`` behaves like ``ouro prog.py args``.  The file is a
``#!/usr/bin/env python3`` line followed by a zip archive (the host runs a zip's
``__main__.py``, as for ``zipapp``)::

    __main__.py                      three lines: boot Ouro (ouro/freeze/boot.py)
    ouro/...                         Ouro's runtime, as host source (it runs on the host)
    __ouro_frozen__/manifest.json    format, the freezing host's stdlib version, the modules
    __ouro_frozen__/code/NAME.ouro   each module's code object, ouro/cache/serializer.py

No source of the program or of the standard library goes in: modules are found statically
(finder.py), compiled by Ouro's compiler, and stored as Ouro bytecode whose file names are the
original paths (tracebacks name them, as CPython's frozen modules do).  Modules that come from
the host (Ouro's own, C extensions, ouro/importer/hostlist.py) stay out.  Names imported
through computed strings cannot be seen: ``--include NAME`` adds them, and anything still
missing at run time is looked up on ``sys.path`` (the host's standard library) as usual.
"""

from __future__ import annotations

import io
import json
import os
import sys
import zipfile
from dataclasses import dataclass, field

import ouro
from ouro.cache.serializer import dumps
from ouro.freeze.boot import FOLDER, FORMAT, MANIFEST
from ouro.freeze.finder import ModuleGraph

__all__ = ["Frozen", "freeze", "main"]

SHEBANG = b"#!/usr/bin/env python3\n"
STUB = '''"""A program frozen by Ouro (ouro -m ouro.freeze): Ouro's runtime and its bytecode."""
import os, sys
if sys.version_info < (3, 11):
    sys.exit("this program needs Python 3.11 or later")
# The runtime's file names must be normal paths (Ouro hides its own frames by their folder).
archive = os.path.dirname(os.path.abspath(__file__))
sys.path[0] = archive
from ouro.freeze.boot import main
sys.exit(main(archive))
'''
_EPOCH = (
    1980,
    1,
    1,
    0,
    0,
    0,
)  # fixed entry times: the same program gives the same file


@dataclass(slots=True)
class Frozen:
    """What ``freeze`` wrote: the output path, the modules frozen, those not found."""

    output: str
    modules: list[str] = field(default_factory=list)
    stdlib: int = 0
    host: list[str] = field(default_factory=list)
    missing: dict[str, set[str]] = field(default_factory=dict)
    bad: dict[str, str] = field(default_factory=dict)
    size: int = 0


def freeze(
    script: str,
    output: str,
    *,
    include: list[str] | tuple[str, ...] = (),
    path: list[str] | None = None,
    optimize: int = 0,
) -> Frozen:
    """Freeze ``script`` into the executable ``output``.  ``path``: where imports are looked
    for (default: the script's folder, then sys.path).  SyntaxError if the script does not
    compile; ImportError if an ``include`` cannot be found."""
    script = os.path.abspath(script)
    if path is None:
        path = [os.path.dirname(script), *sys.path[1:]]
    graph = ModuleGraph(list(path), optimize)
    main_code = graph.run_script(script)
    for name in include:
        if not graph.include(name):
            raise ImportError(f"No module named {name!r} (--include)", name=name)
    files: dict[str, bytes] = {"__main__.py": STUB.encode()}
    files.update(runtime_files())
    code_entry = f"{FOLDER}/code/__main__.ouro"
    files[code_entry] = dumps(main_code)  # type: ignore[arg-type]
    result = Frozen(output)
    modules: dict[str, dict[str, object]] = {}
    for name, module in graph.modules.items():
        if module.kind == "host":
            result.host.append(name)
            continue
        record: dict[str, object] = {"file": module.file, "stdlib": module.stdlib}
        if module.kind == "namespace":
            record["search"] = module.search
        else:
            entry = f"{FOLDER}/code/{name}.ouro"
            files[entry] = dumps(module.code)  # type: ignore[arg-type]
            record.update(entry=entry, package=module.is_package)
        modules[name] = record
        result.modules.append(name)
        result.stdlib += module.stdlib
    manifest = {
        "format": FORMAT,
        "ouro": ouro.__version__ if hasattr(ouro, "__version__") else None,
        "stdlib": list(sys.version_info[:2]),
        "main": {"file": script, "entry": code_entry},
        "modules": modules,
    }
    files[MANIFEST] = json.dumps(manifest, indent=1, sort_keys=True).encode()
    result.size = write_executable(output, files)
    result.missing, result.bad = graph.missing, graph.bad
    return result


def runtime_files() -> dict[str, bytes]:
    """Ouro's runtime: every .py file of the ``ouro`` package, by archive name."""
    root = os.path.dirname(os.path.abspath(ouro.__file__))
    if not os.path.isdir(root):
        raise RuntimeError(
            f"Ouro's runtime must be a folder to freeze from, not {root!r}"
        )
    files: dict[str, bytes] = {}
    for folder, subfolders, names in os.walk(root):
        subfolders[:] = sorted(d for d in subfolders if d != "__pycache__")
        for name in sorted(names):
            if name.endswith(".py"):
                full = os.path.join(folder, name)
                relative = os.path.relpath(full, os.path.dirname(root))
                with open(full, "rb") as file:
                    files[relative.replace(os.sep, "/")] = file.read()
    return files


def write_executable(output: str, files: dict[str, bytes]) -> int:
    """The shebang line and a zip of ``files`` into ``output`` (atomically), executable;
    the file's size."""
    buffer = io.BytesIO()
    buffer.write(SHEBANG)
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            info = zipfile.ZipInfo(name, _EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    data = buffer.getvalue()
    temp = f"{output}.{os.getpid()}.tmp"
    umask = os.umask(0)
    os.umask(umask)
    try:
        with open(temp, "wb") as file:
            file.write(data)
        os.chmod(temp, 0o777 & ~umask)
        os.replace(temp, output)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise
    return len(data)


def main(argv: list[str] | None = None) -> int:
    """``ouro -m ouro.freeze SCRIPT [-o OUTPUT] [--include MODULE]... [-O] [-q] [-v]``."""
    import argparse

    parser = argparse.ArgumentParser(
        prog="ouro -m ouro.freeze",
        description="Freeze a program into one executable file that runs it with any "
        "python3 >= 3.11, Ouro not installed.",
    )
    parser.add_argument("script", help="the program's main file")
    parser.add_argument(
        "-o", "--output", help="the executable to write (default: SCRIPT without .py)"
    )
    parser.add_argument(
        "--include", action="append", default=[], metavar="MODULE",
        help="also freeze MODULE (imported by a computed name); may be repeated",
    )  # fmt: skip
    parser.add_argument(
        "-O", action="count", default=0, dest="optimize",
        help="compile as -O does (-OO: as -OO)",
    )  # fmt: skip
    parser.add_argument("-q", "--quiet", action="store_true", help="print nothing")
    parser.add_argument(
        "-v", "--verbose", action="store_true", help="list every module not found"
    )
    args = parser.parse_args(sys.argv[1:] if argv is None else argv)
    output = args.output or _default_output(args.script)
    try:
        result = freeze(
            args.script, output, include=args.include, optimize=min(args.optimize, 2)
        )
    except SyntaxError as e:
        from ouro.cli import report

        report(e)
        return 1
    except (OSError, ImportError, RuntimeError) as e:
        print(f"ouro.freeze: error: {e}", file=sys.stderr)
        return 1
    if not args.quiet:
        _summary(result, args.verbose)
    return 0


def _default_output(script: str) -> str:
    base = os.path.basename(script)
    return base[:-3] if base.endswith(".py") and len(base) > 3 else base + ".bin"


def _summary(result: Frozen, verbose: bool) -> None:
    own = len(result.modules) - result.stdlib
    print(
        f"froze {result.output!r}: the program, {own} module(s) of its own, "
        f"{result.stdlib} of the standard library; {len(result.host)} from the host at "
        f"run time; {result.size // 1024} KB"
    )
    for name, error in sorted(result.bad.items()):
        print(f"  did not compile: {name}: {error}")
    shown = 0
    for name, importers in sorted(result.missing.items()):
        if verbose or _imported_by_program(importers, result):
            print(f"  not found: {name} (imported by {', '.join(sorted(importers))})")
            shown += 1
    hidden = len(result.missing) - shown
    if hidden:
        print(
            f"  {hidden} more name(s) imported by the standard library not found "
            "(platform modules, optional imports; -v lists them)"
        )


def _imported_by_program(importers: set[str], result: Frozen) -> bool:
    """Was a missing name asked for by the program itself (not by the stdlib)?"""
    return any(
        name == "__main__" or name == "<--include>" for name in importers
    ) or any(
        name in result.modules
        for name in importers
        if not _is_stdlib_name(name, result)
    )


def _is_stdlib_name(name: str, result: Frozen) -> bool:
    return (
        name in sys.stdlib_module_names
        or name.partition(".")[0] in sys.stdlib_module_names
    )
