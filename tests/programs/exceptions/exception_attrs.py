# Attributes of built-in exceptions.
try:
    {}["missing"]
except KeyError as e:
    print(repr(e), e.args, str(e))
try:
    [].pop()
except IndexError as e:
    print(repr(e))
try:
    None.attr
except AttributeError as e:
    print(e, repr(e.name), e.obj)
try:
    undefined
except NameError as e:
    print(e, e.name)
try:
    open("/nonexistent/file.txt")
except FileNotFoundError as e:
    print(e.errno, e.strerror, e.filename, type(e).__mro__[1].__name__, isinstance(e, OSError))
try:
    int("x")
except ValueError as e:
    print(e.args)
try:
    "é".encode("ascii")
except UnicodeEncodeError as e:
    print(e.encoding, e.object, e.start, e.end, e.reason)
try:
    import no_such_module_here
except ModuleNotFoundError as e:
    print(e, e.name, type(e).__mro__[1].__name__)
try:
    from math import nothing_here
except ImportError as e:
    print(str(e).split(" (")[0], e.name)
s = StopIteration(7)
print(s.value, SystemExit(3).code, KeyboardInterrupt.__mro__[1].__name__)
e = OSError(2, "No such file or directory")
print(type(e).__name__, e)
print(BaseException.__subclasses__()[:0], issubclass(GeneratorExit, Exception))
print(ArithmeticError.__subclasses__())
