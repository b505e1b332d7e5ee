// Answers that used to be silently wrong (exit 0): __hash__ results, the constant hashes
// of None and frozensets, str.split/rsplit with a limit, and the `!a` conversion.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("a __hash__ result that fits is kept; larger ones are reduced as int hashes", "[protocols][hash]") {
  check_clean_run(
      "class W:\n"
      "    def __init__(self, name):\n"
      "        self.name = name\n"
      "    def __hash__(self):\n"
      "        return hash(self.name)\n"
      "    def __eq__(self, other):\n"
      "        return self.name == other\n"
      "print(hash(W('abc')) == hash('abc'), W('abc') in {'abc'}, 'abc' in {W('abc')})\n"
      "class N:\n"
      "    def __init__(self, v):\n"
      "        self.v = v\n"
      "    def __hash__(self):\n"
      "        return self.v\n"
      "for v in (2**61 - 1, 2**61, -(2**61), 2**63 - 1, -(2**63), 2**63, 2**64, -(2**64) - 5, -1, True):\n"
      "    print(hash(N(v)), hash(N(v)) == hash(v))\n",
      "True True True\n"
      "2305843009213693951 False\n"
      "2305843009213693952 False\n"
      "-2305843009213693952 False\n"
      "9223372036854775807 False\n"
      "-9223372036854775808 False\n"
      "4 True\n8 True\n-13 True\n-2 True\n1 True\n");
}

TEST_CASE("hash(None) and frozenset hashes are CPython's constants", "[protocols][hash]") {
  check_clean_run(
      "print(hash(None), hash((None, True)), hash((None,)))\n"
      "print(hash(frozenset()), hash(frozenset({1, 2})), hash(frozenset({1, 2, 3})), hash(frozenset({-1})))\n"
      "print(hash(frozenset({frozenset(), frozenset({0})})), hash(frozenset(range(100))))\n"
      "s = {1, 2, 3, 4}\n"
      "s.discard(2)\n"
      "print(hash(frozenset(s)) == hash(frozenset({1, 3, 4})))\n"
      "print(hash(...) == hash(...), hash(NotImplemented) == hash(NotImplemented), hash(int) == hash(int))\n",
      "4238894112 -439879632793865346 9181102132670838864\n"
      "133146708735736 -1826646154956904602 -272375401224217160 6776983852052281967\n"
      "-1046602682514879798 4411996150312757951\n"
      "True\n"
      "True True True\n");
}

TEST_CASE("str.split and rsplit with a limit keep the rest's outer whitespace", "[protocols][str]") {
  check_clean_run(
      "s = ' a b c '\n"
      "print(s.split(None, 1), s.rsplit(None, 1))\n"
      "print(s.split(None, 0), s.rsplit(None, 0), s.split(maxsplit=2), s.rsplit(maxsplit=2))\n"
      "print('\\ta\\t\\tb\\n'.split(None, 1), '\\ta\\t\\tb\\n'.rsplit(None, 1), '  '.split(None, 1), 'x'.rsplit(None, 5))\n",
      "['a', 'b c '] [' a b', 'c']\n"
      "['a b c '] [' a b c'] ['a', 'b', 'c '] [' a', 'b', 'c']\n"
      "['a', 'b\\n'] ['\\ta', 'b'] [] ['x']\n");
}

TEST_CASE("the !a conversion and ascii() escape non-ASCII characters", "[protocols][str]") {
  check_clean_run(
      "x = 'Zo\\u00eb'\n"
      "print(f'{x!a}', f'{x!r}', f'{x!s}', ascii(x), f'{x!a:>10}', f'{\"\\u20ac\\U0001f600\"!a}')\n"
      "print(ascii(['\\u00e9', 1]), f'{[x]!a}')\n",
      "'Zo\\xeb' 'Zo\u00eb' Zo\u00eb 'Zo\\xeb'   'Zo\\xeb' '\\u20ac\\U0001f600'\n"
      "['\\xe9', 1] ['Zo\\xeb']\n");
}
