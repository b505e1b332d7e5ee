// The evaluation loop through the real gopy executable: frames that do not recurse on the
// C++ stack, generators in bulk, and the generator protocol's texts (checked against
// CPython 3.14 by hand).
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

#ifdef GOPY_SANITIZE
constexpr int kScale = 10;  // sanitizer builds run the bulk tests at a tenth of the size
#else
constexpr int kScale = 1;
#endif

ChildResult run_program_text(const std::string& program) {
  TempDir dir;
  return run_gopy({"-S", "-c", program}, dir.path());
}

// Runs gopy under a shell that first sets the C stack limit (KiB).
ChildResult run_with_stack(const std::string& kib, const std::string& program) {
  TempDir dir;
  return run_program("/bin/sh", {"-c", "ulimit -s " + kib + " && exec \"$0\" -S -c \"$1\"", gopy_executable(), program},
                     dir.path());
}

}  // namespace

TEST_CASE("vm: a million generators created and dropped", "[vm][generators]") {
  std::string n = std::to_string(1000000 / kScale);
  ChildResult r = run_program_text(
      "def gen(i):\n"
      "    yield i\n"
      "    yield i + 1\n"
      "started = 0\n"
      "for i in range(" + n + "):\n"
      "    g = gen(i)\n"
      "    if i % 2:\n"
      "        started += next(g)\n"
      "print(started)\n");
  long long count = 1000000 / kScale, expected = 0;
  for (long long i = 1; i < count; i += 2) expected += i;
  CHECK(r.err == "");
  CHECK(r.out == std::to_string(expected) + "\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("vm: a hundred thousand generators suspended at once", "[vm][generators]") {
  std::string n = std::to_string(100000 / kScale);
  ChildResult r = run_program_text(
      "def countdown(i):\n"
      "    total = 0\n"
      "    while i > 0:\n"
      "        got = yield i\n"
      "        total += got\n"
      "        i -= 1\n"
      "    return total\n"
      "gens = [countdown(i % 5 + 1) for i in range(" + n + ")]\n"
      "firsts = sum(next(g) for g in gens)\n"
      "returned = 0\n"
      "for g in gens:\n"
      "    try:\n"
      "        while True:\n"
      "            g.send(2)\n"
      "    except StopIteration as e:\n"
      "        returned += e.value\n"
      "print(firsts, returned, all(g.gi_frame is None for g in gens))\n");
  long long count = 100000 / kScale, firsts = 0, returned = 0;
  for (long long i = 0; i < count; ++i) {
    firsts += i % 5 + 1;
    returned += 2 * (i % 5 + 1);
  }
  CHECK(r.err == "");
  CHECK(r.out == std::to_string(firsts) + " " + std::to_string(returned) + " True\n");
}

TEST_CASE("vm: recursion to depth 100,000 on the default 8 MB stack", "[vm][recursion]") {
  ChildResult r = run_with_stack("8192",
                                 "import sys\n"
                                 "sys.setrecursionlimit(200000)\n"
                                 "def depth(n):\n"
                                 "    return 0 if n == 0 else 1 + depth(n - 1)\n"
                                 "print(depth(100000))\n");
  CHECK(r.err == "");
  CHECK(r.out == "100000\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("vm: RecursionError past sys.getrecursionlimit()", "[vm][recursion]") {
  ChildResult r = run_with_stack("8192",
                                 "import sys\n"
                                 "sys.setrecursionlimit(200000)\n"
                                 "def down(n):\n"
                                 "    return down(n + 1)\n"
                                 "try:\n"
                                 "    down(0)\n"
                                 "except RecursionError as e:\n"
                                 "    print('caught', e)\n"
                                 "down(0)\n");
  CHECK(r.out == "caught maximum recursion depth exceeded\n");
  CHECK(r.err.ends_with("RecursionError: maximum recursion depth exceeded\n"));
  CHECK(r.err.find("[Previous line repeated") != std::string::npos);
  CHECK(r.exit_code == 1);
}

TEST_CASE("vm: the generator protocol", "[vm][generators]") {
  ChildResult r = run_program_text(R"(def g():
    x = yield 1
    print("got", x)
    try:
        yield 2
    except KeyError as e:
        print("caught", repr(e))
        yield 3
    return "done"
it = g()
print(it.gi_running, it.gi_suspended, it.gi_frame.f_lineno, it.gi_code.co_name, it.gi_yieldfrom)
print(next(it), it.send("hi"), it.throw(KeyError("k")), it.gi_suspended)
try:
    next(it)
except StopIteration as e:
    print("stop", e.value, e.args, it.gi_frame, it.gi_suspended)
try:
    g().send(5)
except TypeError as e:
    print(e)
def selfish():
    yield next(me)
me = selfish()
try:
    next(me)
except ValueError as e:
    print(e)
def ret():
    try:
        yield 1
    except GeneratorExit:
        return 5
r = ret(); next(r); print(r.close())
def inner():
    try:
        yield 1
    except ValueError:
        yield "inner caught"
    return "inner ret"
def outer():
    v = yield from inner()
    yield v
o = outer(); print(next(o), o.gi_yieldfrom.__name__)
print(o.throw(ValueError), next(o))
o2 = outer(); next(o2); o2.close(); print(o2.gi_frame, o2.gi_yieldfrom)
e = (x for x in [])
print(type(e).__name__, list(e))
try:
    next(e)
except StopIteration as s:
    print("genexpr stop", s.args)
def bad():
    yield 1
    raise StopIteration("x")
try:
    list(bad())
except RuntimeError as e:
    print(e, repr(e.__cause__))
t = g()
try:
    t.throw(ValueError("early"))
except ValueError as e:
    print("early", e, t.gi_frame)
)");
  CHECK(r.err == "");
  CHECK(r.out ==
        "False False 1 g None\n"
        "got hi\n"
        "caught KeyError('k')\n"
        "1 2 3 True\n"
        "stop done ('done',) None False\n"
        "can't send non-None value to a just-started generator\n"
        "generator already executing\n"
        "5\n"
        "1 inner\n"
        "inner caught inner ret\n"
        "None None\n"
        "generator []\n"
        "genexpr stop ()\n"
        "generator raised StopIteration StopIteration('x')\n"
        "early early None\n");
}

TEST_CASE("vm: close() on a generator that ignores GeneratorExit", "[vm][generators]") {
  ChildResult r = run_program_text(
      "def ignore():\n"
      "    while True:\n"
      "        try:\n"
      "            yield\n"
      "        except GeneratorExit:\n"
      "            pass\n"
      "i = ignore()\n"
      "next(i)\n"
      "try:\n"
      "    i.close()\n"
      "except RuntimeError as e:\n"
      "    print(e)\n"
      "def cleanup():\n"
      "    try:\n"
      "        yield 1\n"
      "    finally:\n"
      "        print('finally ran')\n"
      "c = cleanup()\n"
      "next(c)\n"
      "del c\n"
      "print('after del')\n");
  CHECK(r.out == "generator ignored GeneratorExit\nfinally ran\nafter del\n");
}

TEST_CASE("vm: yield outside a function is a SyntaxError", "[vm][generators]") {
  struct Case {
    const char* program;
    const char* last_line;
  };
  const Case cases[] = {
      {"yield 1\n", "SyntaxError: 'yield' outside function\n"},
      {"class C:\n    yield 1\n", "SyntaxError: 'yield' outside function\n"},
      {"def f():\n    return [(yield x) for x in y]\n", "SyntaxError: 'yield' inside list comprehension\n"},
      {"def f():\n    return ((yield x) for x in y)\n", "SyntaxError: 'yield' inside generator expression\n"},
      {"await x\n", "SyntaxError: 'await' outside function\n"},
  };
  for (const Case& c : cases) {
    INFO(c.program);
    ChildResult r = run_program_text(c.program);
    CHECK(r.err.ends_with(c.last_line));
    CHECK(r.exit_code == 1);
  }
}

TEST_CASE("vm: instantiation runs a Python __init__ in the loop, with CPython's checks", "[vm][calls]") {
  ChildResult r = run_program_text(R"(class A:
    def __init__(self, x, y=2):
        self.x = x + y
class B(A):
    pass
class C:
    def __init__(self):
        return 5
class Holder:
    A = A
print(A(1).x, B(1, y=5).x, Holder().A(4).x)
try:
    C()
except TypeError as e:
    print(e)
class E(Exception):
    def __init__(self, m):
        super().__init__(m + "!")
print(repr(E("hi")))
class N:
    def __new__(cls, *a):
        return 7
    def __init__(self, *a):
        print("never")
print(N(1))
class D:
    def __init__(self, v):
        raise ValueError(v)
D(4)
)");
  CHECK(r.out == "3 6 6\n__init__() should return None, not 'int'\nE('hi!')\n7\n");
  CHECK(r.err.find("line 29, in <module>\n") != std::string::npos);
  CHECK(r.err.find("line 28, in __init__\n") != std::string::npos);
  CHECK(r.err.ends_with("ValueError: 4\n"));
}

TEST_CASE("vm: C++ calling back into Python is bounded by the C stack", "[vm][recursion]") {
  ChildResult r = run_with_stack("8192",
                                 "import sys\n"
                                 "sys.setrecursionlimit(1000000)\n"
                                 "class L:\n"
                                 "    def __len__(self):\n"
                                 "        return len(L())\n"
                                 "try:\n"
                                 "    len(L())\n"
                                 "except RecursionError as e:\n"
                                 "    print('RecursionError', e)\n");
  CHECK(r.err == "");
  CHECK(r.out == "RecursionError maximum recursion depth exceeded\n");
}

TEST_CASE("vm: the collector finds cycles through suspended generators and runs in loops", "[vm][gc]") {
  ChildResult r = run_program_text(
      "import gc, weakref\n"
      "def holds_itself():\n"
      "    me = yield\n"
      "    yield me\n"
      "g = holds_itself(); next(g); g.send(g)\n"
      "alive = weakref.ref(g)\n"
      "del g\n"
      "print(alive() is not None, gc.collect() >= 1, alive() is None)\n"
      "class Node: pass\n"
      "def over(n):\n"
      "    yield n\n"
      "n = Node(); n.it = over(n); next(n.it)\n"
      "alive = weakref.ref(n); del n\n"
      "gc.collect(); print(alive() is None)\n"
      "gc.collect(); gc.set_threshold(100)\n"
      "first = None\n"
      "def churn():\n"
      "    global first\n"
      "    i = 0\n"
      "    while i < 5000:\n"
      "        a = Node(); a.self = a\n"
      "        if i == 0: first = weakref.ref(a)\n"
      "        i += 1\n"
      "churn()\n"
      "print(first() is None)\n");
  CHECK(r.err.empty());
  CHECK(r.out == "True True True\nTrue\nTrue\n");
  CHECK(r.exit_code == 0);
}

TEST_CASE("vm: s += t grows a string only its variable holds, in a function and at module level", "[vm][str]") {
  ChildResult r = run_program_text(
      "def local(n):\n"
      "    s = ''\n"
      "    ids = set()\n"
      "    for i in range(n):\n"
      "        s += 'x'\n"
      "        ids.add(id(s))\n"
      "    return len(s), len(ids) <= 2\n"
      "print(local(10000))\n"
      "s = 'a' * 2; t = s; s += 'b'; print(s, t)\n"
      "def kept(n):\n"
      "    s = 'ab' * n\n"
      "    keep = s\n"
      "    s += 'c'\n"
      "    return s, keep\n"
      "print(kept(2))\n");
  CHECK(r.err.empty());
  CHECK(r.out == "(10000, True)\naab aa\n('ababc', 'abab')\n");
}

// LOAD_ATTR's property cache (CPython: LOAD_ATTR_PROPERTY) follows every change of the
// class: a new property, one without a getter, a plain value, a getter that raises, and
// an instance attribute of the same name, which a property outranks.
TEST_CASE("vm: the property cache follows the class", "[vm]") {
  ChildResult r = run_program_text(
      "class P:\n"
      "    def __init__(self): self.v = 1\n"
      "    @property\n"
      "    def x(self): return self.v\n"
      "class Q(P):\n"
      "    pass\n"
      "def read(o): return o.x\n"
      "p, q = P(), Q()\n"
      "print(read(p), read(p), read(q), read(q))\n"
      "P.x = property(lambda self: 'new')\n"
      "print(read(p), read(q))\n"
      "P.x = property(None)\n"
      "try: read(p)\n"
      "except AttributeError as e: print(e)\n"
      "P.x = 5\n"
      "print(read(p))\n"
      "def bad(self): raise KeyError('k')\n"
      "P.x = property(bad)\n"
      "try: read(p)\n"
      "except KeyError as e: print('KeyError', e)\n"
      "p.__dict__['x'] = 'own'\n"
      "P.x = property(lambda self: 'prop wins')\n"
      "print(read(p))\n"
      "del P.x\n"
      "print(read(p))\n");
  CHECK(r.err.empty());
  CHECK(r.out ==
        "1 1 1 1\nnew new\nproperty of 'P' object has no getter\n5\nKeyError 'k'\nprop wins\nown\n");
}

TEST_CASE("vm: attribute caches over inline instance values, dicts made later and __slots__", "[vm][attributes]") {
  ChildResult r = run_program_text(
      "class A:\n"
      "    def m(self): return 'method'\n"
      "def call(o): return o.m()\n"
      "a = A(); b = A(); b.m = lambda: 'own'\n"
      "print([(call(a), call(b)) for i in range(3)])\n"
      "class C:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "        self.w = v * 2\n"
      "def read(o): return o.w\n"
      "def setw(o, x): o.w = x\n"
      "objs = [C(i) for i in range(4)]\n"
      "print([read(o) for o in objs])\n"
      "objs[1].__dict__\n"
      "del objs[2].v\n"
      "objs[3].z = 1\n"
      "print([read(o) for o in objs])\n"
      "for i, o in enumerate(objs): setw(o, i + 10)\n"
      "print([o.__dict__ for o in objs])\n"
      "class P:\n"
      "    __slots__ = ('x', '__dict__')\n"
      "    def __init__(self): self.x = 1; self.y = 2\n"
      "def gy(p): return p.y, p.x\n"
      "print([gy(P()) for i in range(2)])\n");
  CHECK(r.err.empty());
  CHECK(r.out ==
        "[('method', 'own'), ('method', 'own'), ('method', 'own')]\n"
        "[0, 2, 4, 6]\n"
        "[0, 2, 4, 6]\n"
        "[{'v': 0, 'w': 10}, {'v': 1, 'w': 11}, {'w': 12}, {'v': 3, 'w': 13, 'z': 1}]\n"
        "[(2, 1), (2, 1)]\n");
}
