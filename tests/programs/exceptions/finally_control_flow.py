# finally interacting with return, break and continue.
def f1():
    try:
        return "try"
    finally:
        print("finally after return")
def f2():
    try:
        return "try"
    finally:
        return "finally wins"
def f3():
    try:
        raise ValueError
    finally:
        return "exception swallowed by return"
def f4():
    for i in range(3):
        try:
            raise KeyError(i)
        finally:
            break
    return f"break swallowed exception at {i}"
def f5():
    x = 1
    try:
        return x
    finally:
        x = 2
def f6():
    out = []
    for i in range(3):
        try:
            if i == 1:
                continue
            out.append(i)
        finally:
            out.append(f"f{i}")
    return out
def f7():
    try:
        try:
            return "inner"
        finally:
            print("inner finally")
    finally:
        print("outer finally")
print(f1(), f2(), f3(), f4(), f5(), f6(), f7(), sep="\n")
def f8():
    while True:
        try:
            return "return from loop"
        finally:
            print("finally in loop")
print(f8())
