# collections.Counter over 10**6 words made from a fixed seed; the counts must equal a
# plain dict's.
from collections import Counter

VOCABULARY = [f"w{i}" for i in range(5000)]
words = [VOCABULARY[((i * 2654435761) >> 7) % 5000] for i in range(1_000_000)]
counts = Counter(words)
top = counts.most_common(10)
counts.update(words[:100_000])
check = {}
for w in words:
    check[w] = check.get(w, 0) + 1
for w in words[:100_000]:
    check[w] += 1
assert dict(counts) == check
assert sum(counts.values()) == 1_100_000
print(len(counts), top[:3], counts.most_common(1), counts.total())
