# heapq and bisect.
import heapq
import bisect
h = []
for v in [5, 1, 8, 3, 9, 2]:
    heapq.heappush(h, v)
print(h[0], [heapq.heappop(h) for _ in range(3)], h)
print(heapq.nlargest(2, [4, 1, 7, 3]), heapq.nsmallest(2, [4, 1, 7, 3], key=lambda x: -x), list(heapq.merge([1, 4], [2, 3])))
a = [1, 3, 3, 5]
print(bisect.bisect_left(a, 3), bisect.bisect_right(a, 3), bisect.bisect(a, 10))
bisect.insort(a, 4)
print(a, bisect.bisect_left(a, 2, key=None))
tasks = [(2, "b"), (1, "a"), (3, "c")]
heapq.heapify(tasks)
print(heapq.heappop(tasks), heapq.heappushpop(tasks, (0, "z")), tasks)
