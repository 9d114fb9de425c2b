# while loops with else, break and continue.
n = 0
while n < 5:
    n += 1
    if n == 2:
        continue
    print("n", n)
else:
    print("while finished normally")
n = 0
while True:
    n += 1
    if n > 3:
        break
else:
    print("not printed")
print("broke at", n)
while False:
    pass
else:
    print("else of a loop that never ran")
i = 10
while i:
    i -= 3 if i > 3 else i
print(i)
