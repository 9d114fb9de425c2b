"""Method calls: virtual dispatch through a small class hierarchy, super(), classmethods,
staticmethods and bound methods kept in variables.

Usage: methods.py [N]. Prints the accumulated results and a checksum.
"""

import sys


class Shape:
    sides = 0

    def __init__(self, size):
        self.size = size

    def area(self):
        return 0

    def perimeter(self):
        return self.sides * self.size

    def describe(self):
        return self.area() + self.perimeter()

    @classmethod
    def unit(cls):
        return cls(1)

    @staticmethod
    def clamp(value, limit):
        return min(value, limit)


class Square(Shape):
    sides = 4

    def area(self):
        return self.size * self.size


class Triangle(Shape):
    sides = 3

    def area(self):
        return self.size * self.size // 2


class Hexagon(Shape):
    sides = 6

    def area(self):
        return 3 * self.size * self.size - self.size

    def describe(self):
        return super().describe() + 1


class Counter:
    def __init__(self):
        self.count = 0

    def increment(self, by):
        self.count += by
        return self

    def value(self):
        return self.count


def main(n):
    shapes = [Square(3), Triangle(5), Hexagon(2), Square(7), Shape(4)]
    total = 0
    for i in range(n):
        shape = shapes[i % 5]
        total += shape.describe()
        total += shape.clamp(i, 1000)
    units = 0
    for cls in (Square, Triangle, Hexagon) * (n // 30):
        units += cls.unit().area()
    counter = Counter()
    bump = counter.increment
    for i in range(n):
        bump(i & 7)
        counter.increment(1).increment(2)
    print("shapes", total)
    print("units", units)
    print("counter", counter.value())
    print("checksum", (total * 3 + units * 5 + counter.value()) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 900_000)
