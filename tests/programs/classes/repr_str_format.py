# __repr__, __str__, __format__, and how print, str(), repr(), f-strings and containers use them.
class A:
    def __repr__(self):
        return "A()"
class B:
    def __str__(self):
        return "str of B"
    def __repr__(self):
        return "B()"
class C(B):
    def __format__(self, spec):
        return f"C formatted with {spec!r}"
print(A(), str(A()), repr(A()), [A()], f"{A()}")
print(B(), str(B()), repr(B()), [B()], (B(),), {"k": B()}, f"{B()} {B()!r}")
print(C(), f"{C()}", f"{C():>10}", format(C(), "x"), "{:spec}".format(C()))
class Money:
    def __init__(self, v):
        self.v = v
    def __format__(self, spec):
        if spec.endswith("$"):
            return f"${self.v:{spec[:-1]}}"
        return format(self.v, spec)
print(f"{Money(3.5):.2f$}|{Money(3.5):>8.1f}|")
class Bad:
    def __str__(self):
        return 42
try:
    str(Bad())
except TypeError as e:
    print("TypeError:", e)
try:
    format(A(), "x")
except TypeError as e:
    print("TypeError:", e)
class E(Exception):
    def __str__(self):
        return "custom exception str"
print(E("ignored"), repr(E("arg")))
