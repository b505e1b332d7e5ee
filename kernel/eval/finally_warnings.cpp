// PEP 765 (3.14): a `return`, `break` or `continue` that would leave a `finally` block is a
// SyntaxWarning. CPython checks while preprocessing the AST, before the symbol table:
// Python/ast_preprocess.c push_cf_context, before_return, before_loop_exit.
#include "eval/compiler.hpp"

#include <vector>

namespace gopy {

namespace {

class FinallyWalker {
 public:
  FinallyWalker(const std::string& filename, std::string_view source) : filename_(filename), source_(source) {}

  bool ok() const { return ok_; }

  void body(const ast::StmtList& stmts) {
    for (const ast::Stmt* s : stmts) (*this)(s);
  }

  // Statements nest only in statements, so the walk visits statement children alone.
  void operator()(const ast::Stmt* s) {
    if (!ok_) return;
    using K = ast::StmtKind;
    switch (s->kind) {
      case K::FunctionDef:
        return nested(static_cast<const ast::FunctionDef*>(s)->body, {false, true, false});
      case K::AsyncFunctionDef:
        return nested(static_cast<const ast::AsyncFunctionDef*>(s)->body, {false, true, false});
      case K::For: {
        auto* f = static_cast<const ast::For*>(s);
        nested(f->body, {false, false, true});
        return body(f->orelse);
      }
      case K::AsyncFor: {
        auto* f = static_cast<const ast::AsyncFor*>(s);
        nested(f->body, {false, false, true});
        return body(f->orelse);
      }
      case K::While: {
        auto* w = static_cast<const ast::While*>(s);
        nested(w->body, {false, false, true});
        return body(w->orelse);
      }
      case K::Try: return try_stmt(*static_cast<const ast::Try*>(s));
      case K::TryStar: return try_stmt(*static_cast<const ast::TryStar*>(s));
      case K::Return:
        if (!contexts_.empty() && contexts_.back().in_finally && !contexts_.back().in_funcdef) warn("return", s);
        return;
      case K::Break:
      case K::Continue:
        if (!contexts_.empty() && contexts_.back().in_finally && !contexts_.back().in_loop)
          warn(s->kind == K::Break ? "break" : "continue", s);
        return;
      default:
        ast::for_each_child(*s, *this);
    }
  }
  template <class N>
  void operator()(const N*) {}  // expressions, patterns, type parameters hold no statements

 private:
  struct Context {
    bool in_finally, in_funcdef, in_loop;
  };

  void nested(const ast::StmtList& stmts, Context c) {
    contexts_.push_back(c);
    body(stmts);
    contexts_.pop_back();
  }

  template <class T>
  void try_stmt(const T& t) {
    body(t.body);
    for (const ast::ExceptHandler* h : t.handlers) body(h->body);
    body(t.orelse);
    nested(t.finalbody, {true, false, false});
  }

  void warn(const char* keyword, const ast::Stmt* at) {
    if (!emit_syntax_warning(std::string("'") + keyword + "' in a 'finally' block", filename_, source_, at))
      ok_ = false;
  }

  const std::string& filename_;
  std::string_view source_;
  std::vector<Context> contexts_;
  bool ok_ = true;
};

}  // namespace

bool warn_control_flow_in_finally(const ast::Module& m, const std::string& filename, std::string_view source) {
  FinallyWalker walker(filename, source);
  walker.body(m.body);
  return walker.ok();
}

}  // namespace gopy
