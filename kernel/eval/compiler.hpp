// The compiler: AST + scope analysis -> bytecode (kernel-internal).
// CPython: Python/compile.c and Python/codegen.c (the same jobs: frame layout, name
// resolution per scope, qualified names, the exception table, compile-time errors).
#pragma once

#include <functional>
#include <map>
#include <set>
#include <memory>
#include <string>
#include <string_view>
#include <utility>

#include "eval/ast.hpp"
#include "eval/code.hpp"
#include "eval/symtable.hpp"

namespace gopy {

struct PatternContext;  // compile_match.cpp

struct NodeSlotMap {
  std::map<std::pair<const Scope*, std::string>, int> local;  // plain slots
  std::map<std::pair<const Scope*, std::string>, int> cell;   // cell and free slots
};

// A block the compiler is inside, for break/continue/return unwinding
// (CPython: compile.c fblockinfo).
struct FBlock {
  enum Kind { while_loop, for_loop, try_except, finally_try, handler_cleanup, pop_value, with_block } kind;
  explicit FBlock(Kind k, int item_count = 0) : kind(k), items(item_count) {}
  int handler = -1;        // the exception handler active inside this block, or -1
  int items = 0;           // values this block keeps on the value stack
  int continue_label = -1; // loops
  int break_label = -1;
  int exc_level = -1;      // handler_cleanup: its PUSH_EXC_INFO level
  const ast::StmtList* finalbody = nullptr;  // finally_try
  std::string name;        // handler_cleanup: the `as` name to unbind
  int name_line = 0;       // handler_cleanup: its line; with_block: the `with` statement's
  bool is_async = false;   // with_block: `async with`
};

// One frame being compiled (module, function, lambda, genexpr or class body).
struct CompileUnit {
  CompileUnit() = default;
  CompileUnit(const CompileUnit&) = delete;
  CompileUnit& operator=(const CompileUnit&) = delete;
  // Frees the code when compilation stops part-way (an error, or std::bad_alloc).
  ~CompileUnit() { xdecref(code); }
  // Hands the code over (to the parent's consts, or to compile_module's caller).
  CodeObject* release_code() {
    CodeObject* c = code;
    code = nullptr;
    return c;
  }

  const Scope* scope = nullptr;
  CodeObject* code = nullptr;  // owned by the unit until release_code()
  NodeSlotMap slots;
  std::string qualname;
  CompileUnit* parent = nullptr;
  std::vector<FBlock> fblocks;
  std::vector<int> label_pos;  // label -> instruction index (-1 until placed)
  std::vector<int> jumps;      // instructions whose `a` is a label to resolve
  int exc_level = 0;
  int line = 0;                // the line the next instruction gets
  SourceSpan span;             // the columns the next instruction gets (traceback carets)
  int span_line = 0;           // the line `span` is on: other lines get no columns
  std::map<const void*, int> const_index;  // interned constants (names) -> const index
  // Module/class: the annotated names its __annotate__ evaluates, in source order;
  // `conditional`: only when the statement ran.
  struct DeferredAnnotation {
    const ast::AnnAssign* stmt;
    bool conditional;
  };
  std::vector<DeferredAnnotation> deferred_annotations;
  // A class body's unit: its statement, and the attributes its methods assign on `self`
  // (its __static_attributes__).
  const ast::ClassDef* class_def = nullptr;
  std::set<std::string> static_attributes;
};

class Compiler {
 public:
  Compiler(SymbolTable& table, std::string_view source, std::string_view filename);
  void set_interactive() { interactive_ = true; }
  // The module's code (new reference), or null with SyntaxError set.
  CodeObject* compile_module(const ast::Module& m);
  // A module of one expression statement compiled to return that expression's value
  // (CPython: compile(..., "eval")).
  CodeObject* compile_expression(const ast::Module& m);

 private:
  friend struct CompilerAccess;
  CodeObject* compile_top_level(const ast::Module& m, bool expression);
  // ---- units, names and emission (compiler.cpp) ----
  CodeObject* new_code(CodeKind kind, const std::string& name, const std::string& qualname, int line);
  void layout(CompileUnit& u);
  void compile_unit(CompileUnit& u, const std::function<void()>& body);
  void layout_comprehensions(CompileUnit& u, const Scope* s);
  const Scope* owner_scope(const std::string& name) const;
  void load_name(const std::string& name);
  void store_name(const std::string& name);
  void delete_name(const std::string& name);
  void store_or_delete(const std::string& name, bool del);
  int cell_slot_for(const std::string& name) const;
  std::string child_qualname(const std::string& name) const;
  int name_const(std::string_view s);
  // The constant naming attribute `a`, mangled inside a class; an assignment to `self.x`
  // also records x in the nearest class's __static_attributes__ (CPython:
  // _PyCompile_MaybeAddStaticAttributeToClass).
  int attr_const(const ast::Attribute* a, bool store = false);
  int add_const(Object* o);  // steals
  bool fail(const std::string& msg, const ast::Node* at);
  // A compile-time SyntaxWarning at `at`; false (and failed) when a filter made it an error.
  bool warn(const std::string& msg, const ast::Node* at);
  void check_compare(const ast::Compare* c);
  bool failed() const { return failed_; }
  void make_function(const ast::Arguments& args, const std::string& name, const void* node,
                     const ast::StmtList* body, const ast::Expr* lambda_body, int lineno);
  Object* docstring(const ast::StmtList& body);
  void make_class_body(const ast::ClassDef& c, int first_line);  // first_line: its first decorator's
  void finish_code(CompileUnit& u);
  int emit(Op op, int a = 0, int b = 0);
  int new_label();
  void place(int label);
  int emit_jump(Op op, int label, int b = 0);
  int current_handler() const;
  int new_handler(int label, int depth);
  int stmt_depth() const;
  void set_line(int line) { unit_->line = line; }
  // The next instruction's span: `e` when it lies on the current line alone; `left` and
  // `right` give the anchors (binary operands, or the callee/value before a bracket).
  void set_span(const ast::Node* e, SourceSpan::Anchor anchor = SourceSpan::Anchor::none,
                const ast::Expr* left = nullptr, const ast::Expr* right = nullptr);
  // Puts the unit's span back when a statement or name has been compiled.
  struct SpanRestore {
    CompileUnit* unit;
    SourceSpan span;
    int line;
    explicit SpanRestore(CompileUnit* u) : unit(u), span(u->span), line(u->span_line) {}
    ~SpanRestore() {
      unit->span = span;
      unit->span_line = line;
    }
  };
  // Emits one instruction with `e`'s span (compile_span.cpp).
  int emit_spanned(const ast::Expr* e, Op op, int a = 0, int b = 0,
                   SourceSpan::Anchor anchor = SourceSpan::Anchor::none, const ast::Expr* left = nullptr,
                   const ast::Expr* right = nullptr);
  // Emits one instruction of attribute `a` (its load, store, delete, or the call of
  // `whole`, a method call on it) at `whole`'s position, moved to the attribute name's
  // line when the name sits on a later line than the position's start (compile_span.cpp).
  int emit_attr(const ast::Attribute* a, const ast::Expr* whole, Op op, int arg, int b = 0,
                SourceSpan::Anchor anchor = SourceSpan::Anchor::none, const ast::Expr* left = nullptr);
  // The call that is all of `x = f()` / `return f()`: CPython shows it without carets.
  const ast::Expr* whole_value_call_ = nullptr;
  // The line of the statement compiled last, and whether the current statement is the
  // first on its line (`def f(): return g()` is not: its line's first statement is the def).
  int prev_stmt_line_ = 0;
  bool stmt_first_on_line_ = true;
  void emit_stacksize(CodeObject* code);

  // ---- expressions (compile_expr.cpp) ----
  void expr(const ast::Expr* e);
  void constant(const ast::Constant* c);
  void call(const ast::Call* c);
  bool keywords_unique(const std::vector<ast::Keyword*>& keywords);
  bool check_caller(const ast::Expr* f);
  bool check_subscript(const ast::Expr* value, const ast::Expr* index);
  void call_ex(const ast::Call* c);
  void comprehension(const ast::Expr* e);
  void comprehension_clauses(const std::vector<ast::Comprehension*>& gens, size_t level, int kind,
                             const ast::Expr* elt, const ast::Expr* value, int depth, bool skip_first_iter);
  void genexp(const ast::GeneratorExp* g);
  void genexp_body(const ast::GeneratorExp* g);
  void compare(const ast::Compare* c);
  void test_jump(const ast::Expr* e, bool jump_if, int label);
  void display(const ast::ExprList& elts, ast::ExprKind kind);
  // An expression whose value is only iterated or searched (`for`, a comprehension's
  // iterable, the right of `in`): a constant set display becomes its frozenset.
  void iterated_expr(const ast::Expr* e);
  void yield_from(const ast::Expr* e);
  bool check_async_context(const ast::Expr* at);

  // ---- statements and targets (compile_stmt.cpp) ----
  void block(const ast::StmtList& list);
  void stmt(const ast::Stmt* s);
  void try_stmt(const ast::Try* t);
  void try_except(const ast::Try* t);
  void guarded_body(const ast::StmtList& body, const ast::StmtList& orelse, int end, int handler_line);
  template <class TryNode>
  void try_finally(const TryNode* t);  // try or try-star with a finally clause
  void try_star_except(const ast::TryStar* t);  // compile_try_star.cpp
  void import_stmt(const ast::Stmt* s);
  void aug_assign(const ast::AugAssign* a);
  void for_stmt(const ast::For* f);
  void while_stmt(const ast::While* w);
  void return_stmt(const ast::Return* r);
  void class_def(const ast::ClassDef* c);
  // ---- with / async with (compile_with.cpp) ----
  void with_stmt(const ast::Stmt* s, const std::vector<ast::WithItem*>& items, size_t item,
                 const ast::StmtList& body, bool is_async);
  void emit_exit_call(bool is_async);
  // ---- await / async for (compile_async.cpp) ----
  // `await` of the top value; `context` as GET_AWAITABLE's operand.
  void emit_await(int context = 0);
  void emit_send_loop();
  void async_for_stmt(const ast::AsyncFor* f);
  void end_async_for_step(int handler, int done);
  // A handler depth standing for "the stack's depth at the next instruction" (inside an
  // expression, where the compiler does not track it), resolved by emit_stacksize.
  int handler_depth_at_next_instruction() const { return -1 - int(unit_->code->instrs.size()); }
  template <class Def>
  void function_def(const Def& f);  // def and async def
  int push_decorators(const ast::ExprList& decorators, int def_line);
  void apply_decorators(const ast::ExprList& decorators);
  void store_target(const ast::Expr* e);
  void delete_target(const ast::Expr* e);
  // Emits the code that leaves fblocks above `downto` (their finally bodies included);
  // `preserve_top`: a return value stays on top of the stack.
  void unwind_to(size_t downto, bool preserve_top);
  void unwind_block(const FBlock& b, bool preserve_top);
  void unbind_handler_name(const std::string& name, int line);
  FBlock enter_handler(int cleanup_label, int depth);
  void leave_handler(int cleanup_label, int level);
  void emit_pop_except_and_reraise(int level);

  // ---- match statements (compile_match.cpp) ----
  void match_stmt(const ast::Match* m);
  void pattern(const ast::Pattern* p, PatternContext& pc);
  void pattern_subpattern(const ast::Pattern* p, PatternContext& pc);
  void pattern_sequence(const ast::MatchSequence& p, PatternContext& pc);
  void pattern_sequence_unpack(const std::vector<ast::Pattern*>& patterns, int star, PatternContext& pc);
  void pattern_sequence_subscr(const std::vector<ast::Pattern*>& patterns, int star, PatternContext& pc);
  void pattern_mapping(const ast::MatchMapping& p, PatternContext& pc);
  void pattern_class(const ast::MatchClass& p, PatternContext& pc);
  void pattern_or(const ast::MatchOr& p, PatternContext& pc);
  void pattern_store(PatternContext& pc, const std::string& name);
  void jump_to_fail_pop(PatternContext& pc, Op op);
  void emit_and_reset_fail_pop(PatternContext& pc);
  void rotate_down(int count);

  // ---- annotations and type parameters (compile_annotations.cpp, compile_type_params.cpp) ----
  void nested_function(const Scope* s, const std::string& name, int line, bool format, bool format_default,
                       const std::function<void()>& body);
  void function_annotations(const ast::Arguments& args, const ast::Expr* returns, int line);
  void ann_assign(const ast::AnnAssign* a);
  void annotations_prologue(const ast::StmtList* body);
  void annotations_epilogue();
  void emit_annotate();
  bool load_from_class_dict(const std::string& name);
  void lazy_type_param_part(const ast::Expr* e, const std::string& name);
  void type_params(const std::vector<ast::TypeParam*>& tps);
  void with_type_params(const std::vector<ast::TypeParam*>& tps, const std::string& name, int line,
                        const std::function<void()>& body);
  void class_body_prologue(const ast::ClassDef& c);
  void type_alias(const ast::TypeAlias* t);

  SymbolTable& table_;
  std::string_view source_;
  std::string filename_;
  bool interactive_ = false;  // compiling a REPL entry (compile_single_source)
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
// The text of a SyntaxError found after parsing: CPython (_PyErr_RaiseSyntaxError) reads it
// from the file named, so a "<string>" source gives none.
std::string compile_error_text(const std::string& filename, std::string_view source, int lineno);
// A compile-time SyntaxWarning at `at`: false with a SyntaxError at the construct set when a
// filter made it an error (or with the warnings machinery's error). CPython: Python/errors.c
// _PyErr_EmitSyntaxWarning.
bool emit_syntax_warning(const std::string& msg, const std::string& filename, std::string_view source,
                         const ast::Node* at);
// PEP 765: "'return' in a 'finally' block" (and break, continue leaving one) as SyntaxWarnings,
// before the symbol table is built; false as emit_syntax_warning.
// CPython: Python/ast_preprocess.c before_return, before_loop_exit.
bool warn_control_flow_in_finally(const ast::Module& m, const std::string& filename, std::string_view source);
// Parses and compiles a module, or with `expression` a single expression whose value the
// code returns (compile()'s "eval" mode): a code object, or null with SyntaxError set.
Object* compile_source_text(std::string_view source, std::string_view filename, bool expression);
// Compiles one statement in "single" mode (the REPL's entries, compile(..., 'single')):
// expression statements print their value through sys.displayhook. A code object (new
// reference), or null with SyntaxError set.
Object* compile_single_source(std::string_view source, std::string_view filename);

// A literal's value (new reference; null with an error set).
Object* constant_object(const ast::Constant* c);

// The operator of an AST binary operation.
BinaryOp ast_bin_op(ast::BinOpKind k);

}  // namespace gopy
