"""List and tuple work: comprehensions, sorting with keys, slicing, list methods, star
unpacking, zip/enumerate, and a matrix product on nested lists.

Usage: lists.py [N]. Prints each part's result and a checksum.
"""

import sys


def pseudo_random(n, seed):
    values = []
    x = seed
    for _ in range(n):
        x = (x * 1103515245 + 12345) & 0x7FFFFFFF
        values.append(x >> 12)
    return values


def comprehensions(values):
    evens = [v for v in values if v % 2 == 0]
    pairs = [(v % 100, v) for v in evens]
    squares = {k: k * k for k, _ in pairs}
    nested = [[a * b for b in range(8)] for a in range(len(values) // 1000)]
    return len(evens) + sum(squares.values()) + sum(map(sum, nested))


def sorting(values):
    records = [(v % 97, -v, str(v)) for v in values[: len(values) // 8]]
    by_key = sorted(records, key=lambda r: (r[0], r[2]))
    records.sort()
    first, *middle, last = by_key[:50]
    return records[0][1] + records[-1][1] + first[0] + last[0] + len(middle)


def list_methods(values):
    stack = []
    total = 0
    for i, v in enumerate(values):
        if v % 3:
            stack.append(v)
        elif stack:
            total += stack.pop()
        if len(stack) > 100:
            del stack[:50]
            stack.insert(0, i)
            stack.reverse()
    window = values[:: len(values) // 100 or 1]
    return total + len(stack) + window.index(window[-1]) + window.count(window[0])


def matrix_product(size):
    a = [[(i * size + j) % 7 - 3 for j in range(size)] for i in range(size)]
    b = [[(i + 2 * j) % 5 - 2 for j in range(size)] for i in range(size)]
    columns = list(zip(*b))
    product = [[sum(x * y for x, y in zip(row, col)) for col in columns] for row in a]
    trace = 0
    for i, row in enumerate(product):
        trace += row[i]
    return trace + sum(product[-1])


def main(n):
    values = pseudo_random(n, 5)
    a = comprehensions(values)
    b = sorting(values)
    c = list_methods(values)
    d = matrix_product(10 + n // 5000)
    print("comprehensions", a)
    print("sorting", b)
    print("methods", c)
    print("matrix", d)
    print("checksum", (a + b * 3 + c * 5 + d * 7) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 600_000)
