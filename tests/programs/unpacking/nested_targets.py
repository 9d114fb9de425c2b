# Nested and mixed targets: attributes, subscripts, swaps, chained assignment.
class O:
    pass
o = O()
lst = [0, 0, 0]
d = {}
o.a, lst[1], d["k"], (o.b, lst[-1]) = 1, 2, 3, (4, 5)
print(vars(o), lst, d)
x, y = 1, 2
x, y = y, x
print(x, y)
a = b = c = []
a.append(1)
print(a, b, c, a is c)
i = 0
arr = [10, 20, 30]
i, arr[i] = 1, 99
print(i, arr)
p, (q, (r, s)) = 1, (2, (3, 4))
print(p + q + r + s)
[t] = ["single"]
(u,) = ("tuple single",)
print(t, u)
m = n = (1, 2)
(m1, m2) = m
print(m1, m2, n)
