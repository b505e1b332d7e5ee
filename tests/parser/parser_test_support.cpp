#include "parser_test_support.hpp"

namespace gopy::parser::test {

std::string dump_module(std::string_view source) {
  ParseResult r = parse_module(source, "main.py");
  if (!r.ok()) return "ERROR: " + r.error->type + ": " + r.error->msg;
  return ast::dump(*r.root);
}

std::string dump_expr(std::string_view source) {
  ParseResult r = parse_expression(source, "<string>");
  if (!r.ok()) return "ERROR: " + r.error->type + ": " + r.error->msg;
  return ast::dump(*r.expression()->body);
}

std::string error_of(std::string_view source) {
  ParseResult r = parse_module(source, "main.py");
  if (r.ok()) return "OK";
  const SyntaxErrorInfo& e = *r.error;
  return e.type + ": " + e.msg + " @ " + std::to_string(e.lineno) + ":" +
         std::to_string(e.offset) + "-" + std::to_string(e.end_lineno) + ":" +
         std::to_string(e.end_offset);
}

const ast::Stmt* first_statement(const ParseResult& r) {
  if (!r.ok() || !r.module() || r.module()->body.empty()) return nullptr;
  return r.module()->body.front();
}

}  // namespace gopy::parser::test
