# Free variables referenced before assignment; deleting cell variables.
def f():
    def inner():
        return v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
    v = 1
    print(inner())
    del v
    try:
        inner()
    except NameError as e:
        print(type(e).__name__, e)
f()
def g():
    def set_it():
        nonlocal w
        w = "set by inner"
    set_it()
    return w
    w = None
print(g())
