# Sieve of Eratosthenes and a prime factorization.
N = 200
sieve = [True] * (N + 1)
sieve[0] = sieve[1] = False
for i in range(2, int(N ** 0.5) + 1):
    if sieve[i]:
        sieve[i * i :: i] = [False] * len(sieve[i * i :: i])
print([i for i, p in enumerate(sieve) if p])
def factor(n):
    out, d = [], 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1
    if n > 1:
        out.append(n)
    return out
print(factor(2 ** 10 * 3 ** 5 * 97), factor(600851475143))
