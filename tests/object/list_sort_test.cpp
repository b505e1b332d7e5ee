// list.sort()/sorted(): stable, with compare-free paths for keys of one built-in type that
// must order exactly as the generic comparison does, and CPython's errors.
#include <catch2/catch.hpp>

#include "runtime_fixture.hpp"

using gopy::test::run_source;

TEST_CASE("sorting by int, float, str and tuple keys matches the generic comparison") {
  // Each list is sorted twice: as is (the compare-free path) and wrapped in a class whose
  // __lt__ defers to the values (the generic path); the orders must agree, stably.
  auto r = run_source(R"PY(
class W:
    def __init__(self, v): self.v = v
    def __lt__(self, other): return self.v < other.v
seed = 7
def rnd():
    global seed
    seed = (seed * 1103515245 + 12345) % 2147483648
    return seed
n = 3000
ints = [rnd() % 2001 - 1000 for _ in range(n)]
cases = {
    "int": ints,
    "int64 edges": [2**63 - 1, -2**63, 0, -1, 5] * 50,
    "big int": [rnd() * 10**20 - 10**29 for _ in range(200)] + ints[:200],
    "float": [rnd() / 1024 - 1e6 for _ in range(n)] + [0.0, -0.0, 1, 2],
    "str": [str(x) for x in ints] + ["", "\u00e9", "\u2603", "\U0001f600", "z"],
    "tuple": [(x % 7, str(x)) for x in ints],
    "mixed tuple": [(x % 3, x) for x in ints] + [(1.5, 0), (2.5, "s")],
    "presorted": list(range(n)) + list(range(n // 2)),
    "descending": list(range(n, 0, -1)),
}
for name, xs in cases.items():
    for reverse in (False, True):
        for key in (None, lambda v: v[0] if isinstance(v, tuple) else v):
            want = [w.v for w in sorted((W(x) for x in xs), key=None if key is None else lambda w: key(w.v), reverse=reverse)]
            got = sorted(xs, key=key, reverse=reverse)
            ys = list(xs)
            ys.sort(key=key, reverse=reverse)
            if got != want or ys != want or [id(v) for v in got] != [id(v) for v in ys]:
                print("differs:", name, reverse, key)
print("stable", [t[1] for t in sorted([(1, "b"), (0, "x"), (1, "a"), (0, "y")], key=lambda t: t[0])],
      [t[1] for t in sorted([(1, "b"), (0, "x"), (1, "a"), (0, "y")], key=lambda t: t[0], reverse=True)])
print(sorted([True, 0, False, 1]), sorted([[2], [1], [1, 0]]), sorted([(1, 2), (1,), ()]))
try:
    sorted([1, "a", 2])
except TypeError as e:
    print(e)
try:
    sorted([(1, 1), (1, "a")])
except TypeError as e:
    print(e)
try:
    sorted([3, 1, 2], key=lambda x: 1 / (x - 2))
except ZeroDivisionError as e:
    print(e)
items = [3, 1, 2]
def grows(x):
    items.append(x)
    return x
try:
    items.sort(key=grows)
except ValueError as e:
    print(e, items)
)PY");
  CHECK(r.err.empty());
  CHECK(r.out ==
        "stable ['x', 'y', 'b', 'a'] ['b', 'a', 'x', 'y']\n"
        "[0, False, True, 1] [[1], [1, 0], [2]] [(), (1,), (1, 2)]\n"
        "'<' not supported between instances of 'str' and 'int'\n"
        "'<' not supported between instances of 'str' and 'int'\n"
        "division by zero\n"
        "list modified during sort [1, 2, 3]\n");
}
