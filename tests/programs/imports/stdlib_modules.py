# Importing stdlib modules in all the usual forms.
import math, collections
import itertools as it
from functools import reduce, partial as part
import os.path
import json, re
print(math.sqrt(16), collections.Counter("abracadabra").most_common(2), list(it.islice(it.count(), 3)))
print(reduce(int.__add__, [1, 2, 3]), part(max, 0)(-5), os.path.join("a", "b"), os.path.splitext("f.tar.gz"))
print(json.dumps({"b": [1, 2], "a": None}), re.findall(r"\d+", "a1b22c333"))
print(type(math).__name__, math.__name__, "math" in __import__("sys").modules)
m = __import__("string")
print(m.ascii_lowercase, __import__("os.path").__name__, __import__("os.path", fromlist=["join"]).__name__.startswith("posixpath"))
