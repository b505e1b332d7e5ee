// Containers mutated by user code while an operation walks them: every case must end
// with CPython's answer, never a read of freed memory (the sanitizer tree runs these
// through an ASan binary; they were checked by hand under valgrind).
#include <catch2/catch.hpp>

#include "program.hpp"

namespace {

// A key class whose instances all hash to 0 and whose __eq__ empties the container `s`.
const std::string kClearingKey =
    "class K:\n"
    "    def __hash__(self):\n"
    "        return 0\n"
    "    def __eq__(self, other):\n"
    "        s.clear()\n"
    "        return False\n";

}  // namespace

TEST_CASE("set.add restarts when __eq__ clears the set", "[protocols][mutation]") {
  check_clean_run(kClearingKey +
                  "s = set()\n"
                  "s.add(K())\n"
                  "s.add(K())\n"
                  "s.add(K())\n"
                  "print(len(s))\n",
              "1\n");
}

TEST_CASE("in, discard and remove on a set whose __eq__ clears it", "[protocols][mutation]") {
  check_clean_run(kClearingKey +
                  "s = set(); s.add(K()); s.add(K())\n"
                  "print(K() in s, len(s))\n"
                  "s = set(); s.add(K()); s.add(K())\n"
                  "s.discard(K())\n"
                  "print(len(s))\n"
                  "s = set(); s.add(K()); s.add(K())\n"
                  "try:\n"
                  "    s.remove(K())\n"
                  "except KeyError:\n"
                  "    print('KeyError')\n"
                  "print(len(s))\n",
              "False 0\n0\nKeyError\n0\n");
}

TEST_CASE("set.update from a set that the insertion's __eq__ clears", "[protocols][mutation]") {
  check_clean_run(
      "class S:\n"
      "    def __hash__(self):\n"
      "        return 0\n"
      "    def __eq__(self, other):\n"
      "        s1.clear()\n"
      "        return False\n"
      "s1 = set()\n"
      "s1 = {S(), S()}\n"
      "s2 = {S(), S()}\n"
      "s2.update(s1)\n"
      "print(len(s1), len(s2) > 0)\n",
      "0 True\n");
}

TEST_CASE("dict == where the values' __eq__ clears both dicts", "[protocols][mutation]") {
  check_clean_run(
      "class V:\n"
      "    def __eq__(self, other):\n"
      "        a.clear()\n"
      "        b.clear()\n"
      "        return True\n"
      "a = {1: V(), 2: V()}\n"
      "b = {1: V(), 2: V()}\n"
      "print(a == b, a, b)\n",
      "True {} {}\n");
}

TEST_CASE("x in d.values() and d.items() whose __eq__ clears the dict", "[protocols][mutation]") {
  check_failing_run(
      "class W:\n"
      "    def __eq__(self, other):\n"
      "        d.clear()\n"
      "        return False\n"
      "d = {1: W()}\n"
      "print((1, 5) in d.items(), d)\n"
      "d = {1: W(), 2: W(), 3: W()}\n"
      "print(5 in d.values(), d)\n",
      "False {}\n", "\nRuntimeError: dictionary changed size during iteration\n");
}

TEST_CASE("dict lookups, update and popitem when __eq__ clears a dict", "[protocols][mutation]") {
  check_clean_run(
      "class K:\n"
      "    def __hash__(self):\n"
      "        return 0\n"
      "    def __eq__(self, other):\n"
      "        src.clear()\n"
      "        return False\n"
      "src = {}\n"
      "src = {K(): 1, K(): 2, K(): 3}\n"
      "dst = {K(): 0}\n"
      "try:\n"
      "    dst.update(src)\n"
      "except RuntimeError as e:\n"
      "    print('RuntimeError:', e)\n"
      "print(len(src))\n"
      "class M:\n"
      "    def __hash__(self):\n"
      "        return 0\n"
      "    def __eq__(self, other):\n"
      "        d.clear()\n"
      "        return False\n"
      "d = {}\n"
      "d = {M(): 1, M(): 2}\n"
      "print(d.get(M()), len(d))\n"
      "d = {M(): 1, M(): 2}\n"
      "d[M()] = 3\n"
      "print(len(d))\n"
      "d = {M(): 1, M(): 2}\n"
      "print(d.pop(M(), 'absent'), len(d))\n"
      "d = {M(): 1, M(): 2}\n"
      "print(M() in d, len(d))\n"
      "d = {1: 1, 2: 2}\n"
      "print(d.popitem(), d)\n",
      "RuntimeError: dict mutated during update\n0\nNone 0\n1\nabsent 0\nFalse 0\n(2, 2) {1: 1}\n");
}

TEST_CASE("copying a dict compares no keys", "[protocols][mutation]") {
  check_clean_run(
      "class K:\n"
      "    def __hash__(self):\n"
      "        return 0\n"
      "    def __eq__(self, other):\n"
      "        print('eq')\n"
      "        return False\n"
      "d = {K(): 1, K(): 2}\n"
      "c = d.copy()\n"
      "e = dict(d)\n"
      "e.update(d)\n"
      "print(len(c), len(e), list(c.values()))\n",
      "eq\neq\n2 2 [1, 2]\n");
}

TEST_CASE("slices of a list that the iterable or __index__ clears", "[protocols][mutation]") {
  check_clean_run(
      "class Clearing:\n"
      "    def __init__(self):\n"
      "        self.n = 0\n"
      "    def __iter__(self):\n"
      "        return self\n"
      "    def __next__(self):\n"
      "        xs.clear()\n"
      "        self.n += 1\n"
      "        if self.n > 2:\n"
      "            raise StopIteration\n"
      "        return self.n\n"
      "xs = list(range(10))\n"
      "xs[2:8] = Clearing()\n"
      "print(xs)\n"
      "xs = list(range(10))\n"
      "xs[::2] = [0] * 5\n"
      "print(xs)\n"
      "class I:\n"
      "    def __index__(self):\n"
      "        xs.clear()\n"
      "        return 3\n"
      "xs = list(range(10))\n"
      "print(xs[I():])\n"
      "xs = list(range(10))\n"
      "xs[I():] = [7]\n"
      "print(xs)\n"
      "xs = list(range(10))\n"
      "del xs[1:I()]\n"
      "print(xs)\n"
      "xs = list(range(5))\n"
      "try:\n"
      "    xs.pop(I())\n"
      "except IndexError as e:\n"
      "    print('IndexError:', e)\n",
      "[1, 2]\n[0, 1, 0, 3, 0, 5, 0, 7, 0, 9]\n[]\n[7]\n[]\nIndexError: pop from empty list\n");
}

TEST_CASE("list remove, count, index, in and == when __eq__ clears the list", "[protocols][mutation]") {
  check_clean_run(
      "class E:\n"
      "    def __eq__(self, other):\n"
      "        xs.clear()\n"
      "        return False\n"
      "xs = [E(), E(), E()]\n"
      "try:\n"
      "    xs.remove(0)\n"
      "except ValueError as e:\n"
      "    print('ValueError:', e)\n"
      "xs = [E(), E(), E()]\n"
      "print(xs.count(0), xs)\n"
      "xs = [E(), E(), E()]\n"
      "try:\n"
      "    xs.index(0)\n"
      "except ValueError as e:\n"
      "    print('ValueError:', e)\n"
      "xs = [E(), E(), E()]\n"
      "print(0 in xs, xs)\n"
      "xs = [E(), E(), E()]\n"
      "print(xs == [1, 2, 3], xs)\n"
      "xs = [E(), E()]\n"
      "print(xs < [E(), E()], xs)\n"
      "class T:\n"
      "    def __eq__(self, other):\n"
      "        xs.clear()\n"
      "        return True\n"
      "xs = [T(), T()]\n"
      "xs.remove(0)\n"
      "print(xs)\n",
      "ValueError: list.remove(x): x not in list\n0 []\nValueError: list.index(x): x not in list\n"
      "False []\nFalse []\nTrue []\n[]\n");
}

TEST_CASE("sort with a comparison that appends to the list or answers at random", "[protocols][mutation]") {
  check_clean_run(
      "class L:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "    def __lt__(self, other):\n"
      "        xs.append(1)\n"
      "        return self.v < other.v\n"
      "xs = [L(2), L(1), L(3)]\n"
      "try:\n"
      "    xs.sort()\n"
      "except ValueError as e:\n"
      "    print('ValueError:', e)\n"
      "print(len(xs))\n"
      "class R:\n"
      "    n = 0\n"
      "    def __lt__(self, other):\n"
      "        R.n += 1\n"
      "        return R.n % 3 == 0\n"
      "xs = [R() for _ in range(200)]\n"
      "xs.sort()\n"
      "print(len(xs), len(sorted(xs, reverse=True)))\n",
      "ValueError: list modified during sort\n3\n200 200\n");
}

TEST_CASE("repr and str of an exception whose argument resets e.args", "[protocols][mutation]") {
  check_clean_run(
      "class A:\n"
      "    def __repr__(self):\n"
      "        e.args = ()\n"
      "        return 'A()'\n"
      "    def __str__(self):\n"
      "        e.args = ()\n"
      "        return 'a'\n"
      "e = ValueError(A())\n"
      "print(repr(e))\n"
      "e = ValueError(A())\n"
      "print(str(e))\n"
      "e = KeyError(A())\n"
      "print(str(e))\n"
      "e = ValueError(A(), 2)\n"
      "print(repr(e))\n",
      "ValueError(A())\na\nA()\nValueError(A(), 2)\n");
}
