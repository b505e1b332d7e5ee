// What a traceback object shows to Python code (tb_next, tb_lineno, tb_frame's summary,
// the line and carets the interpreter prints), through the real executable.
#include <catch2/catch.hpp>

#include "run_source.hpp"

TEST_CASE("traceback objects: tb_next, tb_lineno and the frame summary", "[traceback]") {
  ChildResult r = run_source(
      "def inner():\n    return 1 / 0\n"
      "try:\n    inner()\nexcept ZeroDivisionError as e:\n    tb = e.__traceback__\n"
      "    print(tb.tb_lineno, tb.tb_next.tb_lineno, tb.tb_next.tb_next, tb.tb_lasti)\n"
      "    f = tb.tb_next.tb_frame\n"
      "    print(f.f_code.co_name, f.f_code.co_filename, f.f_lineno, f.f_back, f.f_locals)\n"
      "    print(repr(tb.tb_next._gopy_line), repr(tb.tb_next._gopy_carets))\n"
      "try:\n    prnt\nexcept NameError as e:\n"
      "    print(repr(type(e.__traceback__)._gopy_suggestion(e)))\n");
  CHECK(r.exit_code == 0);
  CHECK(r.err == "");
  CHECK(r.out ==
        "4 2 None -1\n"
        "inner <string> 2 None {}\n"
        "'    return 1 / 0' '       ~~^~~'\n"
        "\". Did you mean: 'print'?\"\n");
}
