# importlib.reload re-executes a module; the module object stays the same.
import importlib
import _helper
first = _helper
_helper.VALUE = "changed"
importlib.reload(_helper)
print(_helper is first, _helper.VALUE)
