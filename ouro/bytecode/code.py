"""Code objects: what the compiler hands the VM (and the cache writes to .pyc files).

A ``Code`` carries CPython's ``co_*`` attribute names, so ``inspect``, ``traceback`` and other
stdlib code that introspects code objects works on Ouro's, plus what a register machine needs:

* ``co_code``: the instructions, a tuple of 4-tuples ``(op, a, b, c)`` (see ``opcodes``);
* the register layout, one list per frame made by copying ``co_template``::

      0            nlocals      +ncells      +nfrees    +ntemps        +len(co_consts)
      [ co_varnames | cells of co_cellvars | co_freevars | temporaries | co_consts ]

  a cell variable that is also a parameter keeps its parameter slot (MAKE_CELL wraps it);
* ``co_positions_table``: ``(lineno, end_lineno, col, end_col)`` per instruction;
* ``co_exceptiontable``: ``(start, end, handler, register)`` ranges of instruction indices,
  innermost first: an exception raised at ``start <= i < end`` goes to ``handler`` with the
  exception in ``register``.

Offsets, as in CPython, count two bytes per instruction (instruction i is at offset 2*i), so
``f_lasti``-based stdlib code (``traceback``, ``dis.findlinestarts``) reads them unchanged.
"""

from __future__ import annotations

import types
from collections.abc import Callable, Iterator, Sequence
from typing import Any, ClassVar

# co_flags bits, CPython's values (inspect.CO_*).
CO_OPTIMIZED = 0x0001
CO_NEWLOCALS = 0x0002
CO_VARARGS = 0x0004
CO_VARKEYWORDS = 0x0008
CO_NESTED = 0x0010
CO_GENERATOR = 0x0020
CO_NOFREE = 0x0040
CO_COROUTINE = 0x0080
CO_ITERABLE_COROUTINE = 0x0100
CO_ASYNC_GENERATOR = 0x0200


class _Unbound:
    """The value of a register whose variable is not bound (shown as ``<unbound>``)."""

    __slots__ = ()

    def __repr__(self) -> str:
        return "<unbound>"

    def __reduce__(self) -> str:
        return "UNBOUND"


UNBOUND: Any = _Unbound()

Instruction = tuple[int, int, int, int]
Position = tuple[int | None, int | None, int | None, int | None]
Handler = tuple[int, int, int, int]


class HostKind(type):
    """The metaclass of Ouro's classes that stand for a kind of object the host has too
    (``Code`` for code objects, ``function.Function`` for functions): in Ouro's world, where
    ``types.CodeType`` is ``Code``, ``isinstance`` is also true for the host's own objects of
    that kind, as it is for every code object and function in CPython.  The host's functions
    are what Ouro's runtime and the host's pure-Python modules (ouro/importer/hostlist.py)
    hand to programs, and ``inspect.signature`` reads them as functions.  Ouro's own code
    tests for its own objects with ``type(x) is Code``."""

    hosts: ClassVar[dict[type, type]] = {}

    def __new__(
        mcs, name: str, bases: tuple[type, ...], namespace: dict[str, Any], host: type
    ) -> HostKind:
        cls = super().__new__(mcs, name, bases, namespace)
        HostKind.hosts[cls] = host
        return cls

    def __instancecheck__(cls, obj: object) -> bool:
        return type.__instancecheck__(cls, obj) or isinstance(obj, HostKind.hosts[cls])


class Code(metaclass=HostKind, host=types.CodeType):
    """One compiled block (module, class body, function, lambda, comprehension)."""

    __slots__ = (
        "_body",
        "_decoded",
        "_docstring",
        "_operands",
        "_positions",
        "co_argcount",
        "co_cellvars",
        "co_code",
        "co_consts",
        "co_exceptiontable",
        "co_filename",
        "co_firstlineno",
        "co_flags",
        "co_freevars",
        "co_kwonlyargcount",
        "co_name",
        "co_names",
        "co_ntemps",
        "co_positions_table",
        "co_posonlyargcount",
        "co_qualname",
        "co_template",
        "co_varnames",
    )

    def __init__(
        self,
        *,
        co_code: tuple[Instruction, ...],
        co_consts: tuple[object, ...] = (),
        co_names: tuple[str, ...] = (),
        co_varnames: tuple[str, ...] = (),
        co_cellvars: tuple[str, ...] = (),
        co_freevars: tuple[str, ...] = (),
        co_ntemps: int = 0,
        co_argcount: int = 0,
        co_posonlyargcount: int = 0,
        co_kwonlyargcount: int = 0,
        co_flags: int = 0,
        co_name: str = "<module>",
        co_qualname: str | None = None,
        co_filename: str = "<unknown>",
        co_firstlineno: int = 1,
        co_positions_table: tuple[Position, ...]
        | Callable[[], tuple[Position, ...]]
        | None = None,
        co_exceptiontable: tuple[Handler, ...] = (),
    ) -> None:
        """``co_positions_table`` may be a function making the table on first use (a .pyc's
        position runs are expanded only when a traceback or a line event needs them)."""
        self.co_code = co_code
        self.co_consts = co_consts
        self.co_names = co_names
        self.co_varnames = co_varnames
        self.co_cellvars = co_cellvars
        self.co_freevars = co_freevars
        self.co_ntemps = co_ntemps
        self.co_argcount = co_argcount
        self.co_posonlyargcount = co_posonlyargcount
        self.co_kwonlyargcount = co_kwonlyargcount
        self.co_flags = co_flags
        self.co_name = co_name
        self.co_qualname = co_name if co_qualname is None else co_qualname
        self.co_filename = co_filename
        self.co_firstlineno = co_firstlineno
        self._positions: Callable[[], tuple[Position, ...]] | None = None
        if callable(co_positions_table):
            self._positions = co_positions_table
        else:
            if co_positions_table is None:
                co_positions_table = ((None, None, None, None),) * len(co_code)
            assert len(co_positions_table) == len(co_code), (
                "one position per instruction"
            )
            self.co_positions_table = co_positions_table
        self.co_exceptiontable = co_exceptiontable
        self.co_template = self._template()
        self._body: Callable[[Code], None] | None = None
        self._docstring: str | None = None
        self._operands: tuple[int, ...] | None = None
        self._decoded: tuple[tuple[Any, ...], ...] | None = None

    # --- deferred bodies ---------------------------------------------------------------------

    @classmethod
    def deferred(
        cls, body: Callable[[Code], None], docstring: str | None, header: Sequence[Any]
    ) -> Code:
        """A code object with only its header (``HEADER_FIELDS``, in that order) set:
        ``body(code)`` sets the rest (``BODY_FIELDS`` and co_template) when one of them is
        first read.

        A .pyc's nested code objects are made so (ouro/cache/serializer.py): most functions
        of an imported module are never called in a run, and their instructions, positions
        and constants are then never read.
        """
        code = cls.__new__(cls)
        (  # HEADER_FIELDS (a test keeps the two in step)
            code.co_argcount,
            code.co_posonlyargcount,
            code.co_kwonlyargcount,
            code.co_flags,
            code.co_ntemps,
            code.co_firstlineno,
            code.co_name,
            code.co_qualname,
            code.co_filename,
            code.co_names,
            code.co_varnames,
            code.co_cellvars,
            code.co_freevars,
        ) = header
        code._body = body
        code._docstring = docstring
        code._positions = None
        code._operands = None
        code._decoded = None
        return code

    @property
    def docstring(self) -> str | None:
        """A function's ``__doc__``: co_consts[0] if it is a str (known without the body)."""
        if self._body is not None:
            return self._docstring
        consts = self.co_consts
        return consts[0] if consts and type(consts[0]) is str else None

    @property
    def loaded(self) -> bool:
        """False until a deferred code object's body has been read."""
        return self._body is None

    def __getattr__(self, name: str) -> Any:
        # Called only for a field not set yet: the body of a deferred code object, or
        # positions still to be expanded.  The reader is dropped only once it has set the
        # fields: reading allocates, a garbage collection may run a weakref callback or a
        # __del__ using this very code object, and that use must read it too (both reads
        # give the same values), not find the fields missing.  A failed read stays, so the
        # next use fails the same way.
        if name == "co_positions_table" and self._positions is not None:
            table = self.co_positions_table = self._positions()
            self._positions = None
            return table
        body = self._body
        if body is None or name not in BODY_FIELDS:
            if name == "co_code" and self._operands is not None:
                it = iter(self._operands)
                code = self.co_code = tuple(zip(it, it, it, it))
                return code
            return object.__getattribute__(self, name)  # its own AttributeError
        body(self)
        self._body = None
        return getattr(self, name)

    @property
    def operands(self) -> tuple[int, ...]:
        """``op, a, b, c`` of every instruction in one flat tuple (what a .pyc holds; a
        deferred body sets this alone, ``co_code`` is made from it when first read)."""
        if self._body is not None:
            self.co_consts  # noqa: B018  (reads the body)
        flat = self._operands
        if flat is None:
            flat = self._operands = tuple(
                operand for instr in self.co_code for operand in instr
            )
        return flat

    # --- the register layout ---------------------------------------------------------------

    def _template(self) -> list[object]:
        return [UNBOUND] * self.const_base + list(self.co_consts)

    @property
    def co_nlocals(self) -> int:
        return len(self.co_varnames)

    @property
    def cell_base(self) -> int:
        """Register of the first cell that is not a parameter's."""
        return len(self.co_varnames)

    @property
    def free_base(self) -> int:
        """Register of the first free variable's cell."""
        return self.cell_base + len(self.own_cells)

    @property
    def own_cells(self) -> tuple[str, ...]:
        """The cell variables that have no slot in co_varnames."""
        varnames = set(self.co_varnames)
        return tuple(name for name in self.co_cellvars if name not in varnames)

    @property
    def temp_base(self) -> int:
        return self.free_base + len(self.co_freevars)

    @property
    def const_base(self) -> int:
        """Register of co_consts[0]."""
        return self.temp_base + self.co_ntemps

    @property
    def co_nregs(self) -> int:
        return self.const_base + len(self.co_consts)

    @property
    def co_stacksize(self) -> int:
        """CPython's name for the evaluation area: here, the temporaries."""
        return self.co_ntemps

    def register_name(self, reg: int) -> str:
        """What register ``reg`` holds, for dis and error messages."""
        if reg < self.cell_base:
            return self.co_varnames[reg]
        if reg < self.free_base:
            return self.own_cells[reg - self.cell_base]
        if reg < self.temp_base:
            return self.co_freevars[reg - self.free_base]
        if reg < self.const_base:
            return f"${reg - self.temp_base}"
        return repr(self.co_consts[reg - self.const_base])

    # --- CPython's views ---------------------------------------------------------------------

    @property  # type: ignore[misc]
    def __class__(self) -> type:
        # isinstance(code, types.CodeType): inspect.iscode, inspect.getfile
        return types.CodeType

    @property
    def co_lnotab(self) -> bytes:
        raise AttributeError("co_lnotab is not provided by Ouro; use co_lines()")

    def co_lines(self) -> Iterator[tuple[int, int, int | None]]:
        """(start, end, lineno) for each run of instructions on one line; offsets are 2*index."""
        start = 0
        current: int | None = None
        for index, (lineno, _, _, _) in enumerate(self.co_positions_table):
            if index and lineno != current:
                yield start, 2 * index, current
                start = 2 * index
            current = lineno
        if self.co_positions_table:
            yield start, 2 * len(self.co_positions_table), current

    def co_positions(self) -> Iterator[Position]:
        """(lineno, end_lineno, col_offset, end_col_offset) of each instruction."""
        return iter(self.co_positions_table)

    # copy and deepcopy give the code object itself, as CPython's copy module does (its
    # tables name types.CodeType, which is not this class in the host's copy module).
    def __copy__(self) -> Code:
        return self

    def __deepcopy__(self, memo: object) -> Code:
        return self

    def replace(self, **changes: Any) -> Code:
        """A copy with some co_* attributes changed, like ``types.CodeType.replace``."""
        fields = {name: getattr(self, name) for name in FIELDS}
        unknown = set(changes) - set(fields)
        if unknown:
            raise TypeError(
                f"replace() got an unexpected keyword argument {min(unknown)!r}"
            )
        fields.update(changes)
        return Code(**fields)

    # --- identity ------------------------------------------------------------------------

    def _key(self) -> tuple[object, ...]:
        return tuple(getattr(self, name) for name in FIELDS)

    def __eq__(self, other: object) -> bool:
        if type(other) is not Code:
            return NotImplemented
        return self._key() == other._key()

    def __hash__(self) -> int:
        return hash((self.co_name, self.co_code, self.co_firstlineno))

    def __reduce_ex__(self, protocol: object) -> str:
        # CPython's code objects do not pickle (marshal is their format): a ForwardRef,
        # whose state holds one, fails with CPython's TypeError, not a PicklingError.
        if isinstance(protocol, int) and protocol >= 2:
            raise TypeError("cannot pickle code objects")
        raise TypeError("cannot pickle 'code' object")

    def __repr__(self) -> str:
        return (
            f"<code object {self.co_name} at {id(self):#x}, "
            f'file "{self.co_filename}", line {self.co_firstlineno}>'
        )


# The constructor's fields (what replace() and equality use), and those a deferred code
# object reads on first use (co_template is made from them).
FIELDS = tuple(
    name for name in Code.__slots__ if name.startswith("co_") and name != "co_template"
)
BODY_FIELDS = frozenset(
    {"co_code", "co_consts", "co_positions_table", "co_exceptiontable", "co_template"}
)
# The rest: what a deferred code object has from the start (``Code.deferred``'s order).
HEADER_FIELDS = (
    "co_argcount",
    "co_posonlyargcount",
    "co_kwonlyargcount",
    "co_flags",
    "co_ntemps",
    "co_firstlineno",
    "co_name",
    "co_qualname",
    "co_filename",
    "co_names",
    "co_varnames",
    "co_cellvars",
    "co_freevars",
)

# Programs see CPython's type name: type(compile(...)).__name__ == "code".  # host-ok: text, not a call
Code.__name__ = Code.__qualname__ = "code"
Code.__module__ = "builtins"
