# Async generators: async for, asend, athrow, aclose, finally.
import asyncio
async def ticker(n):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        print("ticker cleanup")
async def echo():
    received = None
    while True:
        received = yield f"got {received}"
async def main():
    async for t in ticker(3):
        print("tick", t)
    e = echo()
    print(await e.asend(None))
    print(await e.asend("x"))
    print(await anext(e))
    await e.aclose()
    g = ticker(5)
    print(await g.__anext__())
    try:
        await g.athrow(ValueError("thrown"))
    except ValueError as err:
        print("athrow propagated:", err)
    try:
        await anext(g)
    except StopAsyncIteration:
        print("exhausted")
    print(await anext(ticker(0), "default"))
    print(type(ticker(1)).__name__, [x async for x in ticker(2)])
asyncio.run(main())
