squares = [x * x for x in range(10)]
evens = {x for x in data if x % 2 == 0}
index = {k: v for k, v in pairs if k if v}
nested = [(i, j) for i in range(3) for j in range(i) if i != j]
total = sum(x for x in values)
lazy = (y for y in (z for z in source))
matrix = [[row[i] for row in rows] for i in range(width)]
walrus = [y for x in data if (y := f(x)) is not None]


async def collect(aiter):
    a = [x async for x in aiter]
    b = {await x for x in tasks}
    c = {k: await v async for k, v in aiter if await check(k)}
    return [i async for i in aiter if i], (j async for j in aiter)
