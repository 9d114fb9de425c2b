# abc: abstract methods, registering virtual subclasses, collections.abc checks.
from abc import ABC, abstractmethod
import collections.abc as cabc
class Shape(ABC):
    @abstractmethod
    def area(self): ...
    def describe(self):
        return f"{type(self).__name__} of area {self.area()}"
class Sq(Shape):
    def __init__(self, s):
        self.s = s
    def area(self):
        return self.s ** 2
try:
    Shape()
except TypeError as e:
    print("TypeError:", e)
print(Sq(3).describe())
class Half(Shape):
    pass
try:
    Half()
except TypeError as e:
    print("TypeError:", e)
class Anything:
    pass
Shape.register(Anything)
print(isinstance(Anything(), Shape), issubclass(Anything, Shape))
class Sized:
    def __len__(self):
        return 0
print(isinstance(Sized(), cabc.Sized), isinstance([], cabc.MutableSequence), isinstance({}, cabc.Mapping), isinstance(iter([]), cabc.Iterator))
