# Custom iterators: __iter__/__next__ classes versus generators; iter(callable, sentinel).
class Countdown:
    def __init__(self, n):
        self.n = n
    def __iter__(self):
        return self
    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1
print(list(Countdown(4)), 3 in Countdown(5), sum(Countdown(3)))
class Tree:
    def __init__(self, v, *kids):
        self.v, self.kids = v, kids
    def __iter__(self):
        yield self.v
        for k in self.kids:
            yield from k
t = Tree(1, Tree(2, Tree(3)), Tree(4))
print(list(t), max(t))
data = iter([5, 3, 0, 7])
print(list(iter(lambda: next(data), 0)))
class GetItemOnly:
    def __getitem__(self, i):
        if i >= 3:
            raise IndexError
        return i * 100
print(list(GetItemOnly()), list(reversed([1, 2, 3])), 200 in GetItemOnly())
it = iter([1, 2])
print(next(it), next(it), next(it, "default"))
