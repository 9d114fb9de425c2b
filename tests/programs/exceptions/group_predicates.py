# ExceptionGroup.split/subgroup with functions as predicates: the host's C code accepts
# only genuine host functions, so Ouro's are handed over as host trampolines.
import sys

eg = ExceptionGroup(
    "outer", [ValueError(1), ExceptionGroup("inner", [TypeError(2), ValueError(3)])]
)
seen = []


def pred(e):
    seen.append(type(e).__name__)
    return isinstance(e, ValueError)


print(eg.subgroup(pred))
print(seen)
match, rest = eg.split(lambda e: isinstance(e, TypeError))
print(repr(match), repr(rest))
print(BaseExceptionGroup.split(eg, pred))
print(eg.split(*[pred]))
args = (pred,)
print(eg.subgroup(*args))


class K:
    def m(self, e):
        return True


try:
    eg.split(K().m)  # a bound method is not a function: CPython refuses it too
except TypeError as e:
    print("bound method:", e)
try:
    eg.split(pred, pred)
except TypeError as e:
    print("two:", e)


def keep(e):
    return True


print(eg.subgroup(keep) is eg)


def tr(frame, event, arg):
    return tr


def traced():
    return eg.subgroup(pred)


sys.settrace(tr)
print(traced())
sys.settrace(None)


class MyEG(ExceptionGroup):
    pass


print(repr(MyEG("m", [KeyError(1)]).subgroup(lambda e: True)))


def bad(e):
    raise KeyError("from predicate")


try:
    eg.split(bad)
except KeyError as e:
    print("predicate raised", e, e.__context__)
eg.subgroup(bad)
