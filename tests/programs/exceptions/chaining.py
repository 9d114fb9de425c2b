# Exception chaining: implicit __context__, explicit __cause__, from None, __suppress_context__.
def show(e):
    print(type(e).__name__, e, "| cause:", repr(e.__cause__), "| context:", repr(e.__context__), "| suppress:", e.__suppress_context__)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("implicit")
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise ValueError("explicit") from z
except ValueError as e:
    show(e)
try:
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("hidden") from None
except ValueError as e:
    show(e)
try:
    raise KeyError("k") from ValueError("cause instance")
except KeyError as e:
    show(e)
try:
    raise KeyError("k") from TypeError
except KeyError as e:
    show(e)
try:
    raise KeyError from 5
except TypeError as e:
    print("TypeError:", e)
try:
    try:
        raise ValueError("a")
    finally:
        print("in finally, context chaining continues")
except ValueError as e:
    print(e.__context__)
e = RuntimeError("manual")
e.__cause__ = OSError("set by hand")
print(e.__suppress_context__, repr(e.__cause__))
