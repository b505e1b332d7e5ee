// Recording syntax errors and turning them into CPython's SyntaxError details.
// CPython: Parser/pegen_errors.c (_PyPegen_raise_error, _Pypegen_set_syntax_error,
// _PyPegen_tokenize_full_source_to_check_for_errors), Parser/action_helpers.c
// (_PyPegen_get_expr_name), Parser/pegen.c (_PyPegen_get_invalid_target).
#include "eval/parser_impl.hpp"

namespace gopy::parser {

std::nullptr_t Parser::error_loc(int lineno, int col0, int end_lineno, int end_col0,
                                 const std::string& msg, const char* type) {
  if (has_error_) return nullptr;
  has_error_ = true;
  error_ = ParserError{};
  error_.type = type;
  error_.msg = msg;
  error_.lineno = lineno;
  error_.offset = col0 + 1;
  error_.end_lineno = end_lineno;
  error_.end_offset = end_col0 + 1;
  error_.check_rest = true;
  return nullptr;
}

void Parser::defer_error(const ast::Node* n, const std::string& msg) {
  if (has_deferred_) return;
  has_deferred_ = true;
  deferred_ = ParserError{};
  deferred_.msg = msg;
  deferred_.lineno = n->loc.lineno;
  deferred_.offset = n->loc.col_offset + 1;
  deferred_.end_lineno = n->loc.end_lineno;
  deferred_.end_offset = n->loc.end_col_offset + 1;
  deferred_.check_rest = false;
  deferred_.compile_phase = true;
}

std::nullptr_t Parser::error_at(const Token& t, const std::string& msg, const char* type) {
  return error_loc(t.lineno, t.col, t.end_lineno, t.end_col, msg, type);
}

std::nullptr_t Parser::error_range(const Token& from, const Token& to, const std::string& msg) {
  return error_loc(from.lineno, from.col, to.end_lineno, to.end_col, msg);
}

std::nullptr_t Parser::error_node(const ast::Node* n, const std::string& msg) {
  return error_loc(n->loc.lineno, n->loc.col_offset, n->loc.end_lineno, n->loc.end_col_offset,
                   msg);
}

std::nullptr_t Parser::error_nodes(const ast::Node* from, const ast::Node* to,
                                   const std::string& msg) {
  return error_loc(from->loc.lineno, from->loc.col_offset, to->loc.end_lineno,
                   to->loc.end_col_offset, msg);
}

std::nullptr_t Parser::unsupported(const Token& t, std::string_view construct) {
  return error_at(t, unsupported_message(construct));
}

std::nullptr_t Parser::unsupported_node(const ast::Node* n, std::string_view construct) {
  return error_node(n, unsupported_message(construct));
}

std::nullptr_t Parser::too_complex() {
  if (has_error_) return nullptr;
  // CPython: Parser/pegen_errors.c _Pypegen_stack_overflow (a MemoryError).
  error_loc(cur().lineno, cur().col, cur().end_lineno, cur().end_col,
            "Parser stack overflowed - Python source too complex to parse", "MemoryError");
  error_.check_rest = false;
  return nullptr;
}

std::nullptr_t Parser::tokenizer_failure() {
  if (has_error_) return nullptr;
  const TokenizerError& te = tok_.error();
  has_error_ = true;
  error_ = ParserError{};
  error_.from_tokenizer = true;
  error_.check_rest = false;
  if (te.at_eof_in_brackets) {
    // CPython: raise_unclosed_parentheses_error
    const OpenBracket& open = tok_.innermost_bracket();
    error_.msg = std::string("'") + open.ch + "' was never closed";
    error_.lineno = error_.end_lineno = open.lineno;
    error_.offset = open.col + 1;
    error_.end_offset = 0;
    return nullptr;
  }
  error_.type = te.type;
  error_.msg = te.msg;
  error_.lineno = te.lineno;
  error_.end_lineno = te.end_lineno;
  error_.offset = te.offset;
  error_.end_offset = te.end_offset;
  error_.text_without_newline = !te.text_with_newline;
  return nullptr;
}

// CPython: _Pypegen_set_syntax_error for a failure without a specific message.
std::nullptr_t Parser::invalid_syntax() {
  if (has_error_) return nullptr;
  const Token& t = cur();
  switch (t.type) {
    case TokenType::Error: return tokenizer_failure();
    case TokenType::Indent:
    case TokenType::Dedent: {
      // The offset is where the tokenizer stands: after the indentation.
      error_loc(t.lineno, t.end_col - 1, t.lineno, -2,
                t.type == TokenType::Indent ? "unexpected indent" : "unexpected unindent",
                "IndentationError");
      error_.check_rest = false;
      return nullptr;
    }
    default: {
      // CPython reports a generic error at the last token it read (p->tokens[p->fill-1]).
      const Token& furthest = tokens_.back();
      if (furthest.type == TokenType::Error) return tokenizer_failure();
      return error_at(furthest, "invalid syntax");
    }
  }
}

// CPython: _PyPegen_tokenize_full_source_to_check_for_errors. A tokenizer error later in
// the file replaces a parser error; an unclosed bracket only when it opened on an
// earlier line than the parser error.
void Parser::check_rest_for_tokenizer_errors() {
  if (mode_ == ParseMode::Single) return;  // CPython does not read ahead in the REPL
  bool tokenizer_failed = !tokens_.empty() && tokens_.back().type == TokenType::Error;
  error_line_ = tokens_.empty() ? 0 : tokens_.back().lineno;
  while (!tokenizer_failed) {
    Token t = tok_.next();
    if (t.type == TokenType::EndMarker) return;
    if (t.type == TokenType::Error) tokenizer_failed = true;
  }
  const TokenizerError& te = tok_.error();
  // Inside an f-string the parser's error stands; errors pegen itself reports (indentation,
  // tabs) never replace it.
  if (tok_.in_fstring() || te.text_with_newline) return;
  if (te.at_eof_in_brackets) {
    // CPython compares with the line of the last token the parser read.
    if (tok_.level() == 0 || error_line_ <= tok_.innermost_bracket().lineno) return;
  } else if (te.msg == "unexpected EOF while parsing") {
    return;
  }
  has_error_ = false;
  tokenizer_failure();
}

SyntaxErrorInfo Parser::finish_error() {
  if (error_.check_rest && !error_.from_tokenizer) check_rest_for_tokenizer_errors();
  SyntaxErrorInfo info;
  info.type = error_.type;
  info.msg = error_.msg;
  info.filename = filename_;
  info.lineno = error_.lineno;
  info.end_lineno = error_.end_lineno;
  info.compile_phase = error_.compile_phase;
  std::string_view line = error_.lineno > 0 ? tok_.line_text(error_.lineno) : std::string_view();
  info.text = std::string(line);
  if (!error_.text_without_newline && error_.lineno > 0 &&
      static_cast<std::size_t>(line.data() - tok_.source().data()) + line.size() <
          tok_.source().size()) {
    info.text += '\n';
  }
  info.offset = error_.offset > 0 ? byte_to_char_offset(line, error_.offset) : error_.offset;
  if (error_.end_offset > 0) {
    std::string_view end_line =
        error_.end_lineno == error_.lineno ? line : tok_.line_text(error_.end_lineno);
    info.end_offset = byte_to_char_offset(end_line, error_.end_offset);
  } else {
    info.end_offset = error_.end_offset;
  }
  return info;
}

// CPython: Parser/action_helpers.c _PyPegen_get_expr_name
const char* Parser::expr_name(const ast::Expr* e) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::Attribute: return "attribute";
    case K::Subscript: return "subscript";
    case K::Starred: return "starred";
    case K::Name: return "name";
    case K::List: return "list";
    case K::Tuple: return "tuple";
    case K::Lambda: return "lambda";
    case K::Call: return "function call";
    case K::BoolOp:
    case K::BinOp:
    case K::UnaryOp: return "expression";
    case K::GeneratorExp: return "generator expression";
    case K::ListComp: return "list comprehension";
    case K::SetComp: return "set comprehension";
    case K::DictComp: return "dict comprehension";
    case K::Dict: return "dict literal";
    case K::Set: return "set display";
    case K::JoinedStr:
    case K::FormattedValue: return "f-string expression";
    case K::Constant: {
      switch (ast::cast<ast::Constant>(e)->value_kind) {
        case ast::ConstantKind::None: return "None";
        case ast::ConstantKind::True: return "True";
        case ast::ConstantKind::False: return "False";
        case ast::ConstantKind::Ellipsis: return "ellipsis";
        default: return "literal";
      }
    }
    case K::Compare: return "comparison";
    case K::IfExp: return "conditional expression";
    case K::NamedExpr: return "named expression";
    case K::Slice: return "slice";
    case K::Await: return "await expression";
    case K::Yield:
    case K::YieldFrom: return "yield expression";
  }
  return "expression";
}

// CPython: Parser/pegen.c _PyPegen_get_invalid_target
const ast::Expr* Parser::invalid_target(const ast::Expr* e, TargetsType type) {
  using K = ast::ExprKind;
  switch (e->kind) {
    case K::List:
    case K::Tuple: {
      const ast::ExprList& elts = e->kind == K::List ? ast::cast<ast::List>(e)->elts
                                                     : ast::cast<ast::Tuple>(e)->elts;
      for (const ast::Expr* elt : elts)
        if (const ast::Expr* bad = invalid_target(elt, type)) return bad;
      return nullptr;
    }
    case K::Starred:
      if (type == TargetsType::Del) return e;
      return invalid_target(ast::cast<ast::Starred>(e)->value, type);
    case K::Compare:
      if (type == TargetsType::For) {
        auto* cmp = ast::cast<ast::Compare>(e);
        if (cmp->ops[0] == ast::CmpOpKind::In) return invalid_target(cmp->left, type);
        return nullptr;
      }
      return e;
    case K::Name:
    case K::Subscript:
    case K::Attribute: return nullptr;
    default: return e;
  }
}

// The first bitwise-or operand at the left edge of `e` (what CPython's
// invalid_named_expression matches as `b=bitwise_or`), or nullptr.
static const ast::Expr* leftmost_bitwise_or(const ast::Expr* e) {
  for (;;) {
    switch (e->kind) {
      case ast::ExprKind::IfExp: e = ast::cast<ast::IfExp>(e)->body; break;
      case ast::ExprKind::BoolOp: e = ast::cast<ast::BoolOp>(e)->values.front(); break;
      case ast::ExprKind::Compare: e = ast::cast<ast::Compare>(e)->left; break;
      case ast::ExprKind::Lambda: return nullptr;
      case ast::ExprKind::UnaryOp:
        if (ast::cast<ast::UnaryOp>(e)->op == ast::UnaryOpKind::Not) return nullptr;
        return e;
      default: return e;
    }
  }
}

// An assignment with an invalid target. CPython: invalid_named_expression (tried first,
// on the statement's leading `a = b`), then invalid_assignment.
std::nullptr_t Parser::invalid_assignment(const ast::ExprList& targets, const ast::Expr* bad) {
  const ast::Expr* first = targets.front();
  if (first->kind == ast::ExprKind::Name && !is_parenthesized(first) && targets.size() >= 2 &&
      bad != first) {
    const ast::Expr* second = targets[1];
    const ast::Expr* b = leftmost_bitwise_or(second);
    if (b && b != second && !is_parenthesized(second))
      return error_nodes(first, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  const ast::Expr* candidate = first;
  if (auto* tuple = ast::dyn_cast<ast::Tuple>(first); tuple && !is_parenthesized(first))
    candidate = tuple->elts.back();
  bool excluded = candidate->kind == ast::ExprKind::List ||
                  candidate->kind == ast::ExprKind::Tuple ||
                  candidate->kind == ast::ExprKind::GeneratorExp ||
                  candidate->kind == ast::ExprKind::Starred;
  if (auto* c = ast::dyn_cast<ast::Constant>(candidate)) {
    excluded = excluded || c->value_kind == ast::ConstantKind::True ||
               c->value_kind == ast::ConstantKind::False ||
               c->value_kind == ast::ConstantKind::None;
  }
  bool bitwise_or_level = is_parenthesized(candidate) || leftmost_bitwise_or(candidate) == candidate;
  if (targets.size() == 1 && !excluded && bitwise_or_level &&
      invalid_target(candidate, TargetsType::Star) && at_op(Op::Equal)) {
    // `a = b` with `b` a bitwise-or expression not followed by '=' or ':=': probe it.
    std::size_t saved_mark = mark_;
    bool had_error = has_error_;
    advance();
    ast::Expr* b = bitwise_or();
    bool fits = b && !at_op(Op::Equal) && !at_op(Op::ColonEqual);
    if (!had_error && has_error_ && error_.from_tokenizer) return nullptr;
    has_error_ = had_error;
    mark_ = saved_mark;
    if (fits) {
      return error_node(candidate, std::string("cannot assign to ") + expr_name(candidate) +
                                       " here. Maybe you meant '==' instead of '='?");
    }
  }
  // A bare yield before '=' is no star_expressions target (CPython: invalid_assignment's
  // yield_expr alternative).
  if ((bad->kind == ast::ExprKind::Yield || bad->kind == ast::ExprKind::YieldFrom) && !is_parenthesized(bad))
    return error_node(bad, "assignment to yield expression not possible");
  return error_node(bad, std::string("cannot assign to ") + expr_name(bad));
}

bool Parser::is_parenthesized(const ast::Expr* e) const {
  return parenthesized_.count(e) != 0;
}

// Two expressions side by side (`a b`). CPython: invalid_expression and
// invalid_legacy_expression in Grammar/python.gram.
std::nullptr_t Parser::juxtaposed_expressions(ast::Expr* a) {
  if (failed()) return nullptr;
  // The expression that ends where `b` starts: a lambda's body, a conditional's `else`.
  for (;;) {
    if (auto* l = ast::dyn_cast<ast::Lambda>(a)) a = l->body;
    else if (auto* c = ast::dyn_cast<ast::IfExp>(a)) a = c->orelse;
    else break;
  }
  const Token& b_start = cur();
  if (auto* name = ast::dyn_cast<ast::Name>(a);
      name && (name->id == "print" || name->id == "exec") && !is_parenthesized(a)) {
    std::size_t saved = mark_;
    ast::Expr* b = star_expressions();
    if (b) {
      return error_nodes(a, b, "Missing parentheses in call to '" + name->id + "'. Did you mean " +
                                   name->id + "(...)?");
    }
    if (failed()) return nullptr;
    mark_ = saved;
  }
  bool name_then_string = a->kind == ast::ExprKind::Name && !is_parenthesized(a) &&
                          (b_start.type == TokenType::String ||
                           b_start.type == TokenType::FStringStart);
  bool inside_brackets = mark_ > 0 && prev().level > 0;
  // CPython's second pass parses `b` wherever this happens (reading further tokens, which
  // matters for a later "'(' was never closed"), and names the missing comma only inside
  // brackets. A generic error stays where the first pass stopped.
  std::size_t first_pass_end = tokens_.size();
  if (!name_then_string && b_start.type != TokenType::Error) {
    std::size_t saved = mark_;
    bool had_error = has_error_;
    ast::Expr* b = expression();
    if (!had_error && has_error_ && error_.from_tokenizer) return nullptr;
    has_error_ = had_error;
    if (b && inside_brackets) return error_nodes(a, b, "invalid syntax. Perhaps you forgot a comma?");
    mark_ = saved;
    // PEG backtracking would still find a one-token `b` (`f(a b(,))`).
    bool single_token = b_start.type == TokenType::Number || b_start.type == TokenType::String ||
                        (b_start.type == TokenType::Name && b_start.keyword == Keyword::None_);
    if (!b && inside_brackets && single_token) {
      return error_loc(a->loc.lineno, a->loc.col_offset, b_start.end_lineno, b_start.end_col,
                       "invalid syntax. Perhaps you forgot a comma?");
    }
  }
  const Token& furthest = tokens_[first_pass_end - 1];
  if (furthest.type == TokenType::Error) return tokenizer_failure();
  if (cur().type == TokenType::Indent || cur().type == TokenType::Dedent) return invalid_syntax();
  return error_at(furthest, "invalid syntax");
}

// `if x = 1:` and the like. CPython: invalid_named_expression.
std::nullptr_t Parser::invalid_named_assignment(ast::Expr* a) {
  std::size_t saved = mark_;
  advance();  // '='
  ast::Expr* b = bitwise_or();
  if (!b) {
    if (failed()) return nullptr;
    mark_ = saved;
    return invalid_syntax();
  }
  if (at_op(Op::Equal) || at_op(Op::ColonEqual)) {
    mark_ = saved;
    return invalid_syntax();
  }
  if (a->kind == ast::ExprKind::Name && !is_parenthesized(a)) {
    return error_nodes(a, b, "invalid syntax. Maybe you meant '==' or ':=' instead of '='?");
  }
  bool excluded = a->kind == ast::ExprKind::List || a->kind == ast::ExprKind::Tuple ||
                  a->kind == ast::ExprKind::GeneratorExp;
  if (auto* c = ast::dyn_cast<ast::Constant>(a)) {
    excluded = excluded || c->value_kind == ast::ConstantKind::True ||
               c->value_kind == ast::ConstantKind::False ||
               c->value_kind == ast::ConstantKind::None;
  }
  bool bitwise_or_level = is_parenthesized(a) ||
                          !(a->kind == ast::ExprKind::Compare || a->kind == ast::ExprKind::BoolOp ||
                            a->kind == ast::ExprKind::IfExp || a->kind == ast::ExprKind::Lambda ||
                            (a->kind == ast::ExprKind::UnaryOp &&
                             ast::cast<ast::UnaryOp>(a)->op == ast::UnaryOpKind::Not));
  if (!excluded && bitwise_or_level) {
    return error_node(a, std::string("cannot assign to ") + expr_name(a) +
                             " here. Maybe you meant '==' instead of '='?");
  }
  mark_ = saved;
  return invalid_syntax();
}

}  // namespace gopy::parser
