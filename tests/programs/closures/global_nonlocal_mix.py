# global and nonlocal in the same program; globals() updates.
total = 0
def outer():
    total = 10
    def add_global(n):
        global total
        total += n
    def add_local(n):
        nonlocal total
        total += n
    add_global(1)
    add_local(2)
    return total
print(outer(), total)
def define_new():
    globals()["dynamic"] = "made with globals()"
define_new()
print(dynamic)
