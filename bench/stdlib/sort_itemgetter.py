# sorted() with key=operator.itemgetter(1) over 10**6 pairs made from a fixed seed; the
# result must be ordered by the key and stable (equal keys keep their first items rising).
from operator import itemgetter

pairs = [(i, (i * 48271) % 65521) for i in range(1_000_000)]
ordered = sorted(pairs, key=itemgetter(1))
previous = ordered[0]
for pair in ordered:
    assert previous[1] < pair[1] or (previous[1] == pair[1] and previous[0] <= pair[0])
    previous = pair
print(len(ordered), ordered[:3], ordered[-1], sum(p[0] for p in ordered[::1000]))
