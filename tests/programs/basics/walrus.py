# Assignment expressions.
data = [1, 5, 3, 8, 2]
if (n := len(data)) > 3:
    print("long", n)
i = 0
while (chunk := data[i:i + 2]):
    print(chunk)
    i += 2
print([y for x in data if (y := x * 2) > 5], y)
total = 0
print([total := total + v for v in data], total)
print((z := 10), z)
def f():
    if any((hit := v) > 4 for v in data):
        return hit
print(f())
