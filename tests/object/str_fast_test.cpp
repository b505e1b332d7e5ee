// str's fast paths: ASCII text is searched, split and sliced as bytes, other text as UTF-8
// without decoding it, with answers identical to the code point semantics.
#include <catch2/catch.hpp>

#include <initializer_list>
#include <string>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object_runtime.hpp"
#include "runtime_fixture.hpp"

using namespace gopy;

namespace {

// Calls s.name(*args) and drops the result, which must not be an error.
void call_on(StrObject* s, const char* name, std::initializer_list<Object*> args) {
  std::vector<Object*> v(args);
  Object* r = call_method(s, name, v.data(), v.size());
  REQUIRE(r != nullptr);
  decref(r);
}

// Runs the searching, splitting, slicing and comparison operations a program uses most.
void exercise(StrObject* s, StrObject* sub) {
  StrObject* empty = new_str("");
  Object* one = new_int(1);
  Object* four = new_int(4);
  Object* minus_two = new_int(-2);
  for (const char* m : {"find", "rfind", "count", "startswith", "endswith", "split", "rsplit", "partition",
                        "rpartition"})
    call_on(s, m, {sub});
  call_on(s, "find", {sub, one, four});
  call_on(s, "count", {empty, one});
  call_on(s, "replace", {sub, empty});
  call_on(s, "replace", {empty, sub, one});
  call_on(sub, "join", {s});
  Object* slice = new_slice(one, four, nullptr);
  Object* stepped = new_slice(nullptr, nullptr, minus_two);
  for (Object* key : {one, minus_two, slice, stepped}) {
    Object* r = get_item(s, key);
    REQUIRE(r != nullptr);
    decref(r);
  }
  Object* it = get_iter(s);
  while (Object* c = iter_next(it)) decref(c);
  Object* lt = rich_compare(s, sub, CompareOp::lt);
  REQUIRE(lt != nullptr);
  for (Object* o : {lt, it, slice, stepped, one, four, minus_two, static_cast<Object*>(empty)}) decref(o);
}

}  // namespace

TEST_CASE("ASCII text is searched, split, sliced, iterated and hashed without UTF-32") {
  ObjectRuntime rt;
  StrObject* s = new_str("alpha-beta--gamma delta");
  StrObject* sub = new_str("-");
  exercise(s, sub);
  call_on(s, "split", {});
  call_on(s, "strip", {});
  CHECK(object_hash(s) != -1);
  CHECK(s->codepoints == nullptr);
  CHECK(sub->codepoints == nullptr);
  decref(s);
  decref(sub);
}

TEST_CASE("non-ASCII text is searched, split and replaced on its UTF-8") {
  ObjectRuntime rt;
  StrObject* s = new_str("\xc3\xa9t\xc3\xa9-\xe2\x98\x83--caf\xc3\xa9");  // "été-☃--café"
  StrObject* sub = new_str("\xe2\x98\x83-");                                  // "☃-"
  StrObject* dash = new_str("-");
  for (const char* m : {"find", "rfind", "count", "startswith", "split", "partition"}) call_on(s, m, {sub});
  call_on(s, "replace", {sub, dash});
  call_on(dash, "join", {s});
  CHECK(s->codepoints == nullptr);
  CHECK(sub->codepoints == nullptr);
  // The answers are code point indexes, not byte offsets.
  Object* pos = call_method(s, "find", reinterpret_cast<Object* const*>(&sub), 1);
  REQUIRE(pos != nullptr);
  CHECK(int_small_value(pos) == 4);
  for (Object* o : {pos, static_cast<Object*>(s), static_cast<Object*>(sub), static_cast<Object*>(dash)}) decref(o);
}

TEST_CASE("character class predicates and padding of ASCII text") {
  auto r = gopy::test::run_source(
      "for s in ['ab', 'AB', 'Ab Cd', 'a_1', '12', ' \\t\\x1c', '', '-7', 'x' * 100]:\n"
      "    print(s.isalpha(), s.isupper(), s.islower(), s.istitle(), s.isidentifier(), s.isdigit(),\n"
      "          s.isspace(), s.isprintable(), s.zfill(4), s.center(5, '\\u00e9'))\n");
  CHECK(r.err.empty());
  CHECK(r.out.starts_with(
      "True False True False True False False True 00ab \u00e9\u00e9ab\u00e9\n"
      "True True False False True False False True 00AB \u00e9\u00e9AB\u00e9\n"
      "False False False True False False False True Ab Cd Ab Cd\n"
      "False False True False True False False True 0a_1 \u00e9a_1\u00e9\n"
      "False False False False False True False True 0012 \u00e9\u00e912\u00e9\n"
      "False False False False False False True False 0 \t\x1c \u00e9 \t\x1c\u00e9\n"
      "False False False False False False False True 0000 \u00e9\u00e9\u00e9\u00e9\u00e9\n"
      "False False False False False False False True -007 \u00e9\u00e9-7\u00e9\n"
      "True False True False True False False True xxxx"));
}

TEST_CASE("str methods answer the same on ASCII text and on that text with wide characters") {
  // Every ASCII letter below is swapped for a 2-, 3- or 4-byte character; each result must
  // be the ASCII result with the same swap (indexes and counts unchanged).
  auto r = gopy::test::run_source(R"PY(
wide = {"a": "\u00e9", "b": "\u00fc", "c": "\u2603", "x": "\U0001f600"}
def widen(v):
    if isinstance(v, str):
        return "".join(wide.get(ch, ch) for ch in v)
    if isinstance(v, (list, tuple)):
        return type(v)(widen(i) for i in v)
    return v
def results(s, w):
    return [s.find(w("-")), s.find(w("b"), 2), s.rfind(w("-"), 0, 4), s.index(w("-")), s.rindex(w("c")),
            s.count(w("-")), s.count(w(""), 1, 3), s.count(w("--"), 1), s.find(w(""), 20), s.rfind(w("")),
            s.find(w("c-")), s.startswith((w("q"), s[:2])), s.startswith(w("b"), 2), s.endswith(w("c"), 0, 6),
            s.endswith((w("a"), w("x"))), w("b-") in s, s.split(w("-")), s.rsplit(w("-"), 1),
            s.split(w("--"), 1), s.split(), s.rsplit(None, 1), s.split(None, 1), s.partition(w("--")),
            s.rpartition(w("-")), s.partition(w("q")), s.replace(w("-"), w("+")), s.replace(w(""), w("|"), 3),
            s.replace(w("--"), w("a")), s.replace(w("b"), w(""), 1), s[1:4], s[::-2], s[-2], s[2::3],
            list(s)[:4], s.strip(), s.strip(w("a-")), s.lstrip(w(" a")), s.rstrip(w("x ")),
            w("/").join(s.split(w("-"))), s + s[:2], len(s), s < s[1:], hash(s) == hash(s[:3] + s[3:]),
            s.rjust(16, w("x")), s.center(17, w("*")), s.ljust(15), s.zfill(16)]
texts = ["a-b--c", " ab - c\tx-- ", "x-abc-b-a--cc", "--b-c--"]
bad = [t for t in texts if widen(results(t, str)) != results(widen(t), widen)]
print(len(texts), bad)
print(results("a-b--c", str))
print("\u00e9\u2003\u00fc x".split(), "\u00e9\u2003\u00fc x".rsplit(None, 1), "ab"[-1], "ab"[::-1])
try:
    "abc"[10**30]
except IndexError as e:
    print(e)
)PY");
  CHECK(r.err.empty());
  CHECK(r.out ==
        "4 []\n"
        "[1, 2, 3, 1, 5, 3, 3, 1, -1, 6, -1, True, True, True, False, True, ['a', 'b', '', 'c'], "
        "['a-b-', 'c'], ['a-b', 'c'], ['a-b--c'], ['a-b--c'], ['a-b--c'], ('a-b', '--', 'c'), "
        "('a-b-', '-', 'c'), ('a-b--c', '', ''), 'a+b++c', '|a|-|b--c', 'a-bac', 'a---c', '-b-', "
        "'c--', '-', 'bc', ['a', '-', 'b', '-'], 'a-b--c', 'b--c', '-b--c', 'a-b--c', 'a/b//c', "
        "'a-b--ca-', 6, False, True, 'xxxxxxxxxxa-b--c', '******a-b--c*****', "
        "'a-b--c         ', '0000000000a-b--c']\n"
        "['\u00e9', '\u00fc', 'x'] ['\u00e9\\u2003\u00fc', 'x'] b ba\n"
        "cannot fit 'int' into an index-sized integer\n");
}

TEST_CASE("an index past ssize is an IndexError for str, list and tuple, as in CPython") {
  auto r = gopy::test::run_source(
      "class Huge:\n"
      "    def __index__(self): return 10**30\n"
      "for seq in ('abc', [1, 2], (1, 2)):\n"
      "    for k in (10**30, Huge(), True, -1):\n"
      "        try: print(seq[k])\n"
      "        except IndexError as e: print(e)\n");
  CHECK(r.err.empty());
  std::string block = "cannot fit 'int' into an index-sized integer\ncannot fit 'Huge' into an index-sized integer\n";
  CHECK(r.out == block + "b\nc\n" + block + "2\n2\n" + block + "2\n2\n");
}
