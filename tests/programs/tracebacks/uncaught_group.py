# An uncaught ExceptionGroup with a nested group.
def fail():
    raise ExceptionGroup("top", [ValueError("v"), ExceptionGroup("nested", [TypeError("t")])])
fail()
