# random with a fixed seed is deterministic.
import random
rng = random.Random(12345)
print([rng.randint(1, 100) for _ in range(5)], rng.choice("abcdef"), round(rng.random(), 6))
items = list(range(10))
rng.shuffle(items)
print(items, rng.sample(range(100), 4), round(rng.uniform(1, 2), 6))
random.seed(7)
print(random.randrange(0, 1000, 5), random.choices("xyz", k=5), random.getrandbits(16))
