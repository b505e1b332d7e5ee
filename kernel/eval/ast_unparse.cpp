// CPython: Python/ast_unparse.c (the precedence levels, append_ast_binop, append_ast_compare,
// append_ast_subscript, append_ast_call, append_ast_constant).
#include "eval/ast_unparse.hpp"

#include "eval/compiler.hpp"

namespace gopy {

namespace {

// Operator precedence, lowest first (CPython: ast_unparse.c's PR_* enum).
enum Prec { pr_tuple, pr_test, pr_or, pr_and, pr_not, pr_cmp, pr_bor, pr_bxor, pr_band, pr_shift, pr_arith, pr_term,
            pr_factor, pr_power, pr_await, pr_atom };

class Unparser {
 public:
  explicit Unparser(std::string_view source) : source_(source) {}

  std::string expr(const ast::Expr* e, int level) {
    using K = ast::ExprKind;
    switch (e->kind) {
      case K::Name: return ast::cast<ast::Name>(e)->id;
      case K::Constant: return constant(ast::cast<ast::Constant>(e));
      case K::Attribute: {
        auto* a = ast::cast<ast::Attribute>(e);
        return expr(a->value, pr_atom) + "." + a->attr;
      }
      case K::Subscript: {
        auto* s = ast::cast<ast::Subscript>(e);
        std::string out = expr(s->value, pr_atom) + "[";
        if (auto* t = ast::dyn_cast<ast::Tuple>(s->slice); t && !t->elts.empty()) {
          out += join(t->elts, pr_test);
          if (t->elts.size() == 1) out += ",";
        } else {
          out += expr(s->slice, pr_tuple);
        }
        return out + "]";
      }
      case K::Tuple: {
        auto& elts = ast::cast<ast::Tuple>(e)->elts;
        if (elts.empty()) return "()";
        std::string inner = join(elts, pr_test) + (elts.size() == 1 ? "," : "");
        return level > pr_tuple ? "(" + inner + ")" : inner;
      }
      case K::List: return "[" + join(ast::cast<ast::List>(e)->elts, pr_test) + "]";
      case K::Set: return "{" + join(ast::cast<ast::Set>(e)->elts, pr_test) + "}";
      case K::Dict: {
        auto* d = ast::cast<ast::Dict>(e);
        std::string out = "{";
        for (size_t i = 0; i < d->values.size(); ++i) {
          if (i) out += ", ";
          if (d->keys[i]) out += expr(d->keys[i], pr_test) + ": " + expr(d->values[i], pr_test);
          else out += "**" + expr(d->values[i], pr_bor);
        }
        return out + "}";
      }
      case K::Starred: return "*" + expr(ast::cast<ast::Starred>(e)->value, pr_bor);
      case K::BinOp: return binop(ast::cast<ast::BinOp>(e), level);
      case K::UnaryOp: {
        auto* u = ast::cast<ast::UnaryOp>(e);
        const char* op = "~";
        int pr = pr_factor;
        switch (u->op) {
          case ast::UnaryOpKind::Not: op = "not ", pr = pr_not; break;
          case ast::UnaryOpKind::USub: op = "-"; break;
          case ast::UnaryOpKind::UAdd: op = "+"; break;
          case ast::UnaryOpKind::Invert: break;
        }
        return paren(level > pr, op + expr(u->operand, pr));
      }
      case K::BoolOp: {
        auto* b = ast::cast<ast::BoolOp>(e);
        int pr = b->op == ast::BoolOpKind::And ? pr_and : pr_or;
        std::string out;
        for (size_t i = 0; i < b->values.size(); ++i) {
          if (i) out += b->op == ast::BoolOpKind::And ? " and " : " or ";
          out += expr(b->values[i], pr + 1);
        }
        return paren(level > pr, out);
      }
      case K::Compare: {
        auto* c = ast::cast<ast::Compare>(e);
        std::string out = expr(c->left, pr_cmp + 1);
        for (size_t i = 0; i < c->ops.size(); ++i) out += cmp_op(c->ops[i]) + expr(c->comparators[i], pr_cmp + 1);
        return paren(level > pr_cmp, out);
      }
      case K::Call: {
        auto* c = ast::cast<ast::Call>(e);
        std::string out = expr(c->func, pr_atom) + "(";
        bool first = true;
        for (auto* a : c->args) {
          out += (first ? "" : ", ") + expr(a, pr_test);
          first = false;
        }
        for (auto* k : c->keywords) {
          out += first ? "" : ", ";
          out += k->arg.empty() ? "**" + expr(k->value, pr_test) : k->arg + "=" + expr(k->value, pr_test);
          first = false;
        }
        return out + ")";
      }
      case K::IfExp: {
        auto* i = ast::cast<ast::IfExp>(e);
        return paren(level > pr_test, expr(i->body, pr_test + 1) + " if " + expr(i->test, pr_test + 1) + " else " +
                                          expr(i->orelse, pr_test));
      }
      case K::Lambda: {
        auto* l = ast::cast<ast::Lambda>(e);
        std::string params = arguments(l->args);
        return paren(level > pr_test, "lambda" + (params.empty() ? "" : " " + params) + ": " + expr(l->body, pr_test));
      }
      case K::Slice: {
        auto* s = ast::cast<ast::Slice>(e);
        std::string out = (s->lower ? expr(s->lower, pr_test) : "") + ":" + (s->upper ? expr(s->upper, pr_test) : "");
        if (s->step) out += ":" + expr(s->step, pr_test);
        return out;
      }
      default: return as_written(e);
    }
  }

 private:
  static std::string paren(bool wrap, const std::string& s) { return wrap ? "(" + s + ")" : s; }

  std::string join(const ast::ExprList& elts, int level) {
    std::string out;
    for (size_t i = 0; i < elts.size(); ++i) out += (i ? ", " : "") + expr(elts[i], level);
    return out;
  }

  std::string binop(const ast::BinOp* b, int level) {
    const char* op = "+";
    int pr = pr_arith;
    bool right_assoc = false;
    switch (b->op) {
      case ast::BinOpKind::Add: break;
      case ast::BinOpKind::Sub: op = "-"; break;
      case ast::BinOpKind::Mult: op = "*", pr = pr_term; break;
      case ast::BinOpKind::MatMult: op = "@", pr = pr_term; break;
      case ast::BinOpKind::Div: op = "/", pr = pr_term; break;
      case ast::BinOpKind::Mod: op = "%", pr = pr_term; break;
      case ast::BinOpKind::FloorDiv: op = "//", pr = pr_term; break;
      case ast::BinOpKind::LShift: op = "<<", pr = pr_shift; break;
      case ast::BinOpKind::RShift: op = ">>", pr = pr_shift; break;
      case ast::BinOpKind::BitOr: op = "|", pr = pr_bor; break;
      case ast::BinOpKind::BitXor: op = "^", pr = pr_bxor; break;
      case ast::BinOpKind::BitAnd: op = "&", pr = pr_band; break;
      case ast::BinOpKind::Pow: op = "**", pr = pr_power, right_assoc = true; break;
    }
    std::string out = expr(b->left, right_assoc ? pr + 1 : pr) + " " + op + " " + expr(b->right, right_assoc ? pr : pr + 1);
    return paren(level > pr, out);
  }

  // A lambda's parameters (CPython: append_ast_args).
  std::string arguments(const ast::Arguments& a) {
    std::string out;
    auto add = [&out](const std::string& part) { out += (out.empty() ? "" : ", ") + part; };
    size_t positional = a.posonlyargs.size() + a.args.size();
    size_t first_default = positional - a.defaults.size();
    for (size_t i = 0; i < positional; ++i) {
      const ast::Arg* p = i < a.posonlyargs.size() ? a.posonlyargs[i] : a.args[i - a.posonlyargs.size()];
      add(i >= first_default ? p->arg + "=" + expr(a.defaults[i - first_default], pr_test) : p->arg);
      if (i + 1 == a.posonlyargs.size()) add("/");
    }
    if (a.vararg) add("*" + a.vararg->arg);
    else if (!a.kwonlyargs.empty()) add("*");
    for (size_t i = 0; i < a.kwonlyargs.size(); ++i)
      add(a.kw_defaults[i] ? a.kwonlyargs[i]->arg + "=" + expr(a.kw_defaults[i], pr_test) : a.kwonlyargs[i]->arg);
    if (a.kwarg) add("**" + a.kwarg->arg);
    return out;
  }

  static std::string cmp_op(ast::CmpOpKind k) {
    switch (k) {
      case ast::CmpOpKind::Eq: return " == ";
      case ast::CmpOpKind::NotEq: return " != ";
      case ast::CmpOpKind::Lt: return " < ";
      case ast::CmpOpKind::LtE: return " <= ";
      case ast::CmpOpKind::Gt: return " > ";
      case ast::CmpOpKind::GtE: return " >= ";
      case ast::CmpOpKind::Is: return " is ";
      case ast::CmpOpKind::IsNot: return " is not ";
      case ast::CmpOpKind::In: return " in ";
      case ast::CmpOpKind::NotIn: return " not in ";
    }
    return " ? ";
  }

  // A literal as its repr (CPython: append_ast_constant).
  std::string constant(const ast::Constant* c) {
    if (c->value_kind == ast::ConstantKind::Ellipsis) return "...";
    Object* v = constant_object(c);
    Object* r = v ? object_repr(v) : nullptr;
    xdecref(v);
    if (!r) {
      clear_error();
      return as_written(c);
    }
    std::string out = as_str(r)->utf8;
    decref(r);
    return out;
  }

  std::string as_written(const ast::Expr* e) {
    const ast::Location& l = e->loc;
    std::string out;
    for (int line = l.lineno; line <= l.end_lineno; ++line) {
      std::string text = source_line_text(source_, line);
      size_t from = line == l.lineno ? size_t(l.col_offset) : 0;
      size_t to = line == l.end_lineno ? size_t(l.end_col_offset) : text.size();
      if (from < text.size()) out += text.substr(from, to > from ? to - from : 0);
    }
    return out;
  }

  std::string_view source_;
};

}  // namespace

std::string unparse_annotation(const ast::Expr* e, std::string_view source) {
  return Unparser(source).expr(e, pr_test);
}

}  // namespace gopy
