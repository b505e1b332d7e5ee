// gc_test: the cycle collector and the gc and weakref modules through the real gopy
// executable, with CPython 3.14's texts; and bounded memory for a program that keeps
// making reference cycles.
#include <catch2/catch.hpp>

#include <string>

#include "spawn.hpp"

namespace {

#ifdef GOPY_SANITIZE
constexpr bool kSanitized = true;
#else
constexpr bool kSanitized = false;
#endif

ChildResult run_script(const std::string& source) {
  TempDir dir;
  dir.write("main.py", source);
  return run_gopy({"main.py"}, dir.path());
}

void check_run(const std::string& source, const std::string& expected) {
  ChildResult r = run_script(source);
  CHECK(r.err == "");
  CHECK(r.out == expected);
  CHECK(r.exit_code == 0);
}

// Peak resident set size (kB) of a program that builds `cycles` pairs of instances that
// refer to each other and drops each pair at once; it reads its own VmHWM.
long peak_rss_building_cycles(long cycles) {
  ChildResult r = run_script(
      "class Node:\n"
      "    def __init__(self):\n"
      "        self.other = None\n"
      "def build(n):\n"
      "    for i in range(n):\n"
      "        a = Node()\n"
      "        b = Node()\n"
      "        a.other = b\n"
      "        b.other = a\n"
      "build(" + std::to_string(cycles) + ")\n"
      "for line in open('/proc/self/status'):\n"
      "    if line.startswith('VmHWM:'):\n"
      "        print(line.split()[1])\n");
  REQUIRE(r.err == "");
  REQUIRE(r.exit_code == 0);
  return std::stol(r.out);
}

}  // namespace

TEST_CASE("gc_test: argument errors and the defaults of the gc module", "[lifecycle][gc]") {
  check_run(
      "import gc\n"
      "print(gc.get_threshold(), gc.isenabled())\n"
      "for bad in (3, -1, 'x', 1.5):\n"
      "    try:\n"
      "        gc.collect(bad)\n"
      "    except (ValueError, TypeError) as e:\n"
      "        print(type(e).__name__, e)\n"
      "gc.set_threshold(500, 5)\n"
      "print(gc.get_threshold())\n"
      "print(gc.DEBUG_STATS, gc.DEBUG_COLLECTABLE, gc.DEBUG_UNCOLLECTABLE, gc.DEBUG_SAVEALL, gc.DEBUG_LEAK)\n"
      "print(len(gc.get_stats()), sorted(gc.get_stats()[0]))\n"
      "print(type(gc.collect(generation=0)).__name__, len(gc.get_count()))\n",
      "(2000, 10, 10) True\n"
      "ValueError invalid generation\n"
      "ValueError invalid generation\n"
      "TypeError 'str' object cannot be interpreted as an integer\n"
      "TypeError 'float' object cannot be interpreted as an integer\n"
      "(500, 5, 10)\n"
      "1 2 4 32 38\n"
      "3 ['collected', 'collections', 'uncollectable']\n"
      "int 3\n");
}

TEST_CASE("gc_test: callbacks see start and stop with their info", "[lifecycle][gc]") {
  check_run(
      "import gc\n"
      "gc.disable()\n"
      "class C: pass\n"
      "seen = []\n"
      "def cb(phase, info):\n"
      "    seen.append((phase, sorted(info), info['generation'], info['collected'] > 0))\n"
      "gc.callbacks.append(cb)\n"
      "c = C(); c.c = c\n"
      "del c\n"
      "n = gc.collect(1)\n"
      "gc.callbacks.remove(cb)\n"
      "print(n > 0)\n"
      "for s in seen: print(s)\n",
      "True\n"
      "('start', ['collected', 'generation', 'uncollectable'], 1, False)\n"
      "('stop', ['collected', 'generation', 'uncollectable'], 1, True)\n");
}

TEST_CASE("gc_test: PEP 442: a resurrecting finalizer runs once", "[lifecycle][gc]") {
  check_run(
      "import gc\n"
      "gc.disable()\n"
      "saved = []\n"
      "class R:\n"
      "    def __del__(self):\n"
      "        print('__del__')\n"
      "        saved.append(self)\n"
      "r = R(); r.r = r\n"
      "del r\n"
      "gc.collect()\n"
      "print(len(saved), gc.is_finalized(saved[0]), gc.is_tracked(saved[0]))\n"
      "saved.clear()\n"
      "gc.collect()\n"
      "print('end')\n",
      "__del__\n1 True True\nend\n");
}

TEST_CASE("gc_test: DEBUG_SAVEALL keeps what was found in gc.garbage", "[lifecycle][gc]") {
  check_run(
      "import gc\n"
      "gc.disable()\n"
      "gc.set_debug(gc.DEBUG_SAVEALL)\n"
      "l = []; l.append(l)\n"
      "del l\n"
      "gc.collect()\n"
      "print(gc.get_debug(), len(gc.garbage), type(gc.garbage[0]).__name__, gc.garbage[0][0] is gc.garbage[0])\n"
      "gc.set_debug(0)\n"
      "gc.garbage.clear()\n",
      "32 1 list True\n");
}

TEST_CASE("gc_test: referents, referrers, tracking and freezing", "[lifecycle][gc]") {
  check_run(
      "import gc\n"
      "lst = [1, 'a']\n"
      "holder = [lst]\n"
      "print(sorted(map(str, gc.get_referents(lst))), holder in gc.get_referrers(lst))\n"
      "print(gc.is_tracked(lst), gc.is_tracked(42), gc.is_tracked('s'), gc.is_tracked(1.5))\n"
      "print(any(o is holder for o in gc.get_objects()))\n"
      "gc.freeze()\n"
      "print(gc.get_freeze_count() > 0)\n"
      "gc.unfreeze()\n"
      "print(gc.get_freeze_count())\n",
      "['1', 'a'] True\nTrue False False False\nTrue\nTrue\n0\n");
}

// CPython 3.14: Python/gc.c untrack_tuples: a collection untracks the surviving tuples that
// hold nothing trackable, a tuple of such tuples too once they are untracked.
TEST_CASE("gc_test: collections untrack tuples of atomic items", "[lifecycle][gc]") {
  check_run(
      "import gc\n"
      "t = (1, 'a', 2.0, None)\n"
      "u = ([],)\n"
      "v = (t, 3)\n"
      "print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))\n"
      "gc.collect()\n"
      "print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))\n"
      "gc.collect()\n"
      "print(gc.is_tracked(t), gc.is_tracked(u), gc.is_tracked(v))\n"
      "u[0].append(u)\n"
      "del u\n"
      "print(gc.collect() >= 2)\n",
      "True True True\nFalse True False\nFalse True False\nTrue\n");
}

TEST_CASE("gc_test: weak references, proxies and their errors", "[lifecycle][gc][weakref]") {
  check_run(
      "import weakref\n"
      "for bad in (1, [], 'text', (1,)):\n"
      "    try:\n"
      "        weakref.ref(bad)\n"
      "    except TypeError as e:\n"
      "        print(e)\n"
      "class P:\n"
      "    def hello(self): return 'hi'\n"
      "p = P()\n"
      "w = weakref.ref(p)\n"
      "print(weakref.getweakrefcount(p), weakref.getweakrefs(p) == [w], w == weakref.ref(p), hash(w) == hash(p))\n"
      "print(w is weakref.ref(p), type(w).__name__, weakref.ref is weakref.ReferenceType)\n"
      "px = weakref.proxy(p)\n"
      "print(px.hello(), type(px).__name__)\n"
      "del p\n"
      "print(w(), weakref.getweakrefcount(w))\n"
      "try:\n"
      "    px.hello\n"
      "except ReferenceError as e:\n"
      "    print('ReferenceError:', e)\n"
      "print(type(weakref.proxy(len)).__name__)\n",
      "cannot create weak reference to 'int' object\n"
      "cannot create weak reference to 'list' object\n"
      "cannot create weak reference to 'str' object\n"
      "cannot create weak reference to 'tuple' object\n"
      "1 True True True\n"
      "True ReferenceType True\n"
      "hi ProxyType\n"
      "None 0\n"
      "ReferenceError: weakly-referenced object no longer exists\n"
      "CallableProxyType\n");
}

TEST_CASE("gc_test: the weak containers and finalize", "[lifecycle][gc][weakref]") {
  check_run(
      "import gc, weakref\n"
      "class C: pass\n"
      "k1, k2 = C(), C()\n"
      "wk = weakref.WeakKeyDictionary()\n"
      "wk[k1] = 1; wk[k2] = 2\n"
      "del k1\n"
      "print(len(wk), wk[k2], k2 in wk)\n"
      "ws = weakref.WeakSet([k2])\n"
      "print(len(ws), k2 in ws)\n"
      "del k2\n"
      "print(len(ws), len(wk))\n"
      "wv = weakref.WeakValueDictionary()\n"
      "v = C()\n"
      "wv['a'] = v\n"
      "print(wv['a'] is v, 'a' in wv, len(wv))\n"
      "del v\n"
      "print('a' in wv, len(wv), wv.get('a', 'gone'))\n"
      "o = C()\n"
      "f = weakref.finalize(o, print, 'bye')\n"
      "print(f.alive, f.peek()[1] is print)\n"
      "del o\n"
      "print(f.alive)\n"
      "o2 = C()\n"
      "g = weakref.finalize(o2, print, 'never')\n"
      "print(g.detach()[0] is o2, g.alive)\n",
      "1 2 True\n1 True\n0 0\nTrue True 1\nFalse 0 gone\nTrue True\nbye\nFalse\nTrue False\n");
}

TEST_CASE("gc_test: automatic collection keeps a program that makes cycles bounded", "[lifecycle][gc][memory]") {
  if (kSanitized) {
    WARN("skipped under GOPY_SANITIZE: peak RSS means nothing under ASan's allocator");
    return;
  }
  long small = peak_rss_building_cycles(1000000);
  long large = peak_rss_building_cycles(4000000);
  INFO("peak RSS kB: 1,000,000 cycles " << small << ", 4,000,000 cycles " << large);
  CHECK(double(large) <= 1.1 * double(small));
}
