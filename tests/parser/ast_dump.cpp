// The tests' AST dump (CPython: Lib/ast.py dump, without field names and positions), driven
// by the AST table: each field prints by its C++ type and its table dump style; only
// Constant (shown by value) and an echoed expression statement (`Expr!`) are special.
#include "ast_dump.hpp"

#include <charconv>
#include <type_traits>

#include "gopy/object_bytes.hpp"

namespace gopy::ast {
namespace {

class Dumper {
 public:
  std::string out;

  template <class N>
  void node(const N& n) {
    if constexpr (std::is_same_v<N, Constant>) {
      constant(n);
      return;
    } else {
      out += N::kName;
      if constexpr (std::is_same_v<N, ExprStmt>) {
        if (n.echo) out += '!';
      }
      bool has_fields = false;
      for_each_field(n, [&](const char*, const auto&, FieldStyle) { has_fields = true; });
      if (!has_fields) return;
      bool wrap = *N::kName != '\0';
      if (wrap) out += '(';
      bool first = true;
      for_each_field(n, [&](const char* name, const auto& value, FieldStyle style) {
        if constexpr (std::is_same_v<N, ExprStmt>) {
          if (std::string_view(name) == "echo") return;
        }
        if (style.omit_empty && is_empty(value)) return;
        if (!first) out += style.sep;
        first = false;
        out += style.label;
        field(value, style);
      });
      if (wrap) out += ')';
    }
  }

 private:
  template <class F>
  static bool is_empty(const F& value) {
    if constexpr (std::is_pointer_v<F>) return value == nullptr;
    else if constexpr (std::is_same_v<F, ExprContext>) return value == ExprContext::Load;
    else if constexpr (std::is_same_v<F, bool>) return !value;
    else if constexpr (requires { value.empty(); }) return value.empty();
    else return false;
  }

  template <class F>
  void field(const F& value, FieldStyle style) {
    if constexpr (std::is_pointer_v<F>) {
      if (!value) {
        out += "None";
        return;
      }
      using P = std::remove_cv_t<std::remove_pointer_t<F>>;
      if constexpr (AstFamily<P>)
        visit(*value, [&](const auto& concrete) { node(concrete); });
      else
        node(*value);
    } else if constexpr (std::is_same_v<F, std::string>) {
      if (style.none_if_empty && value.empty()) {
        out += "None";
      } else if (style.quoted) {
        out += '\'';
        out += value;
        out += '\'';
      } else {
        out += value;
      }
    } else if constexpr (std::is_same_v<F, bool>) {
      out += value ? "1" : "0";
    } else if constexpr (std::is_enum_v<F>) {
      out += enum_name(value);
    } else if constexpr (std::is_arithmetic_v<F>) {
      out += std::to_string(value);
    } else if constexpr (is_vector<F>) {
      out += '[';
      for (std::size_t i = 0; i < value.size(); ++i) {
        if (i) out += ", ";
        field(value[i], FieldStyle{});
      }
      out += ']';
    } else {
      node(value);  // a record held by value (arguments)
    }
  }

  void str_literal(const std::string& s) {
    out += '\'';
    for (char c : s) {
      if (c == '\'' || c == '\\') {
        out += '\\';
        out += c;
      } else if (c == '\n') {
        out += "\\n";
      } else if (c == '\t') {
        out += "\\t";
      } else {
        out += c;
      }
    }
    out += '\'';
  }

  void constant(const Constant& c) {
    out += "Constant(";
    switch (c.value_kind) {
      case ConstantKind::Int:
        if (c.int_base == 16) out += "0x";
        else if (c.int_base == 8) out += "0o";
        else if (c.int_base == 2) out += "0b";
        out += c.int_digits;
        break;
      case ConstantKind::Float:
      case ConstantKind::Complex: {
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof buf, c.float_value);
        std::string text(buf, res.ptr);
        if (c.value_kind == ConstantKind::Complex) text += "j";
        else if (text.find_first_of(".en") == std::string::npos) text += ".0";
        out += text;
        break;
      }
      case ConstantKind::Str: str_literal(c.str_value); break;
      case ConstantKind::Bytes: out += bytes_repr_text(c.str_value); break;
      default: out += enum_name(c.value_kind); break;
    }
    out += ')';
  }
};

template <class N>
std::string dump_any(const N& n) {
  Dumper d;
  visit(n, [&](const auto& concrete) { d.node(concrete); });
  return d.out;
}

}  // namespace

std::string dump(const Mod& root) { return dump_any(root); }
std::string dump(const Expr& expr) { return dump_any(expr); }
std::string dump(const Stmt& stmt) { return dump_any(stmt); }

}  // namespace gopy::ast
