# __exit__ gets a traceback object for an exception re-raised through nested with blocks.
class CM:
    def __init__(self, name):
        self.name = name
    def __enter__(self):
        return self
    def __exit__(self, kind, value, tb):
        print(self.name, kind.__name__ if kind else None, tb is not None)
        return False
try:
    with CM("outer"):
        with CM("inner"):
            raise RuntimeError("boom")
except RuntimeError as e:
    print("caught", e, e.__traceback__ is not None)
try:
    try:
        raise ValueError(1)
    except ValueError as e:
        first = e.__traceback__
        raise
except ValueError as e:
    print(e.__traceback__ is not None)
