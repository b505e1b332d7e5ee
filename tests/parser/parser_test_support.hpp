// Helpers for the parser tests: parse and render the result in one line.
#pragma once

#include <string>
#include <string_view>

#include "ast_dump.hpp"
#include "eval/parser.hpp"

namespace gopy::parser::test {

// The module's AST dump, or "ERROR: <type>: <msg>" when parsing fails.
std::string dump_module(std::string_view source);
// The expression's dump ("eval" mode) or the error as above.
std::string dump_expr(std::string_view source);
// "<type>: <msg> @ lineno:offset-end_lineno:end_offset", or "OK" when it parses.
std::string error_of(std::string_view source);
// The first statement's first expression, for position checks.
const ast::Stmt* first_statement(const ParseResult& r);

}  // namespace gopy::parser::test
