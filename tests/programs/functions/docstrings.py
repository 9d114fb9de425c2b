# Docstrings of modules, functions and classes.
"""Not the module docstring: the comment line comes first but this is still first statement."""
def f():
    """Function doc.

    More lines here.
    """
class C:
    """Class doc."""
    def m(self):
        'single-quoted doc'
print(__doc__)
print(f.__doc__)
print(C.__doc__, C.m.__doc__, C().m.__doc__)
def g():
    x = 1
    """not a docstring"""
print(g.__doc__)
class D:
    pass
print(D.__doc__)
