"""Exceptions: raising and catching in loops, custom exception classes with attributes,
try/except/else/finally, re-raising, exceptions crossing several frames, and LBYL versus
EAFP look-ups.

Usage: exceptions.py [N]. Prints each part's result and a checksum.
"""

import sys


class ValidationError(Exception):
    def __init__(self, field, code):
        super().__init__(f"bad {field}")
        self.field = field
        self.code = code


class RangeError(ValidationError):
    pass


def check(value):
    if value % 7 == 0:
        raise RangeError("value", value % 5)
    if value % 11 == 0:
        raise ValidationError("parity", 3)
    return value


def deep(level, value):
    if level == 0:
        return check(value)
    return deep(level - 1, value) + 1


def catching(n):
    ok = 0
    codes = 0
    for i in range(n):
        try:
            ok += check(i)
        except RangeError as e:
            codes += e.code
        except ValidationError as e:
            codes += len(e.field)
    return ok + codes


def crossing_frames(n):
    total = 0
    for i in range(n):
        try:
            total += deep(5, i)
        except ValidationError as e:
            total -= e.code
    return total


def finally_and_else(n):
    cleanups = 0
    elses = 0
    for i in range(n):
        try:
            if i % 3 == 0:
                raise KeyError(i)
        except KeyError:
            pass
        else:
            elses += 1
        finally:
            cleanups += 1
    return cleanups * 2 + elses


def reraise(n):
    caught = 0
    for i in range(n):
        try:
            try:
                [][i]
            except IndexError as e:
                raise ValueError("wrapped") from e
        except ValueError as e:
            if isinstance(e.__cause__, IndexError):
                caught += 1
    return caught


def lookups(n):
    table = {i: i * i for i in range(0, 1000, 2)}
    found = 0
    for i in range(n):
        key = i % 1000
        try:
            found += table[key]
        except KeyError:
            found -= 1
    return found


def main(n):
    a = catching(n)
    b = crossing_frames(n // 2)
    c = finally_and_else(n)
    d = reraise(n // 2)
    e = lookups(n)
    print("catching", a)
    print("frames", b)
    print("finally", c)
    print("reraise", d)
    print("lookups", e)
    print("checksum", (a + b * 3 + c * 5 + d * 7 + e) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 300_000)
