# global declarations.
counter = 0
def bump():
    global counter
    counter += 1
    return counter
bump(); bump()
print(counter)
def make():
    global created
    created = "yes"
make()
print(created)
def shadow():
    counter = 100
    def inner():
        global counter
        return counter
    return inner()
print(shadow())
def read_only():
    return counter * 10
print(read_only())
def unbound():
    try:
        print(counter)
    except UnboundLocalError as e:
        print("UnboundLocalError:", e)
    counter = 5
unbound()
class K:
    global gk
    gk = "set from class body"
print(gk)
