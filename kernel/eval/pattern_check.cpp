// CPython: Python/codegen.c codegen_match_inner, codegen_pattern_as, codegen_pattern_or,
// codegen_pattern_sequence, codegen_pattern_mapping(_key), codegen_pattern_class,
// codegen_pattern_value, codegen_pattern_helper_store_name.
#include "eval/pattern_check.hpp"

#include <algorithm>
#include <charconv>
#include <set>
#include <vector>

namespace gopy {
namespace {

class PatternChecker {
 public:
  explicit PatternChecker(std::string* msg) : msg_(msg) {}

  // One case's pattern; irrefutable patterns are allowed in a guarded or last case.
  const ast::Node* check_case(const ast::Pattern* p, bool allow_irrefutable) {
    stores_.clear();
    allow_irrefutable_ = allow_irrefutable;
    pattern(p);
    return at_;
  }

 private:
  bool fail(const ast::Node* at, std::string msg) {
    if (!at_) {
      at_ = at;
      *msg_ = std::move(msg);
    }
    return false;
  }

  bool store(const ast::Node* at, const std::string& name) {
    if (name.empty()) return true;
    if (std::find(stores_.begin(), stores_.end(), name) != stores_.end())
      return fail(at, "multiple assignments to name '" + name + "' in pattern");
    stores_.push_back(name);
    return true;
  }

  // Sub-patterns of a sequence, mapping or class pattern may be irrefutable.
  bool subpattern(const ast::Pattern* p) {
    bool saved = allow_irrefutable_;
    allow_irrefutable_ = true;
    bool ok = pattern(p);
    allow_irrefutable_ = saved;
    return ok;
  }

  bool pattern(const ast::Pattern* p) {
    switch (p->kind) {
      case ast::PatternKind::MatchValue: {
        const ast::Expr* v = ast::cast<ast::MatchValue>(p)->value;
        if (literal_text(v).empty() && v->kind != ast::ExprKind::Attribute)
          return fail(p, "patterns may only match literals and attribute lookups");
        return true;
      }
      case ast::PatternKind::MatchSingleton: return true;
      case ast::PatternKind::MatchSequence: {
        auto& pats = ast::cast<ast::MatchSequence>(p)->patterns;
        int stars = 0;
        for (auto* sub : pats)
          if (sub->kind == ast::PatternKind::MatchStar && ++stars > 1)
            return fail(p, "multiple starred names in sequence pattern");
        for (auto* sub : pats)
          if (!subpattern(sub)) return false;
        return true;
      }
      case ast::PatternKind::MatchMapping: {
        auto* m = ast::cast<ast::MatchMapping>(p);
        std::set<std::string> seen;
        for (auto* key : m->keys) {
          std::string text = literal_text(key);
          if (!text.empty()) {
            if (!seen.insert(literal_key(key)).second)
              return fail(p, "mapping pattern checks duplicate key (" + text + ")");
          } else if (key->kind != ast::ExprKind::Attribute) {
            return fail(p, "mapping pattern keys may only match literals and attribute lookups");
          }
        }
        for (auto* sub : m->patterns)
          if (!subpattern(sub)) return false;
        return store(p, m->rest);
      }
      case ast::PatternKind::MatchClass: {
        auto* c = ast::cast<ast::MatchClass>(p);
        for (std::size_t i = 0; i < c->kwd_attrs.size(); ++i)
          for (std::size_t j = i + 1; j < c->kwd_attrs.size(); ++j)
            if (c->kwd_attrs[i] == c->kwd_attrs[j])
              return fail(c->kwd_patterns[j], "attribute name repeated in class pattern: " + c->kwd_attrs[i]);
        for (auto* sub : c->patterns)
          if (!subpattern(sub)) return false;
        for (auto* sub : c->kwd_patterns)
          if (!subpattern(sub)) return false;
        return true;
      }
      case ast::PatternKind::MatchStar: return store(p, ast::cast<ast::MatchStar>(p)->name);
      case ast::PatternKind::MatchAs: {
        auto* as = ast::cast<ast::MatchAs>(p);
        if (!as->pattern) {
          if (!allow_irrefutable_) {
            if (!as->name.empty())
              return fail(p, "name capture '" + as->name + "' makes remaining patterns unreachable");
            return fail(p, "wildcard makes remaining patterns unreachable");
          }
          return store(p, as->name);
        }
        if (!pattern(as->pattern)) return false;
        return store(p, as->name);
      }
      case ast::PatternKind::MatchOr: return or_pattern(*ast::cast<ast::MatchOr>(p));
    }
    return true;
  }

  bool or_pattern(const ast::MatchOr& p) {
    std::vector<std::string> outer = std::move(stores_);
    bool allow = allow_irrefutable_;
    std::vector<std::string> control;
    for (std::size_t i = 0; i < p.patterns.size(); ++i) {
      stores_.clear();
      allow_irrefutable_ = i + 1 == p.patterns.size() && allow;
      if (!pattern(p.patterns[i])) return false;
      if (i == 0) {
        control = stores_;
        continue;
      }
      std::vector<std::string> a = control, b = stores_;
      std::sort(a.begin(), a.end());
      std::sort(b.begin(), b.end());
      if (a != b) return fail(&p, "alternative patterns bind different names");
    }
    allow_irrefutable_ = allow;
    stores_ = std::move(outer);
    for (auto& name : control)
      if (!store(&p, name)) return false;
    return true;
  }

  // The repr of a literal pattern value (CPython folds `-1` and `1+2j` into constants
  // before code generation), or "" for anything else. Equal literals of one spelling
  // collide; 1 == 1.0 == True is not modelled.
  static std::string literal_text(const ast::Expr* e) {
    if (auto* c = ast::dyn_cast<ast::Constant>(e)) {
      switch (c->value_kind) {
        case ast::ConstantKind::Str: return "'" + c->str_value + "'";
        case ast::ConstantKind::Bytes: return "b'" + c->str_value + "'";
        case ast::ConstantKind::Int:
          if (c->int_base != 10 && c->int_fits_int64) return std::to_string(c->int_small);
          return c->int_base == 10 ? c->int_digits : "0x" + c->int_digits;
        case ast::ConstantKind::Float: {
          char buf[64];
          auto res = std::to_chars(buf, buf + sizeof buf, c->float_value);
          std::string text(buf, res.ptr);
          if (text.find_first_of(".en") == std::string::npos) text += ".0";
          return text;
        }
        default: return ast::enum_name(c->value_kind);
      }
    }
    if (auto* u = ast::dyn_cast<ast::UnaryOp>(e); u && u->op == ast::UnaryOpKind::USub) {
      std::string inner = literal_text(u->operand);
      if (inner.empty() || inner == "0") return inner;  // -0 folds to the int 0
      return "-" + inner;
    }
    if (auto* b = ast::dyn_cast<ast::BinOp>(e)) {
      std::string l = literal_text(b->left), r = literal_text(b->right);
      if (l.empty() || r.empty()) return "";
      return "(" + l + (b->op == ast::BinOpKind::Add ? "+" : "-") + r + ")";
    }
    return "";
  }

  // What makes two literal keys the same dict key: numbers by value (0 == -0 == 0.0 ==
  // False), strings and bytes by content.
  static std::string literal_key(const ast::Expr* e) {
    bool negative = false;
    if (auto* u = ast::dyn_cast<ast::UnaryOp>(e)) {
      negative = true;
      e = u->operand;
    }
    auto* c = ast::dyn_cast<ast::Constant>(e);
    if (!c) return "expr:" + literal_text(e);
    double number = 0;
    switch (c->value_kind) {
      case ast::ConstantKind::True: number = 1; break;
      case ast::ConstantKind::False: number = 0; break;
      case ast::ConstantKind::Int:
        if (!c->int_fits_int64) return std::string(negative ? "-" : "") + "int:" + c->int_digits;
        number = static_cast<double>(c->int_small);
        break;
      case ast::ConstantKind::Float: number = c->float_value; break;
      default: return literal_text(e);
    }
    if (negative) number = -number;
    if (number == 0) number = 0;  // -0.0 == 0
    return "num:" + std::to_string(number);
  }

  std::string* msg_;
  const ast::Node* at_ = nullptr;
  std::vector<std::string> stores_;
  bool allow_irrefutable_ = false;
};

}  // namespace

const ast::Node* check_match_patterns(const ast::Match& match, std::string* msg) {
  PatternChecker checker(msg);
  for (std::size_t i = 0; i < match.cases.size(); ++i) {
    const ast::MatchCase* c = match.cases[i];
    bool allow = c->guard != nullptr || i + 1 == match.cases.size();
    if (const ast::Node* at = checker.check_case(c->pattern, allow)) return at;
  }
  return nullptr;
}

}  // namespace gopy
