# An exception that passed through host code keeps the context it was given (None here); a host error in a handler gets the handled one.
from contextlib import contextmanager
class MyException(Exception):
    pass
@contextmanager
def my_cm():
    try:
        yield
    except BaseException:
        exc = MyException()
        try:
            raise exc
        finally:
            exc.__context__ = None
try:
    with my_cm():
        raise IndexError()
except MyException as exc:
    print(exc.__context__)
d = {}
try:
    try:
        raise ValueError(1)
    except ValueError:
        d["missing"]
except KeyError as e:
    print(repr(e.__context__))
