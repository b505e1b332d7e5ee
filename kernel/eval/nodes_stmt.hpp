// Statement and assignment-target nodes of the resolved tree.
#pragma once

#include <vector>

#include "eval/code.hpp"

namespace gopy {

// ---- targets ----
struct LocalTarget : TargetNode {
  int slot;
  StrObject* name;
  LocalTarget(int s, StrObject* n) : slot(s), name(n) {}
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};
struct CellTarget : TargetNode {
  int slot;
  StrObject* name;
  CellTarget(int s, StrObject* n) : slot(s), name(n) {}
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};
struct GlobalTarget : TargetNode {
  StrObject* name;
  explicit GlobalTarget(StrObject* n) : name(n) {}
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};
struct NameTarget : TargetNode {  // module/class namespace
  StrObject* name;
  explicit NameTarget(StrObject* n) : name(n) {}
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};
struct AttributeTarget : TargetNode {
  ExprPtr obj;
  StrObject* name;
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};
struct SubscriptTarget : TargetNode {
  ExprPtr obj, index;
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};
struct UnpackTarget : TargetNode {
  std::vector<TargetPtr> elts;
  int star_index = -1;
  int assign(Frame& f, Object* v) override;
  int del(Frame& f) override;
};

// ---- statements ----
struct ExprStmtNode : StmtNode {
  ExprPtr value;
  Exec exec(Frame& f) override;
};
// An echoed expression statement of an interactive entry (kernel/lifecycle/interactive_compile.cpp).
StmtPtr make_print_expr_node(ExprPtr value, int lineno);
struct AssignNode : StmtNode {
  ExprPtr value;
  std::vector<TargetPtr> targets;
  Exec exec(Frame& f) override;
};
// x op= v: the target is read, combined in place, stored back.
struct AugAssignNode : StmtNode {
  BinaryOp op;
  ExprPtr value;
  ExprPtr load;         // Name targets: reads the variable
  TargetPtr store;      // Name targets: writes it
  ExprPtr obj, index;   // Subscript targets
  StrObject* attr = nullptr;  // Attribute targets (obj set)
  Exec exec(Frame& f) override;
};
struct DeleteNode : StmtNode {
  std::vector<TargetPtr> targets;
  Exec exec(Frame& f) override;
};
struct PassNode : StmtNode {
  Exec exec(Frame&) override { return Exec::normal; }
};
struct BreakNode : StmtNode {
  Exec exec(Frame&) override { return Exec::break_; }
};
struct ContinueNode : StmtNode {
  Exec exec(Frame&) override { return Exec::continue_; }
};
struct ReturnNode : StmtNode {
  ExprPtr value;  // may be null
  Exec exec(Frame& f) override;
};
struct IfNode : StmtNode {
  ExprPtr test;
  std::vector<StmtPtr> body, orelse;
  Exec exec(Frame& f) override;
};
struct WhileNode : StmtNode {
  ExprPtr test;
  std::vector<StmtPtr> body, orelse;
  Exec exec(Frame& f) override;
};
struct ForNode : StmtNode {
  TargetPtr target;
  int fast_slot = -1;  // the target is a plain local
  ExprPtr iter;
  std::vector<StmtPtr> body, orelse;
  Exec exec(Frame& f) override;
};
struct RaiseNode : StmtNode {
  ExprPtr exc, cause;
  Exec exec(Frame& f) override;
};
struct Handler {
  ExprPtr type;       // null: bare except
  TargetPtr name;     // null when no `as`
  std::vector<StmtPtr> body;
  int lineno = 0;
};
struct TryNode : StmtNode {
  std::vector<StmtPtr> body, orelse, finalbody;
  std::vector<Handler> handlers;
  Exec exec(Frame& f) override;
  Exec run_finally(Frame& f, Exec outcome);
};
struct AssertNode : StmtNode {
  ExprPtr test, msg;
  Exec exec(Frame& f) override;
};
struct ImportNode : StmtNode {
  StrObject* module_name;  // dotted
  int level = 0;
  TargetPtr target;        // `import a.b` binds `a` (top); `import a.b as c` binds c to a.b
  bool bind_top = true;
  Exec exec(Frame& f) override;
};
struct ImportFromNode : StmtNode {
  StrObject* module_name;
  int level = 0;
  TupleObject* names;       // borrowed from consts
  std::vector<TargetPtr> targets;
  bool star = false;
  Exec exec(Frame& f) override;
};
struct ClassDefNode : StmtNode {
  StrObject* name;
  StrObject* qualname;
  std::vector<ExprPtr> bases;
  ExprPtr body_fn;  // a MakeFunctionNode for the class body
  TargetPtr target;
  Exec exec(Frame& f) override;
};
struct FunctionDefNode : StmtNode {
  ExprPtr make;
  TargetPtr target;
  Exec exec(Frame& f) override;
};

// Runs the import hook (import_stub plugin) for `import name`.
Object* import_module_level(Frame& f, StrObject* name, Object* fromlist, int level);

}  // namespace gopy
