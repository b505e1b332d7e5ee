// The compile-time checks of a `match` statement's patterns that CPython makes while
// generating code (Python/codegen.c codegen_match_inner and codegen_pattern_*): unreachable
// cases, repeated captures, or-patterns binding different names, and the shapes the parser
// lets through. gopy runs them before code generation, case by case in source order.
#pragma once

#include <string>

#include "eval/ast.hpp"

namespace gopy {

// The node the first error points at (and its message in *msg), or nullptr.
const ast::Node* check_match_patterns(const ast::Match& match, std::string* msg);

}  // namespace gopy
