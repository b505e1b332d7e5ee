// The evaluator's core data: compiled code, frames and the node interfaces.
//
// Strategy: gopy compiles the AST into a *resolved tree* of C++ nodes ("closure
// compilation"): every name is resolved at compile time to a frame slot, a cell, a global
// or a namespace lookup; constants are pre-built objects; keyword names are pre-built
// tuples. Each node evaluates itself with one virtual call. We chose this over bytecode
// because it reuses the AST shape directly (less code to get right in a short time), the
// per-node dispatch costs about what a bytecode switch costs, and C++ recursion mirrors
// Python's structure so tracebacks and exception unwinding map onto plain returns. The
// price is C++ stack depth per Python call, which the recursion guard bounds.
#pragma once

#include <memory>
#include <new>
#include <string>
#include <vector>

#include "eval/out_of_memory.hpp"
#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"

namespace gopy {

struct Frame;
struct CodeObject;
struct GenPlan;  // a generator expression's clauses (nodes_expr.hpp)

// How a statement finished.
enum class Exec { normal, return_, break_, continue_, error };

struct ExprNode {
  int lineno = 0;
  virtual ~ExprNode() = default;
  // A new reference, or nullptr with the exception set.
  virtual Object* eval(Frame& f) = 0;
};

struct StmtNode {
  int lineno = 0;
  virtual ~StmtNode() = default;
  virtual Exec exec(Frame& f) = 0;
};

// An assignment target (Name, Attribute, Subscript, Tuple/List unpacking).
struct TargetNode {
  int lineno = 0;
  virtual ~TargetNode() = default;
  virtual int assign(Frame& f, Object* value) = 0;  // value borrowed; -1 on error
  virtual int del(Frame& f) = 0;
};

using ExprPtr = std::unique_ptr<ExprNode>;
using StmtPtr = std::unique_ptr<StmtNode>;
using TargetPtr = std::unique_ptr<TargetNode>;

enum class CodeKind { module, function, class_body, genexpr };

// Compiled code: the tree plus the frame layout.
struct CodeObject : Object {
  CodeKind kind = CodeKind::function;
  StrObject* name = nullptr;      // co_name
  StrObject* qualname = nullptr;  // co_qualname
  StrObject* filename = nullptr;
  int firstlineno = 0;
  int argcount = 0;        // positional parameters (posonly included)
  int posonlycount = 0;
  int kwonlycount = 0;
  bool has_varargs = false;
  bool has_varkw = false;
  // Slot names: parameters first (positional, keyword-only, *args, **kwargs), then locals.
  std::vector<StrObject*> varnames;
  int nlocals = 0;  // plain slots
  // Cells owned by this frame come after the locals; `cell_from_arg[i]` is the parameter
  // slot whose value seeds cell i, or -1.
  std::vector<int> cell_from_arg;
  std::vector<StrObject*> cellnames;
  std::vector<StrObject*> freenames;  // free variables come after the cells (from the closure)
  int class_cell = -1;     // class bodies: the cell slot of __class__, or -1
  bool uses_locals_dict = false;  // module and class bodies resolve names through a dict
  std::vector<StmtPtr> body;
  ExprPtr expr_body;       // lambdas: the expression
  std::unique_ptr<GenPlan> gen;  // generator expressions: clauses and element

  // Everything the tree needs alive (constants, names, nested code, kwnames tuples).
  std::vector<Object*> consts;

  CodeObject();
  ~CodeObject() override;
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override;
  int nslots() const { return nlocals + int(cellnames.size()) + int(freenames.size()); }
  int first_cell() const { return nlocals; }
  int first_free() const { return nlocals + int(cellnames.size()); }
  // Keeps an object alive as long as the code (returns it borrowed).
  template <class T>
  T* keep(T* o) {
    consts.push_back(o);
    return o;
  }
};

struct Frame {
  CodeObject* code;
  Object** slots;        // nslots() entries: locals, then cells, then free cells
  DictObject* globals;   // borrowed (the function keeps it alive)
  DictObject* builtins;  // borrowed
  DictObject* locals;    // module/class namespace, else null
  Object* retval = nullptr;
  int lineno = 0;
  Frame* back = nullptr;
};

// Adds a traceback entry for this frame when the current exception has none yet for it
// (CPython adds one per frame at its error label, PyTraceBack_Here).
void traceback_here(Frame& f);

// Makes a frame the thread's innermost executing frame for its lifetime: the frame chain
// and the call depth are restored however the execution ends, a std::bad_alloc unwinding
// through it included.
class ActiveFrame {
 public:
  ActiveFrame(ThreadState* ts, Frame& f) : ts_(ts), f_(f) {
    f.back = ts->frame;
    ts->frame = &f;
    ++ts->depth;
  }
  ~ActiveFrame() {
    --ts_->depth;
    ts_->frame = f_.back;
  }
  ActiveFrame(const ActiveFrame&) = delete;
  ActiveFrame& operator=(const ActiveFrame&) = delete;

 private:
  ThreadState* ts_;
  Frame& f_;
};

// Executes a statement list, tracking the current line. A std::bad_alloc that escapes an
// allocation path becomes a MemoryError raised by the statement it interrupted. Between
// statements a collection that allocations scheduled may run.
inline Exec exec_block(const std::vector<StmtPtr>& body, Frame& f) {
  Interpreter* interp = get_thread_state()->interp;
  for (const auto& s : body) {
    f.lineno = s->lineno;
    gc_safe_point(interp);
    Exec r;
    try {
      r = s->exec(f);
    } catch (const std::bad_alloc&) {
      raise_memory_error_for_bad_alloc();
      r = Exec::error;
    }
    if (r != Exec::normal) return r;
  }
  return Exec::normal;
}

// Calls a Python function object (the function type's call slot).
Object* function_call(Object* callable, Object* const* args, size_t nargs, TupleObject* kwnames);
// Runs a class body with `ns` as its namespace; returns the __class__ cell (new reference)
// when the body created one, else None.
Object* run_class_body(FunctionObject* body_fn, DictObject* ns);
// Runs module-level code with `globals` as the namespace.
Object* run_module_code(CodeObject* code, DictObject* globals);

}  // namespace gopy
