# async with and async for on hand-written classes.
import asyncio
class AsyncCM:
    async def __aenter__(self):
        print("aenter")
        await asyncio.sleep(0)
        return "resource"
    async def __aexit__(self, et, ev, tb):
        print("aexit", et.__name__ if et else None)
        return True
class AsyncRange:
    def __init__(self, n):
        self.i, self.n = 0, n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        await asyncio.sleep(0)
        return self.i
async def main():
    async with AsyncCM() as r:
        print("inside with", r)
        raise KeyError("suppressed by __aexit__")
    async for i in AsyncRange(3):
        print("item", i)
    else:
        print("async for else")
    async with AsyncCM() as a, AsyncCM() as b:
        print(a, b)
asyncio.run(main())
