"""An object-heavy float simulation: particles with a small vector class using operator
overloading (__add__, __sub__, __mul__, __abs__), bouncing in a box, with neighbours found
through a grid kept in a dict keyed by (int, int) tuples.

Usage: particles.py [N]. N is the number of steps. Prints rounded summaries and a checksum.
"""

import sys


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __add__(self, other):
        return Vec(self.x + other.x, self.y + other.y)

    def __sub__(self, other):
        return Vec(self.x - other.x, self.y - other.y)

    def __mul__(self, k):
        return Vec(self.x * k, self.y * k)

    def __abs__(self):
        return (self.x * self.x + self.y * self.y) ** 0.5

    def dot(self, other):
        return self.x * other.x + self.y * other.y


class Particle:
    def __init__(self, position, velocity, radius):
        self.position = position
        self.velocity = velocity
        self.radius = radius
        self.bounces = 0

    def move(self, dt, size):
        p = self.position + self.velocity * dt
        v = self.velocity
        if p.x < 0 or p.x > size:
            v = Vec(-v.x, v.y)
            self.bounces += 1
        if p.y < 0 or p.y > size:
            v = Vec(v.x, -v.y)
            self.bounces += 1
        self.velocity = v
        self.position = Vec(min(max(p.x, 0.0), size), min(max(p.y, 0.0), size))


class World:
    CELL = 4.0

    def __init__(self, count, size):
        self.size = size
        self.particles = []
        seed = 99
        for _ in range(count):
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            x = seed % 10_000 / 10_000 * size
            seed = (seed * 1103515245 + 12345) & 0x7FFFFFFF
            y = seed % 10_000 / 10_000 * size
            velocity = Vec((seed >> 7) % 200 / 50 - 2, (seed >> 15) % 200 / 50 - 2)
            self.particles.append(Particle(Vec(x, y), velocity, 0.5))
        self.collisions = 0

    def grid(self):
        cells = {}
        for p in self.particles:
            key = (int(p.position.x // self.CELL), int(p.position.y // self.CELL))
            if key in cells:
                cells[key].append(p)
            else:
                cells[key] = [p]
        return cells

    def collide(self):
        for group in self.grid().values():
            for i in range(len(group)):
                a = group[i]
                for j in range(i + 1, len(group)):
                    b = group[j]
                    delta = a.position - b.position
                    # touching and approaching: equal masses swap their velocities
                    if (
                        abs(delta) < a.radius + b.radius
                        and delta.dot(b.velocity - a.velocity) > 0
                    ):
                        a.velocity, b.velocity = b.velocity, a.velocity
                        self.collisions += 1

    def step(self, dt):
        for p in self.particles:
            p.move(dt, self.size)
        self.collide()

    def energy(self):
        return sum(p.velocity.dot(p.velocity) for p in self.particles) / 2


def main(n):
    world = World(300, 60.0)
    before = world.energy()
    for _ in range(n):
        world.step(0.05)
    after = world.energy()
    centre = Vec(0.0, 0.0)
    for p in world.particles:
        centre = centre + p.position
    centre = centre * (1 / len(world.particles))
    bounces = sum(p.bounces for p in world.particles)
    print(f"energy {before:.6f} {after:.6f}")
    print(f"centre {centre.x:.4f} {centre.y:.4f}")
    print("bounces", bounces, "collisions", world.collisions)
    print(
        "checksum",
        (bounces * 1009 + world.collisions * 31 + round(centre.x * 1000))
        % 1_000_000_007,
    )


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 700)
