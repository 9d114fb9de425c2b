# Tasks, queues, events and locks with deterministic scheduling (sleep(0) only).
import asyncio
async def producer(q, n):
    for i in range(n):
        await q.put(i)
        print("put", i)
    await q.put(None)
async def consumer(q, out):
    while (item := await q.get()) is not None:
        out.append(item * 10)
        print("got", item)
async def main():
    q = asyncio.Queue(maxsize=2)
    out = []
    await asyncio.gather(producer(q, 4), consumer(q, out))
    print(out)
    ev = asyncio.Event()
    async def waiter():
        await ev.wait()
        return "event seen"
    t = asyncio.create_task(waiter())
    await asyncio.sleep(0)
    print(t.done())
    ev.set()
    print(await t, t.done(), t.result())
    lock = asyncio.Lock()
    order = []
    async def crit(name):
        async with lock:
            order.append(name + "-in")
            await asyncio.sleep(0)
            order.append(name + "-out")
    await asyncio.gather(crit("a"), crit("b"))
    print(order)
asyncio.run(main())
