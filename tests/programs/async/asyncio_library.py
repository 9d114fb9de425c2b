# asyncio as a library: tasks, gather, cancellation, TaskGroup, timeouts, queues, futures,
# the exception classes caught by name, the event loop policy, and the traceback of a task
# that failed (the C Task and Future add no frames of their own).
import asyncio
import os
import traceback

log = []

async def worker(name, q):
    while True:
        item = await q.get()
        try:
            if item == "bad":
                raise ValueError(f"{name} got a bad item")
            log.append(f"{name}:{item}")
        finally:
            q.task_done()

async def queues():
    q = asyncio.Queue()
    for item in ["a", "b", "c", "d"]:
        q.put_nowait(item)
    workers = [asyncio.create_task(worker(f"w{i}", q), name=f"worker-{i}") for i in range(2)]
    await q.join()
    for w in workers:
        w.cancel()
    results = await asyncio.gather(*workers, return_exceptions=True)
    print("queue:", sorted(log), [type(r).__name__ for r in results])
    print("names:", [w.get_name() for w in workers], [w.cancelled() for w in workers])
    lifo = asyncio.LifoQueue()
    prio = asyncio.PriorityQueue()
    for n in [3, 1, 2]:
        lifo.put_nowait(n)
        prio.put_nowait((n, str(n)))
    print("lifo:", [lifo.get_nowait() for _ in range(3)], "prio:", [prio.get_nowait()[1] for _ in range(3)])
    full = asyncio.Queue(maxsize=1)
    full.put_nowait(0)
    try:
        full.put_nowait(1)
    except asyncio.QueueFull:
        print("QueueFull caught")
    try:
        asyncio.Queue().get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty caught")

async def square(n):
    await asyncio.sleep(0)
    return n * n

async def fail(message):
    await asyncio.sleep(0)
    raise KeyError(message)

async def forever():
    await asyncio.Event().wait()

async def gathering():
    print("gather:", await asyncio.gather(*(square(n) for n in range(5))))
    print("gather with errors:", await asyncio.gather(square(2), fail("k"), return_exceptions=True))
    try:
        await asyncio.gather(square(3), fail("first"))
    except KeyError as e:
        print("gather raised:", repr(e))
    done, pending = await asyncio.wait([asyncio.create_task(square(n)) for n in (1, 2)])
    print("wait:", sorted(t.result() for t in done), len(pending))
    print("as_completed:", sorted([await c for c in asyncio.as_completed([square(4), square(5)])]))

async def cancelling():
    task = asyncio.create_task(forever())
    await asyncio.sleep(0)
    print("cancel:", task.cancel("stop now"), task.cancelling())
    try:
        await task
    except asyncio.CancelledError as e:
        print("CancelledError caught:", e.args, task.cancelled(), type(e) is asyncio.exceptions.CancelledError)
    print("is BaseException only:", issubclass(asyncio.CancelledError, BaseException), issubclass(asyncio.CancelledError, Exception))
    inner = asyncio.create_task(square(6))
    print("shield:", await asyncio.shield(inner))
    async def cleanup():
        try:
            await forever()
        finally:
            log.append("cleaned up")
    task = asyncio.create_task(cleanup())
    await asyncio.sleep(0)
    task.cancel()
    await asyncio.gather(task, return_exceptions=True)
    print("finally ran:", log[-1], task.cancelled())
    task = asyncio.create_task(square(1))
    await task
    print("cancel a finished task:", task.cancel())

async def timeouts():
    try:
        async with asyncio.timeout(0.01) as cm:
            await forever()
    except TimeoutError as e:
        print("timeout:", type(e).__name__, cm.expired())
    try:
        await asyncio.wait_for(forever(), timeout=0.01)
    except asyncio.TimeoutError:
        print("wait_for timed out; asyncio.TimeoutError is TimeoutError:", asyncio.TimeoutError is TimeoutError)
    async with asyncio.timeout(None) as cm:
        print("no deadline:", cm.when(), await square(7))
    print("wait_for in time:", await asyncio.wait_for(square(8), timeout=10))

async def groups():
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(square(n)) for n in range(4)]
    print("TaskGroup:", [t.result() for t in tasks])
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("one"))
            tg.create_task(fail("two"))
            sleeper = tg.create_task(forever())
    except* KeyError as group:
        print("except*:", type(group).__name__, sorted(str(e) for e in group.exceptions), sleeper.cancelled())

async def futures():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "from a callback")
    print("future:", await fut, fut.done())
    fut = loop.create_future()
    fut.set_exception(OSError(2, "gone"))
    try:
        await fut
    except OSError as e:
        print("future exception:", e)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut = loop.create_future()
    try:
        fut.result()
    except asyncio.InvalidStateError as e:
        print("InvalidStateError:", e)
    fut.cancel(msg="never mind")
    try:
        fut.result()
    except asyncio.CancelledError as e:
        print("cancelled future:", e.args)
    print("current task:", asyncio.current_task().get_name(), asyncio.current_task() in asyncio.all_tasks())
    print("classes:", asyncio.Future, asyncio.Task, type(fut) is asyncio.Future, isinstance(asyncio.current_task(), asyncio.Future))
    print("isfuture:", asyncio.isfuture(fut), asyncio.iscoroutinefunction(square), asyncio.iscoroutine(fut))

async def main():
    await queues()
    await gathering()
    await cancelling()
    await timeouts()
    await groups()
    await futures()
    print("to_thread:", await asyncio.to_thread(sorted, [3, 1, 2]))
    return "main done"

print(asyncio.run(main()))
print(type(asyncio.get_event_loop_policy()).__name__)

class CountingPolicy(asyncio.DefaultEventLoopPolicy):
    made = 0
    def new_event_loop(self):
        CountingPolicy.made += 1
        return super().new_event_loop()

asyncio.set_event_loop_policy(CountingPolicy())
print(asyncio.run(square(9)), CountingPolicy.made, type(asyncio.get_event_loop_policy()).__name__)
asyncio.set_event_loop_policy(None)
with asyncio.Runner() as runner:
    print("Runner:", runner.run(square(10)), runner.run(square(11)))

# A failing task: the traceback CPython prints, with the stdlib folder shortened.
async def inner():
    await asyncio.sleep(0)
    raise RuntimeError("deep failure")

async def outer():
    task = asyncio.create_task(inner())
    await task

try:
    asyncio.run(outer())
except RuntimeError:
    text = traceback.format_exc().replace(os.path.dirname(asyncio.__file__), "<asyncio>")
    print(text, end="")
