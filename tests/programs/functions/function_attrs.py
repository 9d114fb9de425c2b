# Function objects: __name__, __qualname__, __doc__, __module__, __dict__, __code__.
def outer():
    def inner(a, b=1):
        "inner doc"
        return a + b
    return inner
fn = outer()
print(fn.__name__, fn.__qualname__, fn.__doc__, fn.__module__, fn.__defaults__)
fn.custom = "attribute"
print(fn.__dict__, fn(1), fn.__code__.co_name, fn.__code__.co_qualname)
class K:
    def method(self):
        pass
    class Nested:
        def deep(self):
            pass
print(K.method.__qualname__, K.Nested.deep.__qualname__, (lambda: 0).__name__)
def nodoc():
    x = "not a docstring"
print(nodoc.__doc__, outer.__doc__)
fn.__name__ = "renamed"
print(fn.__name__, callable(fn), callable(1), type(fn).__name__)
print(fn.__code__.co_argcount, fn.__code__.co_varnames, fn.__code__.co_filename)
def gen():
    yield
import inspect
print(inspect.isgeneratorfunction(gen), inspect.signature(outer()), inspect.isfunction(fn))
