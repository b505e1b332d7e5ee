// unraisable_test: the traceback of an "Exception ignored ..." report is CPython's C one
// (PyTraceBack_Print): source lines read from their files without carets, none for
// "<string>", sys.tracebacklimit honoured.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

// The report with the callback's address cut out.
std::string without_address(const std::string& err) {
  std::string out = err;
  size_t at = out.find(" at 0x");
  if (at != std::string::npos) out.erase(at, out.find('>', at) - at);
  return out;
}

}  // namespace

TEST_CASE("unraisable_test: an atexit callback's error in a script", "[lifecycle][unraisable]") {
  TempDir dir;
  dir.write("prog.py", "import atexit\ndef f():\n    return 1/0   \natexit.register(f)\n");
  ChildResult r = run_gopy({"prog.py"}, dir.path());
  CHECK(without_address(r.err) == "Exception ignored in atexit callback <function f>:\n"
                                  "Traceback (most recent call last):\n"
                                  "  File \"" + (dir.path() / "prog.py").string() + "\", line 3, in f\n"
                                  "    return 1/0   \n"
                                  "ZeroDivisionError: division by zero\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("unraisable_test: no source for -c, and sys.tracebacklimit", "[lifecycle][unraisable]") {
  TempDir dir;
  ChildResult r = run_gopy({"-c", "import atexit\ndef f():\n  1/0\natexit.register(f)"}, dir.path());
  CHECK(without_address(r.err) == "Exception ignored in atexit callback <function f>:\n"
                                  "Traceback (most recent call last):\n"
                                  "  File \"<string>\", line 3, in f\n"
                                  "ZeroDivisionError: division by zero\n");

  r = run_gopy({"-c", "import atexit, sys\nsys.tracebacklimit = 0\natexit.register(lambda: 1/0)"}, dir.path());
  CHECK(without_address(r.err) == "Exception ignored in atexit callback <function <lambda>>:\n"
                                  "ZeroDivisionError: division by zero\n");
}
