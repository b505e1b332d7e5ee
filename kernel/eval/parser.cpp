// Entry points of the parser (CPython: Parser/peg_api.c).
#include "eval/parser.hpp"

namespace gopy::parser {

std::string unsupported_message(std::string_view construct) {
  std::string msg(construct);
  msg += " is not supported by gopy";
  return msg;
}

namespace {
ParseResult not_yet(std::string_view filename) {
  ParseResult r;
  SyntaxErrorInfo e;
  e.msg = "parser not implemented yet";
  e.filename = std::string(filename);
  r.error = e;
  return r;
}
}  // namespace

ParseResult parse_module(std::string_view, std::string_view filename) { return not_yet(filename); }
ParseResult parse_interactive(std::string_view, std::string_view filename) { return not_yet(filename); }
ParseResult parse_expression(std::string_view, std::string_view filename) { return not_yet(filename); }

}  // namespace gopy::parser
