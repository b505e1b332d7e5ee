// The built-in types whose method tables are built on first use in each interpreter
// (str, list, tuple, dict, set and frozenset, the text stream): complete however they are
// first reached. Each program runs in a fresh process, so its first touch is the first.
#include <catch2/catch.hpp>

#include "program.hpp"

TEST_CASE("lazy method tables: a type's __dict__ first", "[protocols][type_dict]") {
  check_clean_run(
      "names = {str: 'upper', list: 'append', tuple: 'count', dict: 'get', set: 'add',\n"
      "         frozenset: 'union'}\n"
      "sizes = {t: len(t.__dict__) for t in names}\n"
      "print([name in t.__dict__ for t, name in names.items()])\n"
      "'a'.upper(); [].append(1); ().count(1); {}.get(1); set().add(1); frozenset().union()\n"
      "print([len(t.__dict__) == sizes[t] for t in names])\n",
      "[True, True, True, True, True, True]\n[True, True, True, True, True, True]\n");
}

TEST_CASE("lazy method tables: set and frozenset share one table", "[protocols][type_dict]") {
  check_clean_run("print(frozenset({1}).union({2}), {3}.union(frozenset({4})))\n",
                  "frozenset({1, 2}) {3, 4}\n");
  check_clean_run("print({3}.union(frozenset({4})), frozenset({1}).union({2}))\n",
                  "{3, 4} frozenset({1, 2})\n");
}

TEST_CASE("lazy method tables: a method looked up through the type", "[protocols][type_dict]") {
  check_clean_run("print(str.upper('ab'), list.copy([1, 2]), tuple.count((1, 1), 1), dict.get({'a': 1}, 'a'))\n",
                  "AB [1, 2] 2 1\n");
}
