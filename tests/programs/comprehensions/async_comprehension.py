# Async comprehensions and await inside comprehensions.
import asyncio
async def agen(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i
async def double(x):
    await asyncio.sleep(0)
    return x * 2
async def main():
    a = [i async for i in agen(4)]
    b = {i: i * i async for i in agen(3) if i}
    c = [await double(i) for i in range(3)]
    d = [x async for x in agen(5) if await double(x) > 4]
    e = (i async for i in agen(3))
    f = [v async for v in e]
    print(a, b, c, d, f)
asyncio.run(main())
