// __length_hint__ of the built-in iterators (what operator.length_hint and list()'s
// presizing read): the items an iterator has left.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("list, tuple and range iterators report the items they have left", "[protocols][length_hint]") {
  check_clean_run(
      "it = iter([1, 2, 3])\n"
      "next(it)\n"
      "t = iter((1, 2))\n"
      "r = iter(range(0, 10, 3))\n"
      "next(r)\n"
      "print(it.__length_hint__(), t.__length_hint__(), r.__length_hint__())\n"
      "list(it)\n"
      "print(it.__length_hint__(), type(iter(range(5))).__length_hint__(iter(range(5))))\n",
      "2 2 3\n0 5\n");
}
