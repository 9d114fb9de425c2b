# Awaiting a coroutine that is suspended in an await of its own is refused.
import types
@types.coroutine
def nop():
    yield
async def coroutine():
    await nop()
async def waiter(coro):
    await coro
coro = coroutine()
coro.send(None)
try:
    waiter(coro).send(None)
except RuntimeError as e:
    print("RuntimeError", e)
async def fine():
    return await coroutine2()
async def coroutine2():
    return 5
try:
    fine().send(None)
except StopIteration as e:
    print("value", e.value)
coro.close()
