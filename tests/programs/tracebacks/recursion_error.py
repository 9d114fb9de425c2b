# Unbounded recursion: RecursionError with repeated frames collapsed.
def down(n):
    return down(n + 1)
print("start")
down(0)
