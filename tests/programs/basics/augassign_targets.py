# Augmented assignment on names, attributes and subscripts; evaluation order.
class Box:
    def __init__(self):
        self.v = 1
log = []
class Rec:
    def __init__(self):
        self.d = {"k": 1}
    def __getitem__(self, k):
        log.append(("get", k))
        return self.d[k]
    def __setitem__(self, k, v):
        log.append(("set", k, v))
        self.d[k] = v
b = Box()
b.v += 5
b.v *= 2
print(b.v)
r = Rec()
def key():
    log.append("key")
    return "k"
r[key()] += 10
print(log, r.d)
lst = [1, [2, 3]]
lst[1][0] -= 5
lst[-1] += [4]
print(lst)
s = "a"
s += "b"
s *= 2
print(s)
t = (1,)
t += (2,)
print(t)
class Acc:
    def __init__(self):
        self.items = []
    def __iadd__(self, other):
        self.items.append(other)
        return self
a = Acc()
alias = a
a += 1
a += 2
print(a is alias, a.items)
m = [[1]]
try:
    tt = (m,)
    tt[0] += [2]
except TypeError as e:
    print("TypeError:", e, tt)
