# Importing a module that sits next to the program; it runs once and is cached in sys.modules.
import sys
import _helper
import _helper as h2
from _helper import greet, VALUE as V
print(_helper.VALUE, greet("ouro"), V, h2 is _helper, "_helper" in sys.modules)
print(_helper.__name__, _helper.__doc__, sorted(k for k in vars(_helper) if not k.startswith("__")))
import importlib
again = importlib.import_module("_helper")
print(again is _helper)
