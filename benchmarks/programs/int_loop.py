total = 0
i = 0
while i < 300_000:
    total += i * 2 % 7
    i += 1
print(total)
