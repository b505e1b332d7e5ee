// What 3.14 added to itertools, operator, functools and heapq, which the vectors (recorded
// from CPython 3.13) cannot hold: checked through the real gopy binary against 3.14.7's
// documented behaviour and source.
#include <catch2/catch.hpp>

#include "../protocols/program.hpp"

TEST_CASE("functools.Placeholder fills partial's positional holes", "[stdlib][functools]") {
  check_clean_run(
      "from functools import partial, Placeholder as P\n"
      "f = partial(lambda *a: a, P, 2, P, 4)\n"
      "print(f(1, 3), f(1, 3, 5), repr(P), type(P).__name__, type(P)() is P)\n"
      "g = partial(f, 9)\n"
      "print(g.args, g(8), repr(g).endswith('9, 2, Placeholder, 4)'))\n"
      "for bad in (lambda: f(1), lambda: partial(print, 1, P), lambda: partial(print, x=P)):\n"
      "    try:\n"
      "        bad()\n"
      "    except TypeError as e:\n"
      "        print(e)\n",
      "(1, 2, 3, 4) (1, 2, 3, 4, 5) Placeholder _PlaceholderType True\n"
      "(9, 2, Placeholder, 4) (9, 2, 8, 4) True\n"
      "missing positional arguments in 'partial' call; expected at least 2, got 1\n"
      "trailing Placeholders are not allowed\n"
      "Placeholder cannot be passed as a keyword argument\n");
}

TEST_CASE("partial and the lru_cache wrapper bind as methods", "[stdlib][functools]") {
  check_clean_run(
      "from functools import partial, partialmethod, lru_cache, Placeholder\n"
      "class A:\n"
      "    def f(self, a, b, c=0):\n"
      "        return (a, b, c)\n"
      "    p = partial(f, c=5)\n"
      "    g = partialmethod(f, Placeholder, 2, c=3)\n"
      "    @lru_cache\n"
      "    def m(self, x):\n"
      "        return x * 2\n"
      "a = A()\n"
      "print(a.p(1, 2), a.g(1), a.m(4), a.m(4), A.m.cache_info().hits)\n",
      "(1, 2, 5) (1, 2, 3) 8 8 1\n");
}

TEST_CASE("reduce's initial keyword and 3.14's argument errors", "[stdlib][functools]") {
  check_clean_run(
      "from functools import reduce, WRAPPER_ASSIGNMENTS\n"
      "print(reduce(lambda a, b: a + b, [1, 2], initial=10), WRAPPER_ASSIGNMENTS[4])\n"
      "try:\n"
      "    reduce(max)\n"
      "except TypeError as e:\n"
      "    print(e)\n",
      "13 __annotate__\n"
      "reduce() takes at least 2 positional arguments (1 given)\n");
}

TEST_CASE("heapq's max-heap functions", "[stdlib][heapq]") {
  check_clean_run(
      "import heapq\n"
      "h = [3, 9, 1, 7]\n"
      "heapq.heapify_max(h)\n"
      "heapq.heappush_max(h, 8)\n"
      "print(h[0], heapq.heappushpop_max(h, 10), heapq.heapreplace_max(h, 0))\n"
      "print([heapq.heappop_max(h) for _ in range(len(h))])\n"
      "try:\n"
      "    heapq.heappop_max([])\n"
      "except IndexError as e:\n"
      "    print(e)\n",
      "9 10 9\n[8, 7, 3, 1, 0]\nindex out of range\n");
}

TEST_CASE("operator.is_none and is_not_none", "[stdlib][operator]") {
  check_clean_run(
      "import operator\n"
      "print(operator.is_none(None), operator.is_none(0), operator.is_not_none(0), 'is_none' in operator.__all__)\n",
      "True False True True\n");
}
