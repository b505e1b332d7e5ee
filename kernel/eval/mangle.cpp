// Private name mangling over the tree (mangle.hpp).
#include "eval/mangle.hpp"

#include "eval/symtable.hpp"
#include "gopy/state.hpp"

namespace gopy {

std::string mangle_private_name(const std::string& class_name, const std::string& name) {
  if (class_name.empty() || name.size() < 2 || name[0] != '_' || name[1] != '_') return name;
  if (name.ends_with("__")) return name;  // __dunder__, and __ itself
  if (name.find('.') != std::string::npos) return name;       // a dotted module name
  const std::size_t start = class_name.find_first_not_of('_');
  if (start == std::string::npos) return name;  // a class named only with underscores
  return "_" + class_name.substr(start) + name;
}

namespace {

// Walks the tree with the innermost enclosing class's name. The nodes belong to the
// parse's arena; the generic traversal hands them out const.
struct Mangler {
  std::string class_name;
  int* depth;       // shared by the class bodies' walkers
  bool* too_deep;   // set when the tree nests deeper than compilation allows

  // Counts one level down; false (and too_deep) past the compiler's nesting limit.
  struct Level {
    int* depth;
    bool ok;
    explicit Level(const Mangler& m) : depth(m.depth) {
      ok = !*m.too_deep && ++*depth <= kMaxCompileNesting && !cpp_stack_exhausted(get_thread_state());
      if (!ok) *m.too_deep = true;
    }
    ~Level() { --*depth; }
  };

  void mangle(std::string& name) const { name = mangle_private_name(class_name, name); }

  void arguments(const ast::Arguments& args) const {
    auto fix = [this](const ast::Arg* a) {
      if (a) mangle(const_cast<ast::Arg*>(a)->arg);
    };
    for (const ast::Arg* a : args.posonlyargs) fix(a);
    for (const ast::Arg* a : args.args) fix(a);
    for (const ast::Arg* a : args.kwonlyargs) fix(a);
    fix(args.vararg);
    fix(args.kwarg);
  }

  void aliases(const std::vector<ast::Alias*>& names) const {
    for (ast::Alias* a : names) {
      if (!a->asname.empty()) {
        mangle(a->asname);
      } else if (a->name != "*" && a->name.find('.') == std::string::npos) {
        // `import __spam` binds the module as `_Class__spam`.
        std::string bound = mangle_private_name(class_name, a->name);
        if (bound != a->name) a->asname = bound;
      }
    }
  }

  template <class Def>
  void function(const Def& f) {
    auto& def = const_cast<Def&>(f);
    std::string bound = mangle_private_name(class_name, def.name);
    if (bound != def.name) def.bound_name = bound;
    arguments(def.args);
    ast::for_each_child(def, *this);
  }

  void operator()(const ast::Stmt* s) {
    Level level(*this);
    if (!level.ok) return;
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef: function(*ast::cast<ast::FunctionDef>(s)); return;
      case K::AsyncFunctionDef: function(*ast::cast<ast::AsyncFunctionDef>(s)); return;
      case K::ClassDef: {
        auto* c = const_cast<ast::ClassDef*>(ast::cast<ast::ClassDef>(s));
        std::string bound = mangle_private_name(class_name, c->name);
        if (bound != c->name) c->bound_name = bound;
        // Decorators, bases and keywords belong to the enclosing scope; the body to the class.
        for (const ast::Expr* d : c->decorator_list) (*this)(d);
        for (const ast::Expr* b : c->bases) (*this)(b);
        for (const ast::Keyword* k : c->keywords) (*this)(k->value);
        for (const ast::TypeParam* t : c->type_params) (*this)(t);
        Mangler inner{c->name, depth, too_deep};
        for (const ast::Stmt* b : c->body) inner(b);
        return;
      }
      case K::Global:
        for (std::string& n : const_cast<ast::Global*>(ast::cast<ast::Global>(s))->names) mangle(n);
        return;
      case K::Nonlocal:
        for (std::string& n : const_cast<ast::Nonlocal*>(ast::cast<ast::Nonlocal>(s))->names) mangle(n);
        return;
      case K::Import: aliases(ast::cast<ast::Import>(s)->names); return;
      case K::ImportFrom: aliases(ast::cast<ast::ImportFrom>(s)->names); return;
      case K::Try:
        for (ast::ExceptHandler* h : ast::cast<ast::Try>(s)->handlers) mangle(h->name);
        break;
      case K::TryStar:
        for (ast::ExceptHandler* h : ast::cast<ast::TryStar>(s)->handlers) mangle(h->name);
        break;
      default: break;
    }
    ast::for_each_child(*s, *this);
  }

  void operator()(const ast::Expr* e) {
    Level level(*this);
    if (!level.ok) return;
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::Name: mangle(const_cast<ast::Name*>(ast::cast<ast::Name>(e))->id); return;
      case K::Lambda: arguments(ast::cast<ast::Lambda>(e)->args); break;
      default: break;
    }
    ast::for_each_child(*e, *this);
  }

  void operator()(const ast::Pattern* p) {
    Level level(*this);
    if (!level.ok) return;
    if (auto* as = ast::dyn_cast<ast::MatchAs>(p)) mangle(const_cast<ast::MatchAs*>(as)->name);
    if (auto* star = ast::dyn_cast<ast::MatchStar>(p)) mangle(const_cast<ast::MatchStar*>(star)->name);
    if (auto* map = ast::dyn_cast<ast::MatchMapping>(p)) mangle(const_cast<ast::MatchMapping*>(map)->rest);
    ast::for_each_child(*p, *this);
  }

  void operator()(const ast::TypeParam* t) { ast::for_each_child(*t, *this); }
};

}  // namespace

bool mangle_private_names(ast::Module& module) {
  int depth = 0;
  bool too_deep = false;
  Mangler outside{"", &depth, &too_deep};
  for (const ast::Stmt* s : module.body) outside(s);
  return !too_deep;
}

}  // namespace gopy
