"""Ouro functions: what MAKE_FUNCTION builds and CALL runs.

A ``Function`` holds a ``Code`` with its globals, defaults and closure, plus what the loop
wants at call time, computed once when the function is made (or its ``__code__`` replaced):

* ``_env``: the frame environment ``(code, insts, globals, builtins, None)`` the loop switches
  to (``insts`` are the decoded instructions, see ``decode``);
* ``_template``: the code's register template with the closure's cells already in the free
  variable slots, so a frame is ``_template.copy()`` plus the arguments;
* ``_rest``: ``_template[_argc:]``, so a CALL of several arguments makes the frame as
  ``arguments + _rest`` (one concatenation, cheaper than a copy and a slice assignment);
* ``_argc``: the positional count of the fast path (no ``*args``, ``**kwargs`` or keyword-only
  parameters), -1 if there is none.

``bind_arguments`` fills a register list from positional and keyword arguments with every
parameter kind and CPython 3.12's TypeError messages. ``Function.__call__`` lets host code
(sorted, map, dunder methods) call an Ouro function: it runs a nested loop, the only host
recursion the VM does.
"""

from __future__ import annotations

import types
from itertools import compress, count, repeat
from operator import is_
from typing import Any

from ouro.bytecode import opcodes
from ouro.bytecode.code import CO_VARARGS, CO_VARKEYWORDS, UNBOUND, Code, HostKind

# A decoded instruction: (op, a, b, c, the index of the next instruction); see decode().
Decoded = tuple[int, object, object, object, int]
Env = tuple[Code, tuple[Decoded, ...], dict[str, object], dict[str, object], object]


def run_frame(env: Env, registers: list[object], *args: object) -> object:
    """Replaced by ``ouro.vm.loop.run_frame`` when the loop is imported (it imports us)."""
    raise SystemError("ouro: import ouro.vm.loop before running functions")


# --- decoding -------------------------------------------------------------------------------

# opcode -> which of its operands are NAMEs, () for an opcode with none, None if no opcode
# has that number.
_NAME_OPERANDS: list[tuple[bool, ...] | None] = [None] * 256
for _info in opcodes.OPS:
    _NAME_OPERANDS[_info.number] = (
        tuple(kind == opcodes.NAME for kind in _info.operands)
        if opcodes.NAME in _info.operands
        else ()
    )
# opcode byte -> 1 if it has a NAME operand, 0 if not, 2 if no opcode has that number.
_NAME_MARKS = bytes(2 if kinds is None else int(bool(kinds)) for kinds in _NAME_OPERANDS)


def decode(code: Code) -> tuple[Decoded, ...]:
    """The loop's form of ``code``'s instructions, kept on the code object: NAME operands
    replaced by the name strings, and each instruction's index + 1 appended, so the loop's
    fetch ``op, a, b, c, pc = insts[pc]`` moves pc on without an addition (and without
    making an int for each pc over 256).  Made from the flat operands at C speed, with a
    Python step only for the instructions that name something."""
    decoded = code._decoded
    if decoded is not None:
        return decoded
    flat = code.operands
    ops = flat[0::4]
    try:
        marks = bytes(ops).translate(_NAME_MARKS)
    except ValueError:  # an opcode over 255
        marks = b"\x02"
    if 2 in marks:
        raise SystemError(f"ouro: unknown opcode in {code.co_qualname}")
    it = iter(flat)
    insts: list[Any] = list(zip(it, it, it, it, count(1)))
    names = code.co_names
    for i in compress(range(len(ops)), marks):
        op, a, b, c, after = insts[i]
        kinds = _NAME_OPERANDS[op]
        assert kinds
        if kinds[0]:
            a = names[a]
        if kinds[1]:
            b = names[b]
        if kinds[2]:
            c = names[c]
        insts[i] = (op, a, b, c, after)
    decoded = code._decoded = tuple(insts)
    return decoded


def builtins_of(globals: dict[str, object]) -> dict[str, object]:
    """The builtins dict a frame with these globals uses (``globals['__builtins__']``)."""
    from ouro.vm.ourobuiltins import NAMESPACE, namespace_of

    found = globals.get("__builtins__", None)
    if found is not None:
        return namespace_of(found)
    # CPython 3.12: globals without __builtins__ (``FunctionType(code, {})``) take the
    # running frame's builtins; rare, as modules and exec's namespaces have the key.
    from ouro.vm.frames import current_activation

    activation = current_activation()
    if activation is None:
        return NAMESPACE
    return activation[0][3]  # type: ignore[no-any-return]  # the Env's builtins


def make_env(code: Code, globals: dict[str, object], locals: object = None) -> Env:
    """The frame environment for running ``code`` with these namespaces."""
    return (code, decode(code), globals, builtins_of(globals), locals)


# --- Function -------------------------------------------------------------------------------

_set_field = object.__setattr__
_MethodType = types.MethodType


class Function(metaclass=HostKind, host=types.FunctionType):
    """An Ouro function object, with the attributes of CPython's."""

    __slots__ = (
        "__dict__",
        "__name__",
        "__qualname__",
        "__weakref__",
        "_annotations",
        "_argc",
        "_builtins",
        "_closure",
        "_code",
        "_defaults",
        "_doc",
        "_env",
        "_globals",
        "_kwdefaults",
        "_module",
        "_rest",
        "_template",
        "_type_params",
    )

    def __init__(
        self,
        code: Code,
        globals: dict[str, object],
        name: str | None = None,
        defaults: tuple[object, ...] | None = None,
        closure: tuple[types.CellType, ...] | None = None,
        kwdefaults: dict[str, object] | None = None,
        annotations: dict[str, object] | None = None,
        type_params: tuple[object, ...] = (),
    ) -> None:
        # Fields set past __setattr__'s checks: a module's import makes thousands of these.
        init = _set_field
        init(self, "_globals", globals)
        init(self, "_builtins", builtins_of(globals))
        if name is None:
            init(self, "__name__", code.co_name)
        else:
            self.__name__ = name  # checked: a str
        init(self, "__qualname__", code.co_qualname)
        init(self, "_defaults", defaults)
        init(self, "_kwdefaults", kwdefaults)
        init(self, "_closure", closure)
        init(self, "_annotations", annotations)
        init(self, "_type_params", type_params)
        init(self, "_doc", code.docstring)
        init(self, "_module", globals.get("__name__"))
        self.__code__ = code

    # --- attributes with CPython's checks ---------------------------------------------------

    __globals__ = property(lambda self: self._globals, doc="read-only")
    __builtins__ = property(lambda self: self._builtins, doc="read-only")
    __closure__ = property(lambda self: self._closure, doc="read-only")

    def __setattr__(self, name: str, value: object) -> None:
        if name == "__name__" or name == "__qualname__":
            value = _checked_str(value, name)
        elif name == "__dict__" and not isinstance(value, dict):
            raise TypeError(
                f"__dict__ must be set to a dictionary, not a '{type(value).__name__}'"
            )
        object.__setattr__(self, name, value)

    def __delattr__(self, name: str) -> None:
        if name == "__name__" or name == "__qualname__":
            raise TypeError(f"{name} must be set to a string object")
        if name == "__dict__":
            raise TypeError("cannot delete __dict__")
        object.__delattr__(self, name)

    @property
    def __defaults__(self) -> tuple[object, ...] | None:
        return self._defaults

    @__defaults__.setter
    def __defaults__(self, value: tuple[object, ...] | None) -> None:
        if value is not None and not isinstance(value, tuple):
            raise TypeError("__defaults__ must be set to a tuple object")
        self._defaults = value or None

    @__defaults__.deleter
    def __defaults__(self) -> None:
        self._defaults = None

    @property
    def __kwdefaults__(self) -> dict[str, object] | None:
        return self._kwdefaults

    @__kwdefaults__.setter
    def __kwdefaults__(self, value: dict[str, object] | None) -> None:
        if value is not None and not isinstance(value, dict):
            raise TypeError("__kwdefaults__ must be set to a dict object")
        self._kwdefaults = value or None

    @__kwdefaults__.deleter
    def __kwdefaults__(self) -> None:
        self._kwdefaults = None

    @property
    def __annotations__(self) -> dict[str, object]:
        if self._annotations is None:
            self._annotations = {}
        return self._annotations

    @__annotations__.setter
    def __annotations__(self, value: dict[str, object] | None) -> None:
        if value is not None and not isinstance(value, dict):
            raise TypeError("__annotations__ must be set to a dict object")
        self._annotations = value

    @__annotations__.deleter
    def __annotations__(self) -> None:
        self._annotations = None

    @property
    def __type_params__(self) -> tuple[object, ...]:
        return self._type_params

    @__type_params__.setter
    def __type_params__(self, value: tuple[object, ...]) -> None:
        if not isinstance(value, tuple):
            raise TypeError("__type_params__ must be set to a tuple")
        self._type_params = value

    @__type_params__.deleter
    def __type_params__(self) -> None:
        raise TypeError("__type_params__ must be set to a tuple")

    @property
    def __code__(self) -> Code:
        return self._code

    @__code__.setter
    def __code__(self, code: Code) -> None:
        if type(code) is not Code:
            raise TypeError("__code__ must be set to a code object")
        nfree = len(code.co_freevars)
        closure = self.__closure__ or ()
        if len(closure) != nfree:
            raise ValueError(
                f"{self.__name__}() requires a code object with {len(closure)} free vars,"
                f" not {nfree}"
            )
        _set_field(self, "_code", code)
        if code._body is None:
            self._prepare()
        else:  # a deferred code object (a .pyc's): read when first called, as every
            # call takes bind_arguments() (argc -1), which prepares
            _set_field(self, "_env", None)
            _set_field(self, "_template", None)
            _set_field(self, "_rest", None)
            _set_field(self, "_argc", -1)

    def _prepare(self) -> None:
        """What the loop's calls read: the frame environment, the register template (with
        the closure's cells) and the fast path's argument count."""
        code = self._code
        init = _set_field
        init(self, "_env", (code, decode(code), self._globals, self._builtins, None))
        template = code.co_template.copy()
        nfree = len(code.co_freevars)
        if nfree:
            base = code.free_base
            template[base : base + nfree] = self._closure
        init(self, "_template", template)
        simple = not code.co_flags & (CO_VARARGS | CO_VARKEYWORDS)
        argc = code.co_argcount if simple and not code.co_kwonlyargcount else -1
        init(self, "_argc", argc)
        init(self, "_rest", template[argc:] if argc >= 0 else None)

    @property
    def __class__(self) -> type:  # type: ignore[override]
        # isinstance(f, types.FunctionType): inspect.isfunction, types.coroutine
        return types.FunctionType

    @property
    def __doc__(self) -> object:  # type: ignore[override]
        return self._doc

    @__doc__.setter
    def __doc__(self, value: object) -> None:
        self._doc = value

    @__doc__.deleter
    def __doc__(self) -> None:
        self._doc = None

    @property
    def __module__(self) -> object:  # type: ignore[override]
        return self._module

    @__module__.setter
    def __module__(self, value: object) -> None:
        self._module = value

    def __get__(self, obj: object, cls: object = None) -> object:
        # Run by the host for every method looked up on an instance: kept to the minimum.
        if obj is None:
            return self
        return _MethodType(self, obj)

    def __call__(self, /, *args: object, **kwargs: object) -> object:
        if kwargs or len(args) != self._argc:
            regs = bind_arguments(self, args, kwargs)
        else:
            regs = self._template.copy()
            regs[: len(args)] = args
        return run_frame(self._env, regs)

    @property
    def __signature__(self) -> object:
        """inspect.signature() of an Ouro function (inspect reads this attribute first)."""
        inspect = program_inspect()
        code = self.__code__
        names = code.co_varnames
        npos, nposonly, nkw = (
            code.co_argcount,
            code.co_posonlyargcount,
            code.co_kwonlyargcount,
        )
        defaults = self.__defaults__ or ()
        kwdefaults = self.__kwdefaults__ or {}
        notes = self.__annotations__ or {}
        empty = inspect.Parameter.empty
        params = []
        first_default = npos - len(defaults)
        for i in range(npos):
            kind = (
                inspect.Parameter.POSITIONAL_ONLY
                if i < nposonly
                else inspect.Parameter.POSITIONAL_OR_KEYWORD
            )
            default = defaults[i - first_default] if i >= first_default else empty
            params.append(
                inspect.Parameter(
                    names[i],
                    kind,
                    default=default,
                    annotation=notes.get(names[i], empty),
                )
            )
        index = npos + nkw
        if code.co_flags & CO_VARARGS:
            name = names[index]
            params.append(
                inspect.Parameter(
                    name,
                    inspect.Parameter.VAR_POSITIONAL,
                    annotation=notes.get(name, empty),
                )
            )
            index += 1
        for name in names[npos : npos + nkw]:
            params.append(
                inspect.Parameter(
                    name,
                    inspect.Parameter.KEYWORD_ONLY,
                    default=kwdefaults.get(name, empty),
                    annotation=notes.get(name, empty),
                )
            )
        if code.co_flags & CO_VARKEYWORDS:
            name = names[index]
            params.append(
                inspect.Parameter(
                    name,
                    inspect.Parameter.VAR_KEYWORD,
                    annotation=notes.get(name, empty),
                )
            )
        return inspect.Signature(params, return_annotation=notes.get("return", empty))

    def __reduce__(self) -> str:
        # Functions are pickled (and copied) by reference, as CPython's: the module and
        # qualified name where the unpickler finds the function again.
        return self.__qualname__

    def __repr__(self) -> str:
        return f"<function {self.__qualname__} at {id(self):#x}>"


# --- argument binding -----------------------------------------------------------------------


def bind_arguments(
    func: Function, args: tuple[object, ...] | list[object], kwargs: dict[str, object]
) -> list[object]:
    """A new register list for ``func`` with ``args`` and ``kwargs`` bound to parameters.

    The order of checks is CPython 3.12's: keywords (strings, unexpected, positional-only,
    repeated), then too many positionals, then missing positionals, then keyword-only.
    """
    code = func._code
    if func._env is None:  # made from a deferred code object: its first call
        func._prepare()
    argc = func._argc
    if not kwargs and argc > len(args) and func._defaults is not None:
        # A simple function given fewer positionals: the rest from the defaults.
        first_default = argc - len(func._defaults)
        if len(args) >= first_default:
            regs = func._template.copy()
            regs[: len(args)] = args
            regs[len(args) : argc] = func._defaults[len(args) - first_default :]
            return regs
    regs = func._template.copy()
    argcount = code.co_argcount
    total = argcount + code.co_kwonlyargcount
    varnames = code.co_varnames
    given = len(args)
    n = min(given, argcount)
    regs[:n] = args[:n]
    extra = total
    if code.co_flags & CO_VARARGS:
        regs[extra] = tuple(args[argcount:])
        extra += 1
    kwdict: dict[str, object] | None = None
    if code.co_flags & CO_VARKEYWORDS:
        kwdict = regs[extra] = {}
    if kwargs:
        _bind_keywords(func, regs, kwargs, kwdict)
    if given > argcount and not code.co_flags & CO_VARARGS:
        _too_many_positional(func, regs, given)
    if given < argcount:
        _fill_defaults(func, regs, given)
    for i in range(argcount, total):
        if regs[i] is UNBOUND:
            kwdefaults = func.__kwdefaults__
            name = varnames[i]
            if kwdefaults is not None and name in kwdefaults:
                regs[i] = kwdefaults[name]
    if code.co_kwonlyargcount and _unbound_in(regs, argcount, total):
        _missing(func, regs, "keyword-only", argcount, total)
    return regs


def _bind_keywords(
    func: Function,
    regs: list[object],
    kwargs: dict[str, object],
    kwdict: dict[str, object] | None,
) -> None:
    code = func._code
    posonly = code.co_posonlyargcount
    total = code.co_argcount + code.co_kwonlyargcount
    varnames = code.co_varnames
    for name, value in kwargs.items():
        if type(name) is not str and not isinstance(name, str):
            raise TypeError(f"{func.__qualname__}() keywords must be strings")
        try:
            i = varnames.index(name, posonly, total)
        except ValueError:
            if kwdict is None:
                _unexpected_keyword(func, kwargs, name)
            else:
                kwdict[name] = value
            continue
        if regs[i] is not UNBOUND:
            raise TypeError(
                f"{func.__qualname__}() got multiple values for argument '{name}'"
            )
        regs[i] = value


def _unexpected_keyword(func: Function, kwargs: dict[str, object], name: str) -> None:
    code = func._code
    posonly = code.co_varnames[: code.co_posonlyargcount]
    passed = [p for p in posonly if p in kwargs]
    if passed:
        raise TypeError(
            f"{func.__qualname__}() got some positional-only arguments passed as"
            f" keyword arguments: '{', '.join(passed)}'"
        )
    raise TypeError(
        f"{func.__qualname__}() got an unexpected keyword argument '{name}'"
    )


def _too_many_positional(func: Function, regs: list[object], given: int) -> None:
    code = func._code
    argcount = code.co_argcount
    kwonly_given = sum(
        1
        for value in regs[argcount : argcount + code.co_kwonlyargcount]
        if value is not UNBOUND
    )
    defcount = len(func.__defaults__ or ())
    if defcount:
        sig, plural = f"from {argcount - defcount} to {argcount}", True
    else:
        sig, plural = str(argcount), argcount != 1
    kwonly_sig = ""
    if kwonly_given:
        kwonly_sig = (
            f" positional argument{'s' if given != 1 else ''} (and {kwonly_given}"
            f" keyword-only argument{'s' if kwonly_given != 1 else ''})"
        )
    verb = "was" if given == 1 and not kwonly_given else "were"
    raise TypeError(
        f"{func.__qualname__}() takes {sig} positional argument{'s' if plural else ''}"
        f" but {given}{kwonly_sig} {verb} given"
    )


def _unbound_in(regs: list[object], start: int, end: int) -> bool:
    """Is a register in ``regs[start:end]`` still UNBOUND?  By identity: ``in`` would call
    the ``__eq__`` of the arguments already bound (with UNBOUND as the other operand)."""
    return any(map(is_, regs[start:end], repeat(UNBOUND)))


def _fill_defaults(func: Function, regs: list[object], given: int) -> None:
    argcount = func._code.co_argcount
    defaults = func.__defaults__ or ()
    first_default = argcount - len(defaults)
    if _unbound_in(regs, given, first_default):
        _missing(func, regs, "positional", 0, first_default)
    for i in range(max(given, first_default), argcount):
        if regs[i] is UNBOUND:
            regs[i] = defaults[i - first_default]


def _missing(
    func: Function, regs: list[object], kind: str, start: int, end: int
) -> None:
    varnames = func._code.co_varnames
    names = [f"'{varnames[i]}'" for i in range(start, end) if regs[i] is UNBOUND]
    if len(names) == 1:
        listed = names[0]
    elif len(names) == 2:
        listed = f"{names[0]} and {names[1]}"
    else:
        listed = ", ".join(names[:-1]) + f", and {names[-1]}"
    plural = "s" if len(names) != 1 else ""
    raise TypeError(
        f"{func.__qualname__}() missing {len(names)} required {kind}"
        f" argument{plural}: {listed}"
    )


def _checked_str(value: object, name: str) -> str:
    if not isinstance(value, str):
        raise TypeError(f"{name} must be set to a string object")
    return value


# Programs see CPython's type name: type(f).__name__ == "function".
Function.__name__ = Function.__qualname__ = "function"


def program_inspect() -> Any:
    """The ``inspect`` module the program sees: the copy Ouro's importer ran, when it is on
    (its ``signature()`` accepts only its own ``Signature`` class), else the host's."""
    from ouro.vm import own_modules

    system: Any = own_modules.IMPORT_SYSTEM
    if system is not None:
        module = system.modules.get("inspect")
        if module is not None:
            return module
    import inspect

    return inspect
