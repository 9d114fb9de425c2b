# sys._getframe and frame attributes.
import sys
def who():
    f = sys._getframe()
    caller = sys._getframe(1)
    return f.f_code.co_name, caller.f_code.co_name, f.f_back is caller, f.f_lineno
def outer():
    local_in_outer = 1
    return who(), sorted(sys._getframe().f_locals)
print(outer())
print(sys._getframe().f_code.co_name, sys._getframe().f_globals is globals())
import inspect
def g():
    return inspect.currentframe().f_code.co_name, inspect.stack()[1].function
print(g())
