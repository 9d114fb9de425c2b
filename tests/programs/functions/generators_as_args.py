# A generator expression as the sole argument needs no extra parentheses.
print(sum(x * x for x in range(5)), max(len(s) for s in ["a", "bbb"]), "".join(c.upper() for c in "abc"))
print(sorted((n % 3, n) for n in range(6)), dict((k, k * 2) for k in "ab"), set(i // 2 for i in range(6)))
print(any(c.isdigit() for c in "ab3"), all(c.isalpha() for c in "ab3"), list(map(str, (i for i in range(3)))))
