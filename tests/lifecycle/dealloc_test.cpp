// dealloc_test: freeing through the real gopy executable. Structures nested a million deep
// are freed (when dropped, and at exit) without overflowing the C++ stack, and __del__
// runs as CPython runs it: on the last reference, once, its exceptions reported.
#include <catch2/catch.hpp>

#include <regex>
#include <string>

#include "spawn.hpp"

namespace {

// Sanitized builds run the same programs a tenth as deep (their frames are larger and
// their allocations slower; the nesting stays far beyond what recursion survives).
#if defined(GOPY_SANITIZE)
constexpr const char* kDepth = "100000";
#else
constexpr const char* kDepth = "1000000";
#endif

ChildResult run_script(const std::string& source) {
  TempDir dir;
  dir.write("main.py", source);
  return run_gopy({"main.py"}, dir.path());
}

// Runs `source`, which must print `expected`, write nothing on stderr and exit 0.
void check_clean_run(const std::string& source, const std::string& expected) {
  ChildResult r = run_script(source);
  CHECK(r.err == "");
  CHECK(r.out == expected);
  CHECK(r.exit_code == 0);
}

// `build` defines make(n), which returns a structure nested n deep. The program frees one
// by dropping it and keeps a second alive until exit: both must end cleanly.
void check_frees_deep(const std::string& build) {
  check_clean_run(build + "\nN = " + kDepth + "\nx = make(N)\ndel x\nprint('freed')\nkept = make(N)\nprint('kept')\n",
                  "freed\nkept\n");
}

bool matches(const std::string& text, const std::string& pattern) {
  return std::regex_match(text, std::regex(pattern));
}

}  // namespace

TEST_CASE("dealloc_test: a deeply nested tuple", "[lifecycle][dealloc]") {
  check_frees_deep("def make(n):\n  x = None\n  for i in range(n):\n    x = (x,)\n  return x\n");
}

TEST_CASE("dealloc_test: a deeply nested list", "[lifecycle][dealloc]") {
  check_frees_deep("def make(n):\n  x = []\n  for i in range(n):\n    x = [x]\n  return x\n");
}

TEST_CASE("dealloc_test: a deeply nested dict", "[lifecycle][dealloc]") {
  check_frees_deep("def make(n):\n  d = {}\n  for i in range(n):\n    d = {'k': d}\n  return d\n");
}

TEST_CASE("dealloc_test: a long linked list of instances", "[lifecycle][dealloc]") {
  check_frees_deep(
      "class Node:\n  pass\n"
      "def make(n):\n  head = None\n  for i in range(n):\n    m = Node()\n    m.next = head\n    head = m\n"
      "  return head\n");
}

TEST_CASE("dealloc_test: closures nested through their cells", "[lifecycle][dealloc]") {
  check_frees_deep(
      "def wrap(f):\n  def inner():\n    return f\n  return inner\n"
      "def make(n):\n  f = None\n  for i in range(n):\n    f = wrap(f)\n  return f\n");
}

TEST_CASE("dealloc_test: a long chain of exceptions", "[lifecycle][dealloc]") {
  check_frees_deep(
      "def make(n):\n  e = None\n  for i in range(n):\n    try:\n      raise ValueError(i) from e\n"
      "    except ValueError as caught:\n      e = caught\n  return e\n");
}

TEST_CASE("dealloc_test: printing a list nested too deep raises RecursionError, exit still clean",
          "[lifecycle][dealloc]") {
  ChildResult r = run_script("x = []\nfor i in range(100000):\n    x = [x]\nprint(x)\n");
  CHECK(r.out == "");
  // CPython 3.14: the C stack guard of PyObject_Repr (Python/ceval.c _Py_CheckRecursiveCall).
  CHECK(matches(r.err,
                "Traceback \\(most recent call last\\):\n"
                "  File \"[^\"]*main.py\", line 4, in <module>\n"
                "    print\\(x\\)\n"
                "(.*\n)?"
                "RecursionError: Stack overflow \\(used [0-9]+ kB\\) while getting the repr of an object\n"));
  CHECK(r.exit_code == 1);
}

TEST_CASE("dealloc_test: __del__ runs when the last reference goes", "[lifecycle][dealloc][del]") {
  check_clean_run(
      "class Res:\n"
      "    def __init__(self, name):\n        self.name = name\n"
      "    def __del__(self):\n        print('close', self.name)\n"
      "r = Res('a')\ndel r\nprint('after a')\n"
      "def scope():\n    local = Res('local')\nscope()\nprint('after scope')\n"
      "items = [Res('x'), Res('y')]\nitems.pop(0)\nprint('popped')\n"
      "class Sub(Res):\n    pass\nSub('inherited')\n"
      "class Late:\n    pass\ndef late_del(self):\n    print('late del')\nLate.__del__ = late_del\nLate()\n"
      "print('end')\n",
      "close a\nafter a\nclose local\nafter scope\nclose x\npopped\nclose inherited\nlate del\nend\n"
      "close y\n");
}

TEST_CASE("dealloc_test: __del__ runs once, even when it resurrects the object", "[lifecycle][dealloc][del]") {
  // The last one is in a cycle at exit: finalized then (once), as CPython's collector does.
  check_clean_run(
      "saved = []\n"
      "class Phoenix:\n"
      "    def __del__(self):\n        print('del')\n        saved.append(self)\n"
      "Phoenix()\nprint('resurrected', len(saved), type(saved[0]).__name__)\n"
      "saved.clear()\nprint('dropped again')\n"
      "p = Phoenix()\np.me = p\n",
      "del\nresurrected 1 Phoenix\ndropped again\ndel\n");
}

TEST_CASE("dealloc_test: an exception in __del__ is reported and the program goes on",
          "[lifecycle][dealloc][del]") {
  ChildResult r = run_script(
      "class Bad:\n"
      "    def __del__(self):\n"
      "        raise ValueError('boom')\n"
      "class Quiet:\n"
      "    def __del__(self):\n"
      "        raise KeyError\n"
      "b = Bad()\ndel b\nprint('continued')\n"
      "def f():\n    q = Quiet()\n    raise TypeError('outer')\n"
      "try:\n    f()\nexcept TypeError as e:\n    print('caught', e)\n");
  CHECK(r.out == "continued\ncaught outer\n");
  CHECK(matches(r.err,
                "Exception ignored while calling deallocator <function Bad.__del__ at 0x[0-9a-f]+>:\n"
                "Traceback \\(most recent call last\\):\n"
                "  File \"[^\"]*main.py\", line 3, in __del__\n"
                "    raise ValueError\\('boom'\\)\n"
                "ValueError: boom\n"
                "Exception ignored while calling deallocator <function Quiet.__del__ at 0x[0-9a-f]+>:\n"
                "Traceback \\(most recent call last\\):\n"
                "  File \"[^\"]*main.py\", line 6, in __del__\n"
                "    raise KeyError\n"
                "KeyError: \n"));
  CHECK(r.exit_code == 0);
}

TEST_CASE("dealloc_test: objects alive at exit are finalized while their globals still exist",
          "[lifecycle][dealloc][del]") {
  check_clean_run(
      "TAG = 'globals intact'\n"
      "class C:\n"
      "    def __init__(self, n):\n        self.n = n\n"
      "    def __del__(self):\n        print('del', self.n, TAG)\n"
      "a = C(1)\nb = C(2)\nb.me = b\nholder = [C(3)]\n",
      "del 1 globals intact\ndel 2 globals intact\ndel 3 globals intact\n");
}
