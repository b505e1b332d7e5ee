#include "eval/refused_constructs.hpp"

#include <algorithm>

namespace gopy {
namespace {

bool any_async(const std::vector<ast::Comprehension*>& gens) {
  return std::any_of(gens.begin(), gens.end(), [](const ast::Comprehension* g) { return g->is_async; });
}

}  // namespace

const char* refused_construct(const ast::Stmt&) {
  return nullptr;  // every statement of 3.14 compiles
}

const char* refused_construct(const ast::Expr& e) {
  // List, set and dict comprehensions run inlined, their `async for` clauses too.
  auto* c = ast::dyn_cast<ast::GeneratorExp>(&e);
  return c && any_async(c->generators) ? "asynchronous generator expression" : nullptr;
}

}  // namespace gopy
