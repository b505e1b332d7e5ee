class Counter:
    def __init__(self):
        self.n = 0
    def inc(self, k):
        self.n += k
        return self.n
c = Counter()
for i in range(500000):
    c.inc(i % 3)
print(c.n)
