"""Integer loops: a sieve, Collatz chain lengths and a digit-sum loop, all on small ints.

Usage: int_loops.py [N]. Prints one line per part and a combined checksum.
"""

import sys


def sieve(limit):
    flags = [True] * (limit + 1)
    flags[0] = flags[1] = False
    i = 2
    while i * i <= limit:
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = False
        i += 1
    count = 0
    total = 0
    for k in range(limit + 1):
        if flags[k]:
            count += 1
            total += k
    return count, total


def longest_collatz(limit):
    best = 0
    best_start = 1
    for start in range(1, limit):
        n = start
        steps = 0
        while n != 1:
            if n & 1:
                n = 3 * n + 1
            else:
                n >>= 1
            steps += 1
        if steps > best:
            best = steps
            best_start = start
    return best_start, best


def digit_sums(limit):
    total = 0
    for i in range(limit):
        n = i
        s = 0
        while n:
            s += n % 10
            n //= 10
        total = (total * 31 + s) % 1_000_003
    return total


def main(n):
    primes = sieve(n * 4)
    collatz = longest_collatz(n // 4)
    digits = digit_sums(n)
    print("primes", *primes)
    print("collatz", *collatz)
    print("digits", digits)
    print("checksum", (primes[1] + collatz[1] * 7 + digits) % 1_000_000_007)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 250_000)
