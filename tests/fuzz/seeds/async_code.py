import asyncio


async def fetch(url, *, timeout=10):
    async with session.get(url) as response, other() as o:
        async for chunk in response.content:
            await process(chunk)
        else:
            pass
    return await asyncio.wait_for(response.read(), timeout)


async def agen():
    for i in range(3):
        yield i
        await asyncio.sleep(0)


class Resource:
    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc):
        return False


async def main():
    results = await asyncio.gather(*(fetch(u) for u in urls))
    async with asyncio.TaskGroup() as tg:
        tg.create_task(main())
    await (await coroutine())


asyncio.run(main())
