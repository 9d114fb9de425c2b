# dataclasses: fields, defaults, ordering, frozen, post_init, asdict, replace, slots, kw_only.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, KW_ONLY
@dataclass(order=True)
class Point:
    x: int
    y: int = 0
    tags: list = field(default_factory=list, compare=False)
p = Point(1)
q = Point(1, 2, ["t"])
print(p, q, p < q, p == Point(1, 0, ["other"]), sorted([q, p]))
print(asdict(q), astuple(q), replace(q, y=5), [f.name for f in fields(Point)])
@dataclass(frozen=True)
class Frozen:
    a: int
    b: str = "s"
f = Frozen(1)
try:
    f.a = 2
except FrozenInstanceError as e:
    print("FrozenInstanceError:", e)
print(f, hash(f) == hash(Frozen(1)), f == Frozen(1, "s"))
@dataclass
class WithPost:
    w: float
    h: float
    area: float = field(init=False)
    def __post_init__(self):
        self.area = self.w * self.h
print(WithPost(2, 3.5))
@dataclass(slots=True, kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1
print(Opts(level=3), hasattr(Opts(), "__dict__"))
@dataclass
class Mixed:
    a: int
    _: KW_ONLY
    b: int = 2
print(Mixed(1, b=3))
try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as e:
    print("TypeError:", e)
try:
    @dataclass
    class Mutable:
        items: list = []
except ValueError as e:
    print("ValueError:", e)
