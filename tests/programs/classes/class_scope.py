# Class body scope: names visible in the body, not in methods; class attributes and __qualname__.
x = "module"
class A:
    x = "class"
    y = x + "!"
    def get(self):
        return x
    def get_attr(self):
        return self.x
    print("in body:", x, y, __qualname__, __module__)
print(A().get(), A().get_attr(), A.y)
def f():
    x = "function"
    class B:
        print("class in function sees:", x)
        x = "class B"
        z = x
    return B
print(f().z)
def g():
    v = "enclosing"
    class C:
        try:
            w = v
        except NameError as e:
            w = f"NameError: {e}"
        v = "shadow"
        def m(self):
            return v
    return C
C = g()
print(C.w, C.v, C().m())
class Counter:
    count = 0
    def __init__(self):
        Counter.count += 1
        self.id = Counter.count
Counter(); Counter(); c = Counter()
print(Counter.count, c.id)
