// ast::dump: a compact, deterministic one-line rendering of a tree for the parser tests,
// close to CPython's ast.dump() without field names for the common fields, e.g.
//   Module([Expr(Call(Name('print'), [BinOp(Constant(1), Add, Constant(2))], []))])
// Positions are not included; an echoed REPL expression statement prints as `Expr!(...)`.
// Generated from the AST table (kernel/eval/ast_nodes.def) and its dump styles.
#pragma once

#include <string>

#include "eval/ast.hpp"

namespace gopy::ast {

std::string dump(const Mod& root);
std::string dump(const Expr& expr);
std::string dump(const Stmt& stmt);

}  // namespace gopy::ast
