# Slicing with steps and negative indices, slice objects, __getitem__ with slices.
s = list(range(10))
print(s[2:8:2], s[8:2:-2], s[-3:], s[:-3], s[::-3], s[-1:-10:-4], s[5:5], s[10:0:-1])
print(s[slice(1, 5)], s[slice(None, None, -1)][:3], slice(1, 10, 2).indices(5))
print("abcdefg"[-2::-2], (1, 2, 3, 4)[::-1], range(20)[3:15:4])
class Show:
    def __getitem__(self, key):
        return key
sh = Show()
print(sh[1], sh[1:2], sh[::3], sh[1:2, 3], sh[...], sh[:, None], sh[-1:])
x = list(range(6))
x[1:4] = []
print(x)
x[:0] = ["start"]
x[len(x):] = ["end"]
print(x)
del x[::2]
print(x)
s2 = "hello"
print(s2[-100:100], s2[3:1], s2[-1::-1])
