# del of locals, globals and class attributes; rebinding after del.
x = 1
del x
x = 2
print(x)
def f():
    y = 1
    del y
    y = "rebound"
    return y
print(f())
class C:
    a = 1
    del a
    b = 2
print(hasattr(C, "a"), C.b)
del C.b
print(hasattr(C, "b"))
def g():
    global x
    del x
g()
print("x" in globals())
lst = [1, 2, 3]
del lst[:]
print(lst)
d = {"a": 1}
del d["a"], d
try:
    d
except NameError as e:
    print("NameError:", e)
