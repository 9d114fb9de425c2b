# Async generator awaitables: asend/athrow/aclose corner cases and their error messages.
import asyncio


async def echo():
    received = None
    try:
        while True:
            try:
                received = yield f"got {received}"
            except ValueError as e:
                received = f"handled {e}"
    finally:
        await asyncio.sleep(0)
        print("echo cleanup")


async def stubborn():
    try:
        yield 1
    except GeneratorExit:
        yield "refused"


async def slow():
    await asyncio.sleep(0.01)
    yield "slow value"


async def main():
    e = echo()
    print(await e.asend(None), "|", await e.asend("a"), "|", await e.athrow(ValueError("v")))
    step = e.asend("b")
    print(type(step).__name__, await step)
    try:
        await step
    except RuntimeError as err:
        print("RuntimeError:", err)
    closing = e.aclose()
    print(type(closing).__name__, await closing)
    try:
        await closing
    except RuntimeError as err:
        print("RuntimeError:", err)
    try:
        await e.asend("late")
    except StopAsyncIteration:
        print("closed: StopAsyncIteration")
    print("athrow after close:", await e.athrow(KeyError("k")))

    fresh = echo()
    try:
        await fresh.asend("too early")
    except TypeError as err:
        print("TypeError:", err)
    try:
        await fresh.athrow(KeyError("unstarted"))
    except KeyError as err:
        print("KeyError from unstarted:", err, fresh.ag_frame)

    g = slow()
    pending = asyncio.ensure_future(anext(g))
    await asyncio.sleep(0)
    print("running:", g.ag_running, type(g.ag_await).__name__)
    for attempt in (g.__anext__, g.aclose, lambda: g.athrow(ValueError)):
        try:
            await attempt()
        except RuntimeError as err:
            print("RuntimeError:", err)
    print(await pending, g.ag_running, g.ag_await)

    old = echo()
    await anext(old)
    print(await old.athrow(ValueError, ValueError("three args"), None))
    await old.aclose()


asyncio.run(main())

# Driven by hand (no event loop): the awaitables are iterators; a yield ends a step.
s = stubborn()
try:
    s.asend(None).send(None)
except StopIteration as stop:
    print("yielded", stop.value)
try:
    s.aclose().send(None)
except RuntimeError as err:
    print("RuntimeError:", err)
