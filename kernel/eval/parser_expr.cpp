// Expressions. CPython: Grammar/python.gram from star_expressions down to atom, with the
// binary operators parsed by precedence climbing (same associativity and precedence).
#include <charconv>
#include <cmath>
#include <cstdlib>

#include "eval/parser_impl.hpp"

namespace gopy::parser {
namespace {

// Binary operator precedence, lowest 1 (`|`) to highest 6 (`*`); 0: not a binary operator.
int precedence(const Token& t) {
  if (t.type != TokenType::Op) return 0;
  switch (t.op) {
    case Op::VBar: return 1;
    case Op::Circumflex: return 2;
    case Op::Amper: return 3;
    case Op::LeftShift: case Op::RightShift: return 4;
    case Op::Plus: case Op::Minus: return 5;
    case Op::Star: case Op::Slash: case Op::DoubleSlash: case Op::Percent: case Op::At: return 6;
    default: return 0;
  }
}

ast::BinOpKind binop_kind(Op op) {
  using B = ast::BinOpKind;
  switch (op) {
    case Op::VBar: return B::BitOr;
    case Op::Circumflex: return B::BitXor;
    case Op::Amper: return B::BitAnd;
    case Op::LeftShift: return B::LShift;
    case Op::RightShift: return B::RShift;
    case Op::Plus: return B::Add;
    case Op::Minus: return B::Sub;
    case Op::Star: return B::Mult;
    case Op::Slash: return B::Div;
    case Op::DoubleSlash: return B::FloorDiv;
    case Op::Percent: return B::Mod;
    default: return B::MatMult;
  }
}

}  // namespace

ast::Expr* Parser::star_expressions() {
  const Token& start = cur();
  ast::Expr* first = star_expression();
  if (!first) return nullptr;
  if (!at_op(Op::Comma)) return first;
  auto* tuple = node<ast::Tuple>(start);
  tuple->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (!starts_expression(cur()) && !at_op(Op::Star)) break;
    ast::Expr* e = star_expression();
    if (!e) return nullptr;
    tuple->elts.push_back(e);
  }
  return finish(tuple);
}

ast::Expr* Parser::star_expression() {
  if (at_op(Op::Star)) {
    const Token& star = advance();
    ast::Expr* value = bitwise_or();
    if (!value) return nullptr;
    auto* s = node<ast::Starred>(star);
    s->value = value;
    return finish(s);
  }
  return expression();
}

ast::Expr* Parser::star_named_expression() {
  if (at_op(Op::Star)) {
    if (!starts_expression(peek(1)) && peek(1).type != TokenType::Error) {
      advance();
      return error_at(cur(), "Invalid star expression");
    }
    return star_expression();
  }
  return named_expression();
}

ast::Expr* Parser::named_expression() {
  if (at_type(TokenType::Name) && cur().keyword == Keyword::None_ &&
      peek(1).type == TokenType::Op && peek(1).op == Op::ColonEqual) {
    const Token& name_tok = advance();
    advance();  // ':='
    auto* target = node<ast::Name>(name_tok);
    target->id = identifier(name_tok);
    target->ctx = ast::ExprContext::Store;
    target->loc.end_lineno = name_tok.end_lineno;
    target->loc.end_col_offset = name_tok.end_col;
    ast::Expr* value = expression();
    if (!value) return nullptr;
    auto* n = node<ast::NamedExpr>(name_tok);
    n->target = target;
    n->value = value;
    return finish(n);
  }
  ast::Expr* e = expression();
  if (e && at_op(Op::ColonEqual)) {
    // CPython: invalid_named_expression, when a value follows the ':='.
    std::size_t saved = mark_;
    advance();
    bool had_error = has_error_;
    ast::Expr* value = expression();
    if (!had_error && has_error_ && error_.from_tokenizer) return nullptr;
    has_error_ = had_error;
    mark_ = saved;
    if (value)
      return error_node(e, std::string("cannot use assignment expressions with ") + expr_name(e));
  }
  return e;
}

ast::Expr* Parser::expression() {
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  if (at_kw(Keyword::Lambda)) return lambda();
  ast::Expr* body = disjunction();
  if (!body || !at_kw(Keyword::If)) return body;
  advance();
  ast::Expr* test = disjunction();
  if (!test) return nullptr;
  if (!accept_kw(Keyword::Else)) {
    if (at_op(Op::Colon)) return invalid_syntax();
    return error_nodes(body, test, "expected 'else' after 'if' expression");
  }
  // CPython: invalid_expression's `disjunction 'if' disjunction 'else' !expression`
  // (`yield` and a starred item are no expression).
  if (!starts_expression(cur()) || at_kw(Keyword::Yield))
    return error_at(cur(), "expected expression after 'else', but statement is given");
  ast::Expr* orelse = expression();
  if (!orelse) return nullptr;
  auto* n = node_from<ast::IfExp>(body);
  n->test = test;
  n->body = body;
  n->orelse = orelse;
  end_at(n, orelse);
  return n;
}

ast::Expr* Parser::disjunction() {
  ast::Expr* first = conjunction();
  if (!first || !at_kw(Keyword::Or)) return first;
  auto* n = node_from<ast::BoolOp>(first);
  n->op = ast::BoolOpKind::Or;
  n->values.push_back(first);
  while (accept_kw(Keyword::Or)) {
    ast::Expr* e = conjunction();
    if (!e) return nullptr;
    n->values.push_back(e);
  }
  end_at(n, n->values.back());
  return n;
}

ast::Expr* Parser::conjunction() {
  ast::Expr* first = inversion();
  if (!first || !at_kw(Keyword::And)) return first;
  auto* n = node_from<ast::BoolOp>(first);
  n->op = ast::BoolOpKind::And;
  n->values.push_back(first);
  while (accept_kw(Keyword::And)) {
    ast::Expr* e = inversion();
    if (!e) return nullptr;
    n->values.push_back(e);
  }
  end_at(n, n->values.back());
  return n;
}

ast::Expr* Parser::inversion() {
  if (!at_kw(Keyword::Not)) return comparison();
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  const Token& kw = advance();
  ast::Expr* operand = inversion();
  if (!operand) return nullptr;
  auto* n = node<ast::UnaryOp>(kw);
  n->op = ast::UnaryOpKind::Not;
  n->operand = operand;
  end_at(n, operand);
  return n;
}

ast::Expr* Parser::comparison() {
  TokenPos start = here();
  ast::Expr* left = bitwise_or();
  if (!left) return nullptr;
  ast::Compare* n = nullptr;
  for (;;) {
    const Token& t = cur();
    ast::CmpOpKind op;
    int width = 1;
    if (t.type == TokenType::Op) {
      switch (t.op) {
        case Op::EqEqual: op = ast::CmpOpKind::Eq; break;
        case Op::NotEqual:
          if (token_text(t) == "<>") return invalid_syntax();
          op = ast::CmpOpKind::NotEq;
          break;
        case Op::Less: op = ast::CmpOpKind::Lt; break;
        case Op::LessEqual: op = ast::CmpOpKind::LtE; break;
        case Op::Greater: op = ast::CmpOpKind::Gt; break;
        case Op::GreaterEqual: op = ast::CmpOpKind::GtE; break;
        default: goto done;
      }
    } else if (t.type == TokenType::Name && t.keyword == Keyword::In) {
      op = ast::CmpOpKind::In;
    } else if (t.type == TokenType::Name && t.keyword == Keyword::Not &&
               peek(1).type == TokenType::Name && peek(1).keyword == Keyword::In) {
      op = ast::CmpOpKind::NotIn;
      width = 2;
    } else if (t.type == TokenType::Name && t.keyword == Keyword::Is) {
      if (peek(1).type == TokenType::Name && peek(1).keyword == Keyword::Not) {
        op = ast::CmpOpKind::IsNot;
        width = 2;
      } else {
        op = ast::CmpOpKind::Is;
      }
    } else {
      break;
    }
    for (int i = 0; i < width; ++i) advance();
    ast::Expr* right = bitwise_or();
    if (!right) return nullptr;
    if (!n) {
      n = node_from<ast::Compare>(left);
      n->left = left;
    }
    n->ops.push_back(op);
    n->comparators.push_back(right);
  }
done:
  if (!n) return left;
  return span_tokens(n, start);
}

ast::Expr* Parser::binary(int min_precedence) {
  TokenPos start = here();
  ast::Expr* left = factor();
  if (!left) return nullptr;
  for (;;) {
    int p = precedence(cur());
    if (p == 0 || p < min_precedence) return left;
    Op op = advance().op;
    ast::Expr* right = binary(p + 1);
    if (!right) return nullptr;
    auto* n = node_from<ast::BinOp>(left);
    n->left = left;
    n->op = binop_kind(op);
    n->right = right;
    left = span_tokens(n, start);
  }
}

ast::Expr* Parser::factor() {
  const Token& t = cur();
  if (t.type != TokenType::Op || (t.op != Op::Plus && t.op != Op::Minus && t.op != Op::Tilde))
    return power();
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  advance();
  ast::Expr* operand = factor();
  if (!operand) return nullptr;
  auto* n = node<ast::UnaryOp>(t);
  n->op = t.op == Op::Plus ? ast::UnaryOpKind::UAdd
          : t.op == Op::Minus ? ast::UnaryOpKind::USub : ast::UnaryOpKind::Invert;
  n->operand = operand;
  end_at(n, operand);
  return n;
}

// `yield [star_expressions]` or `yield from expression` (CPython: yield_expr).
ast::Expr* Parser::yield_expr() {
  const Token& t = advance();
  if (accept_kw(Keyword::From)) {
    ast::Expr* value = expression();
    if (!value) return nullptr;
    auto* n = node<ast::YieldFrom>(t);
    n->value = value;
    end_at(n, value);
    return n;
  }
  auto* n = node<ast::Yield>(t);
  const Token& next = cur();
  bool bare = next.type == TokenType::Newline || next.type == TokenType::EndMarker ||
              (next.type == TokenType::Op &&
               (next.op == Op::RPar || next.op == Op::RSqb || next.op == Op::RBrace || next.op == Op::Semi ||
                next.op == Op::Equal || next.op == Op::Colon || next.op == Op::Exclamation));
  if (bare) return finish(n);
  ast::Expr* value = star_expressions();
  if (!value) return nullptr;
  n->value = value;
  end_at(n, value);
  return n;
}

ast::Expr* Parser::power() {
  TokenPos start = here();
  ast::Expr* base;
  if (at_kw(Keyword::Await)) {
    const Token& t = advance();
    ast::Expr* operand = primary();
    if (!operand) return nullptr;
    auto* n = node<ast::Await>(t);
    n->value = operand;
    end_at(n, operand);
    base = n;
  } else {
    base = primary();
  }
  if (!base || !at_op(Op::DoubleStar)) return base;
  DepthGuard guard(*this);
  if (!guard.ok()) return nullptr;
  advance();
  ast::Expr* exponent = factor();
  if (!exponent) return nullptr;
  auto* n = node_from<ast::BinOp>(base);
  n->left = base;
  n->op = ast::BinOpKind::Pow;
  n->right = exponent;
  return span_tokens(n, start);
}

ast::Expr* Parser::primary() {
  TokenPos start = here();
  ast::Expr* e = atom();
  while (e) {
    if (at_op(Op::Dot)) {
      advance();
      if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
      auto* n = node_from<ast::Attribute>(e);
      n->value = e;
      n->attr = identifier(advance());
      e = span_tokens(n, start);
    } else if (at_op(Op::LPar)) {
      auto* n = node_from<ast::Call>(e);
      n->func = e;
      e = call(n);
      if (e) span_tokens(e, start);
    } else if (at_op(Op::LSqb)) {
      e = subscript(e);
      if (e) span_tokens(e, start);
    } else {
      break;
    }
  }
  return e;
}

ast::Expr* Parser::atom() {
  const Token& t = cur();
  switch (t.type) {
    case TokenType::Name: {
      auto constant = [&](ast::ConstantKind k) {
        advance();
        auto* c = node<ast::Constant>(t);
        c->value_kind = k;
        return finish(c);
      };
      switch (t.keyword) {
        case Keyword::None_: {
          advance();
          auto* n = node<ast::Name>(t);
          n->id = identifier(t);
          return finish(n);
        }
        case Keyword::True: return constant(ast::ConstantKind::True);
        case Keyword::False: return constant(ast::ConstantKind::False);
        case Keyword::None: return constant(ast::ConstantKind::None);
        case Keyword::Lambda: return lambda();
        default: return invalid_statement_expression(mark_);
      }
    }
    case TokenType::Number: return number(advance());
    case TokenType::String:
    case TokenType::FStringStart: return strings();
    case TokenType::Op:
      switch (t.op) {
        case Op::LPar: return paren_atom();
        case Op::LSqb: return list_atom();
        case Op::LBrace: return brace_atom();
        case Op::Ellipsis: {
          advance();
          auto* c = node<ast::Constant>(t);
          c->value_kind = ast::ConstantKind::Ellipsis;
          return finish(c);
        }
        default: return invalid_syntax();
      }
    default: return invalid_syntax();
  }
}

// `(...)`: empty tuple, parenthesized expression, tuple or generator expression.
ast::Expr* Parser::paren_atom() {
  const Token& open = advance();
  if (accept_op(Op::RPar)) return finish(node<ast::Tuple>(open));
  if (at_kw(Keyword::Yield)) {
    ast::Expr* y = yield_expr();
    if (!y) return nullptr;
    if (!at_op(Op::RPar)) return invalid_syntax();
    advance();
    parenthesized_.insert(y);
    return y;
  }
  ast::Expr* first = star_named_expression();
  if (!first) return nullptr;
  if ((at_kw(Keyword::For) || at_kw(Keyword::Async)) && first->kind == ast::ExprKind::Starred)
    return error_node(first, "iterable unpacking cannot be used in comprehension");
  if (at_kw(Keyword::For) || at_kw(Keyword::Async)) {
    auto* g = node<ast::GeneratorExp>(open);
    g->elt = first;
    if (!comprehension_clauses(g->generators)) return nullptr;
    if (!accept_op(Op::RPar)) return invalid_syntax();
    return finish(g);
  }
  if (at_op(Op::Comma)) {
    auto* tuple = node<ast::Tuple>(open);
    tuple->elts.push_back(first);
    if (!elements_until(tuple->elts, Op::RPar)) return nullptr;
    parenthesized_.insert(tuple);
    return finish(tuple);
  }
  if (!at_op(Op::RPar)) {
    if (at_op(Op::Equal)) return invalid_named_assignment(first);
    if (starts_expression(cur())) return juxtaposed_expressions(first);
    return invalid_syntax();
  }
  advance();
  if (first->kind == ast::ExprKind::Starred)
    return error_node(first, "cannot use starred expression here");
  parenthesized_.insert(first);
  return first;
}

// After the first element and at a ',': the rest of a list, tuple or set display.
bool Parser::elements_until(ast::ExprList& out, Op closer) {
  while (accept_op(Op::Comma)) {
    if (at_op(closer) || at_kw(Keyword::For)) break;
    ast::Expr* e = star_named_expression();
    if (!e) return false;
    out.push_back(e);
  }
  if (accept_op(closer)) return true;
  if (at_kw(Keyword::For) && closer != Op::RPar && !out.empty()) {
    // CPython: invalid_comprehension ("[a, b for a, b in c]").
    std::vector<ast::Comprehension*> ignored;
    if (!comprehension_clauses(ignored)) return false;
    error_nodes(out.front(), out.back(), "did you forget parentheses around the comprehension target?");
    return false;
  }
  if (at_op(Op::Equal) && !out.empty()) {
    invalid_named_assignment(out.back());
    return false;
  }
  if (!out.empty() && starts_expression(cur())) {
    juxtaposed_expressions(out.back());
    return false;
  }
  invalid_syntax();
  return false;
}

ast::Expr* Parser::list_atom() {
  const Token& open = advance();
  auto* list = node<ast::List>(open);
  if (accept_op(Op::RSqb)) return finish(list);
  ast::Expr* first = star_named_expression();
  if (!first) return nullptr;
  if ((at_kw(Keyword::For) || at_kw(Keyword::Async)) && first->kind == ast::ExprKind::Starred)
    return error_node(first, "iterable unpacking cannot be used in comprehension");
  if (at_kw(Keyword::For) || at_kw(Keyword::Async)) {
    auto* comp = node<ast::ListComp>(open);
    comp->elt = first;
    if (!comprehension_clauses(comp->generators)) return nullptr;
    if (!accept_op(Op::RSqb)) return invalid_syntax();
    return finish(comp);
  }
  list->elts.push_back(first);
  if (!elements_until(list->elts, Op::RSqb)) return nullptr;
  return finish(list);
}

ast::Expr* Parser::brace_atom() {
  const Token& open = advance();
  if (accept_op(Op::RBrace)) return finish(node<ast::Dict>(open));
  ast::Expr* first_key = nullptr;
  ast::Expr* first_value = nullptr;
  if (at_op(Op::DoubleStar)) {
    const Token& stars = advance();
    first_value = bitwise_or();
    if (!first_value) return nullptr;
    if (at_kw(Keyword::For) || at_kw(Keyword::Async)) {
      return error_loc(stars.lineno, stars.col, stars.lineno, stars.end_col,
                       "dict unpacking cannot be used in dict comprehension");
    }
  } else {
    ast::Expr* first = star_named_expression();
    if (!first) return nullptr;
    if (!at_op(Op::Colon)) {
      // A set display or comprehension.
      if ((at_kw(Keyword::For) || at_kw(Keyword::Async)) && first->kind == ast::ExprKind::Starred)
        return error_node(first, "iterable unpacking cannot be used in comprehension");
      if (at_kw(Keyword::For) || at_kw(Keyword::Async)) {
        auto* comp = node<ast::SetComp>(open);
        comp->elt = first;
        if (!comprehension_clauses(comp->generators)) return nullptr;
        if (!accept_op(Op::RBrace)) return invalid_syntax();
        return finish(comp);
      }
      auto* set = node<ast::Set>(open);
      set->elts.push_back(first);
      if (!elements_until(set->elts, Op::RBrace)) return nullptr;
      return finish(set);
    }
    if (first->kind == ast::ExprKind::Starred)
      return error_node(first, "cannot use a starred expression in a dictionary key");
    const Token& colon = advance();
    if (at_op(Op::RBrace) || at_op(Op::Comma)) {
      return error_at(colon, "expression expected after dictionary key and ':'");
    }
    first_key = first;
    first_value = expression();
    if (!first_value) return nullptr;
    if (at_kw(Keyword::For) || at_kw(Keyword::Async)) {
      auto* comp = node<ast::DictComp>(open);
      comp->key = first_key;
      comp->value = first_value;
      if (!comprehension_clauses(comp->generators)) return nullptr;
      if (!accept_op(Op::RBrace)) return invalid_syntax();
      return finish(comp);
    }
  }
  auto* dict = node<ast::Dict>(open);
  dict->keys.push_back(first_key);
  dict->values.push_back(first_value);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::RBrace)) break;
    if (accept_op(Op::DoubleStar)) {
      ast::Expr* v = bitwise_or();
      if (!v) return nullptr;
      dict->keys.push_back(nullptr);
      dict->values.push_back(v);
      continue;
    }
    ast::Expr* k = expression();
    if (!k) return nullptr;
    if (!at_op(Op::Colon)) {
      if (at_type(TokenType::Error)) return tokenizer_failure();
      // CPython: invalid_kvpair
      return error_loc(k->loc.lineno, k->loc.end_col_offset - 1, k->loc.end_lineno, -1,
                       "':' expected after dictionary key");
    }
    const Token& colon = advance();
    if (at_op(Op::RBrace) || at_op(Op::Comma))
      return error_at(colon, "expression expected after dictionary key and ':'");
    ast::Expr* v = expression();
    if (!v) return nullptr;
    dict->keys.push_back(k);
    dict->values.push_back(v);
  }
  if (!accept_op(Op::RBrace)) {
    if (starts_expression(cur())) return juxtaposed_expressions(dict->values.back());
    return invalid_syntax();
  }
  return finish(dict);
}

ast::Expr* Parser::lambda() {
  const Token& kw = advance();
  auto* n = node<ast::Lambda>(kw);
  if (!parameters(n->args, Op::Colon, false)) return nullptr;
  if (!accept_op(Op::Colon)) return invalid_syntax();
  ++function_depth_;
  n->body = expression();
  --function_depth_;
  if (!n->body) return nullptr;
  end_at(n, n->body);
  return n;
}

ast::Arg* Parser::parameter(bool annotations, bool star_annotation) {
  const Token& t = cur();
  if (t.type != TokenType::Name || t.keyword != Keyword::None_) return invalid_syntax();
  advance();
  auto* a = node<ast::Arg>(t);
  a->arg = identifier(t);
  finish(a);
  if (annotations && accept_op(Op::Colon)) {
    // `*args: *Ts` (PEP 646): only the var-positional parameter takes a starred annotation.
    a->annotation = star_annotation && at_op(Op::Star) ? star_expression() : expression();
    if (!a->annotation) return nullptr;
    end_at(a, a->annotation);
  }
  return a;
}

// Parameters of a def (closer ')', with annotations) or a lambda (closer ':').
// CPython: parameters / lambda_parameters and invalid_parameters.
bool Parser::parameters(ast::Arguments& args, Op closer, bool annotations) {
  bool seen_slash = false;
  bool seen_star = false;
  bool seen_default = false;
  while (!at_op(closer)) {
    if (at_op(Op::Slash)) {
      const Token& slash = advance();
      if (seen_slash) return error_at(slash, "/ may appear only once"), false;
      if (seen_star) return error_at(slash, "/ must be ahead of *"), false;
      if (args.args.empty())  // CPython: invalid_parameters' a="/" ','
        return error_at(slash, at_op(Op::Comma) ? "at least one argument must precede /" : "invalid syntax"), false;
      seen_slash = true;
      args.posonlyargs = std::move(args.args);
      args.args.clear();
    } else if (at_op(Op::DoubleStar)) {
      advance();
      args.kwarg = parameter(annotations);
      if (!args.kwarg) return false;
      if (at_op(Op::Equal))
        return error_at(cur(), "var-keyword argument cannot have default value"), false;
      if (accept_op(Op::Comma) && !at_op(closer))
        return error_at(cur(), "arguments cannot follow var-keyword argument"), false;
      break;
    } else if (at_op(Op::Star)) {
      const Token& star = advance();
      if (seen_star) return error_at(star, "* argument may appear only once"), false;
      seen_star = true;
      if (at_op(Op::Comma) || at_op(closer)) {
        bool named_follow = at_op(Op::Comma) && peek(1).type == TokenType::Name &&
                            peek(1).keyword == Keyword::None_;
        if (!named_follow) return error_at(star, "named arguments must follow bare *"), false;
      } else {
        args.vararg = parameter(annotations, true);
        if (!args.vararg) return false;
        if (at_op(Op::Equal))
          return error_at(cur(), "var-positional argument cannot have default value"), false;
      }
    } else {
      ast::Arg* a = parameter(annotations);
      if (!a) return false;
      ast::Expr* def = nullptr;
      if (accept_op(Op::Equal)) {
        def = expression();
        if (!def) return false;
      }
      if (seen_star) {
        args.kwonlyargs.push_back(a);
        args.kw_defaults.push_back(def);
      } else {
        if (def) {
          args.defaults.push_back(def);
          seen_default = true;
        } else if (seen_default) {
          return error_node(a, "parameter without a default follows parameter with a default"),
                 false;
        }
        args.args.push_back(a);
      }
    }
    if (!accept_op(Op::Comma)) break;
  }
  return true;
}

// `(args)` of a call (and of a class's bases). CPython: arguments, kwargs, invalid_arguments.
ast::Expr* Parser::call(ast::Expr* call_node) {
  auto* n = ast::cast<ast::Call>(call_node);
  const Token& open = advance();
  bool seen_keyword = false;
  bool seen_double_star = false;
  ast::Expr* last = nullptr;
  // Argument-order errors are reported once the arguments are read, at the token that
  // ends them, as CPython's _PyPegen_arguments_parsing_error.
  const char* order_error = nullptr;
  Token order_error_start;
  while (!at_op(Op::RPar)) {
    const Token& t = cur();
    if (t.type == TokenType::Op && t.op == Op::Star) {
      Token before = prev();
      advance();
      if (!starts_expression(cur()) && cur().type != TokenType::Error)
        return error_at(cur(), "Invalid star expression");
      ast::Expr* v = expression();
      if (!v) return nullptr;
      auto* s = node<ast::Starred>(t);
      s->value = v;
      finish(s);
      // CPython: invalid_arguments / invalid_comprehension.
      if (at_kw(Keyword::For) || (at_kw(Keyword::Async) && peek(1).keyword == Keyword::For))
        return error_node(s, "iterable unpacking cannot be used in comprehension");
      if (seen_double_star && !order_error) {
        order_error = "iterable argument unpacking follows keyword argument unpacking";
        order_error_start = before;
      }
      n->args.push_back(s);
      last = s;
    } else if (t.type == TokenType::Op && t.op == Op::DoubleStar) {
      advance();
      ast::Expr* v = expression();
      if (!v) return nullptr;
      auto* k = node<ast::Keyword>(t);
      k->value = v;
      finish(k);
      n->keywords.push_back(k);
      seen_double_star = true;
      last = v;
    } else if (t.type == TokenType::Name &&
               (t.keyword == Keyword::None_ || t.keyword == Keyword::True ||
                t.keyword == Keyword::False || t.keyword == Keyword::None) &&
               peek(1).type == TokenType::Op && peek(1).op == Op::Equal) {
      if (t.keyword != Keyword::None_) {
        if (t.keyword == Keyword::True || t.keyword == Keyword::False || t.keyword == Keyword::None)
          return error_range(t, peek(1), "cannot assign to " + identifier(t));
        return error_range(t, peek(1),
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      advance();
      const Token& eq = advance();
      if (at_op(Op::RPar) || at_op(Op::Comma))
        return error_range(t, eq, "expected argument value expression");
      ast::Expr* v = expression();
      if (!v) return nullptr;
      auto* k = node<ast::Keyword>(t);
      k->arg = identifier(t);
      k->value = v;
      finish(k);
      n->keywords.push_back(k);
      seen_keyword = true;
      last = v;
    } else {
      ast::Expr* e = star_named_expression();
      if (!e) return nullptr;
      if (at_kw(Keyword::For) || at_kw(Keyword::Async)) {
        auto* g = node_from<ast::GeneratorExp>(e);
        g->elt = e;
        if (!comprehension_clauses(g->generators)) return nullptr;
        finish(g);
        bool alone = n->args.empty() && n->keywords.empty() && at_op(Op::RPar);
        if (!alone) {
          if (at_op(Op::Comma) || !n->args.empty() || !n->keywords.empty())
            return error_node(g, "Generator expression must be parenthesized");
          return invalid_syntax();
        }
        // A lone generator argument takes the call's parentheses as its own.
        g->loc.lineno = open.lineno;
        g->loc.col_offset = open.col;
        g->loc.end_lineno = cur().end_lineno;
        g->loc.end_col_offset = cur().end_col;
        e = g;
      } else if (at_op(Op::Equal)) {
        return error_range(t, cur(),
                           "expression cannot contain assignment, perhaps you meant \"==\"?");
      }
      if (!order_error && (seen_double_star || seen_keyword)) {
        order_error = seen_double_star ? "positional argument follows keyword argument unpacking"
                                       : "positional argument follows keyword argument";
      }
      n->args.push_back(e);
      last = e;
    }
    if (!accept_op(Op::Comma)) break;
  }
  if (!at_op(Op::RPar)) {
    if (last && starts_expression(cur())) return juxtaposed_expressions(last);
    return invalid_syntax();
  }
  if (order_error) {
    if (order_error_start.lineno > 0) {
      // From the ',' before the offending `*` to the end of the arguments.
      return error_loc(order_error_start.lineno, order_error_start.col, cur().lineno,
                       cur().col, order_error);
    }
    return error_at(cur(), order_error);
  }
  advance();
  return finish(n);
}

ast::Expr* Parser::slice_item() {
  const Token& start = cur();
  if (at_op(Op::Star)) return star_expression();
  ast::Expr* lower = nullptr;
  if (!at_op(Op::Colon)) {
    lower = named_expression();
    if (!lower) return nullptr;
    if (!at_op(Op::Colon)) return lower;
  }
  advance();  // ':'
  auto* s = node<ast::Slice>(start);
  s->lower = lower;
  if (!at_op(Op::Colon) && !at_op(Op::RSqb) && !at_op(Op::Comma)) {
    s->upper = expression();
    if (!s->upper) return nullptr;
  }
  if (accept_op(Op::Colon)) {
    if (!at_op(Op::RSqb) && !at_op(Op::Comma)) {
      s->step = expression();
      if (!s->step) return nullptr;
    }
  }
  return finish(s);
}

ast::Expr* Parser::subscript(ast::Expr* value) {
  advance();  // '['
  const Token& start = cur();
  ast::Expr* index = slice_item();
  if (!index) return nullptr;
  // CPython: slices: a starred item makes a tuple even alone (`a[*b]`, PEP 646).
  if (at_op(Op::Comma) || index->kind == ast::ExprKind::Starred) {
    auto* tuple = node<ast::Tuple>(start);
    tuple->elts.push_back(index);
    while (accept_op(Op::Comma)) {
      if (at_op(Op::RSqb)) break;
      ast::Expr* e = slice_item();
      if (!e) return nullptr;
      tuple->elts.push_back(e);
    }
    index = finish(tuple);
  }
  if (!accept_op(Op::RSqb)) {
    if (starts_expression(cur())) return juxtaposed_expressions(index);
    return invalid_syntax();
  }
  auto* n = node_from<ast::Subscript>(value);
  n->value = value;
  n->slice = index;
  return finish(n);
}

bool Parser::comprehension_clauses(std::vector<ast::Comprehension*>& out) {
  while (at_kw(Keyword::For) || (at_kw(Keyword::Async) && peek(1).keyword == Keyword::For)) {
    bool is_async = accept_kw(Keyword::Async);
    const Token& kw = advance();
    auto* c = node<ast::Comprehension>(kw);
    c->is_async = is_async;
    c->target = target_list(TargetsType::For, false);
    if (!c->target) return false;
    if (!accept_kw(Keyword::In)) {
      // CPython: invalid_for_if_clause, at the last token read.
      if (cur().type == TokenType::Error) tokenizer_failure();
      else error_at(tokens_.back(), "'in' expected after for-loop variables");
      return false;
    }
    if (!check_target(c->target, TargetsType::For)) return false;
    set_context(c->target, ast::ExprContext::Store);
    c->iter = disjunction();
    if (!c->iter) return false;
    while (accept_kw(Keyword::If)) {
      ast::Expr* cond = disjunction();
      if (!cond) return false;
      c->ifs.push_back(cond);
    }
    out.push_back(finish(c));
  }
  return true;
}

// CPython: Parser/pegen.c parsenumber (ints keep their digits for the big-int path).
ast::Expr* Parser::number(const Token& t) {
  std::string_view text = token_text(t);
  std::string clean;
  clean.reserve(text.size());
  for (char c : text)
    if (c != '_') clean += c;
  auto* c = node<ast::Constant>(t);
  finish(c);
  bool prefixed = clean.size() > 1 && clean[0] == '0' &&
                  (clean[1] == 'x' || clean[1] == 'X' || clean[1] == 'o' || clean[1] == 'O' ||
                   clean[1] == 'b' || clean[1] == 'B');
  const bool imaginary = !prefixed && (clean.back() == 'j' || clean.back() == 'J');
  if (imaginary) clean.pop_back();
  if (imaginary || (!prefixed && clean.find_first_of(".eE") != std::string::npos)) {
    c->value_kind = imaginary ? ast::ConstantKind::Complex : ast::ConstantKind::Float;
    double value = 0.0;
    auto res = std::from_chars(clean.data(), clean.data() + clean.size(), value);
    if (res.ec == std::errc::result_out_of_range) {
      // Overflow is inf and underflow 0.0, as strtod and CPython.
      std::size_t e = clean.find_first_of("eE");
      bool negative_exponent = e != std::string::npos && e + 1 < clean.size() && clean[e + 1] == '-';
      value = negative_exponent ? 0.0 : HUGE_VAL;
    }
    c->float_value = value;
    return c;
  }
  c->value_kind = ast::ConstantKind::Int;
  int base = 10;
  std::size_t skip = 0;
  if (prefixed) {
    char p = static_cast<char>(clean[1] | 0x20);
    base = p == 'x' ? 16 : p == 'o' ? 8 : 2;
    skip = 2;
  }
  std::size_t first = clean.find_first_not_of('0', skip);
  std::string digits = first == std::string::npos ? "0" : clean.substr(first);
  for (char& d : digits)
    if (d >= 'A' && d <= 'F') d = static_cast<char>(d | 0x20);
  c->int_base = base;
  std::int64_t small = 0;
  auto res = std::from_chars(digits.data(), digits.data() + digits.size(), small, base);
  c->int_fits_int64 = res.ec == std::errc() && res.ptr == digits.data() + digits.size();
  c->int_small = c->int_fits_int64 ? small : 0;
  c->int_digits = std::move(digits);
  return c;
}

}  // namespace gopy::parser
