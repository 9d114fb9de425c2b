if a:
    pass
elif b:
    x = 1
else:
    x = 2

while True:
    if done():
        break
    else:
        continue
else:
    cleanup()

for i, (j, k) in enumerate(pairs):
    print(i, j, k)
else:
    print("no break")

try:
    risky()
except (ValueError, TypeError) as error:
    handle(error)
except Exception:
    raise
except:
    raise RuntimeError("bad") from None
else:
    succeeded()
finally:
    release()

try:
    group()
except* OSError as eg:
    pass
except* (KeyError, IndexError):
    pass

with open(path) as f, lock:
    data = f.read()

with (
    open("a") as a,
    open("b") as b,
):
    pass

assert isinstance(x, int), "x must be an int"
del a, b[0], c.d
raise
return_value = None
