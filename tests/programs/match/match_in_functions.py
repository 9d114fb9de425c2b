# Match in generators, closures, class bodies and with global/nonlocal capture names.
def gen(items):
    for item in items:
        match item:
            case ("add", x, y):
                yield x + y
            case ("neg", x):
                yield -x
            case ("many", *xs):
                yield from xs
            case "stop":
                return
            case _:
                yield None


print(list(gen([("add", 1, 2), ("neg", 5), ("many", 7, 8), "?", "stop", ("neg", 1)])))


def make_getters(records):
    getters = []
    for r in records:
        match r:
            case {"name": name, "age": age}:
                getters.append(lambda: f"{name} ({age})")
            case {"name": name}:
                getters.append(lambda name=name: name)
    return getters


print([g() for g in make_getters([{"name": "ann", "age": 3}, {"name": "bob"}])])


def counter():
    value = 0

    def step(cmd):
        nonlocal value
        match cmd:
            case "inc":
                value += 1
            case ("set", value):  # binds the nonlocal
                pass
            case ("add", n):
                value += n
        return value

    return step


step = counter()
print(step("inc"), step(("set", 10)), step(("add", 5)), step("inc"))

total = None


def set_global(v):
    global total
    match v:
        case [*_, total]:
            pass


set_global([1, 2, 3])
print("global total:", total)


class Config:
    match {"debug": True, "level": 3}:
        case {"debug": debug, **others}:
            pass
    opts = sorted(others)


print(Config.debug, Config.opts)


def cells(v):
    match v:
        case [a, b]:
            pass
        case _:
            a = b = None

    def inner():
        return a, b

    return inner()


print(cells([1, 2]), cells("xy"))


async def coro(v):
    match v:
        case {"op": "sum", "args": [*args]}:
            return sum(args)
        case _:
            return "?"


c = coro({"op": "sum", "args": [1, 2, 3]})
try:
    c.send(None)
except StopIteration as stop:
    print("coroutine returned", stop.value)


def recurse(tree):
    match tree:
        case (left, right):
            return recurse(left) + recurse(right)
        case int(leaf):
            return leaf
        case [*children]:
            return sum(recurse(c) for c in children)


print(recurse(((1, 2), (3, [4, 5, (6, 7)]))))
print([x for v in [[1, 2], [3], 4] for x in [recurse(v)]])
