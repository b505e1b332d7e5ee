#include "eval/refused_constructs.hpp"

#include <algorithm>

namespace gopy {
namespace {

template <class Def>
const char* refused_def(const Def& d) {
  if (!d.type_params.empty()) return "generic type parameters";
  return nullptr;
}

bool any_async(const std::vector<ast::Comprehension*>& gens) {
  return std::any_of(gens.begin(), gens.end(), [](const ast::Comprehension* g) { return g->is_async; });
}

}  // namespace

const char* refused_construct(const ast::Stmt& s) {
  switch (s.kind) {
    case ast::StmtKind::FunctionDef: return refused_def(*ast::cast<ast::FunctionDef>(&s));
    case ast::StmtKind::AsyncFunctionDef: return refused_def(*ast::cast<ast::AsyncFunctionDef>(&s));
    case ast::StmtKind::ClassDef: return refused_def(*ast::cast<ast::ClassDef>(&s));
    case ast::StmtKind::Match: return "'match' statement";
    case ast::StmtKind::TypeAlias: return "'type' statement";
    default: return nullptr;
  }
}

const char* refused_construct(const ast::Expr& e) {
  // List, set and dict comprehensions run inlined, their `async for` clauses too.
  auto* c = ast::dyn_cast<ast::GeneratorExp>(&e);
  return c && any_async(c->generators) ? "asynchronous generator expression" : nullptr;
}

}  // namespace gopy
