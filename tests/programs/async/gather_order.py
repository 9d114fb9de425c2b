# asyncio.gather: results in argument order, interleaving with sleep(0).
import asyncio
log = []
async def worker(name, steps):
    for i in range(steps):
        log.append(f"{name}{i}")
        await asyncio.sleep(0)
    return f"{name} finished"
async def main():
    results = await asyncio.gather(worker("a", 3), worker("b", 1), worker("c", 2))
    print(results)
    print(log)
asyncio.run(main())
async def failing():
    await asyncio.sleep(0)
    raise ValueError("task failed")
async def main2():
    res = await asyncio.gather(worker("x", 1), failing(), return_exceptions=True)
    print(res)
    try:
        await asyncio.gather(failing())
    except ValueError as e:
        print("propagated:", e)
asyncio.run(main2())
