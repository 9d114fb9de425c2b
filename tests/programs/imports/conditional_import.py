# Imports inside functions, try/except ImportError fallbacks, and names bound by import.
def lazy():
    import statistics
    return statistics.mean([1, 2, 3, 4])
print(lazy(), "statistics" in globals())
try:
    import _not_installed_fast_json as fastjson
except ImportError:
    import json as fastjson
print(fastjson.__name__, fastjson.loads("[1, 2]"))
if True:
    from collections import OrderedDict as OD
print(OD(a=1))
