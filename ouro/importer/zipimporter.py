"""Imports from zip archives on ``sys.path`` (``/x/lib.zip`` or ``/x/lib.zip/sub/folder``).

``zipimporter`` is the host's class (it reads the archive's directory and its members, and
knows resources), with every step that touches code done by Ouro: the module's source is read
from the archive as bytes (so a coding cookie is honoured) and compiled by Ouro's compiler;
a member ``NAME.pyc`` without its ``NAME.py`` is read as an Ouro .pyc (shipped bytecode); the
code runs on Ouro's VM.  Nothing is written into or beside the archive (CPython does not
either); compiled code lives for the run.

The host's own ``get_code``/``get_filename`` are not used: they compile with the host.
"""

from __future__ import annotations

import os
import types
import zipimport as host_zipimport

from ouro.cache import pycfile
from ouro.importer import core, loaders, specs

ZipImportError = host_zipimport.ZipImportError
_SEP = os.sep


class zipimporter(host_zipimport.zipimporter):
    """A path entry finder and loader for one folder of a zip archive."""

    def _members(self) -> dict[str, object]:
        files = getattr(self, "_files", None)
        if files is None:
            files = self._get_files()  # type: ignore[attr-defined]  # 3.13
        return files  # type: ignore[no-any-return]

    def _locate(self, fullname: str) -> tuple[str, bool] | None:
        """(member path, is a package) of the module, source first; None if absent."""
        base = self.prefix + fullname.rpartition(".")[2]
        members = self._members()
        for stem, is_package in ((base + _SEP + "__init__", True), (base, False)):
            for suffix in (".py", ".pyc"):
                if stem + suffix in members:
                    return stem + suffix, is_package
        return None

    def find_spec(
        self, fullname: str, target: object = None
    ) -> specs.ModuleSpec | None:
        found = self._locate(fullname)
        if found is None:
            folder = self.prefix + fullname.rpartition(".")[2]
            if folder + _SEP in self._members():  # a portion of a namespace package
                spec = specs.ModuleSpec(fullname, None, is_package=True)
                spec.submodule_search_locations = [f"{self.archive}{_SEP}{folder}"]
                return spec
            return None
        member, is_package = found
        path = f"{self.archive}{_SEP}{member}"
        spec = specs.ModuleSpec(fullname, self, origin=path, is_package=is_package)
        spec._set_fileattr = True
        spec.cached = None
        if is_package:
            spec.submodule_search_locations = [os.path.dirname(path)]
        return spec

    def get_filename(self, fullname: str) -> str:
        found = self._locate(fullname)
        if found is None:
            raise ZipImportError(f"can't find module {fullname!r}", name=fullname)
        return f"{self.archive}{_SEP}{found[0]}"

    def is_package(self, fullname: str) -> bool:
        found = self._locate(fullname)
        if found is None:
            raise ZipImportError(f"can't find module {fullname!r}", name=fullname)
        return found[1]

    def get_code(self, fullname: str) -> object:
        path = self.get_filename(fullname)
        data = self.get_data(path)
        if path.endswith(".pyc"):
            header = pycfile.read_header(data)
            if header is not None:
                from ouro.cache.serializer import BadBytecode, loads

                try:
                    return loads(memoryview(data)[pycfile.HEADER_SIZE :])
                except BadBytecode:
                    pass
            raise ZipImportError(
                f"bad or damaged Ouro bytecode in {path!r}", name=fullname
            )
        from ouro.compiler import compile_source

        return compile_source(data, path, "exec", optimize=specs.optimize_level())

    def create_module(self, spec: object) -> None:
        return None

    def exec_module(self, module: types.ModuleType) -> None:
        loaders.run_code(self.get_code(module.__name__), module)

    def load_module(self, fullname: str) -> types.ModuleType:
        return core.load_module_shim(self, fullname)

    def __repr__(self) -> str:
        return f'<zipimporter object "{self.archive}{_SEP}{self.prefix}">'
