// ast::dump: a compact rendering of a tree for tests and debugging (CPython: Lib/ast.py
// dump, without field names and positions). Iterative over statement lists; recursion
// depth is bounded by the parser's nesting limits.
#include <charconv>
#include <string>

#include "eval/ast.hpp"
#include "gopy/object_bytes.hpp"

namespace gopy::ast {
namespace {

const char* binop_name(BinOpKind op) {
  static const char* const names[] = {"Add",    "Sub",    "Mult",   "MatMult", "Div",
                                      "Mod",    "Pow",    "LShift", "RShift",  "BitOr",
                                      "BitXor", "BitAnd", "FloorDiv"};
  return names[static_cast<int>(op)];
}
const char* unaryop_name(UnaryOpKind op) {
  static const char* const names[] = {"Invert", "Not", "UAdd", "USub"};
  return names[static_cast<int>(op)];
}
const char* cmpop_name(CmpOpKind op) {
  static const char* const names[] = {"Eq", "NotEq", "Lt", "LtE", "Gt",
                                      "GtE", "Is", "IsNot", "In", "NotIn"};
  return names[static_cast<int>(op)];
}
const char* ctx_suffix(ExprContext ctx) {
  switch (ctx) {
    case ExprContext::Load: return "";
    case ExprContext::Store: return ", Store";
    case ExprContext::Del: return ", Del";
  }
  return "";
}

class Dumper {
 public:
  std::string out;

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

  void optional(const Expr* e) {
    if (e) expr(*e);
    else out += "None";
  }

  void exprs(const ExprList& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      optional(list[i]);
    }
    out += ']';
  }

  void stmts(const StmtList& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      stmt(*list[i]);
    }
    out += ']';
  }

  void keywords(const std::vector<Keyword*>& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      out += "keyword(";
      if (!list[i]->arg.empty()) {
        out += list[i]->arg;
        out += ", ";
      }
      expr(*list[i]->value);
      out += ')';
    }
    out += ']';
  }

  void generators(const std::vector<Comprehension*>& gens) {
    out += '[';
    for (std::size_t i = 0; i < gens.size(); ++i) {
      if (i) out += ", ";
      out += "comprehension(";
      expr(*gens[i]->target);
      out += ", ";
      expr(*gens[i]->iter);
      out += ", ";
      exprs(gens[i]->ifs);
      out += ')';
    }
    out += ']';
  }

  void arg(const Arg* a) {
    if (!a) {
      out += "None";
      return;
    }
    out += a->arg;
    if (a->annotation) {
      out += ':';
      expr(*a->annotation);
    }
  }

  void args_list(const std::vector<Arg*>& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      arg(list[i]);
    }
    out += ']';
  }

  void arguments(const Arguments& a) {
    out += "arguments(";
    if (!a.posonlyargs.empty()) {
      out += "posonly=";
      args_list(a.posonlyargs);
      out += ", ";
    }
    args_list(a.args);
    if (a.vararg) {
      out += ", *";
      arg(a.vararg);
    }
    if (!a.kwonlyargs.empty()) {
      out += ", kwonly=";
      args_list(a.kwonlyargs);
      out += ", kw_defaults=";
      exprs(a.kw_defaults);
    }
    if (a.kwarg) {
      out += ", **";
      arg(a.kwarg);
    }
    if (!a.defaults.empty()) {
      out += ", defaults=";
      exprs(a.defaults);
    }
    out += ')';
  }

  void constant(const Constant& c) {
    out += "Constant(";
    switch (c.value_kind) {
      case ConstantKind::None: out += "None"; break;
      case ConstantKind::True: out += "True"; break;
      case ConstantKind::False: out += "False"; break;
      case ConstantKind::Ellipsis: out += "Ellipsis"; break;
      case ConstantKind::Int:
        if (c.int_base == 16) out += "0x";
        else if (c.int_base == 8) out += "0o";
        else if (c.int_base == 2) out += "0b";
        out += c.int_digits;
        break;
      case ConstantKind::Float: {
        char buf[64];
        auto res = std::to_chars(buf, buf + sizeof buf, c.float_value);
        std::string text(buf, res.ptr);
        if (text.find_first_of(".en") == std::string::npos) text += ".0";
        out += text;
        break;
      }
      case ConstantKind::Str: str_literal(c.str_value); break;
      case ConstantKind::Bytes: out += bytes_repr_text(c.str_value); break;
    }
    out += ')';
  }

  void expr(const Expr& e) {
    switch (e.kind) {
      case ExprKind::BoolOp: {
        auto& n = *cast<BoolOp>(&e);
        out += n.op == BoolOpKind::And ? "BoolOp(And, " : "BoolOp(Or, ";
        exprs(n.values);
        out += ')';
        break;
      }
      case ExprKind::NamedExpr: {
        auto& n = *cast<NamedExpr>(&e);
        out += "NamedExpr(";
        expr(*n.target);
        out += ", ";
        expr(*n.value);
        out += ')';
        break;
      }
      case ExprKind::BinOp: {
        auto& n = *cast<BinOp>(&e);
        out += "BinOp(";
        expr(*n.left);
        out += ", ";
        out += binop_name(n.op);
        out += ", ";
        expr(*n.right);
        out += ')';
        break;
      }
      case ExprKind::UnaryOp: {
        auto& n = *cast<UnaryOp>(&e);
        out += "UnaryOp(";
        out += unaryop_name(n.op);
        out += ", ";
        expr(*n.operand);
        out += ')';
        break;
      }
      case ExprKind::Lambda: {
        auto& n = *cast<Lambda>(&e);
        out += "Lambda(";
        arguments(n.args);
        out += ", ";
        expr(*n.body);
        out += ')';
        break;
      }
      case ExprKind::IfExp: {
        auto& n = *cast<IfExp>(&e);
        out += "IfExp(";
        expr(*n.test);
        out += ", ";
        expr(*n.body);
        out += ", ";
        expr(*n.orelse);
        out += ')';
        break;
      }
      case ExprKind::Dict: {
        auto& n = *cast<Dict>(&e);
        out += "Dict(";
        exprs(n.keys);
        out += ", ";
        exprs(n.values);
        out += ')';
        break;
      }
      case ExprKind::Set: {
        out += "Set(";
        exprs(cast<Set>(&e)->elts);
        out += ')';
        break;
      }
      case ExprKind::ListComp: {
        auto& n = *cast<ListComp>(&e);
        out += "ListComp(";
        expr(*n.elt);
        out += ", ";
        generators(n.generators);
        out += ')';
        break;
      }
      case ExprKind::SetComp: {
        auto& n = *cast<SetComp>(&e);
        out += "SetComp(";
        expr(*n.elt);
        out += ", ";
        generators(n.generators);
        out += ')';
        break;
      }
      case ExprKind::GeneratorExp: {
        auto& n = *cast<GeneratorExp>(&e);
        out += "GeneratorExp(";
        expr(*n.elt);
        out += ", ";
        generators(n.generators);
        out += ')';
        break;
      }
      case ExprKind::DictComp: {
        auto& n = *cast<DictComp>(&e);
        out += "DictComp(";
        expr(*n.key);
        out += ", ";
        expr(*n.value);
        out += ", ";
        generators(n.generators);
        out += ')';
        break;
      }
      case ExprKind::Compare: {
        auto& n = *cast<Compare>(&e);
        out += "Compare(";
        expr(*n.left);
        out += ", [";
        for (std::size_t i = 0; i < n.ops.size(); ++i) {
          if (i) out += ", ";
          out += cmpop_name(n.ops[i]);
        }
        out += "], ";
        exprs(n.comparators);
        out += ')';
        break;
      }
      case ExprKind::Call: {
        auto& n = *cast<Call>(&e);
        out += "Call(";
        expr(*n.func);
        out += ", ";
        exprs(n.args);
        out += ", ";
        keywords(n.keywords);
        out += ')';
        break;
      }
      case ExprKind::FormattedValue: {
        auto& n = *cast<FormattedValue>(&e);
        out += "FormattedValue(";
        expr(*n.value);
        out += ", ";
        out += std::to_string(n.conversion);
        out += ", ";
        optional(n.format_spec);
        out += ')';
        break;
      }
      case ExprKind::JoinedStr: {
        out += "JoinedStr(";
        exprs(cast<JoinedStr>(&e)->values);
        out += ')';
        break;
      }
      case ExprKind::Constant: constant(*cast<Constant>(&e)); break;
      case ExprKind::Attribute: {
        auto& n = *cast<Attribute>(&e);
        out += "Attribute(";
        expr(*n.value);
        out += ", '";
        out += n.attr;
        out += '\'';
        out += ctx_suffix(n.ctx);
        out += ')';
        break;
      }
      case ExprKind::Subscript: {
        auto& n = *cast<Subscript>(&e);
        out += "Subscript(";
        expr(*n.value);
        out += ", ";
        expr(*n.slice);
        out += ctx_suffix(n.ctx);
        out += ')';
        break;
      }
      case ExprKind::Starred: {
        auto& n = *cast<Starred>(&e);
        out += "Starred(";
        expr(*n.value);
        out += ctx_suffix(n.ctx);
        out += ')';
        break;
      }
      case ExprKind::Name: {
        auto& n = *cast<Name>(&e);
        out += "Name('";
        out += n.id;
        out += '\'';
        out += ctx_suffix(n.ctx);
        out += ')';
        break;
      }
      case ExprKind::List: {
        auto& n = *cast<List>(&e);
        out += "List(";
        exprs(n.elts);
        out += ctx_suffix(n.ctx);
        out += ')';
        break;
      }
      case ExprKind::Tuple: {
        auto& n = *cast<Tuple>(&e);
        out += "Tuple(";
        exprs(n.elts);
        out += ctx_suffix(n.ctx);
        out += ')';
        break;
      }
      case ExprKind::Await: {
        out += "Await(";
        expr(*cast<Await>(&e)->value);
        out += ')';
        break;
      }
      case ExprKind::Yield: {
        out += "Yield(";
        optional(cast<Yield>(&e)->value);
        out += ')';
        break;
      }
      case ExprKind::YieldFrom: {
        out += "YieldFrom(";
        expr(*cast<YieldFrom>(&e)->value);
        out += ')';
        break;
      }
      case ExprKind::Slice: {
        auto& n = *cast<Slice>(&e);
        out += "Slice(";
        optional(n.lower);
        out += ", ";
        optional(n.upper);
        out += ", ";
        optional(n.step);
        out += ')';
        break;
      }
    }
  }

  void names(const std::vector<std::string>& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      out += list[i];
    }
    out += ']';
  }

  void aliases(const std::vector<Alias*>& list) {
    out += '[';
    for (std::size_t i = 0; i < list.size(); ++i) {
      if (i) out += ", ";
      out += list[i]->name;
      if (!list[i]->asname.empty()) {
        out += " as ";
        out += list[i]->asname;
      }
    }
    out += ']';
  }

  void stmt(const Stmt& s) {
    switch (s.kind) {
      case StmtKind::FunctionDef: {
        auto& n = *cast<FunctionDef>(&s);
        out += "FunctionDef(" + n.name + ", ";
        arguments(n.args);
        out += ", ";
        stmts(n.body);
        if (n.returns) {
          out += ", returns=";
          expr(*n.returns);
        }
        out += ')';
        break;
      }
      case StmtKind::ClassDef: {
        auto& n = *cast<ClassDef>(&s);
        out += "ClassDef(" + n.name + ", ";
        exprs(n.bases);
        out += ", ";
        keywords(n.keywords);
        out += ", ";
        stmts(n.body);
        out += ')';
        break;
      }
      case StmtKind::Return:
        out += "Return(";
        optional(cast<Return>(&s)->value);
        out += ')';
        break;
      case StmtKind::Delete:
        out += "Delete(";
        exprs(cast<Delete>(&s)->targets);
        out += ')';
        break;
      case StmtKind::Assign: {
        auto& n = *cast<Assign>(&s);
        out += "Assign(";
        exprs(n.targets);
        out += ", ";
        expr(*n.value);
        out += ')';
        break;
      }
      case StmtKind::AugAssign: {
        auto& n = *cast<AugAssign>(&s);
        out += "AugAssign(";
        expr(*n.target);
        out += ", ";
        out += binop_name(n.op);
        out += ", ";
        expr(*n.value);
        out += ')';
        break;
      }
      case StmtKind::AnnAssign: {
        auto& n = *cast<AnnAssign>(&s);
        out += "AnnAssign(";
        expr(*n.target);
        out += ", ";
        expr(*n.annotation);
        out += ", ";
        optional(n.value);
        out += n.simple ? ", 1)" : ", 0)";
        break;
      }
      case StmtKind::For: {
        auto& n = *cast<For>(&s);
        out += "For(";
        expr(*n.target);
        out += ", ";
        expr(*n.iter);
        out += ", ";
        stmts(n.body);
        out += ", ";
        stmts(n.orelse);
        out += ')';
        break;
      }
      case StmtKind::While: {
        auto& n = *cast<While>(&s);
        out += "While(";
        expr(*n.test);
        out += ", ";
        stmts(n.body);
        out += ", ";
        stmts(n.orelse);
        out += ')';
        break;
      }
      case StmtKind::If: {
        auto& n = *cast<If>(&s);
        out += "If(";
        expr(*n.test);
        out += ", ";
        stmts(n.body);
        out += ", ";
        stmts(n.orelse);
        out += ')';
        break;
      }
      case StmtKind::Raise: {
        auto& n = *cast<Raise>(&s);
        out += "Raise(";
        optional(n.exc);
        out += ", ";
        optional(n.cause);
        out += ')';
        break;
      }
      case StmtKind::Try: {
        auto& n = *cast<Try>(&s);
        out += "Try(";
        stmts(n.body);
        out += ", [";
        for (std::size_t i = 0; i < n.handlers.size(); ++i) {
          if (i) out += ", ";
          out += "ExceptHandler(";
          optional(n.handlers[i]->type);
          out += ", ";
          out += n.handlers[i]->name.empty() ? "None" : n.handlers[i]->name;
          out += ", ";
          stmts(n.handlers[i]->body);
          out += ')';
        }
        out += "], ";
        stmts(n.orelse);
        out += ", ";
        stmts(n.finalbody);
        out += ')';
        break;
      }
      case StmtKind::Assert: {
        auto& n = *cast<Assert>(&s);
        out += "Assert(";
        expr(*n.test);
        out += ", ";
        optional(n.msg);
        out += ')';
        break;
      }
      case StmtKind::Import:
        out += "Import(";
        aliases(cast<Import>(&s)->names);
        out += ')';
        break;
      case StmtKind::ImportFrom: {
        auto& n = *cast<ImportFrom>(&s);
        out += "ImportFrom(" + n.module + ", ";
        aliases(n.names);
        out += ", " + std::to_string(n.level) + ')';
        break;
      }
      case StmtKind::Global:
        out += "Global(";
        names(cast<Global>(&s)->names);
        out += ')';
        break;
      case StmtKind::Nonlocal:
        out += "Nonlocal(";
        names(cast<Nonlocal>(&s)->names);
        out += ')';
        break;
      case StmtKind::Expr: {
        auto& n = *cast<ExprStmt>(&s);
        out += n.echo ? "Expr!(" : "Expr(";
        expr(*n.value);
        out += ')';
        break;
      }
      case StmtKind::Pass: out += "Pass"; break;
      case StmtKind::Break: out += "Break"; break;
      case StmtKind::Continue: out += "Continue"; break;
    }
  }
};

}  // namespace

std::string dump(const Mod& root) {
  Dumper d;
  switch (root.kind) {
    case ModKind::Module:
      d.out += "Module(";
      d.stmts(static_cast<const Module&>(root).body);
      break;
    case ModKind::Interactive:
      d.out += "Interactive(";
      d.stmts(static_cast<const Interactive&>(root).body);
      break;
    case ModKind::Expression:
      d.out += "Expression(";
      d.expr(*static_cast<const Expression&>(root).body);
      break;
  }
  d.out += ')';
  return d.out;
}

std::string dump(const Expr& expr) {
  Dumper d;
  d.expr(expr);
  return d.out;
}

std::string dump(const Stmt& stmt) {
  Dumper d;
  d.stmt(stmt);
  return d.out;
}

}  // namespace gopy::ast
