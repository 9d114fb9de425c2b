# When async generators are finalized under asyncio.run: firstiter/finalizer hooks,
# abandoned generators closed by the loop, and shutdown_asyncgens at the end.
import asyncio
import sys


async def numbers(name, n=3):
    try:
        for i in range(n):
            await asyncio.sleep(0)
            yield i
    finally:
        await asyncio.sleep(0)
        print(f"  {name} finally")


def show_hooks():
    firstiter, finalizer = sys.get_asyncgen_hooks()
    print("hooks installed:", firstiter is not None, finalizer is not None)


async def main():
    show_hooks()
    async for i in numbers("broken"):
        print("got", i)
        break
    print("after break")
    await asyncio.sleep(0)
    print("after one sleep")
    await asyncio.sleep(0)
    print("after two sleeps")

    g = numbers("dropped")
    print("first:", await anext(g))
    del g
    print("after del")
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("after sleeps")

    done = numbers("exhausted", 2)
    print([i async for i in done])

    global left
    left = numbers("left over")
    print("left over:", await anext(left))
    print("main returns")


print("before run")
show_hooks()
asyncio.run(main())
print("after run")
show_hooks()
print("left over frame:", left.ag_frame)

events = []
sys.set_asyncgen_hooks(
    firstiter=lambda agen: events.append(("firstiter", agen.__name__)),
    finalizer=lambda agen: events.append(("finalizer", agen.__name__)),
)


async def plain():
    yield 1
    yield 2


def drive():
    gen = plain()
    events.append(("created", gen.__name__))
    step = gen.__anext__()
    try:
        step.send(None)
    except StopIteration as stop:
        events.append(("yielded", stop.value))


drive()
for event in events:
    print(*event)
sys.set_asyncgen_hooks(None, None)
