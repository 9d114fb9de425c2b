# Custom exception classes: args, __str__, extra attributes, hierarchy, add_note.
class AppError(Exception):
    pass
class NotFound(AppError):
    def __init__(self, what, where="db"):
        super().__init__(f"{what} not found in {where}")
        self.what = what
        self.where = where
class Weird(Exception):
    def __init__(self, code):
        self.code = code
try:
    raise NotFound("user")
except AppError as e:
    print(type(e).__name__, e, e.args, e.what, e.where, isinstance(e, Exception))
w = Weird(42)
print(repr(w), str(w), w.args, w.code)
e = Exception("a", 2, None)
print(str(e), repr(e), e.args, str(Exception()), repr(Exception("one")))
e.add_note("first note")
e.add_note("second note")
print(e.__notes__)
class WithStr(Exception):
    def __str__(self):
        return f"WithStr({len(self.args)} args)"
print(WithStr(1, 2), [WithStr()])
print(issubclass(NotFound, BaseException), NotFound.__mro__[:3])
try:
    raise 5
except TypeError as e:
    print("TypeError:", e)
try:
    raise object
except TypeError as e:
    print("TypeError:", e)
