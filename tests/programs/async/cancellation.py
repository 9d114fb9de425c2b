# Cancelling tasks and timeouts driven by sleep(0) steps.
import asyncio
async def forever(log):
    try:
        while True:
            await asyncio.sleep(0)
            log.append("step")
    except asyncio.CancelledError:
        log.append("cancelled")
        raise
async def main():
    log = []
    t = asyncio.create_task(forever(log))
    for _ in range(3):
        await asyncio.sleep(0)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("task cancelled", t.cancelled(), log[-1], len(log) >= 2)
    async def quick():
        return "quick"
    print(await asyncio.wait_for(quick(), timeout=5))
    tg_results = []
    async with asyncio.TaskGroup() as tg:
        for i in range(3):
            tg.create_task(asyncio.sleep(0, result=i)).add_done_callback(lambda f: tg_results.append(f.result()))
    print(sorted(tg_results))
asyncio.run(main())
