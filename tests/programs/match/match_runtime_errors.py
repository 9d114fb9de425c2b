# Errors a match raises at run time, with CPython's messages; the last one is uncaught and
# its traceback points into the pattern.
import collections
import collections.abc


def attempt(label, func):
    try:
        print(label, "->", func())
    except Exception as e:
        print(label, "->", type(e).__name__ + ":", e)


class NoArgs:
    pass


class ListArgs:
    __match_args__ = ["a"]


class IntArgs:
    __match_args__ = (1,)
    a = 1


class Two:
    __match_args__ = ("a", "b")
    a, b = 1, 2


class Dup:
    __match_args__ = ("a",)
    a = 1


def m_noargs():
    match NoArgs():
        case NoArgs(x):
            return x


def m_listargs():
    match ListArgs():
        case ListArgs(x):
            return x


def m_intargs():
    match IntArgs():
        case IntArgs(x):
            return x


def m_too_many():
    match Two():
        case Two(a, b, c):
            return a


def m_dup():
    match Dup():
        case Dup(x, a=y):
            return x, y


def m_not_class():
    match 3:
        case len():
            return "?"


def m_int_two():
    match 5:
        case int(a, b):
            return a


def m_odict():
    match collections.OrderedDict():
        case collections.OrderedDict(a, b):
            return a


def m_dup_key():
    class K:
        a = "x"
        b = "x"

    match {"x": 1}:
        case {K.a: 1, K.b: 2}:
            return "?"
        case _:
            return "length check first"


def m_dup_key2():
    class K:
        a = "x"
        b = "x"

    match {"x": 1, "y": 2}:
        case {K.a: 1, K.b: 2}:
            return "?"


def m_unhashable_key():
    class K:
        a = []

    match {"x": 1}:
        case {K.a: 1}:
            return "?"


def m_no_zero_args_is_fine():
    match NoArgs():
        case NoArgs():
            return "matched with no sub-patterns"


def m_missing_attr():
    match Two():
        case Two(a=1, c=3):
            return "?"
        case Two(b=b):
            return f"missing attribute means no match; b={b}"


class Boom:
    @property
    def x(self):
        raise ValueError("property raised")


def m_raising_attr():
    match Boom():
        case Boom(x=1):
            return "?"


class BadEq:
    def __eq__(self, other):
        raise RuntimeError("eq raised")


def m_bad_eq():
    class V:
        c = BadEq()

    match 1:
        case V.c:
            return "?"


class NoKeys:
    def __len__(self):
        return 0

    def get(self, key, default):
        return default


collections.abc.Mapping.register(NoKeys)


def m_rest_of_no_keys():
    match NoKeys():
        case {**rest}:
            return rest


def m_len_raises():
    class Sized(list):
        def __len__(self):
            raise OverflowError("len raised")

    match Sized():
        case [_, _]:
            return "?"


def m_getitem_raises():
    class Seq(collections.abc.Sequence):
        def __len__(self):
            return 3

        def __getitem__(self, i):
            raise LookupError(f"no item {i}")

    match Seq():
        case [x, *_]:
            return x


for name, func in list(globals().items()):
    if name.startswith("m_"):
        attempt(name, func)


def final(v):
    match v:
        case {"point": (x, y)}:
            return x + y
        case [1, 2, 3]:
            return "a list"
        case Two(1, 2, 3):
            return "unreachable"


print(final({"point": (1, 2)}))
final(Two())
