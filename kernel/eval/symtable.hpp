// Scope analysis: which names are locals, cells, free variables, globals or namespace
// lookups (CPython: Python/symtable.c). Comprehensions are inlined into their enclosing
// frame (PEP 709) with their own hidden variables; generator expressions get a frame.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <set>
#include <string>
#include <unordered_map>
#include <vector>

#include "eval/ast.hpp"

namespace gopy {

enum class NameScope { local, cell, free, global_explicit, global_implicit, name };

struct Scope {
  // annotation: a PEP 695 scope (type parameters of a generic, a type alias's value, a
  // TypeVar's bound or default); `info` names it for error messages.
  enum class Kind { module, function, class_body, comprehension, genexpr, annotation };
  Kind kind = Kind::module;
  std::string name;
  Scope* parent = nullptr;
  std::vector<std::string> params;  // in slot order
  std::set<std::string> bound, used, globals, nonlocals;
  std::vector<std::unique_ptr<Scope>> children;
  std::map<std::string, NameScope> resolved;
  std::vector<std::string> free_order;  // free variables in first-seen order
  bool needs_class_cell = false;        // class body: a method uses super/__class__
  bool is_generator = false;            // a function containing yield
  bool is_coroutine = false;            // an `async def` body
  std::set<std::string> type_params;    // annotation scope: the type parameters it binds
  std::string info;                     // annotation scope: "a TypeVar bound", ...
  // PEP 649: a module's or class's annotated names are evaluated by this annotation scope
  // (its __annotate__), made on the first annotation.
  Scope* annotation_block = nullptr;
  // An annotation scope directly in a class (or in one that is) reads the class's names
  // through the class body's __classdict__ cell; the class then needs that cell.
  bool annotations_used = false;  // module/class: annotates a simple name
  // class: annotates a simple name inside an if/for/while/try/with/match, so its
  // __annotate__ keeps only those that ran (a set in the __conditional_annotations__ cell).
  bool has_conditional_annotations = false;
  bool can_see_class_scope = false;
  bool needs_classdict = false;
  bool is_function_like() const {
    return kind == Kind::function || kind == Kind::genexpr || kind == Kind::annotation;
  }
  // How `name` resolves here (defaults to global_implicit / name when unknown).
  NameScope lookup(const std::string& name) const;
};

// The first error the analysis found, with CPython's message.
struct ScopeError {
  bool recursion = false;  // nesting too deep: RecursionError, not SyntaxError
  std::string msg;
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// How deep expressions and statements may nest before compilation stops with
// "RecursionError: maximum recursion depth exceeded during compilation" (CPython bounds the
// same recursion through its C stack limit).
inline constexpr int kMaxCompileNesting = 5000;

// The `from __future__ import ...` statements a module starts with (after its docstring),
// and whether they include `annotations`.
std::vector<const ast::ImportFrom*> leading_future_imports(const ast::Module& module);
bool has_future_annotations(const ast::Module& module);

class SymbolTable {
 public:
  // Analyzes a module; on error returns nullopt and fills `error`.
  bool build(const ast::Module& module, ScopeError* error);
  Scope* root() const { return root_.get(); }
  // `from __future__ import annotations`: annotations are strings, never evaluated.
  bool future_annotations() const { return future_annotations_; }
  Scope* scope_for(const void* node) const {
    auto it = by_node_.find(node);
    return it == by_node_.end() ? nullptr : it->second;
  }

 private:
  friend class ScopeCollector;
  std::unique_ptr<Scope> root_;
  bool future_annotations_ = false;
  std::unordered_map<const void*, Scope*> by_node_;
};

}  // namespace gopy
