// Statements and blocks. CPython: Grammar/python.gram (statements, compound_stmt,
// simple_stmts, block and their invalid_* rules).
#include <algorithm>

#include "eval/parser_impl.hpp"

namespace gopy::parser {
namespace {

bool is_augassign(Op op) {
  switch (op) {
    case Op::PlusEqual: case Op::MinEqual: case Op::StarEqual: case Op::SlashEqual:
    case Op::PercentEqual: case Op::AmperEqual: case Op::VBarEqual: case Op::CircumflexEqual:
    case Op::LeftShiftEqual: case Op::RightShiftEqual: case Op::DoubleStarEqual:
    case Op::DoubleSlashEqual: case Op::AtEqual:
      return true;
    default:
      return false;
  }
}

ast::BinOpKind augassign_op(Op op) {
  using B = ast::BinOpKind;
  switch (op) {
    case Op::PlusEqual: return B::Add;
    case Op::MinEqual: return B::Sub;
    case Op::StarEqual: return B::Mult;
    case Op::SlashEqual: return B::Div;
    case Op::PercentEqual: return B::Mod;
    case Op::AmperEqual: return B::BitAnd;
    case Op::VBarEqual: return B::BitOr;
    case Op::CircumflexEqual: return B::BitXor;
    case Op::LeftShiftEqual: return B::LShift;
    case Op::RightShiftEqual: return B::RShift;
    case Op::DoubleStarEqual: return B::Pow;
    case Op::DoubleSlashEqual: return B::FloorDiv;
    default: return B::MatMult;
  }
}

const ast::Stmt* last_statement(const ast::StmtList& a, const ast::StmtList& b = {},
                                const ast::StmtList& c = {}) {
  if (!c.empty()) return c.back();
  if (!b.empty()) return b.back();
  return a.empty() ? nullptr : a.back();
}

}  // namespace

bool Parser::statements_until(ast::StmtList& out, TokenType end) {
  while (!at_type(end)) {
    if (at_type(TokenType::Newline)) {
      advance();
      continue;
    }
    if (!statement(out)) return false;
  }
  return true;
}

bool Parser::statement(ast::StmtList& out) {
  const Token& t = cur();
  // `match x:` starts with a soft keyword.
  if (at_match_statement()) {
    ast::Stmt* s = match_statement();
    if (!s) return false;
    out.push_back(s);
    return true;
  }
  if (t.type == TokenType::Name) {
    switch (t.keyword) {
      case Keyword::If: case Keyword::While: case Keyword::For: case Keyword::Try:
      case Keyword::Def: case Keyword::Class: case Keyword::With: case Keyword::Async: {
        ast::Stmt* s = compound_statement();
        if (!s) return false;
        out.push_back(s);
        return true;
      }
      default: break;
    }
  } else if (t.type == TokenType::Op && t.op == Op::At) {
    ast::Stmt* s = decorated();
    if (!s) return false;
    out.push_back(s);
    return true;
  }
  return simple_statements(out);
}

bool Parser::simple_statements(ast::StmtList& out) {
  for (;;) {
    ast::Stmt* s = simple_statement();
    if (!s) return false;
    out.push_back(s);
    if (!accept_op(Op::Semi)) break;
    if (at_type(TokenType::Newline)) break;
  }
  if (!at_type(TokenType::Newline)) {
    if (at_kw(Keyword::If) && !failed()) invalid_statement_expression(mark_ - 1);
    else invalid_syntax();
    return false;
  }
  advance();
  return true;
}

ast::Stmt* Parser::simple_statement() {
  const Token& t = cur();
  // `type X = ...` is a simple statement starting with a soft keyword.
  if (t.type == TokenType::Name && t.keyword == Keyword::None_ && token_text(t) == "type" &&
      peek(1).type == TokenType::Name && peek(1).keyword == Keyword::None_ && peek(2).type == TokenType::Op &&
      (peek(2).op == Op::Equal || peek(2).op == Op::LSqb))
    return type_alias();
  if (t.type == TokenType::Name) {
    switch (t.keyword) {
      case Keyword::Pass: advance(); return finish(node<ast::Pass>(t));
      case Keyword::Break: {
        advance();
        auto* s = finish(node<ast::Break>(t));
        if (loop_depth_ == 0) defer_error(s, "'break' outside loop");
        return s;
      }
      case Keyword::Continue: {
        advance();
        auto* s = finish(node<ast::Continue>(t));
        if (loop_depth_ == 0) defer_error(s, "'continue' not properly in loop");
        return s;
      }
      case Keyword::Return: return return_statement();
      case Keyword::Raise: return raise_statement();
      case Keyword::Global: return global_statement(false);
      case Keyword::Nonlocal: return global_statement(true);
      case Keyword::Del: return del_statement();
      case Keyword::Assert: return assert_statement();
      case Keyword::Import: return import_statement();
      case Keyword::From: return from_import_statement();
      default: break;
    }
  }
  return expression_statement();
}

ast::Stmt* Parser::expression_statement() {
  const Token& start = cur();
  ast::Expr* e = at_kw(Keyword::Yield) ? yield_expr() : star_expressions();
  if (!e) return nullptr;
  if (at_op(Op::Equal)) {
    ast::ExprList targets{e};
    ast::Expr* value = nullptr;
    while (at_op(Op::Equal)) {
      // A bad target is reported whatever follows the '=' (CPython: invalid_assignment).
      if (const ast::Expr* bad = invalid_target(targets.back(), TargetsType::Star))
        return invalid_assignment(targets, bad);
      advance();
      value = at_kw(Keyword::Yield) ? yield_expr() : star_expressions();
      if (!value) return nullptr;
      if (at_op(Op::Equal)) targets.push_back(value);
    }
    for (ast::Expr* target : targets) {
      // CPython's compiler errors, found here since they need only the tree.
      if (target->kind == ast::ExprKind::Starred)
        defer_error(target, "starred assignment target must be in a list or tuple");
      if (const ast::Expr* debug = debug_target(target))
        defer_error(debug, "cannot assign to __debug__");
    }
    if (value->kind == ast::ExprKind::Starred)
      defer_error(value, "can't use starred expression here");
    for (ast::Expr* target : targets) set_context(target, ast::ExprContext::Store);
    auto* s = node<ast::Assign>(start);
    s->targets = std::move(targets);
    s->value = value;
    return finish(s);
  }
  if (cur().type == TokenType::Op && is_augassign(cur().op)) {
    if (!(e->kind == ast::ExprKind::Name || e->kind == ast::ExprKind::Attribute ||
          e->kind == ast::ExprKind::Subscript)) {
      return error_node(e, std::string("'") + expr_name(e) +
                               "' is an illegal expression for augmented assignment");
    }
    Op op = advance().op;
    ast::Expr* value = at_kw(Keyword::Yield) ? yield_expr() : star_expressions();
    if (!value) return nullptr;
    set_context(e, ast::ExprContext::Store);
    auto* s = node<ast::AugAssign>(start);
    s->target = e;
    s->op = augassign_op(op);
    s->value = value;
    return finish(s);
  }
  if (at_op(Op::Colon)) {
    bool parenthesized = is_parenthesized(e);
    advance();
    ast::Expr* annotation = expression();
    if (!annotation) return nullptr;
    // CPython: invalid_ann_assign_target and the annotated-assignment messages, which
    // need a well-formed annotation.
    if (e->kind == ast::ExprKind::Tuple || e->kind == ast::ExprKind::List) {
      const ast::Node* where = e;
      if (auto* tuple = ast::dyn_cast<ast::Tuple>(e); tuple && !parenthesized && !tuple->elts.empty())
        where = tuple->elts.front();
      return error_node(where, std::string("only single target (not ") +
                                   (e->kind == ast::ExprKind::Tuple ? "tuple" : "list") +
                                   ") can be annotated");
    }
    if (!(e->kind == ast::ExprKind::Name || e->kind == ast::ExprKind::Attribute ||
          e->kind == ast::ExprKind::Subscript)) {
      return error_node(e, "illegal target for annotation");
    }
    ast::Expr* value = nullptr;
    if (accept_op(Op::Equal)) {
      value = at_kw(Keyword::Yield) ? yield_expr() : star_expressions();
      if (!value) return nullptr;
    }
    set_context(e, ast::ExprContext::Store);
    auto* s = node<ast::AnnAssign>(start);
    s->target = e;
    s->annotation = annotation;
    s->value = value;
    s->simple = e->kind == ast::ExprKind::Name && !parenthesized;
    return finish(s);
  }
  if (starts_expression(cur())) return juxtaposed_expressions(e);
  if (at_op(Op::ColonEqual) && !is_parenthesized(e)) return invalid_syntax();
  if (e->kind == ast::ExprKind::Starred) defer_error(e, "can't use starred expression here");
  auto* s = node<ast::ExprStmt>(start);
  s->value = e;
  return finish(s);
}

ast::Stmt* Parser::compound_statement() {
  const Token& t = cur();
  switch (t.keyword) {
    case Keyword::If: return if_statement(false);
    case Keyword::While: return while_statement();
    case Keyword::For: return for_statement();
    case Keyword::Try: return try_statement();
    case Keyword::Def: return function_def();
    case Keyword::Class: return class_def();
    case Keyword::With: return with_statement();
    case Keyword::Async: {
      const Token& next = peek(1);
      if (next.keyword == Keyword::Def) return function_def(&advance());
      if (next.keyword == Keyword::For) return for_statement(&advance());
      if (next.keyword == Keyword::With) return with_statement(&advance());
      return invalid_syntax();
    }
    default: return invalid_syntax();
  }
}

// CPython: block and invalid_block: after ':', either an indented suite or simple
// statements on the same line.
bool Parser::block(ast::StmtList& out, const Token& keyword, const char* what) {
  int keyword_line = keyword.lineno;
  if (!at_type(TokenType::Newline)) {
    if (at_type(TokenType::Error)) {
      tokenizer_failure();
      return false;
    }
    return simple_statements(out);
  }
  advance();
  if (!at_type(TokenType::Indent)) {
    if (at_type(TokenType::Error)) {
      tokenizer_failure();
      return false;
    }
    std::string msg = std::string("expected an indented block after ") + what + " on line " +
                      std::to_string(keyword_line);
    if (at_type(TokenType::EndMarker)) {
      const Token& nl = prev();
      error_loc(nl.lineno, nl.col, nl.lineno, -2, msg, "IndentationError");
    } else if (at_type(TokenType::Dedent)) {
      // A DEDENT has no column of its own: CPython reports the tokenizer's, the new line's
      // indentation, unshifted, and no end (pegen_errors.c _PyPegen_raise_error).
      error_loc(cur().lineno, cur().col - 1, cur().lineno, -2, msg, "IndentationError");
    } else {
      error_at(cur(), msg, "IndentationError");
    }
    return false;
  }
  advance();
  while (!at_type(TokenType::Dedent)) {
    if (at_type(TokenType::EndMarker) || at_type(TokenType::Error)) {
      invalid_syntax();
      return false;
    }
    if (!statement(out)) return false;
  }
  advance();
  return true;
}

// An if/elif/while condition: a named expression, with CPython's hint for `=`.
ast::Expr* Parser::condition() {
  ast::Expr* test = named_expression();
  if (!test) return nullptr;
  if (at_op(Op::Equal)) return invalid_named_assignment(test);
  if (!at_op(Op::Colon)) {
    if (at_type(TokenType::Newline)) return error_at(cur(), "expected ':'");
    if (starts_expression(cur())) return juxtaposed_expressions(test);
    return invalid_syntax();
  }
  return test;
}

// An elif chain is read in a loop (each elif is an If alone in the previous orelse), so
// thousands of elifs cost no stack.
ast::Stmt* Parser::if_statement(bool is_elif) {
  std::vector<ast::If*> chain;
  for (;;) {
    const Token& kw = advance();
    auto* s = node<ast::If>(kw);
    if (!chain.empty()) chain.back()->orelse.push_back(s);
    chain.push_back(s);
    s->test = condition();
    if (!s->test) return nullptr;
    advance();  // ':'
    if (!block(s->body, kw, is_elif ? "'elif' statement" : "'if' statement")) return nullptr;
    if (!at_kw(Keyword::Elif)) break;
    is_elif = true;
  }
  if (at_kw(Keyword::Else)) {
    const Token& else_kw = advance();
    if (!expect_forced(Op::Colon, ":")) return nullptr;
    if (!block(chain.back()->orelse, else_kw, "'else' statement")) return nullptr;
  }
  for (auto it = chain.rbegin(); it != chain.rend(); ++it)
    end_at(*it, last_statement((*it)->body, (*it)->orelse));
  return chain.front();
}

ast::Stmt* Parser::while_statement() {
  const Token& kw = advance();
  auto* s = node<ast::While>(kw);
  s->test = condition();
  if (!s->test) return nullptr;
  advance();
  ++loop_depth_;
  bool ok = block(s->body, kw, "'while' statement");
  --loop_depth_;
  if (!ok) return nullptr;
  if (at_kw(Keyword::Else)) {
    const Token& else_kw = advance();
    if (!expect_forced(Op::Colon, ":")) return nullptr;
    if (!block(s->orelse, else_kw, "'else' statement")) return nullptr;
  }
  end_at(s, last_statement(s->body, s->orelse));
  return s;
}

ast::Stmt* Parser::for_statement(const Token* async_kw) {
  const Token& kw = advance();
  if (async_kw) {
    auto* s = node<ast::AsyncFor>(*async_kw);
    if (!for_rest(kw, s)) return nullptr;
    return s;
  }
  auto* s = node<ast::For>(kw);
  if (!for_rest(kw, s)) return nullptr;
  return s;
}

template <class Loop>
bool Parser::for_rest(const Token& kw, Loop* s) {
  s->target = target_list(TargetsType::For);
  if (!s->target) return false;
  if (!accept_kw(Keyword::In)) return invalid_syntax(), false;
  s->iter = star_expressions();
  if (!s->iter) return false;
  if (!at_op(Op::Colon)) {
    if (at_type(TokenType::Newline)) return error_at(cur(), "expected ':'"), false;
    return invalid_syntax(), false;
  }
  advance();
  ++loop_depth_;
  bool ok = block(s->body, kw, "'for' statement");
  --loop_depth_;
  if (!ok) return false;
  if (at_kw(Keyword::Else)) {
    const Token& else_kw = advance();
    if (!expect_forced(Op::Colon, ":")) return false;
    if (!block(s->orelse, else_kw, "'else' statement")) return false;
  }
  end_at(s, last_statement(s->body, s->orelse));
  return true;
}

ast::Stmt* Parser::try_statement() {
  const Token& kw = advance();
  ast::StmtList body;
  if (!expect_forced(Op::Colon, ":")) return nullptr;
  if (!block(body, kw, "'try' statement")) return nullptr;
  std::vector<ast::ExceptHandler*> handlers;
  bool star = at_kw(Keyword::Except) && peek(1).type == TokenType::Op && peek(1).op == Op::Star;
  while (at_kw(Keyword::Except)) {
    const Token& except_kw = advance();
    bool this_star = at_op(Op::Star);
    if (this_star != star) {
      // CPython: invalid_try_stmt
      if (this_star) return error_range(except_kw, cur(), "cannot have both 'except' and 'except*' on the same 'try'");
      return error_at(except_kw, "cannot have both 'except' and 'except*' on the same 'try'");
    }
    auto* handler = node<ast::ExceptHandler>(except_kw);
    if (star) advance();
    if (!except_clause(except_kw, handler, star)) return nullptr;
    if (!handlers.empty() && !handlers.back()->type) {
      // CPython: invalid_try_stmt / invalid_except_stmt_indent ("must be last")
      return error_node(handlers.back(), "default 'except:' must be last");
    }
    handlers.push_back(handler);
  }
  ast::StmtList orelse, finalbody;
  if (at_kw(Keyword::Else) && !handlers.empty()) {
    const Token& else_kw = advance();
    if (!expect_forced(Op::Colon, ":")) return nullptr;
    if (!block(orelse, else_kw, "'else' statement")) return nullptr;
  }
  if (at_kw(Keyword::Finally)) {
    const Token& finally_kw = advance();
    if (!expect_forced(Op::Colon, ":")) return nullptr;
    if (!block(finalbody, finally_kw, "'finally' statement")) return nullptr;
  }
  if (handlers.empty() && finalbody.empty()) {
    if (at_type(TokenType::Error)) return tokenizer_failure();
    // At a DEDENT before more code, CPython reports the new line's indentation, unshifted
    // (pegen_errors.c _PyPegen_raise_error with a token of no column).
    if (at_type(TokenType::Dedent) && peek(1).type != TokenType::EndMarker && peek(1).type != TokenType::Dedent)
      return error_loc(cur().lineno, cur().col - 1, cur().lineno, -2, "expected 'except' or 'finally' block");
    // At the end of the input, CPython's DEDENT stands at the end of the last line read.
    if (at_type(TokenType::Dedent) || at_type(TokenType::EndMarker)) {
      std::string_view src = tok_.source();
      if (!src.empty() && src.back() == '\n') src.remove_suffix(1);
      const std::size_t last_nl = src.rfind('\n');
      const int line = 1 + int(std::count(src.begin(), src.end(), '\n'));
      const int col = int(src.size() - (last_nl == std::string_view::npos ? 0 : last_nl + 1));
      return error_loc(line, col, line, -2, "expected 'except' or 'finally' block");
    }
    return error_at(cur(), "expected 'except' or 'finally' block");
  }
  const ast::Stmt* last = finalbody.empty() ? last_statement(body, handlers.back()->body, orelse)
                                            : finalbody.back();
  auto fill = [&](auto* s) {
    s->body = std::move(body);
    s->handlers = std::move(handlers);
    s->orelse = std::move(orelse);
    s->finalbody = std::move(finalbody);
    end_at(s, last);
    return s;
  };
  if (star) return fill(node<ast::TryStar>(kw));
  return fill(node<ast::Try>(kw));
}

// One `except [*] [type [as name]]: body` after its keyword (and star).
bool Parser::except_clause(const Token& except_kw, ast::ExceptHandler* handler, bool star) {
  if (star && (at_op(Op::Colon) || at_type(TokenType::Newline))) {
    // CPython: invalid_except_star_stmt
    error_at(cur(), "expected one or more exception types");
    return false;
  }
  if (!at_op(Op::Colon)) {
    const Token& type_start = cur();
    handler->type = expression();
    if (!handler->type) return false;
    if (at_op(Op::Comma)) {
      // PEP 758 (3.14): `except A, B:` without parentheses, but not with `as`.
      auto* tuple = node_from<ast::Tuple>(handler->type);
      tuple->elts.push_back(handler->type);
      while (accept_op(Op::Comma)) {
        ast::Expr* e = expression();
        if (!e) return false;
        tuple->elts.push_back(e);
      }
      end_at(tuple, tuple->elts.back());
      if (at_kw(Keyword::As)) {
        advance();
        const Token& name = cur();
        error_range(type_start, name.type == TokenType::Name ? name : type_start,
                    "multiple exception types must be parenthesized when using 'as'");
        return false;
      }
      handler->type = tuple;
    }
    if (accept_kw(Keyword::As)) {
      bool plain_name = at_type(TokenType::Name) && cur().keyword == Keyword::None_ &&
                        peek(1).type == TokenType::Op && peek(1).op == Op::Colon;
      if (!plain_name) {
        // CPython: invalid_except_stmt / invalid_except_star_stmt
        ast::Expr* target = expression();
        if (!target || !at_op(Op::Colon)) return target ? (invalid_syntax(), false) : false;
        error_node(target, std::string("cannot use except") + (star ? "*" : "") + " statement with " + expr_name(target));
        return false;
      }
      handler->name = identifier(advance());
    }
  }
  if (!at_op(Op::Colon)) {
    if (at_type(TokenType::Newline)) error_at(cur(), "expected ':'");
    else invalid_syntax();
    return false;
  }
  advance();
  // A break or continue in an except* body leaves the handler: the symtable reports it
  // (CPython: codegen_unwind_fblock_stack), not "'break' outside loop".
  int outer_loops = loop_depth_;
  if (star) loop_depth_ = 1;
  bool ok = block(handler->body, except_kw, star ? "'except*' statement" : "'except' statement");
  loop_depth_ = outer_loops;
  if (!ok) return false;
  end_at(handler, handler->body.back());
  return true;
}

ast::Stmt* Parser::decorated() {
  // CPython: decorators: ('@' f=named_expression NEWLINE)+ (PEP 614: any expression).
  ast::ExprList decorators;
  while (at_op(Op::At)) {
    advance();
    ast::Expr* d = named_expression();
    if (!d) return nullptr;
    if (!at_type(TokenType::Newline)) return invalid_syntax();
    advance();
    decorators.push_back(d);
  }
  if (at_kw(Keyword::Def)) return function_def(nullptr, &decorators);
  if (at_kw(Keyword::Class)) return class_def(&decorators);
  if (at_kw(Keyword::Async) && peek(1).keyword == Keyword::Def) return function_def(&advance(), &decorators);
  return invalid_syntax();
}

// `[T, *Ts, **P]` after a def, class or type alias name (PEP 695).
bool Parser::type_params(std::vector<ast::TypeParam*>& out) {
  advance();  // '['
  if (at_op(Op::RSqb)) {
    // CPython: invalid_type_params
    error_loc(cur().lineno, cur().col, cur().end_lineno, cur().end_col, "Type parameter list cannot be empty");
    return false;
  }
  for (;;) {
    ast::TypeParam* tp = type_param();
    if (!tp) return false;
    out.push_back(tp);
    if (!accept_op(Op::Comma)) break;
    if (at_op(Op::RSqb)) break;
  }
  if (!accept_op(Op::RSqb)) return invalid_syntax(), false;
  return true;
}

ast::TypeParam* Parser::type_param() {
  const Token& start = cur();
  int stars = accept_op(Op::Star) ? 1 : accept_op(Op::DoubleStar) ? 2 : 0;
  if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
  std::string name = identifier(advance());
  ast::Expr* bound = nullptr;
  if (at_op(Op::Colon)) {
    const Token& colon = advance();
    bound = expression();
    if (!bound) return nullptr;
    if (stars) {
      // CPython: invalid_type_param
      const char* what = stars == 1 ? "TypeVarTuple" : "ParamSpec";
      std::string msg = std::string("cannot use ") + (bound->kind == ast::ExprKind::Tuple ? "constraints" : "bound") +
                        " with " + what;
      return error_range(colon, prev(), msg);
    }
  }
  ast::Expr* def = nullptr;
  if (accept_op(Op::Equal)) {
    def = stars == 1 ? star_expression() : expression();
    if (!def) return nullptr;
  }
  auto done = [&](auto* n) {
    n->name = name;
    n->default_value = def;
    return finish(n);
  };
  if (stars == 1) return done(node<ast::TypeVarTuple>(start));
  if (stars == 2) return done(node<ast::ParamSpec>(start));
  auto* v = node<ast::TypeVar>(start);
  v->bound = bound;
  return done(v);
}

// `type X[T] = value` (PEP 695; "type" is a soft keyword).
ast::Stmt* Parser::type_alias() {
  const Token& kw = advance();
  auto* s = node<ast::TypeAlias>(kw);
  const Token& name_tok = advance();
  auto* name = finish(node<ast::Name>(name_tok));
  name->id = identifier(name_tok);
  name->ctx = ast::ExprContext::Store;
  s->name = name;
  if (at_op(Op::LSqb) && !type_params(s->type_params)) return nullptr;
  if (!accept_op(Op::Equal)) return invalid_syntax();
  s->value = expression();
  if (!s->value) return nullptr;
  return finish(s);
}

// `with a as b, c:` or `with (a as b, c,):` (CPython: with_stmt).
ast::Stmt* Parser::with_statement(const Token* async_kw) {
  const Token& kw = advance();
  std::vector<ast::WithItem*> items;
  bool parenthesized = false;
  if (at_op(Op::LPar)) {
    // The parenthesized form: the matching ')' is followed by ':'.
    int level = cur().level;
    for (std::size_t i = 1;; ++i) {
      const Token& u = peek(i);
      if (u.type == TokenType::Newline || u.type == TokenType::EndMarker || u.type == TokenType::Error) break;
      if (u.type == TokenType::Op && u.op == Op::RPar && u.level == level - 1) {
        // (A NEWLINE there is the parenthesized form missing its colon: "expected ':'".)
        parenthesized = (peek(i + 1).type == TokenType::Op && peek(i + 1).op == Op::Colon) ||
                        peek(i + 1).type == TokenType::Newline;
        break;
      }
    }
  }
  if (parenthesized) {
    advance();
    do {
      if (at_op(Op::RPar)) break;
      if (!with_item(items)) return nullptr;
    } while (accept_op(Op::Comma));
    if (!accept_op(Op::RPar)) return invalid_syntax();
  } else {
    do {
      if (!with_item(items)) return nullptr;
    } while (accept_op(Op::Comma));
  }
  if (!at_op(Op::Colon)) {
    if (at_type(TokenType::Newline)) return error_at(cur(), "expected ':'");
    return invalid_syntax();
  }
  advance();
  ast::StmtList body;
  if (!block(body, kw, "'with' statement")) return nullptr;
  auto fill = [&](auto* s) {
    s->items = std::move(items);
    s->body = std::move(body);
    end_at(s, s->body.back());
    return s;
  };
  if (async_kw) return fill(node<ast::AsyncWith>(*async_kw));
  return fill(node<ast::With>(kw));
}

bool Parser::with_item(std::vector<ast::WithItem*>& items) {
  auto* item = node<ast::WithItem>(cur());
  item->context_expr = expression();
  if (!item->context_expr) return false;
  if (accept_kw(Keyword::As)) {
    ast::Expr* target = star_expression();
    if (!target) return false;
    // CPython: invalid_with_item, only when the item ends there (',' ')' or ':' follows)
    if (!at_op(Op::Comma) && !at_op(Op::RPar) && !at_op(Op::Colon)) return invalid_syntax(), false;
    if (!check_target(target, TargetsType::Star)) return false;
    set_context(target, ast::ExprContext::Store);
    item->optional_vars = target;
  }
  finish(item);
  items.push_back(item);
  return true;
}

ast::Stmt* Parser::function_def(const Token* async_kw, ast::ExprList* decorators) {
  if (async_kw) return def_rest(node<ast::AsyncFunctionDef>(*async_kw), decorators);
  return def_rest(node<ast::FunctionDef>(cur()), decorators);
}

template <class Def>
ast::Stmt* Parser::def_rest(Def* s, ast::ExprList* decorators) {
  const Token& kw = advance();
  if (decorators) s->decorator_list = std::move(*decorators);
  if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
  s->name = identifier(advance());
  if (at_op(Op::LSqb) && !type_params(s->type_params)) return nullptr;
  if (!expect_forced(Op::LPar, "(")) return nullptr;
  if (!parameters(s->args, Op::RPar, true)) return nullptr;
  if (!accept_op(Op::RPar)) return invalid_syntax();
  if (accept_op(Op::RArrow)) {
    s->returns = expression();
    if (!s->returns) return nullptr;
  }
  if (!expect_forced(Op::Colon, ":")) return nullptr;
  ++function_depth_;
  ++def_depth_;
  int outer_loops = loop_depth_;
  loop_depth_ = 0;
  bool ok = block(s->body, kw, "function definition");
  loop_depth_ = outer_loops;
  --def_depth_;
  --function_depth_;
  if (!ok) return nullptr;
  end_at(s, s->body.back());
  return s;
}

ast::Stmt* Parser::class_def(ast::ExprList* decorators) {
  const Token& kw = advance();
  auto* s = node<ast::ClassDef>(kw);
  if (decorators) s->decorator_list = std::move(*decorators);
  if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
  s->name = identifier(advance());
  if (at_op(Op::LSqb) && !type_params(s->type_params)) return nullptr;
  if (at_op(Op::LPar)) {
    const Token& open = cur();
    auto* probe = node<ast::Call>(cur());
    if (!call(probe)) return nullptr;
    // A call's lone generator expression needs no parentheses of its own; class bases
    // are plain arguments, where it does (CPython: class_def_raw takes `arguments`).
    if (probe->args.size() == 1 && probe->keywords.empty())
      if (auto* g = ast::dyn_cast<ast::GeneratorExp>(probe->args[0]);
          g && g->loc.lineno == open.lineno && g->loc.col_offset == open.col && !g->generators.empty())
      {
        // The generic error at the token the parse stopped on: the clause's 'for' (or 'async').
        const ast::Comprehension* c = g->generators[0];
        return error_loc(c->loc.lineno, c->loc.col_offset, c->loc.lineno, c->loc.col_offset + (c->is_async ? 5 : 3),
                         "invalid syntax");
      }
    s->bases = std::move(probe->args);
    s->keywords = std::move(probe->keywords);
  }
  if (!at_op(Op::Colon)) {
    if (at_type(TokenType::Newline)) return error_at(cur(), "expected ':'");
    return invalid_syntax();
  }
  advance();
  ++function_depth_;
  ++class_depth_;
  int outer_loops = loop_depth_;
  int outer_defs = def_depth_;
  loop_depth_ = 0;
  def_depth_ = 0;
  bool ok = block(s->body, kw, "class definition");
  loop_depth_ = outer_loops;
  def_depth_ = outer_defs;
  --class_depth_;
  --function_depth_;
  if (!ok) return nullptr;
  end_at(s, s->body.back());
  return s;
}

ast::Stmt* Parser::return_statement() {
  const Token& kw = advance();
  auto* s = node<ast::Return>(kw);
  if (!at_type(TokenType::Newline) && !at_op(Op::Semi)) {
    s->value = star_expressions();
    if (!s->value) return nullptr;
  }
  finish(s);
  if (def_depth_ == 0) defer_error(s, "'return' outside function");
  return s;
}

ast::Stmt* Parser::raise_statement() {
  const Token& kw = advance();
  auto* s = node<ast::Raise>(kw);
  if (!at_type(TokenType::Newline) && !at_op(Op::Semi)) {
    s->exc = expression();
    if (!s->exc) return nullptr;
    if (accept_kw(Keyword::From)) {
      s->cause = expression();
      if (!s->cause) return nullptr;
    }
  }
  return finish(s);
}

ast::Stmt* Parser::global_statement(bool nonlocal) {
  const Token& kw = advance();
  std::vector<std::string> names;
  do {
    if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) return invalid_syntax();
    names.push_back(identifier(advance()));
  } while (accept_op(Op::Comma));
  if (nonlocal) {
    auto* s = node<ast::Nonlocal>(kw);
    s->names = std::move(names);
    finish(s);
    if (def_depth_ == 0 && class_depth_ == 0)
      defer_error(s, "nonlocal declaration not allowed at module level");
    return s;
  }
  auto* s = node<ast::Global>(kw);
  s->names = std::move(names);
  return finish(s);
}

ast::Stmt* Parser::del_statement() {
  const Token& kw = advance();
  auto* s = node<ast::Delete>(kw);
  ast::Expr* e = star_expressions();
  if (!e) return nullptr;
  if (!at_type(TokenType::Newline) && !at_op(Op::Semi)) {
    if (starts_expression(cur())) return juxtaposed_expressions(e);
    return invalid_syntax();
  }
  if (auto* tuple = ast::dyn_cast<ast::Tuple>(e); tuple && !is_parenthesized(e)) {
    s->targets = tuple->elts;
  } else {
    s->targets.push_back(e);
  }
  for (ast::Expr* target : s->targets) {
    if (const ast::Expr* bad = invalid_target(target, TargetsType::Del))
      return error_node(bad, std::string("cannot delete ") + expr_name(bad));
    set_context(target, ast::ExprContext::Del);
  }
  return finish(s);
}

ast::Stmt* Parser::assert_statement() {
  const Token& kw = advance();
  auto* s = node<ast::Assert>(kw);
  s->test = expression();
  if (!s->test) return nullptr;
  if (accept_op(Op::Comma)) {
    s->msg = expression();
    if (!s->msg) return nullptr;
  }
  return finish(s);
}

bool Parser::dotted_name(std::string& out) {
  if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) {
    invalid_syntax();
    return false;
  }
  out = identifier(advance());
  while (at_op(Op::Dot)) {
    advance();
    if (!at_type(TokenType::Name) || cur().keyword != Keyword::None_) {
      invalid_syntax();
      return false;
    }
    out += '.';
    out += identifier(advance());
  }
  return true;
}

// The name after `as` in an import. CPython: invalid_dotted_as_name and
// invalid_import_from_as_name: anything but a name followed by `,`, `)`, `;` or the line's
// end that parses as an expression is named in the error.
bool Parser::import_as_name(std::string& out) {
  if (at_type(TokenType::Name) && cur().keyword == Keyword::None_) {
    const Token& next = peek(1);
    if (next.type == TokenType::Newline || next.type == TokenType::EndMarker ||
        (next.type == TokenType::Op && (next.op == Op::Comma || next.op == Op::RPar || next.op == Op::Semi))) {
      out = identifier(advance());
      return true;
    }
  }
  if (!starts_expression(cur()) || at_kw(Keyword::Yield)) return invalid_syntax(), false;
  ast::Expr* target = expression();
  if (!target) return false;
  return error_node(target, std::string("cannot use ") + expr_name(target) + " as import target"), false;
}

ast::Stmt* Parser::import_statement() {
  const Token& kw = advance();
  auto* s = node<ast::Import>(kw);
  if (at_type(TokenType::Newline)) {
    return error_loc(cur().lineno, cur().col, cur().lineno, cur().col,
                     "Expected one or more names after 'import'");
  }
  do {
    const Token& start = cur();
    auto* alias = node<ast::Alias>(start);
    if (!dotted_name(alias->name)) return nullptr;
    if (accept_kw(Keyword::As) && !import_as_name(alias->asname)) return nullptr;
    s->names.push_back(finish(alias));
  } while (accept_op(Op::Comma));
  return finish(s);
}

ast::Stmt* Parser::from_import_statement() {
  const Token& kw = advance();
  auto* s = node<ast::ImportFrom>(kw);
  for (;;) {
    if (accept_op(Op::Dot)) ++s->level;
    else if (accept_op(Op::Ellipsis)) s->level += 3;
    else break;
  }
  if (!at_kw(Keyword::Import) || s->level == 0) {
    if (!dotted_name(s->module)) return nullptr;
  }
  if (!accept_kw(Keyword::Import)) return invalid_syntax();
  if (at_op(Op::Star)) {
    auto* alias = node<ast::Alias>(cur());
    advance();
    alias->name = "*";
    s->names.push_back(finish(alias));
    return finish(s);
  }
  if (at_type(TokenType::Newline)) {
    return error_loc(cur().lineno, cur().col, cur().lineno, cur().col,
                     "Expected one or more names after 'import'");
  }
  bool parenthesized = accept_op(Op::LPar);
  if (parenthesized && at_op(Op::RPar)) return invalid_syntax();
  do {
    if (parenthesized && at_op(Op::RPar)) break;
    if (!parenthesized && !s->names.empty() && at_type(TokenType::Newline)) {
      // CPython: invalid_import_from_targets
      return error_at(cur(), "trailing comma not allowed without surrounding parentheses");
    }
    const Token& start = cur();
    if (!at_type(TokenType::Name) || start.keyword != Keyword::None_) return invalid_syntax();
    auto* alias = node<ast::Alias>(start);
    alias->name = identifier(advance());
    if (accept_kw(Keyword::As) && !import_as_name(alias->asname)) return nullptr;
    s->names.push_back(finish(alias));
  } while (accept_op(Op::Comma));
  if (parenthesized && !accept_op(Op::RPar)) return invalid_syntax();
  return finish(s);
}

}  // namespace gopy::parser
