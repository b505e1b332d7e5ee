// Scope analysis (CPython: Python/symtable.c symtable_visit_* and analyze_block).
#include "eval/symtable.hpp"

#include "gopy/state.hpp"

#include <algorithm>

namespace gopy {

NameScope Scope::lookup(const std::string& n) const {
  auto it = resolved.find(n);
  if (it != resolved.end()) return it->second;
  return (kind == Kind::module || kind == Kind::class_body) ? NameScope::name : NameScope::global_implicit;
}

class ScopeCollector {
 public:
  ScopeCollector(SymbolTable& table, ScopeError* error) : table_(table), error_(error) {}

  bool run(const ast::Module& m) {
    table_.root_ = std::make_unique<Scope>();
    table_.root_->kind = Scope::Kind::module;
    table_.root_->name = "<module>";
    table_.by_node_[&m] = table_.root_.get();
    cur_ = table_.root_.get();
    for (auto* s : m.body) stmt(s);
    if (failed_) return false;
    std::set<std::string> none;
    analyze(table_.root_.get(), none);
    return !failed_;
  }

 private:
  void fail(const std::string& msg, const ast::Node* n) {
    if (failed_) return;
    failed_ = true;
    error_->msg = msg;
    error_->lineno = n ? n->loc.lineno : 0;
    error_->col_offset = n ? n->loc.col_offset : 0;
  }

  Scope* push(Scope::Kind kind, const std::string& name, const void* node) {
    auto s = std::make_unique<Scope>();
    s->kind = kind;
    s->name = name;
    s->parent = cur_;
    Scope* raw = s.get();
    cur_->children.push_back(std::move(s));
    table_.by_node_[node] = raw;
    cur_ = raw;
    return raw;
  }
  void pop() { cur_ = cur_->parent; }

  // The scope a binding lands in: comprehensions bind their own targets only.
  void bind(const std::string& n, const ast::Node* at) {
    if (cur_->globals.count(n) || cur_->nonlocals.count(n)) {
      cur_->used.insert(n);
      return;
    }
    (void)at;
    cur_->bound.insert(n);
  }
  // A name read in an inlined comprehension is also read by its enclosing scope.
  void use(const std::string& n) {
    for (Scope* s = cur_;; s = s->parent) {
      s->used.insert(n);
      if (s->kind != Scope::Kind::comprehension) break;
    }
  }

  // A walrus target binds in the nearest non-comprehension scope.
  void bind_walrus(const std::string& n, const ast::Node* at) {
    Scope* s = cur_;
    while (s->kind == Scope::Kind::comprehension) s = s->parent;
    if (s->kind == Scope::Kind::class_body) {
      fail("assignment expression within a comprehension cannot be used in a class body", at);
      return;
    }
    if (!s->globals.count(n) && !s->nonlocals.count(n)) s->bound.insert(n);
    for (Scope* c = cur_; c != s; c = c->parent) c->used.insert(n);
    s->used.insert(n);
  }

  void args(const ast::Arguments& a) {
    for (auto* d : a.defaults) expr(d);
    for (auto* d : a.kw_defaults)
      if (d) expr(d);
  }
  void params(Scope* s, const ast::Arguments& a) {
    auto add = [&](const ast::Arg* p) {
      s->params.push_back(p->arg);
      s->bound.insert(p->arg);
    };
    for (auto* p : a.posonlyargs) add(p);
    for (auto* p : a.args) add(p);
    for (auto* p : a.kwonlyargs) add(p);
    if (a.vararg) add(a.vararg);
    if (a.kwarg) add(a.kwarg);
  }

  void body(const ast::StmtList& list) {
    for (auto* s : list) stmt(s);
  }

  void stmt(const ast::Stmt* s) {
    NestingGuard guard(*this);
    if (failed_ || too_deep(s)) return;
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef: {
        auto* f = ast::cast<ast::FunctionDef>(s);
        args(f->args);
        if (f->returns) expr(f->returns);
        bind(f->name, s);
        Scope* fs = push(Scope::Kind::function, f->name, f);
        params(fs, f->args);
        body(f->body);
        pop();
        break;
      }
      case K::ClassDef: {
        auto* c = ast::cast<ast::ClassDef>(s);
        for (auto* b : c->bases) expr(b);
        for (auto* k : c->keywords) expr(k->value);
        bind(c->name, s);
        push(Scope::Kind::class_body, c->name, c);
        body(c->body);
        pop();
        break;
      }
      case K::AugAssign: {
        auto* a = ast::cast<ast::AugAssign>(s);
        expr(a->value);
        if (auto* n = ast::dyn_cast<ast::Name>(a->target)) use(n->id);
        expr(a->target);
        break;
      }
      case K::Try: {
        auto* t = ast::cast<ast::Try>(s);
        body(t->body);
        for (auto* h : t->handlers) {
          if (h->type) expr(h->type);
          if (!h->name.empty()) bind(h->name, h);
          body(h->body);
        }
        body(t->orelse);
        body(t->finalbody);
        break;
      }
      case K::Import:
        for (auto* al : ast::cast<ast::Import>(s)->names) {
          std::string n = al->asname.empty() ? al->name.substr(0, al->name.find('.')) : al->asname;
          bind(n, s);
        }
        break;
      case K::ImportFrom:
        for (auto* al : ast::cast<ast::ImportFrom>(s)->names) {
          if (al->name == "*") {
            if (cur_->kind != Scope::Kind::module) fail("import * only allowed at module level", s);
            continue;
          }
          bind(al->asname.empty() ? al->name : al->asname, s);
        }
        break;
      case K::Global:
        for (auto& n : ast::cast<ast::Global>(s)->names) {
          if (cur_->params.size() && std::find(cur_->params.begin(), cur_->params.end(), n) != cur_->params.end()) {
            fail("name '" + n + "' is parameter and global", s);
            return;
          }
          if (cur_->bound.count(n) || cur_->used.count(n)) {
            fail("name '" + n + "' is " + (cur_->bound.count(n) ? "assigned to" : "used") + " before global declaration", s);
            return;
          }
          cur_->globals.insert(n);
        }
        break;
      case K::Nonlocal:
        for (auto& n : ast::cast<ast::Nonlocal>(s)->names) {
          if (cur_->kind == Scope::Kind::module) {
            fail("nonlocal declaration not allowed at module level", s);
            return;
          }
          if (std::find(cur_->params.begin(), cur_->params.end(), n) != cur_->params.end()) {
            fail("name '" + n + "' is parameter and nonlocal", s);
            return;
          }
          if (cur_->bound.count(n) || cur_->used.count(n)) {
            fail("name '" + n + "' is " + (cur_->bound.count(n) ? "assigned to" : "used") + " before nonlocal declaration", s);
            return;
          }
          cur_->nonlocals.insert(n);
          nonlocal_nodes_[cur_][n] = s;
        }
        break;
      default:
        children(*s);
        break;
    }
  }

  // Every child of a node the analysis gives no special meaning (ast.hpp for_each_child).
  template <class N>
  void children(const N& n) {
    ast::for_each_child(n, [this](const auto* child) { visit_child(child); });
  }
  void visit_child(const ast::Expr* e) { expr(e); }
  void visit_child(const ast::Stmt* s) { stmt(s); }

  void comprehension(const ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                     const ast::Expr* elt, const ast::Expr* value, bool genexp) {
    // The first iterable is evaluated in the enclosing scope.
    expr(gens[0]->iter);
    static const char* names[] = {"<listcomp>", "<genexpr>"};
    Scope* s = push(genexp ? Scope::Kind::genexpr : Scope::Kind::comprehension, names[genexp ? 1 : 0], node);
    if (genexp) {
      s->params.push_back(".0");
      s->bound.insert(".0");
    }
    for (size_t i = 0; i < gens.size(); ++i) {
      if (i) expr(gens[i]->iter);
      expr(gens[i]->target);
      for (auto* c : gens[i]->ifs) expr(c);
    }
    if (elt) expr(elt);
    if (value) expr(value);
    pop();
  }

  // Bounds the recursion over deeply nested trees.
  struct NestingGuard {
    ScopeCollector& c;
    explicit NestingGuard(ScopeCollector& col) : c(col) { ++c.depth_; }
    ~NestingGuard() { --c.depth_; }
  };
  bool too_deep(const ast::Node* at) {
    if (depth_ <= kMaxCompileNesting && !cpp_stack_exhausted(get_thread_state())) return false;
    if (!failed_) {
      fail("maximum recursion depth exceeded during compilation", at);
      error_->recursion = true;
    }
    return true;
  }

  void expr(const ast::Expr* e) {
    NestingGuard guard(*this);
    if (failed_ || too_deep(e)) return;
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::NamedExpr: {
        auto* n = ast::cast<ast::NamedExpr>(e);
        expr(n->value);
        const std::string& id = ast::cast<ast::Name>(n->target)->id;
        if (cur_->kind == Scope::Kind::comprehension || cur_->kind == Scope::Kind::genexpr) {
          if (cur_->kind == Scope::Kind::genexpr) {
            // A walrus in a generator expression binds in the enclosing function too.
            Scope* s = cur_->parent;
            while (s->kind == Scope::Kind::comprehension) s = s->parent;
            s->bound.insert(id);
            cur_->used.insert(id);
          } else {
            bind_walrus(id, e);
          }
        } else {
          bind(id, e);
        }
        break;
      }
      case K::Lambda: {
        auto* l = ast::cast<ast::Lambda>(e);
        args(l->args);
        Scope* s = push(Scope::Kind::function, "<lambda>", l);
        params(s, l->args);
        expr(l->body);
        pop();
        break;
      }
      case K::ListComp: {
        auto* c = ast::cast<ast::ListComp>(e);
        comprehension(e, c->generators, c->elt, nullptr, false);
        break;
      }
      case K::SetComp: {
        auto* c = ast::cast<ast::SetComp>(e);
        comprehension(e, c->generators, c->elt, nullptr, false);
        break;
      }
      case K::DictComp: {
        auto* c = ast::cast<ast::DictComp>(e);
        comprehension(e, c->generators, c->key, c->value, false);
        break;
      }
      case K::GeneratorExp: {
        auto* c = ast::cast<ast::GeneratorExp>(e);
        comprehension(e, c->generators, c->elt, nullptr, true);
        break;
      }
      case K::Call: {
        auto* c = ast::cast<ast::Call>(e);
        children(*c);
        // Zero-argument super() needs the __class__ cell (CPython: symtable_visit_expr).
        if (auto* n = ast::dyn_cast<ast::Name>(c->func); n && n->id == "super" && c->args.empty()) {
          use("__class__");
          if (!cur_->params.empty()) use(cur_->params[0]);
        }
        break;
      }
      case K::Name: {
        auto* n = ast::cast<ast::Name>(e);
        if (n->ctx == ast::ExprContext::Load) use(n->id);
        else bind(n->id, e);
        if (n->id == "__class__") use("__class__");
        break;
      }
      default:
        children(*e);
        break;
    }
  }

  // Names visible from enclosing function scopes -> free; returns this scope's free names.
  // CPython: Python/symtable.c analyze_block / analyze_name.
  std::set<std::string> analyze(Scope* s, const std::set<std::string>& enclosing) {
    std::set<std::string> names = s->used;
    names.insert(s->bound.begin(), s->bound.end());
    names.insert(s->globals.begin(), s->globals.end());
    names.insert(s->nonlocals.begin(), s->nonlocals.end());
    std::set<std::string> free;
    for (const auto& n : names) {
      NameScope r;
      if (s->globals.count(n)) {
        r = NameScope::global_explicit;
      } else if (s->nonlocals.count(n)) {
        if (!enclosing.count(n)) {
          fail("no binding for nonlocal '" + n + "' found", nonlocal_nodes_[s][n]);
          return free;
        }
        r = NameScope::free;
      } else if (s->bound.count(n)) {
        r = s->kind == Scope::Kind::module || s->kind == Scope::Kind::class_body ? NameScope::name : NameScope::local;
      } else if (s->kind == Scope::Kind::comprehension) {
        // Inlined: the enclosing scope resolves it (the compiler asks it).
        s->resolved[n] = s->parent->lookup(n);
        continue;
      } else if (n == "__class__" && s->kind == Scope::Kind::class_body) {
        r = NameScope::name;
      } else if (enclosing.count(n)) {
        r = NameScope::free;
      } else {
        r = s->kind == Scope::Kind::module || s->kind == Scope::Kind::class_body ? NameScope::name
                                                                                 : NameScope::global_implicit;
      }
      s->resolved[n] = r;
      if (r == NameScope::free) free.insert(n);
    }
    std::set<std::string> child_env;
    if (s->kind == Scope::Kind::module) {
      // nothing is visible from module scope as a closure
    } else if (s->kind == Scope::Kind::class_body) {
      child_env = enclosing;
      child_env.insert("__class__");
    } else {
      child_env = enclosing;
      for (const auto& n : s->bound)
        if (!s->globals.count(n)) child_env.insert(n);
      for (const auto& n : s->globals) child_env.erase(n);
    }
    for (auto& c : s->children) {
      std::set<std::string> child_free = analyze(c.get(), child_env);
      if (failed_) return free;
      for (const auto& n : child_free) {
        auto it = s->resolved.find(n);
        bool bound_here = it != s->resolved.end() && (it->second == NameScope::local || it->second == NameScope::cell);
        if (s->kind == Scope::Kind::comprehension && !s->bound.count(n)) {
          free.insert(n);  // the enclosing scope provides it
          continue;
        }
        if (s->kind == Scope::Kind::class_body && n == "__class__") {
          s->needs_class_cell = true;
          continue;
        }
        if (bound_here && s->kind != Scope::Kind::class_body) {
          it->second = NameScope::cell;
        } else if (s->kind != Scope::Kind::module) {
          // Pass the variable through this scope (a class keeps its own dict binding).
          if (it == s->resolved.end()) s->resolved[n] = NameScope::free;
          free.insert(n);
        }
      }
    }
    for (const auto& n : free)
      if (s->kind != Scope::Kind::comprehension || s->bound.count(n)) s->free_order.push_back(n);
    return free;
  }

  SymbolTable& table_;
  ScopeError* error_;
  Scope* cur_ = nullptr;
  bool failed_ = false;
  int depth_ = 0;
  std::map<Scope*, std::map<std::string, const ast::Node*>> nonlocal_nodes_;
};

bool SymbolTable::build(const ast::Module& module, ScopeError* error) {
  ScopeCollector c(*this, error);
  return c.run(module);
}

}  // namespace gopy
