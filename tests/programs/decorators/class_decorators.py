# Class decorators and decorating methods.
registry = {}
def register(cls):
    registry[cls.__name__] = cls
    return cls
def add_repr(cls):
    def __repr__(self):
        return f"{cls.__name__}({vars(self)})"
    cls.__repr__ = __repr__
    return cls
@register
@add_repr
class Item:
    def __init__(self, n):
        self.n = n
print(registry, Item(3))
def logged(method):
    def wrapper(self, *a):
        print("->", method.__name__, a)
        return method(self, *a)
    return wrapper
class S:
    @logged
    def go(self, x):
        return x * 2
print(S().go(21))
