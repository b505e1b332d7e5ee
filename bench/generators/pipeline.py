# A pipeline of three generators over 2,000,000 items: produce, transform, filter.
def numbers(count):
    for i in range(count):
        yield i


def scaled(items):
    for item in items:
        yield item * 3 + 1


def odd_only(items):
    for item in items:
        if item & 1:
            yield item


total = 0
kept = 0
for value in odd_only(scaled(numbers(2_000_000))):
    total += value
    kept += 1
print("pipeline", kept, total)
