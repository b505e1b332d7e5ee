// Expression nodes of the resolved tree (see code.hpp for the strategy).
#pragma once

#include <vector>

#include "eval/code.hpp"

namespace gopy {

struct ConstNode : ExprNode {
  Object* value;  // borrowed from the code's consts
  explicit ConstNode(Object* v) : value(v) {}
  Object* eval(Frame&) override { return new_ref(value); }
};

// ---- names ----
struct LocalLoad : ExprNode {
  int slot;
  StrObject* name;
  LocalLoad(int s, StrObject* n) : slot(s), name(n) {}
  Object* eval(Frame& f) override;
};
struct CellLoad : ExprNode {
  int slot;
  StrObject* name;
  bool is_free;
  CellLoad(int s, StrObject* n, bool free) : slot(s), name(n), is_free(free) {}
  Object* eval(Frame& f) override;
};
struct GlobalLoad : ExprNode {
  StrObject* name;
  explicit GlobalLoad(StrObject* n) : name(n) {}
  Object* eval(Frame& f) override;
};
// Module and class bodies: the namespace dict, then globals, then builtins (LOAD_NAME);
// a class body reading a free variable falls back to its cell (LOAD_CLASSDEREF).
struct NameLoad : ExprNode {
  StrObject* name;
  int cell_slot = -1;
  explicit NameLoad(StrObject* n, int cell = -1) : name(n), cell_slot(cell) {}
  Object* eval(Frame& f) override;
};

// ---- operators ----
struct BinaryNode : ExprNode {
  ExprPtr left, right;
  BinaryOp op;
  Object* eval(Frame& f) override;
};
struct AddNode : BinaryNode {  // int/str fast paths
  Object* eval(Frame& f) override;
};
struct SubNode : BinaryNode {
  Object* eval(Frame& f) override;
};
struct UnaryNode : ExprNode {
  ExprPtr operand;
  UnaryOp op;
  Object* eval(Frame& f) override;
};
struct NotNode : ExprNode {
  ExprPtr operand;
  Object* eval(Frame& f) override;
};
struct BoolOpNode : ExprNode {
  std::vector<ExprPtr> values;
  bool is_and;
  Object* eval(Frame& f) override;
};
enum class CmpKind { lt, le, eq, ne, gt, ge, is, is_not, in, not_in };
struct CompareNode : ExprNode {
  ExprPtr left;
  std::vector<CmpKind> ops;
  std::vector<ExprPtr> comparators;
  Object* eval(Frame& f) override;
};
// Evaluates one comparison (new reference); shared with the fast paths.
Object* compare_values(Object* a, Object* b, CmpKind op);
struct IfExpNode : ExprNode {
  ExprPtr test, body, orelse;
  Object* eval(Frame& f) override;
};

// ---- containers ----
struct SeqBuildNode : ExprNode {
  enum Kind { list, tuple, set } kind;
  std::vector<ExprPtr> elts;
  std::vector<bool> starred;
  Object* eval(Frame& f) override;
};
struct DictBuildNode : ExprNode {
  std::vector<ExprPtr> keys;  // null key: **value
  std::vector<ExprPtr> values;
  Object* eval(Frame& f) override;
};
struct SliceNode : ExprNode {
  ExprPtr lower, upper, step;
  Object* eval(Frame& f) override;
};
struct SubscriptNode : ExprNode {
  ExprPtr value, index;
  Object* eval(Frame& f) override;
};
struct AttributeNode : ExprNode {
  ExprPtr value;
  StrObject* name;
  Object* eval(Frame& f) override;
};
struct JoinedStrNode : ExprNode {
  std::vector<ExprPtr> parts;
  Object* eval(Frame& f) override;
};
struct FormattedValueNode : ExprNode {
  ExprPtr value;
  int conversion = -1;
  ExprPtr spec;  // may be null
  Object* eval(Frame& f) override;
};
struct NamedExprNode : ExprNode {
  ExprPtr value;
  TargetPtr target;
  Object* eval(Frame& f) override;
};

// ---- calls ----
struct CallNode : ExprNode {
  ExprPtr func;
  std::vector<ExprPtr> args;
  std::vector<bool> starred;       // *arg
  std::vector<ExprPtr> kwvalues;   // named keywords, in order
  TupleObject* kwnames = nullptr;  // borrowed from consts (null when none)
  std::vector<ExprPtr> kwstar;     // **kwargs
  bool simple = true;              // no *args/**kwargs
  // Zero-argument super(): the __class__ cell slot and the first argument's slot.
  int super_class_slot = -1;
  int super_self_slot = -1;
  bool super_self_is_cell = false;
  Object* eval(Frame& f) override;
};
// obj.name(args): looks the method up without creating a bound method.
struct MethodCallNode : ExprNode {
  ExprPtr obj;
  StrObject* name;
  std::vector<ExprPtr> args;
  TupleObject* kwnames = nullptr;  // borrowed; keyword values are the last args
  Object* eval(Frame& f) override;
};

// A function or lambda definition: builds the function object.
struct MakeFunctionNode : ExprNode {
  CodeObject* code;  // borrowed from consts
  std::vector<ExprPtr> defaults;
  std::vector<StrObject*> kwdefault_names;
  std::vector<ExprPtr> kwdefaults;
  std::vector<int> closure_slots;  // cell slots of this frame, in the code's freenames order
  Object* eval(Frame& f) override;
};

// List/set/dict comprehensions, inlined into the current frame.
struct ComprehensionClause {
  TargetPtr target;
  ExprPtr iter;
  std::vector<ExprPtr> ifs;
};
struct ComprehensionNode : ExprNode {
  enum Kind { list, set, dict } kind;
  std::vector<ComprehensionClause> clauses;
  ExprPtr elt, value;  // value only for dict
  std::vector<int> hidden_slots;  // the comprehension's own variables (cleared after)
  std::vector<int> fresh_cells;   // cells created fresh for captured variables
  Object* eval(Frame& f) override;
  int run(Frame& f, size_t level, Object* result);
};
struct GenPlan {
  std::vector<ComprehensionClause> clauses;  // clauses[0].iter is unused: the iterator is ".0"
  ExprPtr elt;
};
// A generator expression: a lazily evaluated iterator with its own frame.
struct GenExprNode : ExprNode {
  ExprPtr first_iter;
  ExprPtr maker;  // a MakeFunctionNode for the generator's code
  Object* eval(Frame& f) override;
};

}  // namespace gopy
