// eval() and exec() with separate globals and locals, through the real gopy binary: the
// module-level names of the code are the locals' names; functions it defines see the
// globals only (CPython: LOAD_NAME / STORE_NAME / DELETE_NAME at module level).
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("eval() and exec() read and write the separate locals", "[protocols][exec]") {
  check_clean_run(
      "print(eval('x + y', {'y': 1}, {'x': 2}))\n"
      "g = {}\n"
      "ns = {'z': 3}\n"
      "exec('x = z + 1\\ndef f(): return x\\ndel z', g, ns)\n"
      "print(sorted(ns), sorted(k for k in g if k != '__builtins__'))\n"
      "try:\n"
      "    ns['f']()\n"
      "except NameError as e:\n"
      "    print(e)\n"
      "exec('w = 5', g)\n"
      "print(g['w'], 'w' in ns)\n",
      "3\n['f', 'x'] []\nname 'x' is not defined\n5 False\n");
}
