# for-loop targets: tuples, attributes, subscripts, starred.
class O:
    pass
o = O()
d = {}
for o.attr in range(2):
    print(o.attr)
for d["k"] in "xy":
    pass
print(d)
for a, (b, c) in [(1, (2, 3)), (4, (5, 6))]:
    print(a + b + c)
for first, *rest in ["abc", [1, 2]]:
    print(first, rest)
lst = [0, 0, 0]
for i, lst[i] in enumerate("pqr"):
    pass
print(lst)
