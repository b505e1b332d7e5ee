// The compiler: AST + scope analysis -> resolved tree (kernel-internal).
// CPython: Python/compile.c (the same jobs: frame layout, name resolution per scope,
// qualified names, compile-time errors).
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "eval/ast.hpp"
#include "eval/code.hpp"
#include "eval/symtable.hpp"

namespace gopy {

struct NodeSlotMap {
  std::map<std::pair<const Scope*, std::string>, int> local;  // plain slots
  std::map<std::pair<const Scope*, std::string>, int> cell;   // cell and free slots
};

// One frame being compiled (module, function, lambda, genexpr or class body).
struct CompileUnit {
  const Scope* scope;
  CodeObject* code;  // owned by the unit until handed to its parent's consts
  NodeSlotMap slots;
  std::string qualname;
  int loop_depth = 0;
  CompileUnit* parent = nullptr;
};

class Compiler {
 public:
  Compiler(SymbolTable& table, std::string_view source, std::string_view filename);
  // The module's code (new reference), or null with SyntaxError set.
  CodeObject* compile_module(const ast::Module& m);

 private:
  friend struct CompilerAccess;
  // ---- units and names (compiler.cpp) ----
  CodeObject* new_code(CodeKind kind, const std::string& name, const std::string& qualname, int line);
  void layout(CompileUnit& u);
  void layout_comprehensions(CompileUnit& u, const Scope* s);
  const Scope* owner_scope(const std::string& name) const;
  ExprPtr load_name(const std::string& name, int lineno);
  TargetPtr store_name(const std::string& name, int lineno);
  int cell_slot_for(const std::string& name) const;
  std::string child_qualname(const std::string& name) const;
  StrObject* name_obj(std::string_view s);
  Object* keep(Object* o);
  bool fail(const std::string& msg, const ast::Node* at);
  bool failed() const { return failed_; }
  ExprPtr make_function(const ast::Arguments& args, const std::string& name, const void* node,
                        const ast::StmtList* body, const ast::Expr* lambda_body, int lineno);
  ExprPtr make_class_body(const ast::ClassDef& c);

  // ---- expressions (compile_expr.cpp) ----
  ExprPtr expr(const ast::Expr* e);
  ExprPtr constant(const ast::Constant* c);
  ExprPtr call(const ast::Call* c);
  ExprPtr comprehension(const ast::Expr* e);
  ExprPtr genexp(const ast::GeneratorExp* g);
  std::vector<ExprPtr> exprs(const ast::ExprList& list);

  // ---- statements and targets (compile_stmt.cpp) ----
  std::vector<StmtPtr> block(const ast::StmtList& list);
  StmtPtr stmt(const ast::Stmt* s);
  StmtPtr try_stmt(const ast::Try* t);
  StmtPtr import_stmt(const ast::Stmt* s);
  StmtPtr aug_assign(const ast::AugAssign* a);
  TargetPtr target(const ast::Expr* e);

  SymbolTable& table_;
  std::string_view source_;
  std::string filename_;
  StrObject* filename_obj_ = nullptr;
  CompileUnit* unit_ = nullptr;
  const Scope* scope_ = nullptr;  // the current scope (may be a comprehension inside unit_)
  bool failed_ = false;
};

// Raises SyntaxError(msg, (filename, lineno, offset, text, end_lineno, end_offset)), or the
// IndentationError/TabError/MemoryError that `type` names.
void raise_syntax_error(const std::string& type, const std::string& msg, const std::string& filename, int lineno,
                        int offset, const std::string& text, int end_lineno, int end_offset);
// The text of line `lineno` (1-based) of source, with its newline.
std::string source_line_text(std::string_view source, int lineno);

// A new evaluator node of type T for the AST node `at`, carrying its line number.
template <class T>
std::unique_ptr<T> node(const ast::Node* at) {
  auto n = std::make_unique<T>();
  n->lineno = at->loc.lineno;
  return n;
}

// The operator of an AST binary operation (compile_expr.cpp; augmented assignment in
// compile_stmt.cpp uses it too).
BinaryOp ast_bin_op(ast::BinOpKind k);

}  // namespace gopy
