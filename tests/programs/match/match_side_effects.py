# Patterns look up attributes and items only as needed; failing matches may still bind names.
class Tracked:
    __match_args__ = ("a", "b")
    def __init__(self):
        self._a, self._b = 1, 2
    @property
    def a(self):
        print("get a")
        return self._a
    @property
    def b(self):
        print("get b")
        return self._b
match Tracked():
    case Tracked(2, _):
        print("no")
    case Tracked(1, 3):
        print("no")
    case Tracked(x, y):
        print("matched", x, y)
match [1, 2, 3]:
    case [a, b, 4]:
        pass
    case _:
        pass
print("a and b may be bound after a failed case:", "a" in dir(), "b" in dir())
