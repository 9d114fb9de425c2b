# Closures see the variable, not the value at creation time.
fns = []
for i in range(3):
    fns.append(lambda: i)
print([f() for f in fns])
fns = [lambda i=i: i for i in range(3)]
print([f() for f in fns])
def make():
    x = "before"
    def show():
        return x
    x = "after"
    return show
print(make()())
def loop_cells():
    out = []
    for j in range(3):
        def f():
            return j
        out.append(f)
    return [g() for g in out]
print(loop_cells())
