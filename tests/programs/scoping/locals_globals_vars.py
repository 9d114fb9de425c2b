# locals(), globals(), vars() at module, function and class level.
g_value = 1
def f(a, b=2):
    c = a + b
    loc = locals()
    return sorted(loc), loc["c"]
print(f(1))
print("g_value" in globals(), globals()["g_value"], globals() is vars(), __name__)
class C:
    x = 1
    y = sorted(k for k in locals() if not k.startswith("__"))
    z = sorted(locals())
print(C.y, C.z)
def snapshot():
    v = 1
    s = locals()
    v = 2
    return s["v"], locals()["v"]
print(snapshot())
class P:
    def __init__(self):
        self.q = 5
print(vars(P()), "q" not in vars(P))
try:
    vars(5)
except TypeError as e:
    print("TypeError:", e)
def modify_locals():
    x = 1
    locals()["x"] = 2
    return x
print(modify_locals())
def comp_locals():
    y = 10
    return [sorted(locals()) for _ in range(1)]
print(comp_locals())
