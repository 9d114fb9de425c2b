# Singletons: None, Ellipsis, NotImplemented, True/False.
print(None, ..., Ellipsis is ..., NotImplemented, True, False)
print(type(None).__name__, type(...).__name__, repr(...), bool(None))
def f():
    ...
print(f(), f() is None)
class A:
    def __eq__(self, other):
        return NotImplemented
print(A() == A(), A() != 1)
print(True + True, True & False, True | False, ~True, -True)
