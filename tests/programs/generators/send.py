# send(): values into a generator, priming, running averages.
def averager():
    total = count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            break
        total += value
        count += 1
        avg = total / count
    return count
a = averager()
print(next(a), a.send(10), a.send(20), a.send(60))
try:
    a.send(None)
except StopIteration as e:
    print("returned", e.value)
g = averager()
try:
    g.send(5)
except TypeError as e:
    print("TypeError:", e)
def echo():
    received = []
    while True:
        x = yield len(received)
        received.append(x)
        if len(received) == 3:
            return received
e = echo()
next(e)
e.send("a"); e.send("b")
try:
    e.send("c")
except StopIteration as stop:
    print(stop.value)
