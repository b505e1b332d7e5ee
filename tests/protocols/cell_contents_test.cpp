// A closure cell's cell_contents through the real gopy binary: read, replaced (as
// dataclasses does for the __class__ cell of a slots class), deleted, and empty.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("cell_contents reads, writes and empties a closure cell", "[protocols][cells]") {
  check_clean_run(
      "def f():\n"
      "    x = 1\n"
      "    def g(): return x\n"
      "    return g\n"
      "g = f()\n"
      "c = g.__closure__[0]\n"
      "print(type(c).__name__, c.cell_contents)\n"
      "c.cell_contents = 5\n"
      "print(g())\n"
      "del c.cell_contents\n"
      "try:\n"
      "    c.cell_contents\n"
      "except ValueError as e:\n"
      "    print(e)\n",
      "cell 1\n5\nCell is empty\n");
}
