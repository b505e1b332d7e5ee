// Node positions follow CPython's AST: 1-based lines, 0-based UTF-8 byte columns, end
// exclusive (values checked against CPython 3.13's ast module).
#include <catch2/catch.hpp>

#include "parser_test_support.hpp"

using namespace gopy;

namespace {
std::string loc(const ast::Node* n) {
  return std::to_string(n->loc.lineno) + ":" + std::to_string(n->loc.col_offset) + "-" +
         std::to_string(n->loc.end_lineno) + ":" + std::to_string(n->loc.end_col_offset);
}
const ast::Stmt* stmt(const parser::ParseResult& r, std::size_t i) {
  REQUIRE(r.ok());
  REQUIRE(r.module()->body.size() > i);
  return r.module()->body[i];
}
}  // namespace

TEST_CASE("positions of an assignment with a call", "[positions]") {
  auto r = parser::parse_module("x = 1 + foo(a, b=2)\n", "m.py");
  auto* assign = ast::cast<ast::Assign>(stmt(r, 0));
  CHECK(loc(assign) == "1:0-1:19");
  CHECK(loc(assign->targets[0]) == "1:0-1:1");
  auto* binop = ast::cast<ast::BinOp>(assign->value);
  CHECK(loc(binop) == "1:4-1:19");
  CHECK(loc(binop->left) == "1:4-1:5");
  auto* call = ast::cast<ast::Call>(binop->right);
  CHECK(loc(call) == "1:8-1:19");
  CHECK(loc(call->func) == "1:8-1:11");
  CHECK(loc(call->args[0]) == "1:12-1:13");
  CHECK(loc(call->keywords[0]) == "1:15-1:18");
  CHECK(loc(call->keywords[0]->value) == "1:17-1:18");
}

TEST_CASE("positions of blocks span their last statement", "[positions]") {
  auto r = parser::parse_module("if x:\n    y = [1,\n         2]\nelse:\n    pass\n", "m.py");
  auto* s = ast::cast<ast::If>(stmt(r, 0));
  CHECK(loc(s) == "1:0-5:8");
  CHECK(loc(s->test) == "1:3-1:4");
  auto* assign = ast::cast<ast::Assign>(s->body[0]);
  CHECK(loc(assign) == "2:4-3:11");
  CHECK(loc(assign->value) == "2:8-3:11");
  CHECK(loc(s->orelse[0]) == "5:4-5:8");

  r = parser::parse_module("def f(a, *b):\n    return a.b[c]\n", "m.py");
  auto* def = ast::cast<ast::FunctionDef>(stmt(r, 0));
  CHECK(loc(def) == "1:0-2:17");
  CHECK(loc(def->args.args[0]) == "1:6-1:7");
  CHECK(loc(def->args.vararg) == "1:10-1:11");
  auto* ret = ast::cast<ast::Return>(def->body[0]);
  CHECK(loc(ret) == "2:4-2:17");
  auto* sub = ast::cast<ast::Subscript>(ret->value);
  CHECK(loc(sub) == "2:11-2:17");
  CHECK(loc(sub->value) == "2:11-2:14");
  CHECK(loc(sub->slice) == "2:15-2:16");

  r = parser::parse_module("while x:\n  x -= 1\n", "m.py");
  CHECK(loc(stmt(r, 0)) == "1:0-2:8");
}

TEST_CASE("columns are UTF-8 byte offsets", "[positions]") {
  auto r = parser::parse_module("s = '\xC3\xA9' + f'{a!r}'\n", "m.py");
  auto* binop = ast::cast<ast::BinOp>(ast::cast<ast::Assign>(stmt(r, 0))->value);
  CHECK(loc(binop) == "1:4-1:19");
  CHECK(loc(binop->left) == "1:4-1:8");
  auto* joined = ast::cast<ast::JoinedStr>(binop->right);
  CHECK(loc(joined) == "1:11-1:19");
  auto* fv = ast::cast<ast::FormattedValue>(joined->values[0]);
  CHECK(loc(fv) == "1:13-1:18");
  CHECK(loc(fv->value) == "1:14-1:15");
}

TEST_CASE("tuples, parentheses and multi-line strings", "[positions]") {
  auto r = parser::parse_module("x = (1, 2)\ny = 1, 2\nz = (a)\n", "m.py");
  CHECK(loc(ast::cast<ast::Assign>(stmt(r, 0))->value) == "1:4-1:10");
  CHECK(loc(ast::cast<ast::Assign>(stmt(r, 1))->value) == "2:4-2:8");
  CHECK(loc(ast::cast<ast::Assign>(stmt(r, 2))->value) == "3:5-3:6");
  CHECK(loc(stmt(r, 2)) == "3:0-3:7");

  r = parser::parse_module("s = '''a\nb''' + c\n", "m.py");
  auto* binop = ast::cast<ast::BinOp>(ast::cast<ast::Assign>(stmt(r, 0))->value);
  CHECK(loc(binop->left) == "1:4-2:4");
  CHECK(loc(binop) == "1:4-2:8");

  r = parser::parse_module("t = -x ** 2\n", "m.py");
  auto* neg = ast::cast<ast::UnaryOp>(ast::cast<ast::Assign>(stmt(r, 0))->value);
  CHECK(loc(neg) == "1:4-1:11");
  CHECK(loc(neg->operand) == "1:5-1:11");

  r = parser::parse_module("f(i for i in y)\n", "m.py");
  auto* call = ast::cast<ast::Call>(ast::cast<ast::ExprStmt>(stmt(r, 0))->value);
  CHECK(loc(call->args[0]) == "1:1-1:15");
}

TEST_CASE("CRLF and a missing final newline do not shift positions", "[positions]") {
  auto r = parser::parse_module("a = 1\r\nif a:\r\n    b = 22", "m.py");
  CHECK(loc(stmt(r, 0)) == "1:0-1:5");
  auto* s = ast::cast<ast::If>(stmt(r, 1));
  CHECK(loc(s->body[0]) == "3:4-3:10");
}
