// Compiling statements and assignment targets (CPython: Python/compile.c
// compiler_visit_stmt, compiler_visit_expr for Store/Del contexts, compiler_import).
#include "eval/compiler.hpp"
#include "eval/nodes_expr.hpp"
#include "eval/nodes_stmt.hpp"
#include "eval/parser.hpp"
#include "eval/refused_constructs.hpp"
#include "object/strcat.hpp"

namespace gopy {

std::vector<StmtPtr> Compiler::block(const ast::StmtList& list) {
  std::vector<StmtPtr> out;
  for (auto* s : list) {
    StmtPtr n = stmt(s);
    if (n) out.push_back(std::move(n));
  }
  return out;
}

TargetPtr Compiler::target(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Name: return store_name(ast::cast<ast::Name>(e)->id, e->loc.lineno);
    case K::Attribute: {
      auto* a = ast::cast<ast::Attribute>(e);
      auto t = node<AttributeTarget>(e);
      t->obj = expr(a->value);
      t->name = name_obj(a->attr);
      return t;
    }
    case K::Subscript: {
      auto* s = ast::cast<ast::Subscript>(e);
      auto t = node<SubscriptTarget>(e);
      t->obj = expr(s->value);
      t->index = expr(s->slice);
      return t;
    }
    case K::Tuple:
    case K::List: {
      const ast::ExprList& elts = e->kind == K::Tuple ? ast::cast<ast::Tuple>(e)->elts : ast::cast<ast::List>(e)->elts;
      auto t = node<UnpackTarget>(e);
      for (size_t i = 0; i < elts.size(); ++i) {
        if (auto* st = ast::dyn_cast<ast::Starred>(elts[i])) {
          if (t->star_index >= 0) {
            fail("multiple starred expressions in assignment", e);
            break;
          }
          t->star_index = int(i);
          t->elts.push_back(target(st->value));
        } else {
          t->elts.push_back(target(elts[i]));
        }
      }
      return t;
    }
    case K::Starred:
      fail("starred assignment target must be in a list or tuple", e);
      return store_name("_", e->loc.lineno);
    default:
      fail("cannot assign to expression", e);
      return store_name("_", e->loc.lineno);
  }
}

StmtPtr Compiler::aug_assign(const ast::AugAssign* a) {
  auto n = node<AugAssignNode>(a);
  n->op = ast_bin_op(a->op);
  n->value = expr(a->value);
  if (auto* name = ast::dyn_cast<ast::Name>(a->target)) {
    n->load = load_name(name->id, a->loc.lineno);
    n->store = store_name(name->id, a->loc.lineno);
  } else if (auto* at = ast::dyn_cast<ast::Attribute>(a->target)) {
    n->obj = expr(at->value);
    n->attr = name_obj(at->attr);
  } else if (auto* sub = ast::dyn_cast<ast::Subscript>(a->target)) {
    n->obj = expr(sub->value);
    n->index = expr(sub->slice);
  } else {
    fail("'expression' is an illegal expression for augmented assignment", a);
  }
  return n;
}

StmtPtr Compiler::try_stmt(const ast::Try* t) {
  auto n = node<TryNode>(t);
  n->body = block(t->body);
  for (size_t i = 0; i < t->handlers.size(); ++i) {
    auto* h = t->handlers[i];
    if (!h->type && i + 1 < t->handlers.size()) fail("default 'except:' must be last", h);
    Handler handler;
    handler.lineno = h->loc.lineno;
    if (h->type) handler.type = expr(h->type);
    if (!h->name.empty()) handler.name = store_name(h->name, h->loc.lineno);
    handler.body = block(h->body);
    n->handlers.push_back(std::move(handler));
  }
  n->orelse = block(t->orelse);
  n->finalbody = block(t->finalbody);
  return n;
}

StmtPtr Compiler::import_stmt(const ast::Stmt* s) {
  if (auto* imp = ast::dyn_cast<ast::Import>(s)) {
    // `import a, b` is a sequence of single imports.
    std::vector<StmtPtr> parts;
    for (auto* al : imp->names) {
      auto n = node<ImportNode>(s);
      n->module_name = name_obj(al->name);
      if (al->asname.empty()) {
        n->target = store_name(al->name.substr(0, al->name.find('.')), s->loc.lineno);
        n->bind_top = true;
      } else {
        n->target = store_name(al->asname, s->loc.lineno);
        n->bind_top = al->name.find('.') == std::string::npos;
      }
      parts.push_back(std::move(n));
    }
    if (parts.size() == 1) return std::move(parts[0]);
    struct Seq : StmtNode {
      std::vector<StmtPtr> parts;
      Exec exec(Frame& f) override { return exec_block(parts, f); }
    };
    auto seq = node<Seq>(s);
    seq->parts = std::move(parts);
    return seq;
  }
  auto* from = ast::cast<ast::ImportFrom>(s);
  auto n = node<ImportFromNode>(s);
  n->module_name = name_obj(from->module);
  n->level = from->level;
  std::vector<Object*> names;
  for (auto* al : from->names) {
    names.push_back(new_ref<Object>(intern(al->name)));
    if (al->name == "*") {
      n->star = true;
      continue;
    }
    n->targets.push_back(store_name(al->asname.empty() ? al->name : al->asname, s->loc.lineno));
  }
  n->names = new_tuple_steal(std::move(names));
  keep(n->names);
  return n;
}

StmtPtr Compiler::stmt(const ast::Stmt* s) {
  if (const char* what = refused_construct(*s)) return fail(parser::unsupported_message(what), s), nullptr;
  using K = ast::StmtKind;
  switch (s->kind) {
    case K::FunctionDef: {
      auto* f = ast::cast<ast::FunctionDef>(s);
      auto n = node<FunctionDefNode>(s);
      n->make = make_function(f->args, f->name, f, &f->body, nullptr, s->loc.lineno);
      n->target = store_name(f->name, s->loc.lineno);
      return n;
    }
    case K::ClassDef: {
      auto* c = ast::cast<ast::ClassDef>(s);
      if (!c->keywords.empty()) {
        fail("class keyword arguments (metaclass=...) are not supported by gopy", s);
        return nullptr;
      }
      auto n = node<ClassDefNode>(s);
      n->name = name_obj(c->name);
      Object* q = new_str(child_qualname(c->name));
      keep(q);
      n->qualname = as_str(q);
      n->bases = exprs(c->bases);
      n->body_fn = make_class_body(*c);
      n->target = store_name(c->name, s->loc.lineno);
      return n;
    }
    case K::Return: {
      const Scope* sc = unit_->scope;
      if (!sc->is_function_like()) {
        fail("'return' outside function", s);
        return nullptr;
      }
      auto n = node<ReturnNode>(s);
      if (auto* v = ast::cast<ast::Return>(s)->value) n->value = expr(v);
      return n;
    }
    case K::Delete: {
      auto n = node<DeleteNode>(s);
      for (auto* t : ast::cast<ast::Delete>(s)->targets) n->targets.push_back(target(t));
      return n;
    }
    case K::Assign: {
      auto* a = ast::cast<ast::Assign>(s);
      auto n = node<AssignNode>(s);
      n->value = expr(a->value);
      for (auto* t : a->targets) n->targets.push_back(target(t));
      return n;
    }
    case K::AugAssign: return aug_assign(ast::cast<ast::AugAssign>(s));
    case K::AnnAssign: {
      auto* a = ast::cast<ast::AnnAssign>(s);
      if (!a->value) return std::make_unique<PassNode>();
      auto n = node<AssignNode>(s);
      n->value = expr(a->value);
      n->targets.push_back(target(a->target));
      return n;
    }
    case K::For: {
      auto* f = ast::cast<ast::For>(s);
      auto n = node<ForNode>(s);
      n->iter = expr(f->iter);
      n->target = target(f->target);
      if (auto* lt = dynamic_cast<LocalTarget*>(n->target.get())) n->fast_slot = lt->slot;
      ++unit_->loop_depth;
      n->body = block(f->body);
      --unit_->loop_depth;
      n->orelse = block(f->orelse);
      return n;
    }
    case K::While: {
      auto* w = ast::cast<ast::While>(s);
      auto n = node<WhileNode>(s);
      n->test = expr(w->test);
      ++unit_->loop_depth;
      n->body = block(w->body);
      --unit_->loop_depth;
      n->orelse = block(w->orelse);
      return n;
    }
    case K::If: {
      auto* i = ast::cast<ast::If>(s);
      auto n = node<IfNode>(s);
      n->test = expr(i->test);
      n->body = block(i->body);
      n->orelse = block(i->orelse);
      return n;
    }
    case K::Raise: {
      auto* r = ast::cast<ast::Raise>(s);
      auto n = node<RaiseNode>(s);
      if (r->exc) n->exc = expr(r->exc);
      if (r->cause) n->cause = expr(r->cause);
      return n;
    }
    case K::Try: return try_stmt(ast::cast<ast::Try>(s));
    case K::Assert: {
      // -O drops assert statements (CPython: compiler_assert under c_optimize).
      if (get_thread_state()->interp->settings.optimization_level > 0) return node<PassNode>(s);
      auto* a = ast::cast<ast::Assert>(s);
      auto n = node<AssertNode>(s);
      n->test = expr(a->test);
      if (a->msg) n->msg = expr(a->msg);
      return n;
    }
    case K::Import:
    case K::ImportFrom: return import_stmt(s);
    case K::Global:
    case K::Nonlocal:
    case K::Pass: return node<PassNode>(s);
    case K::Expr: {
      // CPython: PRINT_EXPR for the expression statements of an interactive entry.
      if (ast::cast<ast::ExprStmt>(s)->echo) return make_print_expr_node(expr(ast::cast<ast::ExprStmt>(s)->value), s->loc.lineno);
      auto n = node<ExprStmtNode>(s);
      n->value = expr(ast::cast<ast::ExprStmt>(s)->value);
      return n;
    }
    case K::Break:
      if (unit_->loop_depth == 0) {
        fail("'break' outside loop", s);
        return nullptr;
      }
      return node<BreakNode>(s);
    case K::Continue:
      if (unit_->loop_depth == 0) {
        fail("'continue' not properly in loop", s);
        return nullptr;
      }
      return node<ContinueNode>(s);
    default: break;  // refused above
  }
  return nullptr;
}

}  // namespace gopy
