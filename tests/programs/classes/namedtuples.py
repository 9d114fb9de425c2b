# collections.namedtuple and typing.NamedTuple.
from collections import namedtuple
from typing import NamedTuple
P = namedtuple("P", "x y")
p = P(1, y=2)
print(p, p.x, p[1], p._asdict(), p._replace(x=5), P._fields, P._make([3, 4]), tuple(p))
class Emp(NamedTuple):
    name: str
    dept: str = "eng"
    def badge(self):
        return f"{self.name}@{self.dept}"
e = Emp("ann")
print(e, e.badge(), Emp._field_defaults, isinstance(e, tuple))
a, b = e
print(a, b, e == ("ann", "eng"))
try:
    e.name = "x"
except AttributeError as ex:
    print("AttributeError:", ex)
