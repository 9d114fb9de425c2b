"""Big integers: the digits of pi from an unbounded spigot (Gibbons' streaming algorithm),
whose state grows to integers of thousands of digits, plus factorials and powers mod m.

Usage: pidigits.py [N]. N is the number of digits of pi. Prints them ten to a line (the
last 5 lines only) and a checksum.
"""

import sys


def pi_digits(count):
    q, r, t, k, digit, i = 1, 0, 1, 1, 3, 3
    digits = []
    while len(digits) < count:
        if 4 * q + r - t < digit * t:
            digits.append(digit)
            q, r, digit = (
                10 * q,
                10 * (r - digit * t),
                (10 * (3 * q + r)) // t - 10 * digit,
            )
        else:
            q, r, t, k, digit, i = (
                q * k,
                (2 * q + r) * i,
                t * i,
                k + 1,
                (q * (7 * k + 2) + r * i) // (t * i),
                i + 2,
            )
    return digits


def factorial_digit_sum(n):
    f = 1
    for i in range(2, n + 1):
        f *= i
    # chunks of nine digits: str() of an int this big is over CPython's default limit
    total = 0
    while f:
        f, chunk = divmod(f, 1_000_000_000)
        while chunk:
            total += chunk % 10
            chunk //= 10
    return total


def main(n):
    digits = pi_digits(n)
    lines = ["".join(map(str, digits[i : i + 10])) for i in range(0, n, 10)]
    for line in lines[-5:]:
        print(line)
    fact = factorial_digit_sum(n)
    power = pow(3, 10**n, 2**521 - 1) % 1_000_000_007
    checksum = 0
    for d in digits:
        checksum = (checksum * 10 + d) % 1_000_000_007
    print("factorial digit sum", fact)
    print("power", power)
    print("checksum", (checksum + fact + power) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 4_000)
