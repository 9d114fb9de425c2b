# Exceptions in coroutines: propagation through await, try/finally, TaskGroup errors.
import asyncio
async def fail(msg):
    await asyncio.sleep(0)
    raise ValueError(msg)
async def middle():
    try:
        await fail("deep")
    finally:
        print("middle finally")
async def main():
    try:
        await middle()
    except ValueError as e:
        print("caught", e)
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(fail("one"))
            tg.create_task(fail("two"))
    except* ValueError as eg:
        print("group of", sorted(str(e) for e in eg.exceptions))
asyncio.run(main())
