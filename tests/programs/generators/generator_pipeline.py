# Generator pipelines and itertools.
import itertools
def numbers():
    n = 0
    while True:
        yield n
        n += 1
evens = (n for n in numbers() if n % 2 == 0)
squares = (n * n for n in evens)
print(list(itertools.islice(squares, 6)))
print(list(itertools.takewhile(lambda x: x < 10, numbers())))
print(list(itertools.chain("ab", [1, 2])), list(itertools.accumulate([1, 2, 3, 4])))
print([(k, list(g)) for k, g in itertools.groupby("aaabccdd")])
print(list(itertools.product("ab", repeat=2)), list(itertools.combinations(range(4), 2)))
print(list(itertools.permutations("abc", 2)), list(itertools.zip_longest("ab", "xyz", fillvalue="-")))
print(list(itertools.pairwise([1, 2, 3, 4])), list(itertools.batched(range(7), 3)))
print(list(itertools.starmap(pow, [(2, 3), (3, 2)])), list(itertools.repeat("x", 3)), list(itertools.compress("abcd", [1, 0, 1, 0])))
c = itertools.count(5, 5)
print(next(c), next(c), list(itertools.islice(itertools.cycle("xy"), 5)))
