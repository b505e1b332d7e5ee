// The abstract syntax tree of gopy's language slice.
// Shapes and field names follow CPython's Parser/Python.asdl so the compiler can be read
// side by side with CPython's Python/compile.c and Python/symtable.c.
//
// Ownership: every node lives in an ast::Arena and is destroyed by it, in a flat loop, so a
// very deep tree (a 100,000-term `1+1+...`) never recurses on destruction. Children are
// plain pointers into the same arena; an optional child is nullptr.
//
// Positions follow CPython: lineno/end_lineno are 1-based, col_offset/end_col_offset are
// 0-based UTF-8 byte offsets into the line, end exclusive.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace gopy::ast {

struct Location {
  int lineno = 0;
  int col_offset = 0;
  int end_lineno = 0;
  int end_col_offset = 0;
};

// Every node: a position and a virtual destructor so the arena can own it.
struct Node {
  Location loc;
  virtual ~Node() = default;
};

// ---------------------------------------------------------------- enums

enum class ExprContext : std::uint8_t { Load, Store, Del };
enum class BoolOpKind : std::uint8_t { And, Or };
enum class BinOpKind : std::uint8_t {
  Add, Sub, Mult, MatMult, Div, Mod, Pow, LShift, RShift, BitOr, BitXor, BitAnd, FloorDiv
};
enum class UnaryOpKind : std::uint8_t { Invert, Not, UAdd, USub };
enum class CmpOpKind : std::uint8_t { Eq, NotEq, Lt, LtE, Gt, GtE, Is, IsNot, In, NotIn };

enum class ExprKind : std::uint8_t {
  BoolOp, NamedExpr, BinOp, UnaryOp, Lambda, IfExp, Dict, Set, ListComp, SetComp, DictComp,
  GeneratorExp, Compare, Call, FormattedValue, JoinedStr, Constant, Attribute, Subscript,
  Starred, Name, List, Tuple, Slice
};

enum class StmtKind : std::uint8_t {
  FunctionDef, ClassDef, Return, Delete, Assign, AugAssign, AnnAssign, For, While, If, Raise,
  Try, Assert, Import, ImportFrom, Global, Nonlocal, Expr, Pass, Break, Continue
};

enum class ModKind : std::uint8_t { Module, Interactive, Expression };

// ---------------------------------------------------------------- bases

struct Expr : Node {
  const ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct Stmt : Node {
  const StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

using ExprList = std::vector<Expr*>;
using StmtList = std::vector<Stmt*>;

// Checked down-casts: `if (auto* n = ast::dyn_cast<ast::Name>(e))`, `ast::cast<ast::Call>(e)`.
template <class T, class B>
T* dyn_cast(B* node) {
  return node && node->kind == T::kKind ? static_cast<T*>(node) : nullptr;
}
template <class T, class B>
const T* dyn_cast(const B* node) {
  return node && node->kind == T::kKind ? static_cast<const T*>(node) : nullptr;
}
template <class T, class B>
T* cast(B* node) { return static_cast<T*>(node); }
template <class T, class B>
const T* cast(const B* node) { return static_cast<const T*>(node); }

// ---------------------------------------------------------------- helper records

// One comprehension clause: `for target in iter if ifs...` (is_async is always false: async
// is outside the slice).
struct Comprehension : Node {
  Expr* target = nullptr;
  Expr* iter = nullptr;
  ExprList ifs;
};

// A parameter; `annotation` is nullptr when absent.
struct Arg : Node {
  std::string arg;
  Expr* annotation = nullptr;
};

// A parameter list, as CPython's `arguments`. `defaults` belong to the last positional
// parameters (posonlyargs then args); `kw_defaults` has one entry per kwonlyarg, nullptr
// where that keyword-only parameter has no default. No position of its own (as CPython).
struct Arguments {
  std::vector<Arg*> posonlyargs;
  std::vector<Arg*> args;
  Arg* vararg = nullptr;
  std::vector<Arg*> kwonlyargs;
  ExprList kw_defaults;
  Arg* kwarg = nullptr;
  ExprList defaults;
};

// `name=value` in a call or class bases; `arg` empty means `**value`.
struct Keyword : Node {
  std::string arg;
  Expr* value = nullptr;
};

// `import name as asname`; `asname` empty when absent. `name` may be dotted (`a.b.c`) or `*`.
struct Alias : Node {
  std::string name;
  std::string asname;
};

// `except type as name: body`; `type` nullptr for a bare except, `name` empty when absent.
struct ExceptHandler : Node {
  Expr* type = nullptr;
  std::string name;
  StmtList body;
};

// ---------------------------------------------------------------- expressions

struct BoolOp : Expr {
  static constexpr ExprKind kKind = ExprKind::BoolOp;
  BoolOp() : Expr(kKind) {}
  BoolOpKind op = BoolOpKind::And;
  ExprList values;  // two or more; `a or b or c` is one BoolOp
};

// `target := value`; target is a Name in Store context.
struct NamedExpr : Expr {
  static constexpr ExprKind kKind = ExprKind::NamedExpr;
  NamedExpr() : Expr(kKind) {}
  Expr* target = nullptr;
  Expr* value = nullptr;
};

struct BinOp : Expr {
  static constexpr ExprKind kKind = ExprKind::BinOp;
  BinOp() : Expr(kKind) {}
  Expr* left = nullptr;
  BinOpKind op = BinOpKind::Add;
  Expr* right = nullptr;
};

struct UnaryOp : Expr {
  static constexpr ExprKind kKind = ExprKind::UnaryOp;
  UnaryOp() : Expr(kKind) {}
  UnaryOpKind op = UnaryOpKind::Not;
  Expr* operand = nullptr;
};

struct Lambda : Expr {
  static constexpr ExprKind kKind = ExprKind::Lambda;
  Lambda() : Expr(kKind) {}
  Arguments args;
  Expr* body = nullptr;
};

// `body if test else orelse`
struct IfExp : Expr {
  static constexpr ExprKind kKind = ExprKind::IfExp;
  IfExp() : Expr(kKind) {}
  Expr* test = nullptr;
  Expr* body = nullptr;
  Expr* orelse = nullptr;
};

// keys[i] == nullptr means `**values[i]`.
struct Dict : Expr {
  static constexpr ExprKind kKind = ExprKind::Dict;
  Dict() : Expr(kKind) {}
  ExprList keys;
  ExprList values;
};

struct Set : Expr {
  static constexpr ExprKind kKind = ExprKind::Set;
  Set() : Expr(kKind) {}
  ExprList elts;
};

struct ListComp : Expr {
  static constexpr ExprKind kKind = ExprKind::ListComp;
  ListComp() : Expr(kKind) {}
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};

struct SetComp : Expr {
  static constexpr ExprKind kKind = ExprKind::SetComp;
  SetComp() : Expr(kKind) {}
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};

struct DictComp : Expr {
  static constexpr ExprKind kKind = ExprKind::DictComp;
  DictComp() : Expr(kKind) {}
  Expr* key = nullptr;
  Expr* value = nullptr;
  std::vector<Comprehension*> generators;
};

struct GeneratorExp : Expr {
  static constexpr ExprKind kKind = ExprKind::GeneratorExp;
  GeneratorExp() : Expr(kKind) {}
  Expr* elt = nullptr;
  std::vector<Comprehension*> generators;
};

// `left ops[0] comparators[0] ops[1] comparators[1] ...` (chained).
struct Compare : Expr {
  static constexpr ExprKind kKind = ExprKind::Compare;
  Compare() : Expr(kKind) {}
  Expr* left = nullptr;
  std::vector<CmpOpKind> ops;
  ExprList comparators;
};

// args may hold Starred (`*x`); keywords with empty arg are `**x`.
struct Call : Expr {
  static constexpr ExprKind kKind = ExprKind::Call;
  Call() : Expr(kKind) {}
  Expr* func = nullptr;
  ExprList args;
  std::vector<Keyword*> keywords;
};

// One `{value!conversion:format_spec}` of an f-string. conversion: -1 none, 's', 'r', 'a'.
// format_spec is a JoinedStr (it may itself hold replacement fields) or nullptr.
struct FormattedValue : Expr {
  static constexpr ExprKind kKind = ExprKind::FormattedValue;
  FormattedValue() : Expr(kKind) {}
  Expr* value = nullptr;
  int conversion = -1;
  Expr* format_spec = nullptr;
};

// An f-string (after implicit concatenation): Constant(str) and FormattedValue parts.
struct JoinedStr : Expr {
  static constexpr ExprKind kKind = ExprKind::JoinedStr;
  JoinedStr() : Expr(kKind) {}
  ExprList values;
};

enum class ConstantKind : std::uint8_t { None, True, False, Ellipsis, Int, Float, Str, Bytes };

// A literal. Which fields are meaningful depends on `value_kind`:
//  Int:   int_digits (the literal's digits in base int_base, no prefix, no underscores,
//         lowercase hex, never empty; "0" for zero) and, when the value fits,
//         int_fits_int64 + int_small (so small ints skip the big-int path).
//  Float: float_value (as strtod reads the literal; "1e999" is inf, as CPython).
//  Str:   str_value, UTF-8 after escape decoding and implicit concatenation. A lone
//         surrogate from "\ud800" is kept in the generalized UTF-8 form (ED A0 80),
//         as CPython's str can hold it.
//  Bytes: str_value holds the raw bytes after escape decoding and concatenation.
struct Constant : Expr {
  static constexpr ExprKind kKind = ExprKind::Constant;
  Constant() : Expr(kKind) {}
  ConstantKind value_kind = ConstantKind::None;
  std::string int_digits;
  int int_base = 10;
  bool int_fits_int64 = false;
  std::int64_t int_small = 0;
  double float_value = 0.0;
  std::string str_value;
};

struct Attribute : Expr {
  static constexpr ExprKind kKind = ExprKind::Attribute;
  Attribute() : Expr(kKind) {}
  Expr* value = nullptr;
  std::string attr;
  ExprContext ctx = ExprContext::Load;
};

// `value[slice]`; slice is a Slice, a Tuple (`a[1:2, 3]`) or any expression.
struct Subscript : Expr {
  static constexpr ExprKind kKind = ExprKind::Subscript;
  Subscript() : Expr(kKind) {}
  Expr* value = nullptr;
  Expr* slice = nullptr;
  ExprContext ctx = ExprContext::Load;
};

struct Starred : Expr {
  static constexpr ExprKind kKind = ExprKind::Starred;
  Starred() : Expr(kKind) {}
  Expr* value = nullptr;
  ExprContext ctx = ExprContext::Load;
};

struct Name : Expr {
  static constexpr ExprKind kKind = ExprKind::Name;
  Name() : Expr(kKind) {}
  std::string id;
  ExprContext ctx = ExprContext::Load;
};

struct List : Expr {
  static constexpr ExprKind kKind = ExprKind::List;
  List() : Expr(kKind) {}
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

struct Tuple : Expr {
  static constexpr ExprKind kKind = ExprKind::Tuple;
  Tuple() : Expr(kKind) {}
  ExprList elts;
  ExprContext ctx = ExprContext::Load;
};

// `lower:upper:step` inside a subscript; each part nullptr when omitted.
struct Slice : Expr {
  static constexpr ExprKind kKind = ExprKind::Slice;
  Slice() : Expr(kKind) {}
  Expr* lower = nullptr;
  Expr* upper = nullptr;
  Expr* step = nullptr;
};

// ---------------------------------------------------------------- statements

// Decorators, type parameters and async are outside the slice; `returns` is the `->`
// annotation or nullptr.
struct FunctionDef : Stmt {
  static constexpr StmtKind kKind = StmtKind::FunctionDef;
  FunctionDef() : Stmt(kKind) {}
  std::string name;
  Arguments args;
  StmtList body;
  Expr* returns = nullptr;
};

struct ClassDef : Stmt {
  static constexpr StmtKind kKind = StmtKind::ClassDef;
  ClassDef() : Stmt(kKind) {}
  std::string name;
  ExprList bases;
  std::vector<Keyword*> keywords;
  StmtList body;
};

struct Return : Stmt {
  static constexpr StmtKind kKind = StmtKind::Return;
  Return() : Stmt(kKind) {}
  Expr* value = nullptr;
};

struct Delete : Stmt {
  static constexpr StmtKind kKind = StmtKind::Delete;
  Delete() : Stmt(kKind) {}
  ExprList targets;  // each in Del context
};

// `t1 = t2 = value`: targets {t1, t2}, each in Store context (Tuple/List targets have
// Store context on every element, Starred included).
struct Assign : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assign;
  Assign() : Stmt(kKind) {}
  ExprList targets;
  Expr* value = nullptr;
};

struct AugAssign : Stmt {
  static constexpr StmtKind kKind = StmtKind::AugAssign;
  AugAssign() : Stmt(kKind) {}
  Expr* target = nullptr;  // Name, Attribute or Subscript in Store context
  BinOpKind op = BinOpKind::Add;
  Expr* value = nullptr;
};

// `target: annotation [= value]`; simple is true for a bare (unparenthesized) Name target.
struct AnnAssign : Stmt {
  static constexpr StmtKind kKind = StmtKind::AnnAssign;
  AnnAssign() : Stmt(kKind) {}
  Expr* target = nullptr;
  Expr* annotation = nullptr;
  Expr* value = nullptr;
  bool simple = false;
};

struct For : Stmt {
  static constexpr StmtKind kKind = StmtKind::For;
  For() : Stmt(kKind) {}
  Expr* target = nullptr;
  Expr* iter = nullptr;
  StmtList body;
  StmtList orelse;
};

struct While : Stmt {
  static constexpr StmtKind kKind = StmtKind::While;
  While() : Stmt(kKind) {}
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};

// `elif` is an If alone in the orelse of the previous If (as CPython).
struct If : Stmt {
  static constexpr StmtKind kKind = StmtKind::If;
  If() : Stmt(kKind) {}
  Expr* test = nullptr;
  StmtList body;
  StmtList orelse;
};

struct Raise : Stmt {
  static constexpr StmtKind kKind = StmtKind::Raise;
  Raise() : Stmt(kKind) {}
  Expr* exc = nullptr;
  Expr* cause = nullptr;
};

struct Try : Stmt {
  static constexpr StmtKind kKind = StmtKind::Try;
  Try() : Stmt(kKind) {}
  StmtList body;
  std::vector<ExceptHandler*> handlers;
  StmtList orelse;
  StmtList finalbody;
};

struct Assert : Stmt {
  static constexpr StmtKind kKind = StmtKind::Assert;
  Assert() : Stmt(kKind) {}
  Expr* test = nullptr;
  Expr* msg = nullptr;
};

struct Import : Stmt {
  static constexpr StmtKind kKind = StmtKind::Import;
  Import() : Stmt(kKind) {}
  std::vector<Alias*> names;
};

// `from ..module import names`: level = number of leading dots, module empty for
// `from . import x`.
struct ImportFrom : Stmt {
  static constexpr StmtKind kKind = StmtKind::ImportFrom;
  ImportFrom() : Stmt(kKind) {}
  std::string module;
  std::vector<Alias*> names;
  int level = 0;
};

struct Global : Stmt {
  static constexpr StmtKind kKind = StmtKind::Global;
  Global() : Stmt(kKind) {}
  std::vector<std::string> names;
};

struct Nonlocal : Stmt {
  static constexpr StmtKind kKind = StmtKind::Nonlocal;
  Nonlocal() : Stmt(kKind) {}
  std::vector<std::string> names;
};

// An expression statement. `echo` is set by parse_interactive on the statements whose value
// the REPL prints (every expression statement outside a def/class body, as CPython's
// compiler does with PRINT_EXPR in "single" mode); always false otherwise.
struct ExprStmt : Stmt {
  static constexpr StmtKind kKind = StmtKind::Expr;
  ExprStmt() : Stmt(kKind) {}
  Expr* value = nullptr;
  bool echo = false;
};

struct Pass : Stmt {
  static constexpr StmtKind kKind = StmtKind::Pass;
  Pass() : Stmt(kKind) {}
};

struct Break : Stmt {
  static constexpr StmtKind kKind = StmtKind::Break;
  Break() : Stmt(kKind) {}
};

struct Continue : Stmt {
  static constexpr StmtKind kKind = StmtKind::Continue;
  Continue() : Stmt(kKind) {}
};

// ---------------------------------------------------------------- roots

struct Mod {
  const ModKind kind;
  explicit Mod(ModKind k) : kind(k) {}
  virtual ~Mod() = default;
};

// A file or `-c` string ("exec" mode).
struct Module : Mod {
  static constexpr ModKind kKind = ModKind::Module;
  Module() : Mod(kKind) {}
  StmtList body;
};

// One REPL entry ("single" mode): one statement, possibly compound (a line may still hold
// several simple statements separated by `;`).
struct Interactive : Mod {
  static constexpr ModKind kKind = ModKind::Interactive;
  Interactive() : Mod(kKind) {}
  StmtList body;
};

// An `eval()` input ("eval" mode).
struct Expression : Mod {
  static constexpr ModKind kKind = ModKind::Expression;
  Expression() : Mod(kKind) {}
  Expr* body = nullptr;
};

// ---------------------------------------------------------------- arena

// Owns the nodes of one parse. Moving an Arena (or the unique_ptr holding it) keeps every
// node pointer valid: each node is its own allocation.
class Arena {
 public:
  Arena() = default;
  Arena(const Arena&) = delete;
  Arena& operator=(const Arena&) = delete;

  template <class T>
  T* make() {
    auto node = std::make_unique<T>();
    T* raw = node.get();
    nodes_.push_back(std::move(node));
    return raw;
  }
  template <class T>
  T* make_root() {
    auto root = std::make_unique<T>();
    T* raw = root.get();
    roots_.push_back(std::move(root));
    return raw;
  }
  std::size_t size() const { return nodes_.size(); }

 private:
  std::vector<std::unique_ptr<Node>> nodes_;
  std::vector<std::unique_ptr<Mod>> roots_;
};

// A compact, deterministic one-line rendering of a tree, close to CPython's ast.dump()
// without field names for the common fields, e.g.
//   Module([Expr(Call(Name('print'), [BinOp(Constant(1), Add, Constant(2))], []))])
// For tests and debugging; positions are not included; an echoed REPL expression
// statement prints as `Expr!(...)`. Exported for the tests; the node classes are not.
#include "gopy/api_begin.h"
std::string dump(const Mod& root);
std::string dump(const Expr& expr);
std::string dump(const Stmt& stmt);
#include "gopy/api_end.h"

}  // namespace gopy::ast
