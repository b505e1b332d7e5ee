// The abstract syntax tree of gopy's language slice.
// Shapes and field names follow CPython's Parser/Python.asdl so the compiler can be read
// side by side with CPython's Python/compile.c and Python/symtable.c. The nodes are
// described once, in ast_nodes.def; this header generates from it the node structs, the
// kind enums, for_each_field, visit and the generic child traversal for_each_child.
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
#include <type_traits>
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

// Each enum's values with their names (the dump shows them by name).
#define GOPY_AST_EXPR_CONTEXTS(X) X(Load) X(Store) X(Del)
#define GOPY_AST_BOOLOPS(X) X(And) X(Or)
#define GOPY_AST_BINOPS(X) \
  X(Add) X(Sub) X(Mult) X(MatMult) X(Div) X(Mod) X(Pow) X(LShift) X(RShift) X(BitOr) \
  X(BitXor) X(BitAnd) X(FloorDiv)
#define GOPY_AST_UNARYOPS(X) X(Invert) X(Not) X(UAdd) X(USub)
#define GOPY_AST_CMPOPS(X) X(Eq) X(NotEq) X(Lt) X(LtE) X(Gt) X(GtE) X(Is) X(IsNot) X(In) X(NotIn)
#define GOPY_AST_CONSTANT_KINDS(X) X(None) X(True) X(False) X(Ellipsis) X(Int) X(Float) X(Str) X(Bytes) X(Complex)

#define GOPY_AST_ENUM_VALUE(V) V,
#define GOPY_AST_ENUM_CASE(V) case V: return #V;
#define GOPY_AST_ENUM(ENUM, LIST)                                  \
  enum class ENUM : std::uint8_t { LIST(GOPY_AST_ENUM_VALUE) };    \
  constexpr const char* enum_name(ENUM v) {                        \
    using enum ENUM;                                               \
    switch (v) { LIST(GOPY_AST_ENUM_CASE) }                        \
    return "?";                                                    \
  }
GOPY_AST_ENUM(ExprContext, GOPY_AST_EXPR_CONTEXTS)
GOPY_AST_ENUM(BoolOpKind, GOPY_AST_BOOLOPS)
GOPY_AST_ENUM(BinOpKind, GOPY_AST_BINOPS)
GOPY_AST_ENUM(UnaryOpKind, GOPY_AST_UNARYOPS)
GOPY_AST_ENUM(CmpOpKind, GOPY_AST_CMPOPS)
GOPY_AST_ENUM(ConstantKind, GOPY_AST_CONSTANT_KINDS)
#undef GOPY_AST_ENUM
#undef GOPY_AST_ENUM_CASE
#undef GOPY_AST_ENUM_VALUE

// The node kinds, in table order.
enum class ExprKind : std::uint8_t {
#define GOPY_AST_EXPR(T, KIND) KIND,
#include "eval/ast_nodes.def"
};
enum class StmtKind : std::uint8_t {
#define GOPY_AST_STMT(T, KIND) KIND,
#include "eval/ast_nodes.def"
};
enum class PatternKind : std::uint8_t {
#define GOPY_AST_PATTERN(T, KIND) KIND,
#include "eval/ast_nodes.def"
};
enum class TypeParamKind : std::uint8_t {
#define GOPY_AST_TYPE_PARAM(T, KIND) KIND,
#include "eval/ast_nodes.def"
};
enum class ModKind : std::uint8_t {
#define GOPY_AST_MOD(T, KIND) KIND,
#include "eval/ast_nodes.def"
};

// ---------------------------------------------------------------- bases

struct Expr : Node {
  const ExprKind kind;
  explicit Expr(ExprKind k) : kind(k) {}
};

struct Stmt : Node {
  const StmtKind kind;
  explicit Stmt(StmtKind k) : kind(k) {}
};

struct Pattern : Node {
  const PatternKind kind;
  explicit Pattern(PatternKind k) : kind(k) {}
};

struct TypeParam : Node {
  const TypeParamKind kind;
  explicit TypeParam(TypeParamKind k) : kind(k) {}
};

struct Mod {
  const ModKind kind;
  explicit Mod(ModKind k) : kind(k) {}
  virtual ~Mod() = default;
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

// How the tests' dump shows a field (see ast_nodes.def).
struct FieldStyle {
  const char* sep = ", ";    // between this field and the previous one
  const char* label = "";    // printed before the value
  bool omit_empty = false;   // leave the field out when empty / null / Load / false
  bool quoted = false;       // a string shown as 'text'
  bool none_if_empty = false;  // an empty string shown as None
};
namespace field_style {
inline constexpr FieldStyle plain{};
inline constexpr FieldStyle quoted{", ", "", false, true, false};
inline constexpr FieldStyle omit{", ", "", true, false, false};
inline constexpr FieldStyle none_if_empty{", ", "", false, false, true};
constexpr FieldStyle labeled(const char* label) { return {", ", label, true, false, false}; }
constexpr FieldStyle joined(const char* sep) { return {sep, "", true, false, false}; }
}  // namespace field_style

// ---------------------------------------------------------------- the nodes (ast_nodes.def)

#define GOPY_AST_RECORD(T, NAME) struct T;
#define GOPY_AST_PLAIN(T, NAME) struct T;
#define GOPY_AST_EXPR(T, KIND) struct T;
#define GOPY_AST_STMT(T, KIND) struct T;
#define GOPY_AST_PATTERN(T, KIND) struct T;
#define GOPY_AST_TYPE_PARAM(T, KIND) struct T;
#define GOPY_AST_MOD(T, KIND) struct T;
#include "eval/ast_nodes.def"

#define GOPY_AST_RECORD(T, NAME) \
  struct T : Node {              \
    static constexpr bool kRecord = true; \
    static constexpr const char* kName = NAME;
#define GOPY_AST_PLAIN(T, NAME) \
  struct T {                    \
    static constexpr bool kRecord = true; \
    static constexpr const char* kName = NAME;
#define GOPY_AST_KIND_NODE(BASE, T, KIND)            \
  struct T : BASE {                                  \
    static constexpr BASE##Kind kKind = BASE##Kind::KIND; \
    static constexpr const char* kName = #KIND;      \
    T() : BASE(kKind) {}
#define GOPY_AST_EXPR(T, KIND) GOPY_AST_KIND_NODE(Expr, T, KIND)
#define GOPY_AST_STMT(T, KIND) GOPY_AST_KIND_NODE(Stmt, T, KIND)
#define GOPY_AST_PATTERN(T, KIND) GOPY_AST_KIND_NODE(Pattern, T, KIND)
#define GOPY_AST_TYPE_PARAM(T, KIND) GOPY_AST_KIND_NODE(TypeParam, T, KIND)
#define GOPY_AST_MOD(T, KIND) GOPY_AST_KIND_NODE(Mod, T, KIND)
#define GOPY_AST_FIELD(TYPE, NAME, INIT, STYLE) TYPE NAME{INIT};
#define GOPY_AST_END };
#include "eval/ast_nodes.def"
#undef GOPY_AST_KIND_NODE

// for_each_field(node, visitor): calls visitor(field_name, field_value, FieldStyle) for each
// field of a node or record, in table order.
#define GOPY_AST_FIELDS_BEGIN(T)                 \
  template <class V>                             \
  void for_each_field(const T& n, V&& v) {       \
    (void)n;                                     \
    (void)v;
#define GOPY_AST_RECORD(T, NAME) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_PLAIN(T, NAME) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_EXPR(T, KIND) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_STMT(T, KIND) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_PATTERN(T, KIND) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_TYPE_PARAM(T, KIND) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_MOD(T, KIND) GOPY_AST_FIELDS_BEGIN(T)
#define GOPY_AST_FIELD(TYPE, NAME, INIT, STYLE) v(#NAME, n.NAME, field_style::STYLE);
#define GOPY_AST_END }
#include "eval/ast_nodes.def"
#undef GOPY_AST_FIELDS_BEGIN

// visit(node, visitor): calls visitor(concrete_node) for an Expr, Stmt, Pattern, TypeParam
// or Mod by its kind.
template <class V>
decltype(auto) visit(const Expr& node, V&& v) {
  switch (node.kind) {
#define GOPY_AST_EXPR(T, KIND) \
  case ExprKind::KIND: return v(static_cast<const T&>(node));
#include "eval/ast_nodes.def"
  }
  __builtin_unreachable();
}
template <class V>
decltype(auto) visit(const Stmt& node, V&& v) {
  switch (node.kind) {
#define GOPY_AST_STMT(T, KIND) \
  case StmtKind::KIND: return v(static_cast<const T&>(node));
#include "eval/ast_nodes.def"
  }
  __builtin_unreachable();
}
template <class V>
decltype(auto) visit(const Pattern& node, V&& v) {
  switch (node.kind) {
#define GOPY_AST_PATTERN(T, KIND) \
  case PatternKind::KIND: return v(static_cast<const T&>(node));
#include "eval/ast_nodes.def"
  }
  __builtin_unreachable();
}
template <class V>
decltype(auto) visit(const TypeParam& node, V&& v) {
  switch (node.kind) {
#define GOPY_AST_TYPE_PARAM(T, KIND) \
  case TypeParamKind::KIND: return v(static_cast<const T&>(node));
#include "eval/ast_nodes.def"
  }
  __builtin_unreachable();
}
template <class V>
decltype(auto) visit(const Mod& node, V&& v) {
  switch (node.kind) {
#define GOPY_AST_MOD(T, KIND) \
  case ModKind::KIND: return v(static_cast<const T&>(node));
#include "eval/ast_nodes.def"
  }
  __builtin_unreachable();
}

template <class T>
concept AstRecord = requires { T::kRecord; };
// Expr, Stmt, Pattern, TypeParam, Mod: the node families with a kind.
template <class T>
concept AstFamily = std::is_same_v<T, Expr> || std::is_same_v<T, Stmt> ||
                    std::is_same_v<T, Pattern> || std::is_same_v<T, TypeParam> ||
                    std::is_same_v<T, Mod>;
template <class T>
concept AstKindNode = requires { T::kKind; };
template <class T>
inline constexpr bool is_vector = false;
template <class T>
inline constexpr bool is_vector<std::vector<T>> = true;

// The generic child traversal: calls visitor(const Expr*), visitor(const Stmt*),
// visitor(const Pattern*) or visitor(const TypeParam*) for every non-null child node of `n`
// in table order, looking through helper records (a call's
// keywords, a comprehension's clauses, a function's arguments, ...).
template <class V>
struct ChildVisitor {
  V& visit_child;
  template <class F>
  void operator()(const char*, const F& field, FieldStyle) {
    if constexpr (std::is_pointer_v<F>) {
      using P = std::remove_cv_t<std::remove_pointer_t<F>>;
      if (!field) return;
      if constexpr (AstFamily<P> || AstKindNode<P>) {
        visit_child(field);
      } else if constexpr (AstRecord<P>) {
        for_each_field(*field, *this);
      }
    } else if constexpr (AstRecord<F>) {
      for_each_field(field, *this);
    } else if constexpr (is_vector<F>) {
      if constexpr (std::is_pointer_v<typename F::value_type>)
        for (const auto& item : field) (*this)("", item, field_style::plain);
    }
  }
};

template <class N, class V>
void for_each_child(const N& n, V&& v) {
  ChildVisitor<std::remove_reference_t<V>> walker{v};
  if constexpr (AstFamily<N>)
    visit(n, [&](const auto& concrete) { for_each_field(concrete, walker); });
  else
    for_each_field(n, walker);
}

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

}  // namespace gopy::ast
