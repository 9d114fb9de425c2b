from . import SUB
from .. import core
def describe():
    return f"leaf: {SUB}, {core.core_func()}, package {__package__}, name {__name__}"
