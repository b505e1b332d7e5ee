// Decorators through the real gopy executable: evaluation order, PEP 614 expressions,
// class decorators, docstrings and the lines tracebacks give (checked against CPython 3.14
// by hand).
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

ChildResult run_source(const std::string& program) {
  TempDir dir;
  return run_gopy({"-S", "-c", program}, dir.path());
}

}  // namespace

TEST_CASE("decorators: expressions evaluate top-down before the def, calls apply bottom-up", "[decorators]") {
  ChildResult r = run_source(
      "def tag(label):\n"
      "    print('eval', label)\n"
      "    def deco(f):\n"
      "        print('apply', label, f.__name__)\n"
      "        f.__name__ += label\n"
      "        return f\n"
      "    return deco\n"
      "@tag('a')\n"
      "@tag('b')\n"
      "def f(): pass\n"
      "print(f.__name__)\n");
  CHECK(r.err == "");
  CHECK(r.out == "eval a\neval b\napply b f\napply a fb\nfba\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("decorators: PEP 614 arbitrary expressions, on classes and methods", "[decorators]") {
  ChildResult r = run_source(
      "hooks = [lambda f: f, {'k': lambda c: (setattr(c, 'tagged', True), c)[1]}]\n"
      "@hooks[1]['k']\n"
      "class C:\n"
      "    @(lambda f: lambda self: f(self) * 2)\n"
      "    def m(self):\n"
      "        return 21\n"
      "@hooks[0]\n"
      "@(x := (lambda f: f))\n"
      "def g():\n"
      "    'the doc'\n"
      "print(C.tagged, C().m(), g.__doc__, x is not None)\n");
  CHECK(r.err == "");
  CHECK(r.out == "True 42 the doc True\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("decorators: a failing decorator call is reported at its own line", "[decorators]") {
  ChildResult r = run_source(
      "def bad(f):\n"
      "    raise ValueError('no')\n"
      "def ok(f):\n"
      "    return f\n"
      "@ok\n"
      "@bad\n"
      "def f():\n"
      "    pass\n");
  CHECK(r.err.find("  File \"<string>\", line 6, in <module>\n    @bad\n") != std::string::npos);
  CHECK(r.err.find("  File \"<string>\", line 2, in bad\n") != std::string::npos);
  CHECK(r.err.ends_with("ValueError: no\n"));
  CHECK(r.exit_code == 1);
}

TEST_CASE("decorators: a function's docstring is its __doc__, -OO drops it", "[decorators]") {
  std::string program =
      "def f():\n"
      "    \"\"\"Doc.\"\"\"\n"
      "    return 1\n"
      "def g():\n"
      "    x = 'not a doc'\n"
      "print(f.__doc__, g.__doc__, f())\n";
  ChildResult r = run_source(program);
  CHECK(r.out == "Doc. None 1\n");
  TempDir dir;
  ChildResult oo = run_gopy({"-S", "-OO", "-c", program}, dir.path());
  CHECK(oo.out == "None None 1\n");
}
