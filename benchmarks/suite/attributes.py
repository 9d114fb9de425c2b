"""Attribute access: instance and class attributes read and written, properties, __slots__,
and a chain of objects walked through their attributes.

Usage: attributes.py [N]. Prints each part's result and a checksum.
"""

import sys


class Vector:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class SlottedVector:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Temperature:
    scale = 9

    def __init__(self, celsius):
        self._celsius = celsius

    @property
    def celsius(self):
        return self._celsius

    @celsius.setter
    def celsius(self, value):
        self._celsius = value

    @property
    def fahrenheit(self):
        return self._celsius * self.scale // 5 + 32


class Node:
    def __init__(self, value, next_node):
        self.value = value
        self.next = next_node


def plain(n, cls):
    v = cls(1, 2)
    w = cls(3, 4)
    for i in range(n):
        v.x = v.x + w.y - 3
        v.y = (v.y + w.x + i) & 0xFFFF
        w.x, w.y = w.y, w.x
    return v.x + v.y + w.x + w.y


def properties(n):
    t = Temperature(0)
    total = 0
    for i in range(n):
        t.celsius = i % 100
        total += t.fahrenheit + t.celsius
    return total


def chains(n):
    head = None
    for i in range(50):
        head = Node(i, head)
    total = 0
    for _ in range(n // 50):
        node = head
        while node is not None:
            total += node.value
            node = node.next
    return total


def main(n):
    a = plain(n, Vector)
    b = plain(n, SlottedVector)
    c = properties(n)
    d = chains(n * 4)
    print("plain", a)
    print("slots", b)
    print("properties", c)
    print("chains", d)
    print("checksum", (a + b * 3 + c * 5 + d * 7) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500_000)
