# from module import * honours __all__; underscore names are skipped without __all__.
from _helper import *
print(VALUE, greet("star"))
try:
    Thing
except NameError as e:
    print("NameError:", e)
from math import *
print(floor(2.5), pi > 3)
