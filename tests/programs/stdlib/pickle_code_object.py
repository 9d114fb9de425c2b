# Code objects cannot be pickled or deep-copied by reduction; copy treats them as atomic.
import copy
import pickle
import typing


def f():
    pass


for obj in (f.__code__, typing.ForwardRef("set[int]")):
    for proto in (0, 2, pickle.HIGHEST_PROTOCOL):
        try:
            pickle.dumps(obj, proto)
        except TypeError as exc:
            print(proto, "TypeError:", exc)
print(copy.copy(f.__code__) is f.__code__, copy.deepcopy(f.__code__) is f.__code__)
