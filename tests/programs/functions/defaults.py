# Default values are evaluated once, at definition time.
def append(item, target=[]):
    target.append(item)
    return target
print(append(1), append(2), append(3, []))
n = 10
def show(x=n):
    return x
n = 20
print(show())
def safe(item, target=None):
    if target is None:
        target = []
    target.append(item)
    return target
print(safe(1), safe(2))
order = []
def mark(v):
    order.append(v)
    return v
def k(a=mark(1), *, b=mark(2), c=mark(3)):
    pass
print(order, k.__defaults__, k.__kwdefaults__)
def later(x=1, y=2):
    return x, y
later.__defaults__ = (100, 200)
print(later())
