# Lists and tuples.
l = [3, 1, 2]
l.append(5)
l.extend([9, 0])
l.insert(1, 7)
print(l, len(l), l.pop(), l.pop(0), l.index(2), l.count(1))
l.remove(7)
l.sort()
print(l, sorted(l, reverse=True), l[::-1], l * 2, l + [1])
l.reverse()
print(l, min(l), max(l), sum(l))
l[1:3] = ["a", "b", "c"]
print(l)
l[::2] = [0] * len(l[::2])
print(l)
del l[1::2]
print(l)
t = (1,)
u = 1, 2, 3
print(t, u, (), tuple("ab"), u[1:], u.index(3), u.count(1), t + u, t * 3)
print([[0] * 2] * 2, [[0] * 2 for _ in range(2)])
a = [1, 2]
a += (3, 4)
print(a, a.copy() is a, list(range(10, 0, -3)))
try:
    l[1:2:1] = 5
except TypeError as e:
    print("TypeError:", e)
try:
    [1, 2, 3][::2] = [1]
except ValueError as e:
    print("ValueError:", e)
try:
    [][0]
except IndexError as e:
    print("IndexError:", e)
