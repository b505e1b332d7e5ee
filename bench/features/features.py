# The feature benchmark: properties, decorators, `with`, `match`, generators and
# str.format together in one loop. Prints a checksum line per round so the output can be
# compared with python3's.


def counted(func):
    """A decorator that counts the calls of the function it wraps."""
    def wrapper(*args, **kwargs):
        wrapper.calls += 1
        return func(*args, **kwargs)
    wrapper.calls = 0
    return wrapper


class Point:
    def __init__(self, x, y):
        self._x = x
        self._y = y

    @property
    def x(self):
        return self._x

    @x.setter
    def x(self, value):
        self._x = value

    @property
    def y(self):
        return self._y

    @property
    def norm1(self):
        return abs(self._x) + abs(self._y)


class Tally:
    """A context manager that counts how often it is entered and left."""
    def __init__(self):
        self.entered = 0
        self.left = 0

    def __enter__(self):
        self.entered += 1
        return self

    def __exit__(self, kind, value, traceback):
        self.left += 1
        return False


def points(n):
    for i in range(n):
        yield Point(i % 17 - 8, i % 13 - 6)


def shifted(source, dx):
    for p in source:
        p.x = p.x + dx
        yield p


@counted
def classify(p):
    match (p.x, p.y):
        case (0, 0):
            return "origin"
        case (0, _) | (_, 0):
            return "axis"
        case (x, y) if x > 0 and y > 0:
            return "first"
        case _:
            return "other"


def round_(n, dx):
    tally = Tally()
    kinds = {}
    total = 0
    lines = []
    for p in shifted(points(n), dx):
        with tally:
            kind = classify(p)
            kinds[kind] = kinds.get(kind, 0) + 1
            total += p.norm1
            if p.norm1 == 7:
                lines.append("{0}:{1:>3},{2:<3}|{kind}".format(p.x, p.y, p.norm1, kind=kind))
    width = sum(len(line) for line in lines)
    summary = ", ".join("{}={}".format(k, kinds[k]) for k in sorted(kinds))
    return "dx={:+d} total={} lines={} width={} entered={} {}".format(
        dx, total, len(lines), width, tally.entered + tally.left, summary)


def main():
    for dx in range(-3, 4):
        print(round_(250_000, dx))
    print("classify calls:", classify.calls)


main()
