# A custom exception with notes and a multi-line message.
class Failure(Exception):
    def __str__(self):
        return "line one\nline two"
e = Failure()
e.add_note("note: first")
e.add_note("note: second")
raise e
