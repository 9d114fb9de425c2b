# PEP 614: any expression as a decorator.
decos = [lambda f: (lambda: "first " + f()), lambda f: (lambda: "second " + f())]
@decos[0]
def a():
    return "a"
class Holder:
    def __init__(self):
        self.d = {"x": lambda f: (lambda: f().upper())}
h = Holder()
@h.d["x"]
def b():
    return "b"
@(lambda f: f) if True else None
def c():
    return "c"
print(a(), b(), c())
