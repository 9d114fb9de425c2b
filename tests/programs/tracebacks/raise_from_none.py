# from None hides the context in the traceback.
try:
    [][3]
except IndexError:
    raise RuntimeError("replaced") from None
