# ExceptionGroup and except*.
eg = ExceptionGroup("many", [ValueError("v1"), TypeError("t1"), ValueError("v2"), KeyError("k")])
try:
    raise eg
except* ValueError as g:
    print("ValueError group:", repr(g))
except* TypeError as g:
    print("TypeError group:", g.exceptions)
except* LookupError as g:
    print("LookupError group:", g.message, len(g.exceptions))
try:
    try:
        raise ExceptionGroup("outer", [ValueError("a"), ExceptionGroup("inner", [OSError("b"), ValueError("c")])])
    except* ValueError as g:
        print("matched nested:", repr(g))
except ExceptionGroup as rest:
    print("unhandled rest:", repr(rest))
try:
    raise ValueError("naked")
except* ValueError as g:
    print("naked exception wrapped:", repr(g), type(g).__name__)
print(eg.split(ValueError)[0].exceptions, eg.subgroup(lambda e: isinstance(e, KeyError)))
print(BaseExceptionGroup("b", [KeyboardInterrupt()]).__class__.__name__, ExceptionGroup("x", [ValueError()]).__class__.__name__)
try:
    ExceptionGroup("bad", [])
except ValueError as e:
    print("ValueError:", e)
try:
    ExceptionGroup("bad", [KeyboardInterrupt()])
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ExceptionGroup("eg", [ValueError(1)])
    except* ValueError:
        raise KeyError("raised in except*")
except BaseException as g:
    print("raised from except*:", type(g).__name__, repr(g), "| context:", repr(g.__context__))
