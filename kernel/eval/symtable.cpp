// Scope analysis (CPython: Python/symtable.c symtable_visit_* and analyze_block).
#include "eval/symtable.hpp"
#include "eval/mangle.hpp"

#include "eval/annotation_args.hpp"
#include "eval/pattern_check.hpp"

#include "gopy/state.hpp"

#include <algorithm>

namespace gopy {

NameScope Scope::lookup(const std::string& n) const {
  auto it = resolved.find(n);
  if (it != resolved.end()) return it->second;
  return (kind == Kind::module || kind == Kind::class_body) ? NameScope::name : NameScope::global_implicit;
}

namespace {

bool is_future_import(const ast::Stmt* s) {
  auto* from = ast::dyn_cast<ast::ImportFrom>(s);
  return from && from->module == "__future__" && from->level == 0;
}

}  // namespace

class ScopeCollector {
 public:
  ScopeCollector(SymbolTable& table, ScopeError* error) : table_(table), error_(error) {}

  bool run(const ast::Module& m) {
    table_.root_ = std::make_unique<Scope>();
    table_.root_->kind = Scope::Kind::module;
    table_.root_->name = "<module>";
    table_.by_node_[&m] = table_.root_.get();
    cur_ = table_.root_.get();
    table_.future_annotations_ = has_future_annotations(m);
    if (!check_future_features(m)) return false;
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
    error_->end_lineno = n ? n->loc.end_lineno : 0;
    error_->end_col_offset = n ? n->loc.end_col_offset : 0;
  }

  static std::string comprehension_description(const Scope& s) {
    if (s.name == "<genexpr>") return "generator expression";
    if (s.name == "<setcomp>") return "set comprehension";
    if (s.name == "<dictcomp>") return "dict comprehension";
    return "list comprehension";
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

  // CPython: Python/future.c future_check_features: the features a future import names.
  bool check_future_features(const ast::Module& m) {
    static const char* const known[] = {"nested_scopes",  "generators",       "division",       "absolute_import",
                                        "with_statement", "print_function",   "unicode_literals", "barry_as_FLUFL",
                                        "generator_stop", "annotations"};
    for (const ast::ImportFrom* from : leading_future_imports(m)) {
      last_future_ = from;
      for (const ast::Alias* a : from->names) {
        if (std::find(std::begin(known), std::end(known), a->name) != std::end(known)) continue;
        fail(a->name == "braces" ? "not a chance" : "future feature " + a->name + " is not defined", a);
        return false;
      }
    }
    return true;
  }

  // An annotation scope (PEP 649/695). In a class, or in an annotation scope that sees the
  // class, it reads the class's names through __classdict__ (CPython:
  // symtable_enter_type_param_block, symtable_visit_annotation).
  Scope* push_annotation(const std::string& name, const void* key, bool format_param) {
    Scope* parent = cur_;
    Scope* s = push(Scope::Kind::annotation, name, key);
    if (format_param) {
      s->params.push_back(".format");
      s->bound.insert(".format");
    }
    if (parent->kind == Scope::Kind::class_body ||
        (parent->kind == Scope::Kind::annotation && parent->can_see_class_scope)) {
      s->can_see_class_scope = true;
      s->used.insert("__classdict__");
      Scope* c = parent;
      while (c->kind == Scope::Kind::annotation) c = c->parent;
      c->needs_classdict = true;
    }
    return s;
  }

  // Marks `name` used by the current module's or class's __annotate__ scope.
  void deferred_annotation_use(const std::string& name) {
    if (cur_->annotation_block) cur_->annotation_block->used.insert(name);
  }

  // Visits an annotation in the current module's or class's __annotate__ scope.
  void deferred_annotation(const ast::Expr* e) {
    Scope* owner = cur_;
    if (!owner->annotation_block) {
      owner->annotation_block = push_annotation("__annotate__", owner, true);
      owner->annotation_block->info = "an annotation";
      pop();
    }
    cur_ = owner->annotation_block;
    expr(e);
    cur_ = owner;
  }

  // The scope a binding lands in: comprehensions bind their own targets only.
  void bind(const std::string& n, const ast::Node* at, ast::ExprContext ctx = ast::ExprContext::Store) {
    if (!check_name(n, at, ctx)) return;
    if (cur_->globals.count(n) || cur_->nonlocals.count(n)) {
      cur_->used.insert(n);
      declared_stores_[cur_].insert(n);
      return;
    }
    cur_->bound.insert(n);
  }
  // CPython: symtable.c check_name: __debug__ cannot be bound or deleted.
  bool check_name(const std::string& n, const ast::Node* at, ast::ExprContext ctx = ast::ExprContext::Store) {
    if (n != "__debug__" || ctx == ast::ExprContext::Load) return true;
    fail(ctx == ast::ExprContext::Del ? "cannot delete __debug__" : "cannot assign to __debug__", at);
    return false;
  }
  // A name read in an inlined comprehension is also read by its enclosing scope.
  void use(const std::string& n) {
    for (Scope* s = cur_;; s = s->parent) {
      s->used.insert(n);
      loads_[s].insert(n);
      if (s->kind != Scope::Kind::comprehension) break;
    }
  }

  // A walrus target binds in the nearest non-comprehension scope.
  void bind_walrus(const std::string& n, const ast::Node* at) {
    // What a comprehension binds is its iteration variables (CPython:
    // symtable_extend_namedexpr_scope, DEF_COMP_ITER).
    for (Scope* c = cur_; c->kind == Scope::Kind::comprehension; c = c->parent) {
      if (c->bound.count(n)) {
        fail("assignment expression cannot rebind comprehension iteration variable '" + n + "'", at);
        return;
      }
    }
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
      check_name(p->arg, p);
      // CPython: symtable.c symtable_add_def_helper (DEF_PARAM twice)
      if (std::find(s->params.begin(), s->params.end(), p->arg) != s->params.end()) {
        fail("duplicate argument '" + p->arg + "' in function definition", p);
        return;
      }
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
    // CPython: symtable.c's ste_in_conditional_block, for a class's annotations.
    bool conditional = s->kind == K::If || s->kind == K::For || s->kind == K::AsyncFor || s->kind == K::While ||
                       s->kind == K::Try || s->kind == K::TryStar || s->kind == K::With ||
                       s->kind == K::AsyncWith || s->kind == K::Match;
    conditional_depth_ += conditional;
    stmt_kind(s);
    conditional_depth_ -= conditional;
  }

  void stmt_kind(const ast::Stmt* s) {
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef: function_def(*ast::cast<ast::FunctionDef>(s), false); break;
      case K::AsyncFunctionDef: function_def(*ast::cast<ast::AsyncFunctionDef>(s), true); break;
      case K::ClassDef: {
        auto* c = ast::cast<ast::ClassDef>(s);
        for (auto* d : c->decorator_list) expr(d);
        bind(bound_name(*c), s);
        bool generic = enter_type_params(c->type_params, c->name);
        for (auto* b : c->bases) expr(b);
        for (auto* k : c->keywords) expr(k->value);
        Scope* cs = push(Scope::Kind::class_body, c->name, c);
        if (generic) cs->used.insert(".type_params");
        with_blocks([&] { body(c->body); });
        pop();
        if (generic) pop();
        break;
      }
      case K::TypeAlias: {
        // CPython: symtable_visit_stmt TypeAlias_kind.
        auto* t = ast::cast<ast::TypeAlias>(s);
        const std::string& name = ast::cast<ast::Name>(t->name)->id;
        bind(name, t->name);
        bool generic = enter_type_params(t->type_params, name);
        Scope* value_scope = push_annotation(name, t->value, true);
        value_scope->info = "a type alias";
        expr(t->value);
        pop();
        if (generic) pop();
        break;
      }
      case K::For: for_loop(*ast::cast<ast::For>(s)); break;
      case K::AsyncFor:
        require_coroutine("'async for' outside async function", s);
        for_loop(*ast::cast<ast::AsyncFor>(s));
        break;
      case K::While: {
        auto* w = ast::cast<ast::While>(s);
        expr(w->test);
        loop_body(w->body);
        body(w->orelse);
        break;
      }
      case K::AsyncWith:
        require_coroutine("'async with' outside async function", s);
        children(*s);
        break;
      case K::Match: {
        auto* m = ast::cast<ast::Match>(s);
        std::string msg;
        if (const ast::Node* at = check_match_patterns(*m, &msg)) fail(msg, at);
        children(*m);
        break;
      }
      case K::Break:
      case K::Continue:
        if (in_except_star(true)) fail(kExceptStarJump, s);
        break;
      case K::Return: {
        auto* r = ast::cast<ast::Return>(s);
        if (in_except_star(false) && cur_->is_function_like()) {
          // CPython: codegen_return reports at the constant returned on the same line.
          const ast::Node* at = s;
          if (r->value && r->value->kind == ast::ExprKind::Constant && r->value->loc.lineno == s->loc.lineno)
            at = r->value;
          fail(kExceptStarJump, at);
        }
        children(*s);
        break;
      }
      case K::AugAssign: {
        auto* a = ast::cast<ast::AugAssign>(s);
        expr(a->value);
        if (auto* n = ast::dyn_cast<ast::Name>(a->target)) {
          // The target's implied read is no use for the global-declaration check (CPython
          // flags an augmented target DEF_LOCAL only).
          bool read_before = loads_[cur_].count(n->id) > 0;
          use(n->id);
          if (!read_before) loads_[cur_].erase(n->id);
        }
        expr(a->target);
        break;
      }
      case K::Try: try_statement(*ast::cast<ast::Try>(s), false); break;
      case K::TryStar: try_statement(*ast::cast<ast::TryStar>(s), true); break;
      case K::Import:
        for (auto* al : ast::cast<ast::Import>(s)->names) {
          std::string n = al->asname.empty() ? al->name.substr(0, al->name.find('.')) : al->asname;
          bind(n, s);
        }
        break;
      case K::ImportFrom:
        // CPython: symtable.c check_import_from.
        if (is_future_import(s) && (!last_future_ || s->loc.lineno > last_future_->loc.lineno ||
                                    (s->loc.lineno == last_future_->loc.end_lineno &&
                                     s->loc.col_offset > last_future_->loc.end_col_offset))) {
          fail("from __future__ imports must occur at the beginning of the file", s);
          return;
        }
        for (auto* al : ast::cast<ast::ImportFrom>(s)->names) {
          if (al->name == "*") {
            if (cur_->kind != Scope::Kind::module) fail("import * only allowed at module level", al);
            continue;
          }
          bind(al->asname.empty() ? al->name : al->asname, s);
        }
        break;
      case K::Global:
      case K::Nonlocal: {
        bool global = s->kind == K::Global;
        const auto& names = global ? ast::cast<ast::Global>(s)->names : ast::cast<ast::Nonlocal>(s)->names;
        for (auto& n : names) {
          if (!global && cur_->kind == Scope::Kind::module) {
            fail("nonlocal declaration not allowed at module level", s);
            return;
          }
          if (!declare(n, global, s)) return;
        }
        break;
      }
      case K::AnnAssign: {
        // CPython: symtable_visit_stmt AnnAssign_kind.
        auto* a = ast::cast<ast::AnnAssign>(s);
        if (auto* n = ast::dyn_cast<ast::Name>(a->target); n && a->simple) {
          bool global = cur_->globals.count(n->id) > 0;
          if ((global || cur_->nonlocals.count(n->id)) && cur_->kind != Scope::Kind::module) {
            fail("annotated name '" + n->id + "' can't be " + (global ? "global" : "nonlocal"), s);
            return;
          }
          annotated_[cur_].insert(n->id);
        }
        expr(a->target);
        if (a->value) expr(a->value);
        // PEP 649: a module's or class's simple annotations run later, in its __annotate__;
        // other annotations are never evaluated.
        bool deferred = a->simple && a->target->kind == ast::ExprKind::Name &&
                        (cur_->kind == Scope::Kind::module || cur_->kind == Scope::Kind::class_body);
        if (deferred) cur_->annotations_used = true;
        if (deferred && !table_.future_annotations_) deferred_annotation(a->annotation);
        if (deferred && conditional_depth_ && cur_->kind == Scope::Kind::class_body && !table_.future_annotations_) {
          cur_->has_conditional_annotations = true;
          deferred_annotation_use("__conditional_annotations__");
        }
        break;
      }
      default:
        children(*s);
        break;
    }
  }

  // `global n` / `nonlocal n` (CPython: symtable_visit_stmt Global_kind, Nonlocal_kind).
  bool declare(const std::string& n, bool global, const ast::Stmt* s) {
    const char* what = global ? "global" : "nonlocal";
    std::string problem;
    if (std::find(cur_->params.begin(), cur_->params.end(), n) != cur_->params.end())
      problem = "name '" + n + "' is parameter and " + what;
    // A store to an already declared name counts as an assignment, not a use (CPython's
    // DEF_LOCAL versus USE flags).
    else if (cur_->used.count(n) && (loads_[cur_].count(n) || !declared_stores_[cur_].count(n)))
      problem = "name '" + n + "' is used prior to " + what + " declaration";
    else if (annotated_[cur_].count(n))
      problem = "annotated name '" + n + "' can't be " + what;
    else if (cur_->bound.count(n) || declared_stores_[cur_].count(n))
      problem = "name '" + n + "' is assigned to before " + what + " declaration";
    if (!problem.empty()) {
      fail(problem, s);
      return false;
    }
    (global ? cur_->globals : cur_->nonlocals).insert(n);
    if (!global) nonlocal_nodes_[cur_][n] = s;
    first_directive_[cur_].emplace(n, s);
    return true;
  }

  // Every child of a node the analysis gives no special meaning (ast.hpp for_each_child).
  template <class N>
  void children(const N& n) {
    ast::for_each_child(n, [this](const auto* child) { visit_child(child); });
  }
  void visit_child(const ast::Expr* e) { expr(e); }
  void visit_child(const ast::Stmt* s) { stmt(s); }
  void visit_child(const ast::Pattern* p) { pattern(p); }
  void visit_child(const ast::TypeParam* t) { type_param(t); }

  // CPython: symtable_visit_pattern: captures bind in the current scope.
  void pattern(const ast::Pattern* p) {
    NestingGuard guard(*this);
    if (failed_ || too_deep(p)) return;
    if (auto* as = ast::dyn_cast<ast::MatchAs>(p); as && !as->name.empty()) bind(as->name, p);
    if (auto* st = ast::dyn_cast<ast::MatchStar>(p); st && !st->name.empty()) bind(st->name, p);
    if (auto* c = ast::dyn_cast<ast::MatchClass>(p))
      for (std::size_t i = 0; i < c->kwd_attrs.size(); ++i) check_name(c->kwd_attrs[i], c->kwd_patterns[i]);
    children(*p);
    if (auto* m = ast::dyn_cast<ast::MatchMapping>(p); m && !m->rest.empty()) bind(m->rest, p);
  }

  // `def` and `async def` (CPython: symtable_visit_stmt FunctionDef_kind): defaults and
  // decorators in the enclosing scope, then the type parameter scope, then the body.
  template <class F>
  void function_def(const F& f, bool is_async) {
    // A generic def's defaults are evaluated in its type parameter scope, where gopy builds
    // the function (CPython passes them in from the enclosing scope).
    if (f.type_params.empty()) args(f.args);
    for (auto* d : f.decorator_list) expr(d);
    bind(bound_name(f), &f);
    bool generic = enter_type_params(f.type_params, f.name);
    if (generic) args(f.args);
    if (has_annotations(f.args, f.returns) && !table_.future_annotations_) {
      push_annotation("__annotate__", &f.args, true)->info = "an annotation";
      for_each_annotation(f.args, [this](const ast::Arg* a) { expr(a->annotation); });
      if (f.returns) expr(f.returns);
      pop();
    }
    Scope* fs = push(Scope::Kind::function, f.name, &f);
    fs->is_coroutine = is_async;
    params(fs, f.args);
    with_blocks([&] { body(f.body); });
    pop();
    if (generic) pop();
  }

  // A generic's type parameters get their own scope (PEP 695; CPython:
  // symtable_enter_type_param_block). Returns whether it was entered.
  bool enter_type_params(const std::vector<ast::TypeParam*>& tps, const std::string& name) {
    if (tps.empty()) return false;
    push_annotation("<generic parameters of " + name + ">", &tps, false);
    cur_->bound.insert(".type_params");
    for (auto* tp : tps) type_param(tp);
    return true;
  }

  // CPython: symtable_visit_type_param_bound_or_default: a bound or default is evaluated
  // lazily in a scope of its own.
  void type_param(const ast::TypeParam* tp) {
    NestingGuard guard(*this);
    if (failed_ || too_deep(tp)) return;
    std::string name;
    const ast::Expr* bound = nullptr;
    const ast::Expr* def = nullptr;
    const char* kind = "TypeVar";
    if (auto* v = ast::dyn_cast<ast::TypeVar>(tp)) {
      name = v->name, bound = v->bound, def = v->default_value;
    } else if (auto* ps = ast::dyn_cast<ast::ParamSpec>(tp)) {
      name = ps->name, def = ps->default_value, kind = "ParamSpec";
    } else {
      auto* vt = ast::cast<ast::TypeVarTuple>(tp);
      name = vt->name, def = vt->default_value, kind = "TypeVarTuple";
    }
    if (!check_name(name, tp)) return;
    if (cur_->type_params.count(name)) {
      fail("duplicate type parameter '" + name + "'", tp);
      return;
    }
    cur_->type_params.insert(name);
    cur_->bound.insert(name);
    auto lazy = [&](const ast::Expr* e, std::string info) {
      if (!e) return;
      Scope* s = push_annotation(name, e, true);
      s->info = std::move(info);
      expr(e);
      pop();
    };
    lazy(bound, bound && bound->kind == ast::ExprKind::Tuple ? "a TypeVar constraint" : "a TypeVar bound");
    lazy(def, std::string("a ") + kind + " default");
  }

  // CPython: symtable_raise_if_annotation_block: what an annotation scope may not hold.
  bool refuse_in_annotation(const char* what, const ast::Node* at) {
    if (cur_->kind != Scope::Kind::annotation) return false;
    if (!cur_->info.empty() && cur_->info != "a type alias")
      fail(std::string(what) + " cannot be used within " + cur_->info, at);
    else if (cur_->info == "a type alias")
      fail(std::string(what) + " cannot be used within a type alias", at);
    else
      fail(std::string(what) + " cannot be used within the definition of a generic", at);
    return true;
  }

  // An await or `async for` in a generator expression (or a comprehension inlined in one)
  // makes it an asynchronous generator expression (CPython: symtable_handle_comprehension,
  // the Await case of symtable_visit_expr set ste_coroutine).
  static void mark_async_genexp(Scope* s) {
    while (s->kind == Scope::Kind::comprehension) s = s->parent;
    if (s->kind == Scope::Kind::genexpr) s->is_coroutine = true;
  }

  void require_coroutine(const char* msg, const ast::Node* at) {
    if (!cur_->is_coroutine) fail(msg, at);
  }

  // ---- break/continue/return inside except* (CPython: codegen_unwind_fblock_stack, which
  // refuses to leave an except* handler block). blocks_ holds, for the function being
  // analyzed, 'L' for each enclosing loop body and 'S' for each except* handler body.
  static constexpr const char* kExceptStarJump =
      "'break', 'continue' and 'return' cannot appear in an except* block";
  bool in_except_star(bool stop_at_loop) const {
    for (auto it = blocks_.rbegin(); it != blocks_.rend(); ++it) {
      if (*it == 'S') return true;
      if (*it == 'L' && stop_at_loop) return false;
    }
    return false;
  }
  // A def, lambda or class body starts with no enclosing blocks.
  template <class Fn>
  void with_blocks(Fn&& fn) {
    std::vector<char> saved;
    saved.swap(blocks_);
    int saved_depth = conditional_depth_;
    conditional_depth_ = 0;
    fn();
    conditional_depth_ = saved_depth;
    blocks_.swap(saved);
  }
  template <class Loop>
  void for_loop(const Loop& f) {
    expr(f.iter);
    expr(f.target);
    loop_body(f.body);
    body(f.orelse);
  }
  void loop_body(const ast::StmtList& list) {
    blocks_.push_back('L');
    body(list);
    blocks_.pop_back();
  }

  template <class T>
  void try_statement(const T& t, bool star) {
    body(t.body);
    for (auto* h : t.handlers) {
      if (h->type) expr(h->type);
      if (!h->name.empty()) bind(h->name, h);
      if (star) blocks_.push_back('S');
      body(h->body);
      if (star) blocks_.pop_back();
    }
    body(t.orelse);
    body(t.finalbody);
  }

  void comprehension(const ast::Expr* node, const std::vector<ast::Comprehension*>& gens,
                     const ast::Expr* elt, const ast::Expr* value, bool genexp) {
    // The first iterable is evaluated in the enclosing scope.
    expr(gens[0]->iter);
    const char* name = genexp                                  ? "<genexpr>"
                       : node->kind == ast::ExprKind::SetComp  ? "<setcomp>"
                       : node->kind == ast::ExprKind::DictComp ? "<dictcomp>"
                                                               : "<listcomp>";
    Scope* s = push(genexp ? Scope::Kind::genexpr : Scope::Kind::comprehension, name, node);
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
    // CPython: symtable_handle_comprehension: `async for` makes a list, set or dict
    // comprehension a coroutine, allowed only inside `async def` or another comprehension.
    bool is_async = std::any_of(gens.begin(), gens.end(), [](auto* g) { return g->is_async; });
    if (is_async) mark_async_genexp(genexp ? s : cur_);
    if (is_async && !genexp && !cur_->is_coroutine && cur_->kind != Scope::Kind::comprehension &&
        cur_->kind != Scope::Kind::genexpr)
      fail("asynchronous comprehension outside of an asynchronous function", node);
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
        if (refuse_in_annotation("named expression", e)) return;
        expr(n->value);
        const std::string& id = ast::cast<ast::Name>(n->target)->id;
        if (cur_->kind == Scope::Kind::comprehension || cur_->kind == Scope::Kind::genexpr) {
          if (cur_->kind == Scope::Kind::genexpr) {
            if (cur_->bound.count(id)) {
              fail("assignment expression cannot rebind comprehension iteration variable '" + id + "'", n->target);
              return;
            }
            // A walrus in a generator expression binds in the enclosing function too.
            Scope* s = cur_->parent;
            while (s->kind == Scope::Kind::comprehension) s = s->parent;
            s->bound.insert(id);
            cur_->used.insert(id);
          } else {
            bind_walrus(id, n->target);
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
        with_blocks([&] { expr(l->body); });
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
        for (auto* k : c->keywords)
          if (!k->arg.empty()) check_name(k->arg, k);
        children(*c);
        // Zero-argument super() needs the __class__ cell (CPython: symtable_visit_expr).
        if (auto* n = ast::dyn_cast<ast::Name>(c->func); n && n->id == "super" && c->args.empty()) {
          use("__class__");
          if (!cur_->params.empty()) use(cur_->params[0]);
        }
        break;
      }
      case K::Attribute: {
        auto* a = ast::cast<ast::Attribute>(e);
        check_name(a->attr, e, a->ctx);
        children(*a);
        break;
      }
      case K::Yield:
      case K::YieldFrom: {
        // CPython: symtable_visit_expr (Yield, YieldFrom).
        if (refuse_in_annotation("yield expression", e)) return;
        if (cur_->kind == Scope::Kind::module || cur_->kind == Scope::Kind::class_body) {
          fail("'yield' outside function", e);
          return;
        }
        if (cur_->kind == Scope::Kind::comprehension || cur_->kind == Scope::Kind::genexpr) {
          fail("'yield' inside " + comprehension_description(*cur_), e);
          return;
        }
        cur_->is_generator = true;
        if (e->kind == K::Yield) children(*ast::cast<ast::Yield>(e));
        else children(*ast::cast<ast::YieldFrom>(e));
        break;
      }
      case K::Await:
        // CPython: symtable_visit_expr (Await).
        if (refuse_in_annotation("await expression", e)) return;
        if (cur_->kind == Scope::Kind::module || cur_->kind == Scope::Kind::class_body) {
          fail("'await' outside function", e);
          return;
        }
        if (cur_->kind == Scope::Kind::function && !cur_->is_coroutine) {
          fail("'await' outside async function", e);
          return;
        }
        mark_async_genexp(cur_);
        children(*ast::cast<ast::Await>(e));
        break;
      case K::Name: {
        auto* n = ast::cast<ast::Name>(e);
        if (n->ctx == ast::ExprContext::Load) use(n->id);
        else bind(n->id, e, n->ctx);
        if (n->id == "__class__") use("__class__");
        break;
      }
      default:
        children(*e);
        break;
    }
  }

  // Whether the scope that `nonlocal n` in `s` refers to binds n as a type parameter.
  static bool binds_type_param(const Scope* s, const std::string& n) {
    for (const Scope* p = s->parent; p; p = p->parent) {
      if (p->kind == Scope::Kind::class_body) continue;
      if (p->bound.count(n) && !p->globals.count(n)) return p->kind == Scope::Kind::annotation && p->type_params.count(n);
    }
    return false;
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
      if (s->globals.count(n) && s->nonlocals.count(n)) {
        fail("name '" + n + "' is nonlocal and global", first_directive_[s][n]);
        return free;
      }
      if (s->globals.count(n)) {
        r = NameScope::global_explicit;
      } else if (s->nonlocals.count(n)) {
        if (!enclosing.count(n)) {
          fail("no binding for nonlocal '" + n + "' found", nonlocal_nodes_[s][n]);
          return free;
        }
        if (binds_type_param(s, n)) {
          fail("nonlocal binding not allowed for type parameter '" + n + "'", nonlocal_nodes_[s][n]);
          return free;
        }
        r = NameScope::free;
      } else if (s->bound.count(n)) {
        r = s->kind == Scope::Kind::module || s->kind == Scope::Kind::class_body ? NameScope::name : NameScope::local;
      } else if (s->kind == Scope::Kind::comprehension && s->parent->kind == Scope::Kind::class_body) {
        // A class's names are not visible from a comprehension in its body: an enclosing
        // function's variable (passed through the class) or a global.
        r = enclosing.count(n) ? NameScope::free : NameScope::global_implicit;
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
      if (s->needs_classdict) child_env.insert("__classdict__");
      if (s->has_conditional_annotations) child_env.insert("__conditional_annotations__");
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
        if (s->kind == Scope::Kind::class_body && (n == "__classdict__" || n == "__conditional_annotations__"))
          continue;
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
  std::vector<char> blocks_;
  const ast::ImportFrom* last_future_ = nullptr;
  int conditional_depth_ = 0;  // compound statements around the current one in its body  // the last of the leading future imports
  std::map<Scope*, std::set<std::string>> annotated_;
  std::map<Scope*, std::set<std::string>> loads_;            // names read in each scope
  std::map<Scope*, std::set<std::string>> declared_stores_;  // stores to global/nonlocal names
  std::map<Scope*, std::map<std::string, const ast::Node*>> first_directive_;
};

// CPython: Python/future.c future_parse: the future imports a module starts with, after its
// docstring.
std::vector<const ast::ImportFrom*> leading_future_imports(const ast::Module& module) {
  std::vector<const ast::ImportFrom*> out;
  for (size_t i = 0; i < module.body.size(); ++i) {
    const ast::Stmt* s = module.body[i];
    if (i == 0)
      if (auto* e = ast::dyn_cast<ast::ExprStmt>(s))
        if (auto* c = ast::dyn_cast<ast::Constant>(e->value); c && c->value_kind == ast::ConstantKind::Str) continue;
    if (!is_future_import(s)) break;
    out.push_back(ast::cast<ast::ImportFrom>(s));
  }
  return out;
}

bool has_future_annotations(const ast::Module& module) {
  for (const ast::ImportFrom* from : leading_future_imports(module))
    for (const ast::Alias* a : from->names)
      if (a->name == "annotations") return true;
  return false;
}

bool SymbolTable::build(const ast::Module& module, ScopeError* error) {
  ScopeCollector c(*this, error);
  return c.run(module);
}

}  // namespace gopy
