class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def moved(self, dx, dy):
        return Point(self.x + dx, self.y + dy)


p = Point(0, 0)
for i in range(50_000):
    p = p.moved(1, 2)
print(p.x, p.y)
