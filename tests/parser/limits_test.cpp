// Deep nesting, very long input and many statements: clear errors, never a stack overflow,
// and time linear in the input.
#include <catch2/catch.hpp>

#include <chrono>

#include "parser_test_support.hpp"

using namespace gopy;
using parser::test::error_of;

namespace {
std::string repeat(std::string_view s, int n) {
  std::string out;
  out.reserve(s.size() * static_cast<std::size_t>(n));
  for (int i = 0; i < n; ++i) out += s;
  return out;
}
}  // namespace

TEST_CASE("bracket nesting stops at CPython's 200 levels", "[limits]") {
  CHECK(error_of("x = " + repeat("(", 1000) + "1" + repeat(")", 1000) + "\n") ==
        "SyntaxError: too many nested parentheses @ 1:205-1:205");
  CHECK(error_of("x = " + repeat("[", 1000) + repeat("]", 1000) + "\n") ==
        "SyntaxError: too many nested parentheses @ 1:205-1:205");
  CHECK(error_of("x = " + repeat("{1:", 300) + "1" + repeat("}", 300) + "\n") ==
        "SyntaxError: too many nested parentheses @ 1:605-1:605");
  CHECK(error_of("x = " + repeat("(", 200) + "1" + repeat(")", 200) + "\n") == "OK");
  CHECK(error_of("x = " + repeat("[", 200) + repeat("]", 200) + "\n") == "OK");
  CHECK(error_of("x = " + repeat("f(", 199) + repeat(")", 199) + "\n") == "OK");
}

TEST_CASE("block nesting stops at CPython's 100 levels", "[limits]") {
  std::string deep;
  for (int i = 0; i < 250; ++i) deep += repeat("    ", i) + "if x:\n";
  deep += repeat("    ", 250) + "pass\n";
  CHECK(error_of(deep) == "IndentationError: too many levels of indentation @ 101:1-101:0");
  std::string ok;
  for (int i = 0; i < 99; ++i) ok += repeat(" ", i) + "while x:\n";
  ok += repeat(" ", 99) + "pass\n";
  CHECK(error_of(ok) == "OK");
}

TEST_CASE("deep operator nesting is a MemoryError, never a crash", "[limits]") {
  const std::string overflow = "MemoryError: Parser stack overflowed - Python source too complex to parse";
  auto type_and_msg = [](const std::string& src) {
    auto r = parser::parse_module(src, "m.py");
    return r.ok() ? std::string("OK") : r.error->type + ": " + r.error->msg;
  };
  CHECK(type_and_msg("x = " + repeat("-", 100000) + "1\n") == overflow);
  CHECK(type_and_msg("x = " + repeat("not ", 100000) + "1\n") == overflow);
  CHECK(type_and_msg("x = " + repeat("lambda: ", 100000) + "1\n") == overflow);
  CHECK(type_and_msg("x = " + repeat("1 if x else ", 100000) + "1\n") == overflow);
  CHECK(type_and_msg("x = " + repeat("2**", 100000) + "1\n") == overflow);
  // What CPython accepts still parses.
  CHECK(type_and_msg("x = " + repeat("not ", 5000) + "1\n") == "OK");
  CHECK(type_and_msg("x = " + repeat("lambda: ", 2000) + "1\n") == "OK");
  CHECK(type_and_msg("x = " + repeat("1 if x else ", 5000) + "1\n") == "OK");
  CHECK(type_and_msg("x = " + repeat("2**", 2000) + "1\n") == "OK");
}

TEST_CASE("long left-leaning chains are built without recursion", "[limits]") {
  // 200,000 terms: a left-deep tree; building and freeing it must not recurse.
  std::string src = "x = 1" + repeat(" + 1", 200000) + "\n";
  auto r = parser::parse_module(src, "m.py");
  REQUIRE(r.ok());
  const ast::Expr* e = ast::cast<ast::Assign>(r.module()->body[0])->value;
  int depth = 0;
  while (auto* b = ast::dyn_cast<ast::BinOp>(e)) {
    e = b->left;
    ++depth;
  }
  CHECK(depth == 200000);
  std::string elifs = "if x == 0:\n  pass\n";
  for (int i = 1; i < 20000; ++i) elifs += "elif x == " + std::to_string(i) + ":\n  pass\n";
  CHECK(error_of(elifs) == "OK");
}

TEST_CASE("a 10,000-element literal and a 1 MB line", "[limits]") {
  std::string list = "x = [";
  for (int i = 0; i < 10000; ++i) list += std::to_string(i) + ", ";
  list += "]\n";
  auto r = parser::parse_module(list, "m.py");
  REQUIRE(r.ok());
  auto* l = ast::cast<ast::List>(ast::cast<ast::Assign>(r.module()->body[0])->value);
  CHECK(l->elts.size() == 10000);
  CHECK(ast::cast<ast::Constant>(l->elts[9999])->int_small == 9999);

  std::string dict = "d = {";
  for (int i = 0; i < 10000; ++i) dict += "'k" + std::to_string(i) + "': " + std::to_string(i) + ",";
  dict += "}\n";
  r = parser::parse_module(dict, "m.py");
  REQUIRE(r.ok());
  CHECK(ast::cast<ast::Dict>(ast::cast<ast::Assign>(r.module()->body[0])->value)->keys.size() == 10000);

  std::string line = "s = '" + std::string(1 << 20, 'a') + "'\n";
  r = parser::parse_module(line, "m.py");
  REQUIRE(r.ok());
  CHECK(ast::cast<ast::Constant>(ast::cast<ast::Assign>(r.module()->body[0])->value)->str_value.size() ==
        (1u << 20));
  std::string names = "x = [" + repeat("abcdefgh, ", 100000) + "]\n";  // a 1 MB line of tokens
  CHECK(error_of(names) == "OK");
  CHECK(error_of("x = '" + std::string(1 << 20, 'a') + "\n") ==
        "SyntaxError: unterminated string literal (detected at line 1) @ 1:5-1:5");
}

TEST_CASE("parse time grows linearly with the input", "[limits][timing]") {
  auto seconds_for = [](int statements) {
    std::string src;
    for (int i = 0; i < statements; ++i)
      src += "v" + std::to_string(i) + " = f(a, b[i] + 1, k=[x for x in y if x]) # c\n";
    auto start = std::chrono::steady_clock::now();
    auto r = parser::parse_module(src, "m.py");
    auto end = std::chrono::steady_clock::now();
    REQUIRE(r.ok());
    CHECK(r.module()->body.size() == static_cast<std::size_t>(statements));
    return std::chrono::duration<double>(end - start).count();
  };
  double small = seconds_for(20000);
  double large = seconds_for(80000);
  // Four times the input: well under sixteen times the time (a quadratic parser).
  CHECK(large < small * 10 + 0.05);
}
