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
    case ast::StmtKind::ClassDef: return refused_def(*ast::cast<ast::ClassDef>(&s));
    case ast::StmtKind::AsyncFunctionDef: return "'async def'";
    case ast::StmtKind::AsyncFor: return "'async for'";
    case ast::StmtKind::With: return "'with' statement";
    case ast::StmtKind::AsyncWith: return "'async with'";
    case ast::StmtKind::Match: return "'match' statement";
    case ast::StmtKind::TryStar: return "'except*'";
    case ast::StmtKind::TypeAlias: return "'type' statement";
    default: return nullptr;
  }
}

const char* refused_construct(const ast::Expr& e) {
  bool async_comprehension = false;
  if (auto* c = ast::dyn_cast<ast::ListComp>(&e)) async_comprehension = any_async(c->generators);
  if (auto* c = ast::dyn_cast<ast::SetComp>(&e)) async_comprehension = any_async(c->generators);
  if (auto* c = ast::dyn_cast<ast::DictComp>(&e)) async_comprehension = any_async(c->generators);
  if (auto* c = ast::dyn_cast<ast::GeneratorExp>(&e)) async_comprehension = any_async(c->generators);
  return async_comprehension ? "asynchronous comprehension" : nullptr;
}

}  // namespace gopy
