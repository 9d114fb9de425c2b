x = a + b * c - d / e // f % g ** -h
y = (a << 2 | b >> 3) & ~c ^ d @ e
z = not a and b or c if d else e
ok = 0 < a <= b == c != d > e >= f is g is not h in i not in j
f = lambda a, b=1, *c, d, e=2, **g: (a, b, c, d, e, g)
items[1:2], items[::3], items[a:b:c], items[:, None, ...], items[*idx]
call(a, *args, key=value, **kwargs)(1)[2].attr.other
if (n := len(data)) > 10:
    print(f"{n=}")
first, *rest = [1, 2, 3]
a = b = c = -1
total += 1; total -= 2; total *= 3; total @= m; total //= 4; total **= 2; total >>= 1
matrix = [[1, 2], [3, 4]]
values = {**defaults, "k": v, 1: 2}
pair = (1,)
empty = (), [], {}, set()
cond = a if b else c if d else e
obj.attr: int = 5
print(*[1, 2], sep="")
await_like = await_ + yield_
