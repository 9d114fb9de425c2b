class Empty: pass


class Point(Base, metaclass=Meta, flag=True):
    """A point."""

    __slots__ = ("x", "y")
    count: int = 0

    def __init__(self, x=0, y=0):
        self.x, self.y = x, y
        super().__init__()

    @property
    def norm(self):
        return (self.x ** 2 + self.y ** 2) ** 0.5

    @norm.setter
    def norm(self, value): raise AttributeError("read only")

    @classmethod
    def origin(cls): return cls()

    @staticmethod
    def helper(*a, **k): return a, k

    class Nested:
        def method(self): return __class__

    def __repr__(self):
        return f"{type(self).__name__}({self.x!r}, {self.y!r})"


@dataclass(frozen=True)
class Config(*bases, **options):
    name: str
    values: list[int] = field(default_factory=list)
