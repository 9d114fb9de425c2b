# Class bodies do not create closures for methods; __class__ cell.
x = "global"
class C:
    x = "class attr"
    def method(self):
        return x
    y = [x for _ in range(1)]
    z = (lambda: x)()
print(C().method(), C.y, C.z)
def factory():
    v = "from function"
    class Inner:
        def get(self):
            return v
        attr = v
    return Inner
I = factory()
print(I().get(), I.attr)
class D:
    def who(self):
        return __class__.__name__
print(D().who(), "__class__" in D.who.__code__.co_freevars)
