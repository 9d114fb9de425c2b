# Bare raise, sys.exc_info, sys.exception, re-raising after handling, raise in except.
import sys
def handler():
    try:
        raise ValueError("original")
    except ValueError:
        print("inside:", sys.exc_info()[0].__name__, sys.exception())
        raise
try:
    handler()
except ValueError as e:
    print("re-raised:", e)
print("outside:", sys.exc_info(), sys.exception())
try:
    raise
except RuntimeError as e:
    print("RuntimeError:", e)
def nested():
    try:
        raise KeyError("outer")
    except KeyError:
        try:
            raise IndexError("inner")
        except IndexError:
            pass
        print("after inner handler:", repr(sys.exception()))
        raise
try:
    nested()
except KeyError as e:
    print("got", repr(e))
try:
    try:
        raise ValueError(1)
    except ValueError as e:
        raise e
except ValueError as e:
    print("raise e:", e)
