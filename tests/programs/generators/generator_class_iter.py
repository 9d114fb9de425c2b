# __iter__ written as a generator method; independent iterators; sending through a class-based pipeline.
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        n = self.n
        while n:
            yield n
            n -= 1
cd = Countdown(3)
it1, it2 = iter(cd), iter(cd)
print(next(it1), next(it1), next(it2), list(it1), list(cd))
def running_total():
    total = 0
    while True:
        x = yield total
        total += x
rt = running_total()
next(rt)
print([rt.send(v) for v in [5, 10, 20]])
def chunks(seq, n):
    for i in range(0, len(seq), n):
        yield seq[i:i + n]
print(list(chunks("abcdefg", 3)), list(chunks([], 2)))
