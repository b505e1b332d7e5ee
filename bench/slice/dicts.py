counts = {}
words = ["alpha", "beta", "gamma", "delta", "eps"] * 4
for i in range(300000):
    w = words[i % 20] + str(i % 13)
    counts[w] = counts.get(w, 0) + 1
print(len(counts), max(counts.values()))
