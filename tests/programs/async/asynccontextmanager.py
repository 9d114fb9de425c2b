# contextlib.asynccontextmanager and AsyncExitStack.
import asyncio
import contextlib
@contextlib.asynccontextmanager
async def resource(name):
    print("acquire", name)
    await asyncio.sleep(0)
    try:
        yield name.upper()
    finally:
        print("release", name)
async def main():
    async with resource("db") as r:
        print("using", r)
    async with contextlib.AsyncExitStack() as stack:
        a = await stack.enter_async_context(resource("a"))
        b = await stack.enter_async_context(resource("b"))
        print("both", a, b)
    try:
        async with resource("err"):
            raise ValueError("inside")
    except ValueError as e:
        print("propagated", e)
asyncio.run(main())
