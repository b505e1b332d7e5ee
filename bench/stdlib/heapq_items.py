# heapq over 10**6 items made from a fixed seed: heapify, push, pop and the n smallest;
# the order must equal sorted()'s.
import heapq

items = [(i * 2654435761) % 1_000_003 for i in range(1_000_000)]
heap = list(items[:500_000])
heapq.heapify(heap)
for x in items[500_000:]:
    heapq.heappush(heap, x)
popped = [heapq.heappop(heap) for _ in range(len(heap))]
assert popped == sorted(items)
smallest = heapq.nsmallest(10, items)
largest = heapq.nlargest(10, items)
assert smallest == popped[:10] and largest == popped[::-1][:10]
print(len(popped), smallest[:3], largest[:3], sum(popped[::1000]))
