# Module-level dunders of the main program and of imported modules.
import _helper
print(__name__, __doc__, __package__, __spec__, type(__builtins__).__name__)
print(_helper.__name__, _helper.__file__.endswith("_helper.py"), _helper.__spec__.name, _helper.__package__ == "")
print(__file__.endswith("module_attrs.py"), __loader__.__class__.__name__ != "", sorted(k for k in globals() if k.startswith("__") and k != "__annotations__"))
import sys
print(sys.modules["__main__"].__name__, sys.modules[__name__] is sys.modules["__main__"])
