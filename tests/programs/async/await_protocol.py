# The await protocol: __await__ on a custom class, types.coroutine, driving a coroutine by hand.
import types
class Ready:
    def __init__(self, v):
        self.v = v
    def __await__(self):
        got = yield f"asking for {self.v}"
        return (self.v, got)
@types.coroutine
def raw_yield(x):
    y = yield x
    return y
async def main():
    a = await Ready(1)
    b = await raw_yield("raw")
    return a, b
c = main()
print(c.send(None))
print(c.send("reply1"))
try:
    c.send("reply2")
except StopIteration as e:
    print("result:", e.value)
async def plain():
    return 5
p = plain()
try:
    p.send(None)
except StopIteration as e:
    print("plain returned", e.value)
try:
    p.send(None)
except RuntimeError as e:
    print("RuntimeError:", e)
async def bad():
    await 5
b = bad()
try:
    b.send(None)
except TypeError as e:
    print("TypeError:", e)
