# break and continue inside try/finally and with blocks.
for i in range(4):
    try:
        if i == 1:
            continue
        if i == 3:
            break
        print("body", i)
    finally:
        print("finally", i)
class CM:
    def __enter__(self):
        print("enter")
    def __exit__(self, *a):
        print("exit", a)
for i in range(3):
    with CM():
        if i == 0:
            continue
        break
print("end")
def f():
    for i in range(3):
        try:
            return i
        finally:
            if i == 0:
                continue
    return "loop ended"
print(f())
