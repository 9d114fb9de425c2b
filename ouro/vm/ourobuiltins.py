"""The ``builtins`` module of Ouro programs.

A module of its own, not the host's: it starts as a copy of the host's builtins with Ouro's
versions of the functions tied to running code put in (``globals``, ``exec``, ``super``, ...:
frame_builtins.py; ``__build_class__``: classes.py).  Programs look names up in it, import it
and change it (``builtins.len = ...``) without reaching the host's module, which Ouro's own
machinery and the host's library go on using — a program replacing ``len`` must not replace it
inside the VM that runs the program.

``displayhook`` is Ouro's too: it keeps the last result shown at the prompt in this module's
``_``, where Ouro code looks for it.
"""

from __future__ import annotations

import builtins as host_builtins
import sys as host_sys
import types

from ouro.vm.classes import build_class
from ouro.vm.frame_builtins import FRAME_BUILTINS, FrameBuiltin

BUILTINS = types.ModuleType("builtins", host_builtins.__doc__)
BUILTINS.__dict__.update(
    (name, value)
    for name, value in vars(host_builtins).items()
    if name not in ("__name__", "__doc__")
)
BUILTINS.__dict__.update(FRAME_BUILTINS)
BUILTINS.__dict__["__build_class__"] = FrameBuiltin(
    "__build_class__",
    lambda env, r, args, kwargs: build_class(*args, **kwargs),
    needs_frame=False,
)


def host_import(
    name: str,
    globals: object = None,
    locals: object = None,
    fromlist: object = (),
    level: int = 0,
) -> object:
    """``__import__`` while Ouro's own importer is off: Ouro's own modules (sys, dis, ...)
    first, else the host's import, whose ``sys`` & co. are swapped for Ouro's."""
    from ouro.vm import own_modules

    if level == 0:
        own = own_modules.find(name)
        if own is not None:
            return own
    module = host_builtins.__import__(name, globals, locals, fromlist, level)  # type: ignore[arg-type]
    return own_modules.owned(module)


host_import.__name__ = host_import.__qualname__ = "__import__"
BUILTINS.__dict__["__import__"] = host_import
NAMESPACE: dict[str, object] = BUILTINS.__dict__
HOST_NAMESPACE: dict[str, object] = host_builtins.__dict__


def namespace_of(found: object) -> dict[str, object]:
    """The builtins dict for a ``__builtins__`` entry (a module or a dict); the host's
    module stands for Ouro's (programs never see it; host code handing it over means the
    default)."""
    if found is host_builtins or found is HOST_NAMESPACE:
        return NAMESPACE
    if isinstance(found, types.ModuleType):
        return found.__dict__
    if isinstance(found, dict):
        return found
    return NAMESPACE


def displayhook(value: object) -> None:
    """``sys.displayhook``: show a result at the prompt and keep it in ``builtins._``."""
    if value is None:
        return
    NAMESPACE["_"] = None
    text = repr(value)
    out = host_sys.stdout
    try:
        out.write(text)
    except UnicodeEncodeError:
        encoding = getattr(out, "encoding", None) or "ascii"
        data = text.encode(encoding, "backslashreplace")
        buffer = getattr(out, "buffer", None)
        if buffer is not None:
            buffer.write(data)
        else:
            out.write(data.decode(encoding, "strict"))
    out.write("\n")
    NAMESPACE["_"] = value
