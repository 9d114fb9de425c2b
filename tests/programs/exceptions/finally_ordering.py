# Nested try blocks unwind in order; exceptions through function frames.
def level3():
    try:
        raise ValueError("deep")
    finally:
        print("level3 finally")
def level2():
    try:
        level3()
    finally:
        print("level2 finally")
def level1():
    try:
        level2()
    except ValueError as e:
        print("level1 caught", e)
        return "handled"
    finally:
        print("level1 finally")
print(level1())
def gen_with_finally():
    try:
        yield 1
    finally:
        print("generator finally")
def consume():
    g = gen_with_finally()
    try:
        for v in g:
            raise KeyError(v)
    finally:
        g.close()
try:
    consume()
except KeyError as e:
    print("KeyError", e)
