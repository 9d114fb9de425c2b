import _circular_a
B_VALUE = "b"
def partial_a():
    return hasattr(_circular_a, "A_VALUE")
PARTIAL_AT_IMPORT = hasattr(_circular_a, "A_VALUE")
