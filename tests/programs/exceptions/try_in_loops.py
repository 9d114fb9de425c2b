# try/except inside loops with continue and else; retry loops.
results = []
for s in ["1", "x", "3", "", "5"]:
    try:
        n = int(s)
    except ValueError:
        results.append(None)
        continue
    else:
        results.append(n * 10)
print(results)
attempts = 0
while True:
    attempts += 1
    try:
        if attempts < 3:
            raise ConnectionError(f"attempt {attempts} failed")
        print("succeeded on attempt", attempts)
        break
    except ConnectionError as e:
        print("retrying after:", e)
def parse_all(items):
    errors = []
    for i, it in enumerate(items):
        try:
            yield float(it)
        except ValueError as e:
            errors.append((i, str(e)))
    if errors:
        raise ValueError(errors)
try:
    print(list(parse_all(["1.5", "nan?", "2"])))
except ValueError as e:
    print("ValueError:", e)
