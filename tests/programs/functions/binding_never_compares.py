# Binding arguments never compares them: an argument whose __eq__ raises or lies is
# bound like any other, when keyword-only arguments or defaults are filled in.
class Touchy:
    def __eq__(self, other):
        raise RuntimeError("compared!")

    __hash__ = object.__hash__


class Liar:
    def __eq__(self, other):
        return True

    __hash__ = object.__hash__


def kwonly(a, b=2, *, obj=None, flag=False):
    return type(a).__name__, b, type(obj).__name__, flag


def positional(a, b, c=3):
    return type(a).__name__, type(b).__name__, c


t, liar = Touchy(), Liar()
print(kwonly(t, obj=t))
print(kwonly(liar, obj=liar, flag=True))
print(kwonly(obj=t, *(t, 5)))
print(positional(t, liar))
print(positional(liar, t, c=t) [:2])
try:
    kwonly(t, t, t)
except TypeError as e:
    print(e)
try:
    positional(t)
except TypeError as e:
    print(e)
