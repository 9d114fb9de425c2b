# UnboundLocalError: assignment anywhere in a function makes the name local everywhere.
x = 10
def f():
    try:
        print(x)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    x = 5
    return x
print(f())
def g():
    if False:
        x = 1
    try:
        return x
    except UnboundLocalError as e:
        return str(e)
print(g())
def h():
    try:
        x += 1
    except UnboundLocalError as e:
        return str(e)
print(h())
def i():
    for x in []:
        pass
    try:
        return x
    except UnboundLocalError as e:
        return str(e)
print(i())
def j():
    import math as x
    return x.pi > 3
print(j(), x)
