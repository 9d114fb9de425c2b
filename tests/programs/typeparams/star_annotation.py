# PEP 646: *args: *Ts is evaluated by unpacking exactly one item.
from typing import TypeVarTuple
Ts = TypeVarTuple("Ts")
def func1(*args: *Ts): pass
print(func1.__annotations__)
try:
    def func2(*args: *[1, 2]): pass
except ValueError as e:
    print("ValueError", e)
