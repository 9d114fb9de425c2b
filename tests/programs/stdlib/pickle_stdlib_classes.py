# Instances of classes from pure-Python stdlib modules pickle and unpickle, and globals
# that cannot be pickled by reference give the C pickler's errors.
import collections
import enum
import fractions
import pickle


class K:
    pass


K.__module__ = "no_such_module_xyz"
for obj in (K, lambda: 1):
    try:
        pickle.dumps(obj)
    except Exception as e:
        print(type(e).__name__, str(e).split(">")[-1])

Color = enum.Enum("Color", "RED GREEN")
print(pickle.loads(pickle.dumps(collections.Counter("aab"))))
print(pickle.loads(pickle.dumps(fractions.Fraction(1, 3))))
print(pickle.loads(pickle.dumps(collections.ChainMap({1: 2}, {3: 4}))))
print(pickle.loads(pickle.dumps(Color.GREEN)) is Color.GREEN)
Point = collections.namedtuple("Point", "x y")
print(pickle.loads(pickle.dumps(Point(1, 2), protocol=0)))
print(pickle.dumps.__name__, pickle.loads.__name__)
