"""Write the node classes of ouro/syntax/nodes.py from the table below.

The table is Python 3.12's abstract syntax in our own notation. The script rewrites only the
part of nodes.py between the two marker lines; the hand-written base class, ``dump`` and the
helpers around it stay as they are.

    python3 tools/gen_nodes.py          rewrite the generated section of ouro/syntax/nodes.py
    python3 tools/gen_nodes.py --check  exit 1 if that section is stale (tests call this too)

Notation, one row per line:

    sum NAME [@ ATTRS]      an abstract base; the indented rows under it are its concrete kinds
      Kind FIELDS           a concrete class with fields (``name: type`` separated by commas)
      KindA KindB ...       concrete classes without fields (a row with no ``:``)
    product NAME FIELDS [@ ATTRS]
                            a concrete class deriving from AST directly

A type is ``identifier``, ``string``, ``constant``, ``int`` or a node type; ``T?`` is optional
(None allowed, ``dump`` leaves it out when None), ``T*`` a list, ``T?*`` a list whose items may
be None (Dict keys for ``**d``, kw_defaults without a default) but which is not itself optional.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path

POS = "lineno: int, col_offset: int, end_lineno: int?, end_col_offset: int?"
# Patterns and type parameters always know where they end.
EXACT_POS = "lineno: int, col_offset: int, end_lineno: int, end_col_offset: int"

NODE_TABLE = f"""
sum mod
    Module            body: stmt*, type_ignores: type_ignore*
    Interactive       body: stmt*
    Expression        body: expr
    FunctionType      argtypes: expr*, returns: expr

sum stmt @ {POS}
    FunctionDef       name: identifier, args: arguments, body: stmt*, decorator_list: expr*, returns: expr?, type_comment: string?, type_params: type_param*
    AsyncFunctionDef  name: identifier, args: arguments, body: stmt*, decorator_list: expr*, returns: expr?, type_comment: string?, type_params: type_param*
    ClassDef          name: identifier, bases: expr*, keywords: keyword*, body: stmt*, decorator_list: expr*, type_params: type_param*
    Return            value: expr?
    Delete            targets: expr*
    Assign            targets: expr*, value: expr, type_comment: string?
    TypeAlias         name: expr, type_params: type_param*, value: expr
    AugAssign         target: expr, op: operator, value: expr
    AnnAssign         target: expr, annotation: expr, value: expr?, simple: int
    For               target: expr, iter: expr, body: stmt*, orelse: stmt*, type_comment: string?
    AsyncFor          target: expr, iter: expr, body: stmt*, orelse: stmt*, type_comment: string?
    While             test: expr, body: stmt*, orelse: stmt*
    If                test: expr, body: stmt*, orelse: stmt*
    With              items: withitem*, body: stmt*, type_comment: string?
    AsyncWith         items: withitem*, body: stmt*, type_comment: string?
    Match             subject: expr, cases: match_case*
    Raise             exc: expr?, cause: expr?
    Try               body: stmt*, handlers: excepthandler*, orelse: stmt*, finalbody: stmt*
    TryStar           body: stmt*, handlers: excepthandler*, orelse: stmt*, finalbody: stmt*
    Assert            test: expr, msg: expr?
    Import            names: alias*
    ImportFrom        module: identifier?, names: alias*, level: int?
    Global            names: identifier*
    Nonlocal          names: identifier*
    Expr              value: expr
    Pass Break Continue

sum expr @ {POS}
    BoolOp            op: boolop, values: expr*
    NamedExpr         target: expr, value: expr
    BinOp             left: expr, op: operator, right: expr
    UnaryOp           op: unaryop, operand: expr
    Lambda            args: arguments, body: expr
    IfExp             test: expr, body: expr, orelse: expr
    Dict              keys: expr?*, values: expr*
    Set               elts: expr*
    ListComp          elt: expr, generators: comprehension*
    SetComp           elt: expr, generators: comprehension*
    DictComp          key: expr, value: expr, generators: comprehension*
    GeneratorExp      elt: expr, generators: comprehension*
    Await             value: expr
    Yield             value: expr?
    YieldFrom         value: expr
    Compare           left: expr, ops: cmpop*, comparators: expr*
    Call              func: expr, args: expr*, keywords: keyword*
    FormattedValue    value: expr, conversion: int, format_spec: expr?
    JoinedStr         values: expr*
    Constant          value: constant, kind: string?
    Attribute         value: expr, attr: identifier, ctx: expr_context
    Subscript         value: expr, slice: expr, ctx: expr_context
    Starred           value: expr, ctx: expr_context
    Name              id: identifier, ctx: expr_context
    List              elts: expr*, ctx: expr_context
    Tuple             elts: expr*, ctx: expr_context
    Slice             lower: expr?, upper: expr?, step: expr?

sum expr_context
    Load Store Del

sum boolop
    And Or

sum operator
    Add Sub Mult MatMult Div Mod Pow LShift RShift BitOr BitXor BitAnd FloorDiv

sum unaryop
    Invert Not UAdd USub

sum cmpop
    Eq NotEq Lt LtE Gt GtE Is IsNot In NotIn

product comprehension target: expr, iter: expr, ifs: expr*, is_async: int

sum excepthandler @ {POS}
    ExceptHandler     type: expr?, name: identifier?, body: stmt*

product arguments   posonlyargs: arg*, args: arg*, vararg: arg?, kwonlyargs: arg*, kw_defaults: expr?*, kwarg: arg?, defaults: expr*
product arg         arg: identifier, annotation: expr?, type_comment: string? @ {POS}
product keyword     arg: identifier?, value: expr @ {POS}
product alias       name: identifier, asname: identifier? @ {POS}
product withitem    context_expr: expr, optional_vars: expr?
product match_case  pattern: pattern, guard: expr?, body: stmt*

sum pattern @ {EXACT_POS}
    MatchValue        value: expr
    MatchSingleton    value: constant
    MatchSequence     patterns: pattern*
    MatchMapping      keys: expr*, patterns: pattern*, rest: identifier?
    MatchClass        cls: expr, patterns: pattern*, kwd_attrs: identifier*, kwd_patterns: pattern*
    MatchStar         name: identifier?
    MatchAs           pattern: pattern?, name: identifier?
    MatchOr           patterns: pattern*

sum type_ignore
    TypeIgnore        lineno: int, tag: string

sum type_param @ {EXACT_POS}
    TypeVar           name: identifier, bound: expr?
    ParamSpec         name: identifier
    TypeVarTuple      name: identifier
"""

NODES_PY = Path(__file__).resolve().parent.parent / "ouro" / "syntax" / "nodes.py"
BEGIN = "# --- begin generated section (tools/gen_nodes.py; edit the table there, then rerun) ---"
END = "# --- end generated section ---"

# Table types -> Python annotations; anything else names a node class.
PY_TYPES = {"identifier": "str", "string": "str", "constant": "object", "int": "int"}


@dataclass(slots=True)
class Field:
    name: str
    type: str  # the table's spelling, e.g. "expr?*"

    @property
    def optional(self) -> bool:
        return self.type.endswith("?")

    @property
    def is_list(self) -> bool:
        return self.type.endswith("*")

    def annotation(self) -> str:
        base = self.type.rstrip("?*")
        text = PY_TYPES.get(base, base)
        if self.type.endswith("?*"):
            return f"list[{text} | None]"
        if self.is_list:
            return f"list[{text}]"
        if self.optional:
            return f"{text} | None"
        return text


@dataclass(slots=True)
class NodeClass:
    name: str
    base: str  # "AST" for sums and products
    fields: list[Field]
    attributes: list[Field]
    abstract: bool


def parse_fields(text: str) -> list[Field]:
    fields = []
    for part in text.split(","):
        if part.strip():
            name, _, type_ = part.partition(":")
            fields.append(Field(name.strip(), type_.strip()))
    return fields


def parse_table(table: str) -> list[NodeClass]:
    """The table's rows as classes, bases before their kinds, in table order."""
    classes: list[NodeClass] = []
    group: NodeClass | None = None
    for line in table.splitlines():
        if not line.strip() or line.lstrip().startswith("#"):
            continue
        head, _, attrs = line.partition("@")
        attributes = parse_fields(attrs)
        if line.startswith("sum "):
            group = NodeClass(head.split()[1], "AST", [], attributes, True)
            classes.append(group)
        elif line.startswith("product "):
            _, name, rest = head.split(None, 2)
            classes.append(
                NodeClass(name, "AST", parse_fields(rest), attributes, False)
            )
            group = None
        else:
            assert group is not None and line[0].isspace(), (
                f"row outside a sum: {line!r}"
            )
            if ":" not in head:
                for name in head.split():
                    classes.append(
                        NodeClass(name, group.name, [], group.attributes, False)
                    )
            else:
                name, rest = head.split(None, 1)
                classes.append(
                    NodeClass(
                        name, group.name, parse_fields(rest), group.attributes, False
                    )
                )
    return classes


# --- rendering ---


def names_tuple(names: list[str]) -> str:
    if len(names) == 1:
        return f'("{names[0]}",)'
    return "(" + ", ".join(f'"{name}"' for name in names) + ")"


def slots_tuple(fields: list[Field]) -> str:
    """Slot order means nothing to Python; sorted keeps ruff's RUF023 quiet."""
    return names_tuple(sorted(f.name for f in fields))


def optional_set(fields: list[Field]) -> str:
    names = [f'"{f.name}"' for f in fields if f.optional]
    return "frozenset({" + ", ".join(names) + "})" if names else "frozenset()"


def defaulted_fields(node: NodeClass) -> set[str]:
    """The fields that may be omitted: optional or list ones with only such fields after them."""
    names: set[str] = set()
    for field in reversed(node.fields):
        if not (field.optional or field.is_list):
            break
        names.add(field.name)
    return names


def signature(node: NodeClass) -> str:
    """Fields then attributes; an omitted list becomes [], an omitted optional None."""
    defaulted = defaulted_fields(node)
    params = ["self"]
    for field in node.fields:
        if field.name not in defaulted:
            params.append(f"{field.name}: {field.annotation()}")
        elif field.is_list:
            params.append(f"{field.name}: {field.annotation()} | None = None")
        else:
            params.append(f"{field.name}: {field.annotation()} = None")
    for attr in node.attributes:
        default = "None" if attr.optional else "0"
        params.append(f"{attr.name}: {attr.annotation()} = {default}")
    return ", ".join(params)


def render_abstract(node: NodeClass) -> list[str]:
    lines = [
        f"class {node.name}(AST):",
        f'    """Abstract base of the {node.name} kinds."""',
        "",
    ]
    if not node.attributes:
        return [*lines, "    __slots__ = ()"]
    lines += [
        f"    __slots__ = {slots_tuple(node.attributes)}",
        f"    _attributes = {names_tuple([a.name for a in node.attributes])}",
        f"    _optional = {optional_set(node.attributes)}",
    ]
    return lines + [f"    {a.name}: {a.annotation()}" for a in node.attributes]


def render_concrete(node: NodeClass, own_attributes: bool) -> list[str]:
    spelled = ", ".join(f"{f.name}: {f.type}" for f in node.fields)
    lines = [
        f"class {node.name}({node.base}):",
        f'    """{node.name}({spelled})"""',
        "",
    ]
    if not node.fields and not node.attributes:
        return [*lines, "    __slots__ = ()"]
    slots = node.fields + (node.attributes if own_attributes else [])
    lines.append(f"    __slots__ = {slots_tuple(slots)}")
    lines.append(
        f"    _fields = __match_args__ = {names_tuple([f.name for f in node.fields])}"
    )
    if own_attributes:
        lines.append(
            f"    _attributes = {names_tuple([a.name for a in node.attributes])}"
        )
    lines.append(f"    _optional = {optional_set(node.fields + node.attributes)}")
    lines.append("")
    lines.append(f"    def __init__({signature(node)}) -> None:")
    defaulted = defaulted_fields(node)
    for field in node.fields:
        value = field.name
        if field.is_list and field.name in defaulted:
            value = f"[] if {field.name} is None else {field.name}"
        lines.append(f"        self.{field.name} = {value}")
    lines += [f"        self.{a.name} = {a.name}" for a in node.attributes]
    return lines


def render(table: str = NODE_TABLE) -> str:
    """The generated section of nodes.py, markers included."""
    classes = parse_table(table)
    blocks = [BEGIN + "\n# fmt: off"]
    for node in classes:
        if node.abstract:
            lines = render_abstract(node)
        else:
            lines = render_concrete(node, own_attributes=node.base == "AST")
        blocks.append("\n".join(lines))
    shared = [
        "# Shared instances of the field-less kinds, for the parser (CPython shares them too)."
    ]
    for node in classes:
        if not node.abstract and not node.fields and not node.attributes:
            shared.append(f"{node.name.upper()} = {node.name}()")
    blocks.append("\n".join(shared))
    blocks.append("# fmt: on\n" + END)
    return "\n\n\n".join(blocks)


def splice(text: str, section: str) -> str:
    start = text.index(BEGIN)
    stop = text.index(END) + len(END)
    return text[:start] + section + text[stop:]


def main(argv: list[str]) -> int:
    current = NODES_PY.read_text(encoding="utf-8")
    wanted = splice(current, render())
    if "--check" in argv:
        if wanted != current:
            print(
                f"{NODES_PY} is stale: run python3 tools/gen_nodes.py", file=sys.stderr
            )
            return 1
        return 0
    if wanted != current:
        NODES_PY.write_text(wanted, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
