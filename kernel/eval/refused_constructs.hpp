// The constructs the parser and symtable accept but code generation does not handle yet:
// the compiler refuses each with "<construct> is not supported by gopy" (a SyntaxError at
// the node) rather than compiling it wrongly.
#pragma once

#include "eval/ast.hpp"

namespace gopy {

// The construct's name ("'with' statement", "decorator", ...) or nullptr when supported.
const char* refused_construct(const ast::Stmt& s);
const char* refused_construct(const ast::Expr& e);

}  // namespace gopy
