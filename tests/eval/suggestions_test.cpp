// The traceback printer's "Did you mean" for NameError and AttributeError through the
// real gopy executable (CPython 3.14's Lib/traceback.py rules, checked by hand).
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

// The last line of an uncaught error's report.
std::string last_line(const std::string& program) {
  TempDir dir;
  ChildResult r = run_gopy({"-S", "-c", program}, dir.path());
  std::string err = r.err;
  if (!err.empty() && err.back() == '\n') err.pop_back();
  return err.substr(err.rfind('\n') + 1);
}

}  // namespace

TEST_CASE("suggestions: a NameError names the closest local, global or builtin", "[suggestions]") {
  CHECK(last_line("def f():\n    counter = 1\n    return countr\nf()\n") ==
        "NameError: name 'countr' is not defined. Did you mean: 'counter'?");
  CHECK(last_line("prnt(1)\n") == "NameError: name 'prnt' is not defined. Did you mean: 'print'?");
  CHECK(last_line("xyzzy\n") == "NameError: name 'xyzzy' is not defined");
}

TEST_CASE("suggestions: a NameError in a method suggests the instance's attribute", "[suggestions]") {
  CHECK(last_line("class C:\n    def __init__(self): self.size = 1\n    def f(self): return size\nC().f()\n") ==
        "NameError: name 'size' is not defined. Did you mean: 'self.size'?");
}

TEST_CASE("suggestions: an AttributeError names the closest attribute, private ones only from self",
          "[suggestions]") {
  CHECK(last_line("class U:\n    def __init__(self): self.email = 1\nU().emial\n") ==
        "AttributeError: 'U' object has no attribute 'emial'. Did you mean: 'email'?");
  CHECK(last_line("class U:\n    _secret = 1\nU().secret\n") == "AttributeError: 'U' object has no attribute 'secret'");
  CHECK(last_line("class U:\n    _secret = 1\n    def f(self): return self.secret\nU().f()\n") ==
        "AttributeError: 'U' object has no attribute 'secret'. Did you mean: '_secret'?");
  CHECK(last_line("[].apend(1)\n") == "AttributeError: 'list' object has no attribute 'apend'. Did you mean: 'append'?");
}

TEST_CASE("suggestions: a caught error's message carries no suggestion", "[suggestions]") {
  TempDir dir;
  ChildResult r = run_gopy({"-S", "-c", "try:\n    prnt\nexcept NameError as e:\n    print(e, e.name)\n"}, dir.path());
  CHECK(r.out == "name 'prnt' is not defined prnt\n");
}
