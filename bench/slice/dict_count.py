# Counting with dicts: str and int keys, get/setdefault, items() and sorting.
sentence = "the quick brown fox jumps over the lazy dog while the cat sleeps on the mat "
words = (sentence * 20000).split()
counts = {}
for word in words:
    counts[word] = counts.get(word, 0) + 1

buckets = {}
for i in range(400000):
    key = (i * 7919) % 1009
    buckets[key] = buckets.get(key, 0) + 1

groups = {}
for word in counts:
    groups.setdefault(len(word), []).append(word)

top = sorted(counts.items(), key=lambda item: (-item[1], item[0]))[:3]
print(len(words), top, len(buckets), max(buckets.values()), sorted(groups)[:4])
