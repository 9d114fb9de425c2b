# What counts as a sequence or a mapping: collections.abc subclasses, registered classes,
# str/bytes/bytearray never sequences, and the lookups a pattern makes on user types.
import collections
import collections.abc
import array


class MySeq(collections.abc.Sequence):
    def __init__(self, *items):
        self.items = list(items)

    def __getitem__(self, i):
        print(f"  getitem {i}")
        return self.items[i]

    def __len__(self):
        print("  len")
        return len(self.items)


class MyMap(collections.abc.Mapping):
    def __init__(self, **kw):
        self.data = kw

    def __getitem__(self, k):
        print(f"  getitem {k!r}")
        return self.data[k]

    def __iter__(self):
        print("  iter")
        return iter(self.data)

    def __len__(self):
        print("  len")
        return len(self.data)

    def get(self, k, default=None):
        print(f"  get {k!r}")
        return self.data.get(k, default)


class Registered:
    def __init__(self, *items):
        self.items = items

    def __len__(self):
        return len(self.items)

    def __getitem__(self, i):
        return self.items[i]


collections.abc.Sequence.register(Registered)


class RegMap:
    def __init__(self, d):
        self.d = d

    def __len__(self):
        return len(self.d)

    def get(self, k, default):
        return self.d.get(k, default)

    def keys(self):
        return self.d.keys()

    def __getitem__(self, k):
        return self.d[k]


collections.abc.Mapping.register(RegMap)


class NotASeq:
    def __len__(self):
        return 2

    def __getitem__(self, i):
        return i


def kind(v):
    match v:
        case {"a": a, **rest}:
            return f"mapping a={a} rest={rest}"
        case {}:
            return "mapping"
        case [x, *_, y]:
            return f"sequence {x}..{y}"
        case [x]:
            return f"one {x}"
        case [*all_items]:
            return f"sequence of {len(all_items)}"
        case _:
            return "neither"


for v in [
    "str",
    b"bytes",
    bytearray(b"ba"),
    [1, 2, 3],
    (4,),
    range(5),
    memoryview(b"mv"),
    array.array("i", [1, 2]),
    collections.deque([7, 8]),
    MySeq(1, 2, 3),
    Registered(5, 6),
    NotASeq(),
    {"a": 1, "b": 2},
    collections.OrderedDict(a=0),
    collections.defaultdict(int),
    MyMap(a=9, z=1),
    RegMap({"a": 3, "c": 4}),
    RegMap({}),
    {1, 2},
    iter([1, 2]),
]:
    print(type(v).__name__, "->", kind(v))

print("unpacking a sequence without a star wildcard iterates it:")
match MySeq(1, 2):
    case [a, b]:
        print(" ", a, b)
print("a star wildcard indexes from both ends:")
match MySeq(1, 2, 3, 4):
    case [a, *_, b, c]:
        print(" ", a, b, c)
print("a mapping pattern uses len, get, then keys and getitem for **rest:")
match MyMap(a=1, b=2, c=3):
    case {"a": 1, "b": b, **rest}:
        print(" ", b, rest)
print("a missing key stops at the first get that misses:")
match MyMap(a=1, b=2):
    case {"x": _, "a": _}:
        print("  no")
    case _:
        print("  no match")

# defaultdict: the pattern uses get, so no key is created.
dd = collections.defaultdict(list)
match dd:
    case {"missing": _}:
        print("matched?")
    case _:
        print("defaultdict untouched:", dict(dd))


# Subclasses of builtins keep their kind and their self-matching.
class MyStr(str):
    pass


class MyList(list):
    pass


class MyDict(dict):
    pass


for v in [MyStr("s"), MyList([1]), MyDict(k=2)]:
    match v:
        case str(s):
            print("str subclass matches itself:", repr(s), type(s).__name__)
        case [x]:
            print("list subclass is a sequence:", x)
        case {"k": k}:
            print("dict subclass is a mapping:", k)

# A dict subclass with a get override: the pattern calls it.
class LoudDict(dict):
    def get(self, key, default=None):
        print("  LoudDict.get", key)
        return super().get(key, default)


match LoudDict(x=1):
    case {"x": x}:
        print("x =", x)
