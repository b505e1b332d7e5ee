// `match` statements through the real gopy binary: each pattern kind, the binding rules and
// the run-time errors of class and mapping patterns, with CPython 3.14's texts.
#include "program.hpp"

TEST_CASE("literal, singleton, value and wildcard patterns", "[match]") {
  check_clean_run(
      "class K:\n    ONE = 1\n"
      "def f(v):\n"
      "    match v:\n"
      "        case None: return 'none'\n"
      "        case True: return 'true'\n"
      "        case K.ONE: return 'one'\n"
      "        case -2 | 2.5: return 'num'\n"
      "        case 'a' 'b': return 'ab'\n"
      "        case b'x': return 'bytes'\n"
      "        case _: return 'other'\n"
      "print([f(v) for v in (None, True, 1, 1.0, -2, 2.5, 'ab', b'x', False, 0)])\n",
      "['none', 'true', 'one', 'one', 'num', 'num', 'ab', 'bytes', 'other', 'other']\n");
}

TEST_CASE("sequence patterns: lengths, stars, and what counts as a sequence", "[match]") {
  check_clean_run(
      "def f(v):\n"
      "    match v:\n"
      "        case []: return 'empty'\n"
      "        case [x]: return ('one', x)\n"
      "        case [x, *mid, y] if mid: return ('star', x, mid, y)\n"
      "        case (x, *_, y): return ('ends', x, y)\n"
      "        case _: return 'no'\n"
      "for v in ([], (5,), [1, 2, 3, 4], range(2), 'ab', b'ab', {1: 2}, iter([1])):\n"
      "    print(f(v))\n",
      "empty\n('one', 5)\n('star', 1, [2, 3], 4)\n('ends', 0, 1)\nno\nno\nno\nno\n");
}

TEST_CASE("mapping patterns: keys, **rest and extra keys", "[match]") {
  check_clean_run(
      "match {'a': 1, 'b': 2, 'c': 3}:\n"
      "    case {'a': 1, 'b': x, **rest}: print(x, rest)\n"
      "match {'a': 1}:\n"
      "    case {'b': _}: print('no')\n"
      "    case {}: print('any mapping')\n"
      "match [('a', 1)]:\n"
      "    case {}: print('mapping')\n"
      "    case _: print('not a mapping')\n",
      "2 {'c': 3}\nany mapping\nnot a mapping\n");
}

TEST_CASE("class patterns: __match_args__, keywords and the built-in classes", "[match]") {
  check_clean_run(
      "class P:\n"
      "    __match_args__ = ('x', 'y')\n"
      "    def __init__(self, x, y): self.x, self.y = x, y\n"
      "def f(v):\n"
      "    match v:\n"
      "        case P(0, y=0): return 'origin'\n"
      "        case P(x, y) if x == y: return ('diag', x)\n"
      "        case P(x=1, z=_): return 'never: no z'\n"
      "        case P(): return 'point'\n"
      "        case bool(b): return ('bool', b)\n"
      "        case int(n) | float(n): return ('num', n)\n"
      "        case str() as s: return ('str', s)\n"
      "        case dict({'k': k}): return ('dict', k)\n"
      "    return 'none'\n"
      "for v in (P(0, 0), P(2, 2), P(1, 5), True, 3, 1.5, 's', {'k': 7}, None):\n"
      "    print(f(v))\n",
      "origin\n('diag', 2)\npoint\n('bool', True)\n('num', 3)\n('num', 1.5)\n('str', 's')\n('dict', 7)\nnone\n");
}

TEST_CASE("or-patterns and as-patterns bind in the first alternative's order", "[match]") {
  check_clean_run(
      "def f(v):\n"
      "    match v:\n"
      "        case (a, b, 0) | (b, 0, a): return (a, b)\n"
      "        case [(1 | 2) as small, *_] as whole: return (small, whole)\n"
      "    return None\n"
      "print(f((1, 2, 0)), f((3, 0, 4)), f([2, 9]), f([3]))\n",
      "(1, 2) (4, 3) (2, [2, 9]) None\n");
}

TEST_CASE("captures stay bound after a failed guard; a failed pattern binds nothing", "[match]") {
  check_clean_run(
      "match (1, 2):\n"
      "    case (x, y) if x > y: pass\n"
      "    case _: pass\n"
      "print(x, y)\n"
      "match [5, 'no']:\n"
      "    case [q, int()]: pass\n"
      "import sys\n"
      "print('q' in sys.modules[__name__].__dict__)\n",
      "1 2\nFalse\n");
}

TEST_CASE("class pattern errors", "[match]") {
  check_failing_run(
      "class P:\n    pass\nmatch P():\n    case P(a): pass\n", "",
      "TypeError: P() accepts 0 positional sub-patterns (1 given)\n");
  check_failing_run(
      "class P:\n    __match_args__ = ('a',)\nmatch P():\n    case P(a, b): pass\n", "",
      "TypeError: P() accepts 1 positional sub-pattern (2 given)\n");
  check_failing_run(
      "class P:\n    __match_args__ = ['a']\nmatch P():\n    case P(a): pass\n", "",
      "TypeError: P.__match_args__ must be a tuple (got list)\n");
  check_failing_run(
      "class P:\n    __match_args__ = (1,)\nmatch P():\n    case P(a): pass\n", "",
      "TypeError: __match_args__ elements must be strings (got int)\n");
  check_failing_run(
      "class P:\n    __match_args__ = ('a',)\n    a = 1\nmatch P():\n    case P(x, a=y): pass\n", "",
      "TypeError: P() got multiple sub-patterns for attribute 'a'\n");
  check_failing_run("match 1:\n    case len(): pass\n", "", "TypeError: called match pattern must be a class\n");
  check_failing_run("match 1:\n    case int(a, b): pass\n", "",
                    "TypeError: int() accepts 1 positional sub-pattern (2 given)\n");
}
