# Three levels of nesting, nonlocal through levels, shadowing.
def a():
    x = "a"
    def b():
        def c():
            nonlocal x
            x = x + "c"
            return x
        return c()
    r = b()
    return r, x
print(a())
def shadow():
    x = 1
    def inner():
        x = 2
        def innermost():
            return x
        return innermost()
    return inner(), x
print(shadow())
def outer_uses_param(p):
    def inner():
        return p * 2
    p += 1
    return inner()
print(outer_uses_param(5))
