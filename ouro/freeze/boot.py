"""The start of a frozen program: Ouro's runtime, booted from the archive, runs the program.

Takes the archive's path (its ``__main__.py`` passes it); hands the host's process over to
Ouro's VM running the program's code as ``__main__``, as ``ouro prog.py args`` would: the same
``sys.argv`` (the archive's path as typed, then the arguments), ``sys.path[0]`` the archive's
folder, the same tracebacks (the code carries the original file names) and exit status.

The program's modules come from the archive first: ``FrozenFinder`` sits on Ouro's
``sys.meta_path`` just before the path finder (after Ouro's own modules and the host's C
modules), and loads the code the freezer serialized (ouro/cache/serializer.py).  A module the
archive lacks (a name computed at run time that was not ``--include``d) is looked for on
``sys.path`` as usual: the host's standard library, compiled by Ouro.

Standard-library modules are frozen from the freezing host's library, which fits that host
version's C modules only (3.12's ``typing`` needs 3.12's ``_typing``...).  On a host of
another version they are not used: that host's own library is, as ``ouro prog.py`` would use
it there.  The program's own modules and third-party ones are used on every host.
"""

from __future__ import annotations

import json
import os
import sys
import types
import zipfile

from ouro.cache.serializer import loads

FORMAT = 1
FOLDER = "__ouro_frozen__"
MANIFEST = FOLDER + "/manifest.json"


class FrozenArchive:
    """The manifest and the serialized code objects of one frozen program."""

    def __init__(self, path: str) -> None:
        self.path = path
        self.zip = zipfile.ZipFile(path)
        self.manifest: dict[str, object] = json.loads(self.zip.read(MANIFEST))
        if self.manifest.get("format") != FORMAT:
            raise RuntimeError(f"{path}: not an archive of this Ouro's freezer")

    def code(self, entry: str) -> object:
        return loads(self.zip.read(entry))

    def modules(self) -> dict[str, dict[str, object]]:
        """name -> {file, package, stdlib, entry | search}, the modules to serve."""
        found: dict[str, dict[str, object]] = self.manifest["modules"]  # type: ignore[assignment]
        stdlib = self.manifest.get("stdlib")
        if (
            list(sys.version_info[:2]) != stdlib
        ):  # another host version: its own library
            found = {k: v for k, v in found.items() if not v.get("stdlib")}
        return found


class FrozenFinder:
    """Meta path finder for the modules in the archive."""

    def __init__(self, archive: FrozenArchive) -> None:
        self.archive = archive
        self.modules = archive.modules()

    def find_spec(
        self, fullname: str, path: object = None, target: object = None
    ) -> object:
        from ouro.importer import finders, loaders, specs

        entry = self.modules.get(fullname)
        if entry is None:
            return None
        if "entry" not in entry:  # a namespace package
            spec = specs.ModuleSpec(fullname, None, is_package=True)
            portions = list(entry["search"])  # type: ignore[call-overload]
            spec.submodule_search_locations = loaders.NamespacePath(  # type: ignore[assignment]
                fullname, portions, finders.PathFinder
            )
            return spec
        file = str(entry["file"])
        package = bool(entry["package"])
        loader = FrozenLoader(self.archive, fullname, entry)
        spec = specs.ModuleSpec(fullname, loader, origin=file, is_package=package)
        spec.has_location = (
            True  # __file__ names the original source, as co_filename does
        )
        if package:
            spec.submodule_search_locations = [os.path.dirname(file)]
        return spec

    def invalidate_caches(self) -> None:
        pass

    def __repr__(self) -> str:
        return f"<FrozenFinder {self.archive.path!r}>"


class FrozenLoader:
    """Runs a module's frozen code on Ouro's VM."""

    def __init__(
        self, archive: FrozenArchive, name: str, entry: dict[str, object]
    ) -> None:
        self.archive, self.name, self.entry = archive, name, entry

    def create_module(self, spec: object) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        from ouro.importer import loaders

        loaders.run_code(self.get_code(module.__name__), module)

    def get_code(self, fullname: str) -> object:
        return self.archive.code(str(self.entry["entry"]))

    def get_source(self, fullname: str) -> None:
        return None  # no sources in the archive (CPython's frozen modules say the same)

    def is_package(self, fullname: str) -> bool:
        return bool(self.entry["package"])

    def get_filename(self, fullname: str) -> str:
        return str(self.entry["file"])

    def __repr__(self) -> str:
        return f"<frozen module {self.name!r}>"


def main(archive_path: str) -> int:
    """Run the frozen program in the archive at ``archive_path``; its exit status."""
    from ouro import cli, importer
    from ouro.vm.sysview import SYS

    archive = FrozenArchive(os.path.abspath(archive_path))
    opts = cli.Options(path=sys.argv[0], args=sys.argv[1:])
    cfg = cli.config(opts)
    cli.configure(opts, cfg)  # argv, sys.path (the archive's folder first), flags
    if not importer.installed():
        importer.install(sys.path)
    meta_path = SYS.meta_path
    finder = FrozenFinder(archive)
    before = next(
        (
            i
            for i, f in enumerate(meta_path)
            if getattr(f, "__name__", "") == "PathFinder"
        ),
        len(meta_path),
    )
    meta_path.insert(before, finder)
    main = archive.manifest["main"]
    assert isinstance(main, dict)
    code = archive.code(main["entry"])
    module = cli.main_module(main["file"])
    return cli.run_code(code, module)
