// The match statement and its patterns (PEP 634). CPython: Grammar/python.gram match_stmt,
// case_block, patterns ... keyword_pattern, and invalid_match_stmt, invalid_case_block,
// invalid_as_pattern, invalid_class_pattern.
#include "eval/parser_impl.hpp"

namespace gopy::parser {
namespace {

bool is_soft_keyword(std::string_view text, const Token& t, std::string_view word) {
  return t.type == TokenType::Name && t.keyword == Keyword::None_ && text == word;
}

}  // namespace

// `match` is a soft keyword: a match statement's header is `match <subject>:` followed by
// NEWLINE, which no expression statement is.
bool Parser::at_match_statement() {
  const Token& t = cur();
  if (!is_soft_keyword(token_text(t), t, "match")) return false;
  const Token& next = peek(1);
  bool operand_start = starts_expression(next) || (next.type == TokenType::Op && next.op == Op::Star);
  if (!operand_start) return false;
  // `match x` without its colon is no expression statement either (CPython:
  // invalid_match_stmt says "expected ':'").
  bool juxtaposed = next.type == TokenType::Name || next.type == TokenType::Number || next.type == TokenType::String;
  for (std::size_t i = 1;; ++i) {
    const Token& u = peek(i);
    if (u.type == TokenType::Newline || u.type == TokenType::EndMarker || u.type == TokenType::Error)
      return juxtaposed && u.type == TokenType::Newline;
    if (u.type == TokenType::Op && u.op == Op::Colon && u.level == 0 && peek(i + 1).type == TokenType::Newline)
      return true;
  }
}

ast::Stmt* Parser::match_statement() {
  const Token& kw = advance();
  auto* s = node<ast::Match>(kw);
  s->subject = subject_expression();
  if (!s->subject) return nullptr;
  if (!at_op(Op::Colon)) {
    if (at_type(TokenType::Newline)) return error_at(cur(), "expected ':'");
    return invalid_syntax();
  }
  advance();
  advance();  // NEWLINE
  if (!at_type(TokenType::Indent)) {
    if (at_type(TokenType::Error)) return tokenizer_failure();
    std::string msg = "expected an indented block after 'match' statement on line " + std::to_string(kw.lineno);
    if (at_type(TokenType::Dedent))  // as block(): the new line's indentation, no end
      return error_loc(cur().lineno, cur().col - 1, cur().lineno, -2, msg, "IndentationError");
    return error_at(cur(), msg, "IndentationError");
  }
  advance();
  while (!at_type(TokenType::Dedent) && !at_type(TokenType::EndMarker)) {
    if (at_type(TokenType::Error)) return tokenizer_failure();
    const Token& case_kw = cur();
    if (!is_soft_keyword(token_text(case_kw), case_kw, "case")) return invalid_syntax();
    advance();
    auto* c = node<ast::MatchCase>(case_kw);
    c->pattern = patterns();
    if (!c->pattern) return nullptr;
    if (accept_kw(Keyword::If)) {
      c->guard = named_expression();
      if (!c->guard) return nullptr;
    }
    // CPython: the ':' is not forced; invalid_case_block says "expected ':'" only before a
    // NEWLINE.
    if (!at_op(Op::Colon)) {
      if (at_type(TokenType::Newline)) return error_at(cur(), "expected ':'");
      return invalid_syntax();
    }
    advance();
    if (!block(c->body, case_kw, "'case' statement")) return nullptr;
    end_at(c, c->body.back());
    s->cases.push_back(c);
  }
  if (s->cases.empty()) return invalid_syntax();
  if (at_type(TokenType::Dedent)) advance();
  end_at(s, s->cases.back());
  return s;
}

// CPython: subject_expr: a starred tuple without parentheses, or a named expression.
ast::Expr* Parser::subject_expression() {
  ast::Expr* first = star_named_expression();
  if (!first) return nullptr;
  if (!at_op(Op::Comma)) {
    if (first->kind == ast::ExprKind::Starred) return invalid_syntax();
    return first;
  }
  auto* tuple = node_from<ast::Tuple>(first);
  tuple->elts.push_back(first);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::Colon)) break;
    ast::Expr* e = star_named_expression();
    if (!e) return nullptr;
    tuple->elts.push_back(e);
  }
  return finish(tuple);
}

// CPython: patterns: an open sequence pattern (`case a, *b:`) or one pattern.
ast::Pattern* Parser::patterns() {
  const Token& start = cur();
  ast::Pattern* first = maybe_star_pattern();
  if (!first) return nullptr;
  if (!at_op(Op::Comma)) {
    if (first->kind == ast::PatternKind::MatchStar) return invalid_syntax();
    return first;
  }
  auto* seq = node<ast::MatchSequence>(start);
  seq->patterns.push_back(first);
  while (accept_op(Op::Comma)) {
    if (at_op(Op::Colon) || at_kw(Keyword::If)) break;
    ast::Pattern* p = maybe_star_pattern();
    if (!p) return nullptr;
    seq->patterns.push_back(p);
  }
  return finish(seq);
}

ast::Pattern* Parser::maybe_star_pattern() {
  if (!at_op(Op::Star)) return pattern();
  const Token& star = advance();
  auto* p = node<ast::MatchStar>(star);
  if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
  std::string name = identifier(advance());
  if (name != "_") p->name = name;
  return finish(p);
}

// CPython: as_pattern | or_pattern, with invalid_as_pattern.
ast::Pattern* Parser::pattern() {
  DepthGuard guard(*this);
  if (!guard.ok()) return too_complex();
  ast::Pattern* p = or_pattern();
  if (!p || !at_kw(Keyword::As)) return p;
  advance();
  const Token& target = cur();
  if (is_soft_keyword(token_text(target), target, "_"))
    return error_at(target, "cannot use '_' as a target");
  std::string name;
  if (target.type == TokenType::Name && target.keyword == Keyword::None_ &&
      !(peek(1).type == TokenType::Op && (peek(1).op == Op::Dot || peek(1).op == Op::LPar || peek(1).op == Op::Equal))) {
    name = identifier(advance());
  } else {
    ast::Expr* e = expression();
    if (!e) return nullptr;
    return error_node(e, std::string("cannot use ") + expr_name(e) + " as pattern target");
  }
  auto* as = node_from<ast::MatchAs>(p);
  as->pattern = p;
  as->name = name;
  return finish(as);
}

ast::Pattern* Parser::or_pattern() {
  ast::Pattern* first = closed_pattern();
  if (!first || !at_op(Op::VBar)) return first;
  auto* alt = node_from<ast::MatchOr>(first);
  alt->patterns.push_back(first);
  while (accept_op(Op::VBar)) {
    ast::Pattern* p = closed_pattern();
    if (!p) return nullptr;
    alt->patterns.push_back(p);
  }
  return finish(alt);
}

ast::Pattern* Parser::closed_pattern() {
  const Token& t = cur();
  if (t.type == TokenType::Name) {
    switch (t.keyword) {
      case Keyword::None: case Keyword::True: case Keyword::False: {
        advance();
        auto* p = node<ast::MatchSingleton>(t);
        p->value = t.keyword == Keyword::None ? ast::ConstantKind::None
                   : t.keyword == Keyword::True ? ast::ConstantKind::True : ast::ConstantKind::False;
        return finish(p);
      }
      case Keyword::None_: break;
      default: return invalid_syntax();
    }
    if (is_soft_keyword(token_text(t), t, "_") &&
        !(peek(1).type == TokenType::Op && (peek(1).op == Op::Dot || peek(1).op == Op::LPar))) {
      advance();
      return finish(node<ast::MatchAs>(t));
    }
    ast::Expr* name = name_or_attr();
    if (!name) return nullptr;
    if (at_op(Op::LPar)) return class_pattern(name);
    if (auto* n = ast::dyn_cast<ast::Name>(name)) {
      auto* p = node<ast::MatchAs>(t);
      p->name = n->id;
      return finish(p);
    }
    auto* p = node<ast::MatchValue>(t);
    p->value = name;
    return finish(p);
  }
  if (t.type == TokenType::Op && t.op == Op::LSqb) return sequence_pattern(Op::RSqb, advance());
  if (t.type == TokenType::Op && t.op == Op::LBrace) return mapping_pattern();
  if (t.type == TokenType::Op && t.op == Op::LPar) {
    const Token& open = advance();
    if (at_op(Op::RPar)) return sequence_pattern(Op::RPar, open);
    ast::Pattern* inner = maybe_star_pattern();
    if (!inner) return nullptr;
    if (at_op(Op::RPar)) {
      // A group pattern; `(*x)` is no pattern (a one-item sequence needs its comma).
      if (inner->kind == ast::PatternKind::MatchStar) return invalid_syntax();
      advance();
      return inner;
    }
    if (!at_op(Op::Comma)) return invalid_syntax();
    auto* seq = node<ast::MatchSequence>(open);
    seq->patterns.push_back(inner);
    while (accept_op(Op::Comma)) {
      if (at_op(Op::RPar)) break;
      ast::Pattern* p = maybe_star_pattern();
      if (!p) return nullptr;
      seq->patterns.push_back(p);
    }
    if (!accept_op(Op::RPar)) return invalid_syntax();
    return finish(seq);
  }
  ast::Expr* value = literal_expr();
  if (!value) return nullptr;
  auto* p = node_from<ast::MatchValue>(value);
  p->value = value;
  return finish(p);
}

// `[p, *q]` or `(p, *q)` after its opening bracket.
ast::Pattern* Parser::sequence_pattern(Op closer, const Token& open) {
  auto* seq = node<ast::MatchSequence>(open);
  while (!at_op(closer)) {
    ast::Pattern* p = maybe_star_pattern();
    if (!p) return nullptr;
    seq->patterns.push_back(p);
    if (!accept_op(Op::Comma)) break;
  }
  if (!accept_op(closer)) return invalid_syntax();
  return finish(seq);
}

// `{key: p, **rest}`.
ast::Pattern* Parser::mapping_pattern() {
  auto* m = node<ast::MatchMapping>(advance());
  while (!at_op(Op::RBrace)) {
    if (accept_op(Op::DoubleStar)) {
      if (!capture_target(m->rest)) return nullptr;
      accept_op(Op::Comma);
      break;
    }
    ast::Expr* key = nullptr;
    if (at_type(TokenType::Name) && cur().keyword == Keyword::None_) {
      key = name_or_attr();
      if (key && key->kind == ast::ExprKind::Name) return error_node(key, "invalid syntax");
    } else {
      key = literal_expr();
    }
    if (!key) return nullptr;
    if (!expect_op(Op::Colon)) return nullptr;
    ast::Pattern* p = pattern();
    if (!p) return nullptr;
    m->keys.push_back(key);
    m->patterns.push_back(p);
    if (!accept_op(Op::Comma)) break;
  }
  if (!accept_op(Op::RBrace)) return invalid_syntax();
  return finish(m);
}

// `cls(p, q, attr=r)` after the class name.
ast::Pattern* Parser::class_pattern(ast::Expr* cls) {
  auto* c = node_from<ast::MatchClass>(cls);
  c->cls = cls;
  advance();  // '('
  ast::Pattern* misplaced_first = nullptr;
  ast::Pattern* misplaced_last = nullptr;
  while (!at_op(Op::RPar)) {
    bool keyword = at_type(TokenType::Name) && cur().keyword == Keyword::None_ &&
                   peek(1).type == TokenType::Op && peek(1).op == Op::Equal;
    if (keyword) {
      // CPython: invalid_class_pattern: the first run of positional patterns after a
      // keyword pattern is the error.
      if (misplaced_first) return error_nodes(misplaced_first, misplaced_last, "positional patterns follow keyword patterns");
      c->kwd_attrs.push_back(identifier(advance()));
      advance();  // '='
      ast::Pattern* p = pattern();
      if (!p) return nullptr;
      c->kwd_patterns.push_back(p);
    } else {
      ast::Pattern* p = pattern();
      if (!p) return nullptr;
      if (!c->kwd_patterns.empty()) {
        if (!misplaced_first) misplaced_first = p;
        misplaced_last = p;
      } else {
        c->patterns.push_back(p);
      }
    }
    if (!accept_op(Op::Comma)) break;
  }
  if (!accept_op(Op::RPar)) return invalid_syntax();
  // CPython: invalid_class_pattern
  if (misplaced_first) return error_nodes(misplaced_first, misplaced_last, "positional patterns follow keyword patterns");
  return finish(c);
}

// A signed number, a complex literal `real +/- imag`, or a string (CPython: literal_expr
// without None/True/False; complex_number, _PyPegen_ensure_real and _PyPegen_ensure_imaginary).
ast::Expr* Parser::literal_expr() {
  const Token& t = cur();
  if (t.type == TokenType::String || t.type == TokenType::FStringStart) return strings();
  auto is_imaginary = [&](const Token& n) {
    std::string_view text = token_text(n);
    return !text.empty() && (text.back() == 'j' || text.back() == 'J');
  };
  ast::Expr* real = nullptr;
  ast::Expr* real_number = nullptr;  // the NUMBER itself, where a wrong kind is reported
  bool real_is_imaginary = false;
  if (t.type == TokenType::Number) {
    real_is_imaginary = is_imaginary(t);
    real = real_number = number(advance());
  } else if (t.type == TokenType::Op && t.op == Op::Minus && peek(1).type == TokenType::Number) {
    advance();
    auto* u = node<ast::UnaryOp>(t);
    u->op = ast::UnaryOpKind::USub;
    real_is_imaginary = is_imaginary(cur());
    u->operand = real_number = number(advance());
    if (!u->operand) return nullptr;
    real = finish(u);
  }
  if (real) {
    if (!(cur().type == TokenType::Op && (cur().op == Op::Plus || cur().op == Op::Minus) &&
          peek(1).type == TokenType::Number))
      return real;
    if (real_is_imaginary) return error_node(real_number, "real number required in complex literal");
    const Token& sign = advance();
    const Token& imag_token = cur();
    if (!is_imaginary(imag_token)) return error_at(imag_token, "imaginary number required in complex literal");
    auto* b = node_from<ast::BinOp>(real);
    b->left = real;
    b->op = sign.op == Op::Plus ? ast::BinOpKind::Add : ast::BinOpKind::Sub;
    b->right = number(advance());
    if (!b->right) return nullptr;
    return finish(b);
  }
  if (t.type == TokenType::Name && t.keyword != Keyword::None_) {
    auto* c = node<ast::Constant>(t);
    switch (t.keyword) {
      case Keyword::None: c->value_kind = ast::ConstantKind::None; break;
      case Keyword::True: c->value_kind = ast::ConstantKind::True; break;
      case Keyword::False: c->value_kind = ast::ConstantKind::False; break;
      default: return invalid_syntax();
    }
    advance();
    return finish(c);
  }
  return invalid_syntax();
}

// NAME ('.' NAME)*: a Name or an Attribute chain in Load context.
ast::Expr* Parser::name_or_attr() {
  const Token& t = advance();
  auto* n = node<ast::Name>(t);
  n->id = identifier(t);
  ast::Expr* e = finish(n);
  while (accept_op(Op::Dot)) {
    if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
    auto* a = node_from<ast::Attribute>(e);
    a->value = e;
    a->attr = identifier(advance());
    e = finish(a);
  }
  return e;
}

// A capture target NAME (not `_`) for `**rest`.
bool Parser::capture_target(std::string& name) {
  const Token& t = cur();
  if (t.type != TokenType::Name || t.keyword != Keyword::None_ || token_text(t) == "_") return invalid_syntax(), false;
  name = identifier(advance());
  return true;
}

}  // namespace gopy::parser
