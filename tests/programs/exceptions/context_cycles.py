# Context chains: a raise replaces an older context; pre-existing cycles never hang.
def cycle():
    try:
        raise ValueError(1)
    except ValueError as ex:
        ex.__context__ = ex
        raise TypeError(2)


try:
    cycle()
except Exception as e:
    print(type(e).__name__, repr(e.__context__), e.__context__.__context__ is e.__context__)

old = KeyError("old")
try:
    try:
        raise IndexError("first")
    except IndexError:
        err = RuntimeError("again")
        err.__context__ = old
        raise err
except RuntimeError as e:
    print(repr(e.__context__))

# a loop of three, with the new exception outside it
a, b, c = ValueError("a"), ValueError("b"), ValueError("c")
a.__context__, b.__context__, c.__context__ = b, c, a
try:
    try:
        raise a
    except ValueError:
        raise TypeError("t")
except TypeError as e:
    print(repr(e.__context__), repr(e.__context__.__context__))

# the new exception already in the chain: the cycle is cut
x = ValueError("x")
try:
    try:
        raise x
    except ValueError as inner:
        y = TypeError("y")
        inner.__context__ = y
        try:
            raise y
        except TypeError as z:
            print(z.__context__ is x, x.__context__)
except Exception:
    pass
