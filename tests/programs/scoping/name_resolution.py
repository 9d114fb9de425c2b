# LEGB: local, enclosing, global, builtin, with each level shadowing the next.
str = "global str"
def outer():
    def middle():
        def inner():
            return str
        return inner()
    return middle()
print(outer())
def outer2():
    str = "enclosing str"
    def inner():
        return str
    return inner()
print(outer2())
del str
def outer3():
    return str(123)
print(outer3())
def make():
    items = []
    def add(v):
        items.append(v)
        return items
    return add
add = make()
add(1)
print(add(2))
