"""Generators: pipelines of generator functions, yield from, generator expressions,
send() into a running generator, and an infinite generator cut short.

Usage: generators.py [N]. Prints each part's result and a checksum.
"""

import sys


def numbers(n):
    i = 0
    while i < n:
        yield i
        i += 1


def squares(source):
    for x in source:
        yield x * x


def evens(source):
    for x in source:
        if x % 2 == 0:
            yield x


def chunks(source, size):
    chunk = []
    for x in source:
        chunk.append(x)
        if len(chunk) == size:
            yield chunk
            chunk = []
    if chunk:
        yield chunk


def flatten(tree):
    for item in tree:
        if isinstance(item, list):
            yield from flatten(item)
        else:
            yield item


def running_average():
    total = 0
    count = 0
    average = None
    while True:
        value = yield average
        total += value
        count += 1
        average = total // count


def fibonacci():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, (a + b) % 1_000_003


def build_tree(depth, start):
    if depth == 0:
        return [start, start + 1]
    return [build_tree(depth - 1, start), start * 3, build_tree(depth - 1, start + 7)]


def main(n):
    pipeline = sum(evens(squares(numbers(n)))) % 1_000_003
    chunked = sum(len(c) * c[0] for c in chunks(numbers(n), 7)) % 1_000_003
    tree = build_tree(10, 1)
    flat = 0
    for _ in range(n // 20_000 + 1):
        flat += sum(flatten(tree))
    averager = running_average()
    next(averager)
    last = 0
    for i in range(n):
        last = averager.send(i * 3 % 101)
    fibs = 0
    for i, f in enumerate(fibonacci()):
        if i == n:
            break
        fibs ^= f
    genexp = sum(x % 7 for x in range(n) if x & 1)
    print("pipeline", pipeline)
    print("chunked", chunked)
    print("flatten", flat)
    print("send", last)
    print("fibonacci", fibs)
    print("genexp", genexp)
    print(
        "checksum", (pipeline + chunked + flat + last + fibs + genexp) % 1_000_000_007
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 500_000)
