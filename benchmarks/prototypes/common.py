"""What the prototype VMs share: function objects, the two tiny assemblers, method lookup.

Nothing here runs inside a dispatch loop except `lookup_method`, which every variant calls the
same way for LOAD_METHOD. Programs are hand-assembled listings (no compiler yet):

    listing item            meaning
    "loop:"                 a label: the pc of the next instruction
    ("ADD", "i", "i", K(1)) an instruction; operands are resolved by the assembler:
        "@loop"               a label's pc
        "name"                a register (register format) / a local slot (stack format, only
                              for LOAD_FAST and STORE_FAST)
        K(value)              a constant: its register (register format); the value itself
                              (stack format, LOAD_CONST embeds it in the tuple)
        "$name"               the literal string "name" (attribute and global names)
        (...)                 a tuple of operands, each resolved as above
        int / None            left as it is

Register layout of a frame (register format): [parameters, other locals and temporaries,
constants]. A new frame copies the code's template list (None for locals, the constants'
values at the end) and overwrites the parameter slots, so an operand never needs to know
whether it names a constant or a local.
"""

from __future__ import annotations

NULL = object()  # LOAD_METHOD's "no self" marker: the callable is already bound


class K:
    """A constant operand in a listing."""

    __slots__ = ("value",)

    def __init__(self, value: object) -> None:
        self.value = value

    def key(self) -> tuple[type, object]:
        return (type(self.value), self.value)


class Code:
    """An assembled function body: instructions, register template, exception table."""

    def __init__(self, name, insts, nparams, template, handlers, nlocals=0):
        self.name = name
        self.insts = insts  # list of pre-decoded tuples
        self.nparams = nparams
        self.template = template  # register format: initial register list
        self.nlocals = nlocals  # stack format: number of local slots
        self.handlers = (
            handlers  # [(start, end, target, reg_or_depth)], innermost first
        )
        self.pool: list[list] = []  # variant D: register lists of returned frames

    def find_handler(self, pc: int):
        """The exception-table entry covering the instruction at pc, or None."""
        for entry in self.handlers:
            if entry[0] <= pc < entry[1]:
                return entry
        return None


class Function:
    """An Ouro function as the prototypes see it: code plus the globals it runs in."""

    __slots__ = ("__name__", "code", "globals")

    def __init__(self, code: Code, globals_: dict) -> None:
        self.code = code
        self.globals = globals_
        self.__name__ = code.name


def lookup_method(obj, name):
    """(callable, self) for obj.name(...): an Ouro function found on the type is not bound."""
    meth = getattr(type(obj), name, None)
    if type(meth) is Function:
        return meth, obj
    return getattr(obj, name), NULL


def _labels(listing):
    labels, pc = {}, 0
    for item in listing:
        if isinstance(item, str):
            labels[item[:-1]] = pc
        else:
            pc += 1
    return labels


def assemble_register(name, params, regs, listing, handlers=(), opcodes=None):
    """Register format: 4-tuples (op, a, b, c). `regs` names every non-parameter register in order."""
    labels = _labels(listing)
    names = list(params) + list(regs)
    consts: dict = {}  # (type, value) -> register

    def collect(
        x,
    ):  # constants get registers after the named ones, in order of appearance
        if isinstance(x, K):
            consts.setdefault(x.key(), (len(names) + len(consts), x.value))
        elif isinstance(x, tuple):
            for y in x:
                collect(y)

    def operand(x):
        if isinstance(x, K):
            return consts[x.key()][0]
        if isinstance(x, tuple):  # e.g. CALL_METHOD1's ("$append", "i")
            return tuple(operand(y) for y in x)
        if isinstance(x, str):
            if x.startswith("@"):
                return labels[x[1:]]
            if x.startswith("$"):
                return x[1:]
            return names.index(x)
        return x

    items = [item for item in listing if not isinstance(item, str)]
    collect(tuple(items))
    insts = []
    for op, *args in items:
        args = [operand(x) for x in args] + [0] * (3 - len(args))
        insts.append((opcodes[op], *args))
    template = [None] * len(names) + [value for _, value in consts.values()]
    table = [
        (labels[s], labels[e], labels[h], names.index(r)) for s, e, h, r in handlers
    ]
    return Code(name, insts, len(params), template, table)


def assemble_stack(name, params, local_names, listing, handlers=(), opcodes=None):
    """Stack format: 2-tuples (op, arg). Handlers are (start, end, target, stack depth)."""
    labels = _labels(listing)
    names = list(params) + list(local_names)
    insts = []
    for item in listing:
        if isinstance(item, str):
            continue
        op, *args = item
        arg = args[0] if args else None
        if isinstance(arg, K):
            arg = arg.value
        elif isinstance(arg, str) and arg.startswith("@"):
            arg = labels[arg[1:]]
        elif isinstance(arg, str) and arg.startswith("$"):
            arg = arg[1:]
        elif op in ("LOAD_FAST", "STORE_FAST"):
            arg = names.index(arg)
        insts.append((opcodes[op], arg))
    table = [(labels[s], labels[e], labels[h], depth) for s, e, h, depth in handlers]
    return Code(name, insts, len(params), None, table, nlocals=len(names))


def opcode_numbers(names: str) -> dict[str, int]:
    """Opcode name -> number, in the order given (the dispatch chain's order)."""
    return {n: i for i, n in enumerate(names.split())}
