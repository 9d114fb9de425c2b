kw={"metaclass": type}
try:
    class C(metaclass=type, **kw): pass
except TypeError as e: print(e)
print(eval.__module__, exec.__module__, __build_class__.__module__)
