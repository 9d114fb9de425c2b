# Guards run after the pattern's names are bound: a failed guard leaves them bound, a
# failed pattern binds nothing, and guards with side effects run once per case tried.
calls = []


def check(label, value):
    calls.append(label)
    return value


def run(subject):
    calls.clear()
    match subject:
        case [a, b] if check("pair", a > b):
            result = ("pair", a, b)
        case [a, *rest] if check("head", (n := len(rest)) > 1):
            result = ("head", a, n)
        case {"k": v} if check("k", v):
            result = ("k", v)
        case other if check("other", True):
            result = ("other", other)
    return result, list(calls)


for s in [[2, 1], [1, 2], [1, 2, 3], [7], {"k": 0}, {"k": 5}, "zz"]:
    print(repr(s), run(s))

# Names from a case whose guard failed stay bound (module scope: globals).
match (1, 2):
    case (p, q) if p > q:
        print("not here")
    case _:
        pass
print("after a failed guard:", p, q)

# A pattern that fails part way binds nothing, even names it had matched.
match [10, 20, 30]:
    case [first, second, 99]:
        pass
    case [_, _]:
        pass
print("first" in globals(), "second" in globals())


# In a function: a failed pattern leaves the local unbound.
def local_binding(v):
    match v:
        case [x, 0]:
            pass
        case _:
            pass
    try:
        return x
    except UnboundLocalError as e:
        return f"UnboundLocalError: {e}"


print(local_binding([3, 0]))
print(local_binding([3, 1]))


# A capture rebinds the subject's own variable; later cases still see the subject.
def rebind(x):
    match x:
        case [x, 1] if x == "no":
            return "first"
        case [_, y]:
            return f"second sees {y}, x is now {x}"


print(rebind(["a", 1]))


# Guards may raise; the exception escapes the match with the guard's line.
def risky(v):
    match v:
        case [d] if 10 // d:
            return "ok"
        case _:
            return "default"


print(risky([5]))
try:
    risky([0])
except ZeroDivisionError as e:
    print("ZeroDivisionError from the guard:", e)

# A guard on the last wildcard case.
for v in (0, 1):
    match v:
        case 5:
            print("five")
        case _ if v:
            print("truthy default", v)
    print("done", v)

# Each guard is evaluated only when its pattern matched.
order = []
match 3:
    case 1 if order.append("g1"):
        pass
    case int() if order.append("g2"):
        pass
    case 3 if order.append("g3") or True:
        order.append("body3")
print(order)

# The walrus in a guard binds in the enclosing scope.
match {"n": 4}:
    case {"n": n} if (sq := n * n) > 10:
        print("square", sq)
print("sq after:", sq)
