# Async generators as objects: types, attributes, aiter/anext, async with inside them,
# contextlib.asynccontextmanager through athrow, and errors raised inside.
import asyncio
import contextlib
import inspect
import types


class Resource:
    def __init__(self, name):
        self.name = name

    async def __aenter__(self):
        print("enter", self.name)
        return self.name

    async def __aexit__(self, typ, exc, tb):
        print("exit", self.name, typ.__name__ if typ else None)
        return False


async def lines():
    async with Resource("file") as name:
        for i in range(3):
            yield f"{name}:{i}"


@contextlib.asynccontextmanager
async def suppressing():
    try:
        yield "cm"
    except KeyError as e:
        print("suppressed", repr(e))


@contextlib.asynccontextmanager
async def translating():
    try:
        yield
    except ValueError as e:
        raise TypeError("translated") from e


async def bad_stop():
    yield 1
    raise StopAsyncIteration("inside")


async def bad_iter_stop():
    yield 1
    raise StopIteration


async def main():
    g = lines()
    print(type(g).__name__, isinstance(g, types.AsyncGeneratorType), inspect.isasyncgen(g))
    print(repr(g).split(" at ")[0], g.__name__, g.__qualname__, g.ag_code.co_name)
    print(aiter(g) is g, g.ag_running, g.ag_await, g.ag_frame is not None)
    print(await anext(g), await anext(g))
    await g.aclose()
    print("after aclose:", g.ag_frame, await anext(g, "default"))

    print([x async for x in lines()])
    async with suppressing() as value:
        print("inside", value)
        raise KeyError("missing")
    try:
        async with translating():
            raise ValueError("original")
    except TypeError as e:
        print("TypeError", e, "from", repr(e.__cause__))

    for make in (bad_stop, bad_iter_stop):
        gen = make()
        await anext(gen)
        try:
            await anext(gen)
        except RuntimeError as e:
            print("RuntimeError:", e, "| cause:", type(e.__cause__).__name__)

    genexp = (len(x) async for x in lines())
    print(type(genexp).__name__, genexp.__name__, [n async for n in genexp])


asyncio.run(main())
