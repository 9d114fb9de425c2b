# Class scope: not visible from nested functions or comprehension bodies; name resolution order.
a = "global a"
class C:
    a = "class a"
    b = [a for _ in range(1)]
    c = [x for x in [a]]
    def method(self):
        return a
    d = (lambda: a)()
print(C.b, C.c, C().method(), C.d)
def outer():
    a = "outer a"
    class D:
        first = a
        a = "class D a"
        second = a
        def m(self):
            return a
    return D
D = outer()
print(D.first, D.second, D().m())
class E:
    print("builtins visible:", len("abc"))
    len = lambda self: 42
    print("shadowed inside body:", len(None))
print(len("abcd"), E().len())
