# 10**6 random draws (random() and randrange()) from a fixed seed; a second generator
# with the same seed must draw the same numbers.
import random

random.seed(12345)
total = 0.0
for _ in range(800_000):
    total += random.random()
dice = 0
for _ in range(200_000):
    dice += random.randrange(6)
again = random.Random(12345)
draw = again.random
check = 0.0
for _ in range(800_000):
    check += draw()
assert check == total
assert dice == sum(again.randrange(6) for _ in range(200_000))
print(repr(total), dice)
