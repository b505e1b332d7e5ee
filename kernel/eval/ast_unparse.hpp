// An expression back to source text, as `from __future__ import annotations` stores
// annotations (CPython: Python/ast_unparse.c expr_as_unicode at PR_TEST).
#pragma once

#include <string>
#include <string_view>

#include "eval/ast.hpp"

namespace gopy {

// The expression's text; node kinds the unparser does not rebuild (f-strings,
// comprehensions, ...) are taken from `source` as written.
std::string unparse_annotation(const ast::Expr* e, std::string_view source);

}  // namespace gopy
