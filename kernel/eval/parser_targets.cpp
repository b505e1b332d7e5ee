// Assignment, deletion and loop targets. CPython: Grammar/python.gram star_targets,
// del_targets, invalid_for_target; Parser/action_helpers.c _PyPegen_set_expr_context.
#include "eval/parser_impl.hpp"

namespace gopy::parser {

// A Name `__debug__` among the targets (CPython: Python/compile.c forbidden_name).
const ast::Expr* Parser::debug_target(const ast::Expr* e) {
  std::vector<const ast::Expr*> work{e};
  while (!work.empty()) {
    const ast::Expr* x = work.back();
    work.pop_back();
    if (auto* name = ast::dyn_cast<ast::Name>(x)) {
      if (name->id == "__debug__") return x;
    } else if (auto* s = ast::dyn_cast<ast::Starred>(x)) {
      work.push_back(s->value);
    } else if (auto* l = ast::dyn_cast<ast::List>(x)) {
      work.insert(work.end(), l->elts.begin(), l->elts.end());
    } else if (auto* t = ast::dyn_cast<ast::Tuple>(x)) {
      work.insert(work.end(), t->elts.begin(), t->elts.end());
    }
  }
  return nullptr;
}

bool Parser::check_target(ast::Expr* e, TargetsType type) {
  const ast::Expr* bad = invalid_target(e, type);
  if (!bad) return true;
  error_node(bad, std::string(type == TargetsType::Del ? "cannot delete " : "cannot assign to ") +
                      expr_name(bad));
  return false;
}

// Iterative over the spine so long target tuples cost no stack.
void Parser::set_context(ast::Expr* e, ast::ExprContext ctx) {
  std::vector<ast::Expr*> work{e};
  while (!work.empty()) {
    ast::Expr* x = work.back();
    work.pop_back();
    switch (x->kind) {
      case ast::ExprKind::Name: ast::cast<ast::Name>(x)->ctx = ctx; break;
      case ast::ExprKind::Attribute: ast::cast<ast::Attribute>(x)->ctx = ctx; break;
      case ast::ExprKind::Subscript: ast::cast<ast::Subscript>(x)->ctx = ctx; break;
      case ast::ExprKind::Starred: {
        auto* s = ast::cast<ast::Starred>(x);
        s->ctx = ctx;
        work.push_back(s->value);
        break;
      }
      case ast::ExprKind::List: {
        auto* l = ast::cast<ast::List>(x);
        l->ctx = ctx;
        work.insert(work.end(), l->elts.begin(), l->elts.end());
        break;
      }
      case ast::ExprKind::Tuple: {
        auto* t = ast::cast<ast::Tuple>(x);
        t->ctx = ctx;
        work.insert(work.end(), t->elts.begin(), t->elts.end());
        break;
      }
      default: break;
    }
  }
}

// `for TARGETS in`: targets are parsed at bitwise-or level so `in` ends them.
ast::Expr* Parser::target_list(TargetsType type, bool validate) {
  const Token& start = cur();
  ast::ExprList elts;
  bool comma = false;
  for (;;) {
    ast::Expr* e = nullptr;
    if (at_op(Op::Star)) {
      const Token& star = advance();
      ast::Expr* value = bitwise_or();
      if (!value) return nullptr;
      auto* s = node<ast::Starred>(star);
      s->value = value;
      e = finish(s);
    } else {
      e = bitwise_or();
      if (!e) return nullptr;
    }
    elts.push_back(e);
    if (!at_op(Op::Comma)) break;
    advance();
    comma = true;
    if (at_kw(Keyword::In)) break;
  }
  ast::Expr* target = elts.front();
  if (comma) {
    auto* tuple = node<ast::Tuple>(start);
    tuple->elts = std::move(elts);
    target = finish(tuple);
  }
  if (!validate) return target;
  if (!check_target(target, type)) return nullptr;
  set_context(target, ast::ExprContext::Store);
  return target;
}

}  // namespace gopy::parser
