// The evaluator end to end: source in, stdout/stderr/exit code out. These cover corners
// the run vectors do not reach (limits, sizes, laziness, repeated runtimes).
#include <catch2/catch.hpp>

#include <string>

#include "gopy/eval.hpp"
#include "gopy/object.hpp"
#include "gopy/state.hpp"
#include "runtime_fixture.hpp"

using gopy::test::run_source;

TEST_CASE("print(1+2) goes through the builtins plugin") {
  auto r = run_source("print(1+2)\n");
  CHECK(r.out == "3\n");
  CHECK(r.exit_code == 0);
  CHECK(r.err.empty());
}

TEST_CASE("unbounded recursion raises RecursionError and the interpreter stays usable") {
  auto r = run_source(
      "def down(n):\n"
      "    return down(n + 1)\n"
      "try:\n"
      "    down(0)\n"
      "except RecursionError as e:\n"
      "    print('caught', e)\n"
      "def depth(n):\n"
      "    return 0 if n == 0 else 1 + depth(n - 1)\n"
      "print(depth(900))\n");
  CHECK(r.out == "caught maximum recursion depth exceeded\n900\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("uncaught RecursionError ends with CPython's last line and exit 1") {
  auto r = run_source("def f():\n    f()\nf()\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.ends_with("RecursionError: maximum recursion depth exceeded\n"));
  CHECK(r.err.find("[Previous line repeated") != std::string::npos);
}

TEST_CASE("sys.setrecursionlimit lowers the Python depth limit") {
  auto r = run_source(
      "import sys\n"
      "sys.setrecursionlimit(60)\n"
      "def depth(n):\n"
      "    return 0 if n == 0 else 1 + depth(n - 1)\n"
      "print(depth(40))\n"
      "try:\n"
      "    depth(100)\n"
      "except RecursionError:\n"
      "    print('limited')\n");
  CHECK(r.out == "40\nlimited\n");
}

TEST_CASE("a ten-thousand-element list literal") {
  std::string src = "xs = [";
  for (int i = 0; i < 10000; ++i) src += std::to_string(i) + ",";
  src += "]\nprint(len(xs), sum(xs), xs[-1])\n";
  auto r = run_source(src);
  CHECK(r.out == "10000 49995000 9999\n");
}

TEST_CASE("big ints with thousands of digits") {
  auto r = run_source(
      "x = 7 ** 5000\n"
      "s = str(x)\n"
      "print(len(s), s[:10], int(s) == x, x % 1000, (x // 7 ** 4999))\n"
      "try:\n"
      "    str(10 ** 5000)\n"
      "except ValueError as e:\n"
      "    print(str(e)[:40])\n");
  CHECK(r.out ==
        "4226 3091719401 True 1 7\n"
        "Exceeds the limit (4300 digits) for inte\n");
}

TEST_CASE("generator expressions are lazy") {
  auto r = run_source(
      "def nat():\n"
      "    return range(10 ** 18)\n"
      "g = (i * i for i in nat() if i % 2)\n"
      "print(next(g), next(g), next(g))\n"
      "print(any(x > 10 for x in range(10 ** 18)))\n");
  CHECK(r.out == "1 9 25\nTrue\n");
}

TEST_CASE("closures, nonlocal and comprehension scopes") {
  auto r = run_source(
      "def counter():\n"
      "    n = 0\n"
      "    def inc():\n"
      "        nonlocal n\n"
      "        n += 1\n"
      "        return n\n"
      "    return inc\n"
      "c = counter(); c(); c()\n"
      "x = 'outer'\n"
      "ys = [x for x in range(3)]\n"
      "fs = [lambda: i for i in range(3)]\n"
      "print(c(), x, ys, [f() for f in fs])\n");
  CHECK(r.out == "3 outer [0, 1, 2] [2, 2, 2]\n");
}

TEST_CASE("compile-time errors become SyntaxError") {
  auto r = run_source("def f():\n    nonlocal q\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err.ends_with("SyntaxError: no binding for nonlocal 'q' found\n"));
  r = run_source("return 5\n");
  CHECK(r.err.ends_with("SyntaxError: 'return' outside function\n"));
}

TEST_CASE("SystemExit exit codes") {
  CHECK(run_source("raise SystemExit").exit_code == 0);
  CHECK(run_source("import sys\nsys.exit(7)").exit_code == 7);
  auto r = run_source("import sys\nsys.exit('bye')");
  CHECK(r.exit_code == 1);
  CHECK(r.err == "bye\n");
}

TEST_CASE("chained tracebacks in CPython's order") {
  auto r = run_source(
      "try:\n"
      "    {}['k']\n"
      "except KeyError as e:\n"
      "    raise ValueError('bad') from e\n");
  CHECK(r.exit_code == 1);
  CHECK(r.err ==
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 2, in <module>\n"
        "    {}['k']\n"
        "    ~~^^^^^\n"
        "KeyError: 'k'\n"
        "\n"
        "The above exception was the direct cause of the following exception:\n"
        "\n"
        "Traceback (most recent call last):\n"
        "  File \"<string>\", line 4, in <module>\n"
        "    raise ValueError('bad') from e\n"
        "ValueError: bad\n");
}

TEST_CASE("input() reads lines and raises EOFError at the end") {
  auto r = run_source("print(input('> '))\ninput()\n", "hello\n");
  CHECK(r.out == "> hello\n");
  CHECK(r.err.ends_with("EOFError: EOF when reading a line\n"));
}

TEST_CASE("a thousand runtimes with reference cycles and generators free every object") {
#ifdef GOPY_SANITIZE
  constexpr int kRuntimes = 100;  // the same program, a tenth as often
#else
  constexpr int kRuntimes = 1000;
#endif
  // Cycles through instances, finalizers and weak references, and generators in every
  // state: suspended, finished, abandoned mid-loop, closed, and one whose frame holds it.
  const char* program =
      "import gc, weakref\n"
      "class Node:\n"
      "    def __init__(self):\n"
      "        self.other = None\n"
      "    def __del__(self):\n"
      "        pass\n"
      "for i in range(50):\n"
      "    c = Node(); d = Node(); c.other = d; d.other = c\n"
      "    w = weakref.ref(c, lambda r: None)\n"
      "gc.collect()\n"
      "a = Node(); b = Node(); a.other = b; b.other = a\n"
      "kept = weakref.WeakValueDictionary(); kept['a'] = a\n"
      "def rec(n):\n"
      "    return n if n < 1 else rec(n - 1)\n"
      "rec(10)\n"
      "def count(n):\n"
      "    node = Node()\n"
      "    try:\n"
      "        for i in range(n):\n"
      "            yield i\n"
      "    finally:\n"
      "        node.other = None\n"
      "suspended = count(5); next(suspended)\n"
      "finished = count(3); assert list(finished) == [0, 1, 2]\n"
      "for i in count(10):\n"
      "    if i == 2: break\n"
      "closed = count(4); next(closed); closed.close()\n"
      "def holds_itself():\n"
      "    me = yield 1\n"
      "    yield me\n"
      "loop = holds_itself(); next(loop); assert loop.send(loop) is loop\n"
      "pipeline = (x * 2 for x in count(100) if x % 3)\n"
      "assert next(pipeline) == 2\n"
      "del loop\n"
      "gc.collect()\n";
  long after_finalize = -1;
  for (int i = 0; i < kRuntimes; ++i) {
    gopy::ThreadState* ts = gopy::test::start_runtime();
    int code = gopy::run_main_string(program);
    CHECK(code == 0);
    gopy::Interpreter* interp = ts->interp;
    gopy::finalize_modules(interp);
    // What the modules' finalization leaves (the interned names, the static types' state)
    // is the same in every runtime from the second on (the first also makes what a process
    // makes once): nothing of a program's run outlives it, and nothing accumulates.
    long left = static_cast<long>(interp->live_count);
    if (i == 1) after_finalize = left;
    if (i > 1 && left != after_finalize) FAIL_CHECK("runtime " << i << " left " << left << " objects, the second " << after_finalize);
    gopy::free_all_objects(interp);
    CHECK(interp->live_count == 0);
    gopy::destroy_interpreter(ts);
    CHECK(gopy::get_thread_state() == nullptr);
  }
}

TEST_CASE("deeply nested expressions: fine up to the limit, RecursionError beyond") {
  auto chain = [](int n) {
    std::string src = "x = 1";
    for (int i = 1; i < n; ++i) src += "+1";
    return src + "\nprint(x)\n";
  };
  auto ok = run_source(chain(1000));
  CHECK(ok.out == "1000\n");
  auto deep = run_source(chain(100000));
  CHECK(deep.exit_code == 1);
  CHECK(deep.err == "RecursionError: maximum recursion depth exceeded during compilation\n");
}

TEST_CASE("a very long line") {
  std::string s(100000, 'a');
  auto r = run_source("s = '" + s + "'\nprint(len(s), s[-3:])\n");
  CHECK(r.out == "100000 aaa\n");
}
