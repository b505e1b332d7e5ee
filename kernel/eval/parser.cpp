// Entry points of the parser and its token buffer.
// CPython: Parser/peg_api.c _PyParser_ASTFromString, Parser/pegen.c _PyPegen_run_parser.
#include <algorithm>
#include <cstdint>
#include <cstdio>


#include "eval/parser.hpp"
#include "eval/parser_impl.hpp"
#include "eval/parser_unicode.hpp"
#include "eval/stack_bounds.hpp"
#include "object/prim/unicode.hpp"

namespace gopy::parser {
namespace {

// CPython: Parser/parser.c MAXSTACK (6000 rule calls). Each unit here is one nesting step
// (an operand of a unary operator, a lambda or conditional-expression body, a bracket),
// which costs CPython about one rule call, so the same inputs overflow.
constexpr int kMaxDepth = 6000;
// Whatever the count, stop this far above the end of the thread's stack: frames are
// larger under AddressSanitizer, and the parser may be entered deep inside a running
// program (exec, import) with little stack left.
constexpr std::uintptr_t kStackReserve = 256u << 10;
// Where the thread's stack size cannot be read, use at most this much.
constexpr std::uintptr_t kFallbackStackBudget = 1u << 20;

std::uintptr_t stack_position() {
  return reinterpret_cast<std::uintptr_t>(__builtin_frame_address(0));
}

// The lowest frame address the parser may reach.
std::uintptr_t stack_floor(std::uintptr_t here) {
  std::uintptr_t bottom = thread_stack_low();
  if (bottom != 0 && here > bottom + kStackReserve) return bottom + kStackReserve;
  return here > kFallbackStackBudget ? here - kFallbackStackBudget : 0;
}

// The REPL prints the value of expression statements that are not inside a def or class
// body. CPython: Python/codegen.c codegen_stmt_expr (c_interactive && nestlevel <= 1).
void mark_echo(ast::StmtList& top) {
  std::vector<ast::StmtList*> work{&top};  // a worklist: elif chains nest deeply
  while (!work.empty()) {
    ast::StmtList& body = *work.back();
    work.pop_back();
    for (ast::Stmt* s : body) {
      switch (s->kind) {
        case ast::StmtKind::Expr: ast::cast<ast::ExprStmt>(s)->echo = true; break;
        case ast::StmtKind::If: {
          auto* n = ast::cast<ast::If>(s);
          work.push_back(&n->body);
          work.push_back(&n->orelse);
          break;
        }
        case ast::StmtKind::While: {
          auto* n = ast::cast<ast::While>(s);
          work.push_back(&n->body);
          work.push_back(&n->orelse);
          break;
        }
        case ast::StmtKind::For: {
          auto* n = ast::cast<ast::For>(s);
          work.push_back(&n->body);
          work.push_back(&n->orelse);
          break;
        }
        case ast::StmtKind::Try: {
          auto* n = ast::cast<ast::Try>(s);
          work.push_back(&n->body);
          for (auto* h : n->handlers) work.push_back(&h->body);
          work.push_back(&n->orelse);
          work.push_back(&n->finalbody);
          break;
        }
        default: break;
      }
    }
  }
}

}  // namespace

std::string unsupported_message(std::string_view construct) {
  std::string msg(construct);
  msg += " is not supported by gopy";
  return msg;
}

Parser::Parser(std::string_view source, std::string_view filename, ParseMode mode)
    : tok_(source),
      filename_(filename),
      mode_(mode),
      arena_(std::make_unique<ast::Arena>()) {
}

bool Parser::enter() {
  if (++depth_ > kMaxDepth || stack_position() < stack_floor_) {
    too_complex();
    return false;
  }
  return true;
}

const Token& Parser::peek(std::size_t ahead) {
  while (tokens_.size() <= mark_ + ahead) {
    if (!tokens_.empty() && (tokens_.back().type == TokenType::EndMarker ||
                             tokens_.back().type == TokenType::Error)) {
      return tokens_.back();
    }
    tokens_.push_back(tok_.next());
    for (auto& [line, msg] : tok_.take_warnings()) warn(line, std::move(msg));
  }
  return tokens_[mark_ + ahead];
}

const Token& Parser::advance() {
  peek();
  if (mark_ < tokens_.size() && tokens_[mark_].type != TokenType::EndMarker &&
      tokens_[mark_].type != TokenType::Error) {
    ++mark_;
    return tokens_[mark_ - 1];
  }
  return tokens_[mark_];
}

// CPython: Parser/pegen.c _PyPegen_new_identifier.
std::string Parser::identifier(const Token& t) const {
  std::string_view text = token_text(t);
  bool ascii = std::all_of(text.begin(), text.end(), [](char c) { return static_cast<unsigned char>(c) < 0x80; });
  std::string normal;
  if (ascii || !prim::nfkc_normalize(text, &normal)) return std::string(text);
  return normal;
}

bool Parser::accept_op(Op op) {
  if (!at_op(op)) return false;
  advance();
  return true;
}

bool Parser::accept_kw(Keyword k) {
  if (!at_kw(k)) return false;
  advance();
  return true;
}

bool Parser::expect_op(Op op) {
  if (accept_op(op)) return true;
  invalid_syntax();
  return false;
}

// CPython: Parser/pegen.c _PyPegen_expect_forced_token ("expected ':'").
bool Parser::expect_forced(Op op, const char* text) {
  if (accept_op(op)) return true;
  if (cur().type == TokenType::Error) {
    tokenizer_failure();
    return false;
  }
  error_at(cur(), std::string("expected '") + text + "'");
  return false;
}

std::nullptr_t Parser::invalid_statement_expression(std::size_t at) {
  // As CPython's second pass: the rule reads ahead, but a generic error stays at the
  // furthest token the first pass read.
  const std::size_t first_pass_end = tokens_.size();
  const std::size_t saved = mark_;
  mark_ = at;
  const Keyword k = cur().keyword;
  bool found = false;
  if ((k == Keyword::Pass || k == Keyword::Break || k == Keyword::Continue) && peek(1).type == TokenType::Name &&
      peek(1).keyword == Keyword::If) {
    int depth = 0;
    for (std::size_t i = 2; !found; ++i) {
      const Token& t = peek(i);
      if (t.type == TokenType::Newline || t.type == TokenType::EndMarker || t.type == TokenType::Error) break;
      if (t.type == TokenType::Op) {
        if (t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace) ++depth;
        if (t.op == Op::RPar || t.op == Op::RSqb || t.op == Op::RBrace) --depth;
        if (t.op == Op::Semi && depth == 0) break;
      }
      if (depth == 0 && t.type == TokenType::Name && t.keyword == Keyword::Else) {
        const Token& after = peek(i + 1);
        found = after.type != TokenType::Newline && after.type != TokenType::EndMarker;
        break;
      }
    }
  }
  if (found) return error_at(cur(), "expected expression before 'if', but statement is given");
  mark_ = saved;
  if (cur().type == TokenType::Indent || cur().type == TokenType::Dedent) return invalid_syntax();
  const Token& furthest = tokens_[first_pass_end - 1];
  if (furthest.type == TokenType::Error) return tokenizer_failure();
  return error_at(furthest, "invalid syntax");
}

bool Parser::starts_expression(const Token& t) const {
  switch (t.type) {
    case TokenType::Name:
      switch (t.keyword) {
        case Keyword::None_:
        case Keyword::None:
        case Keyword::True:
        case Keyword::False:
        case Keyword::Lambda:
        case Keyword::Not:
        case Keyword::Await:
        case Keyword::Yield:
          return true;
        default:
          return false;
      }
    case TokenType::Number:
    case TokenType::String:
    case TokenType::FStringStart:
      return true;
    case TokenType::Op:
      return t.op == Op::LPar || t.op == Op::LSqb || t.op == Op::LBrace || t.op == Op::Minus ||
             t.op == Op::Plus || t.op == Op::Tilde || t.op == Op::Ellipsis;
    default:
      return false;
  }
}

ParseResult Parser::run() {
  stack_floor_ = stack_floor(stack_position());
  ParseResult result;
  ast::Mod* root = nullptr;
  if (long bad = find_invalid_utf8(tok_.source()); bad >= 0) {
    // CPython: Parser/tokenizer/file_tokenizer.c / string_tokenizer decoding errors.
    char buf[128];
    std::snprintf(buf, sizeof buf,
                  "(unicode error) 'utf-8' codec can't decode byte 0x%02x in position %ld: "
                  "invalid start byte",
                  static_cast<unsigned char>(tok_.source()[bad]), bad);
    int line = 1;
    for (long i = 0; i < bad; ++i) line += tok_.source()[i] == '\n';
    error_loc(line, -1, line, -1, buf);
    error_.check_rest = false;
  } else if (tok_.source().find('\0') != std::string::npos) {
    std::size_t nul = tok_.source().find('\0');
    int line = 1;
    for (std::size_t i = 0; i < nul; ++i) line += tok_.source()[i] == '\n';
    error_loc(line, -1, line, -1, "source code cannot contain null bytes");
    error_.check_rest = false;
  } else if (mode_ == ParseMode::Eval) {
    root = parse_eval_input();
  } else if (mode_ == ParseMode::Single) {
    root = parse_single_input();
  } else {
    auto* module = arena_->make_root<ast::Module>();
    if (statements_until(module->body, TokenType::EndMarker)) root = module;
  }
  result.warnings = std::move(warnings_);
  if (!failed() && has_deferred_) {
    has_error_ = true;
    error_ = deferred_;
  }
  if (failed()) {
    result.error = finish_error();
    if (!result.error->compile_phase) return result;
  }
  result.root = root;
  result.arena = std::move(arena_);
  return result;
}

// CPython: eval_input: expressions NEWLINE* ENDMARKER (no starred items).
ast::Mod* Parser::parse_eval_input() {
  if (at_type(TokenType::EndMarker)) {
    int line = tok_.source().empty() ? 0 : 1;
    return error_loc(line, -1, line, -1, "invalid syntax");
  }
  const Token& start = cur();
  ast::ExprList items;
  for (;;) {
    if (at_op(Op::Star)) return invalid_syntax();
    ast::Expr* e = expression();
    if (!e) return nullptr;
    items.push_back(e);
    if (!accept_op(Op::Comma)) break;
    if (!starts_expression(cur()) && !at_op(Op::Star)) break;
  }
  ast::Expr* body = items.front();
  if (items.size() > 1 || (mark_ > 0 && prev().type == TokenType::Op && prev().op == Op::Comma)) {
    auto* tuple = node<ast::Tuple>(start);
    tuple->elts = std::move(items);
    body = finish(tuple);
  }
  while (at_type(TokenType::Newline)) advance();
  if (!at_type(TokenType::EndMarker)) {
    if (starts_expression(cur())) return juxtaposed_expressions(body);
    return invalid_syntax();
  }
  auto* root = arena_->make_root<ast::Expression>();
  root->body = body;
  return root;
}

// CPython: interactive: statement_newline, then Parser/pegen.c bad_single_statement.
ast::Mod* Parser::parse_single_input() {
  if (at_type(TokenType::EndMarker)) {
    // Nothing to run: compile(..., "single") rejects it (a REPL skips blank entries).
    int line = tok_.source().empty() ? 0 : 1;
    return error_loc(line, -1, line, -1, "invalid syntax");
  }
  auto* interactive = arena_->make_root<ast::Interactive>();
  const Token& first = cur();
  bool compound = first.type == TokenType::Name &&
                  (first.keyword == Keyword::If || first.keyword == Keyword::While ||
                   first.keyword == Keyword::For || first.keyword == Keyword::Try ||
                   first.keyword == Keyword::Def || first.keyword == Keyword::Class);
  if (!statement(interactive->body)) return nullptr;
  while (at_type(TokenType::Newline)) advance();
  if (!at_type(TokenType::EndMarker)) {
    if (compound || at_type(TokenType::Error)) return invalid_syntax();
    return error_at(prev(), "multiple statements found while compiling a single statement");
  }
  mark_echo(interactive->body);
  return interactive;
}

ParseResult parse_module(std::string_view source_utf8, std::string_view filename) {
  return Parser(source_utf8, filename, ParseMode::Exec).run();
}

ParseResult parse_interactive(std::string_view source_utf8, std::string_view filename) {
  return Parser(source_utf8, filename, ParseMode::Single).run();
}

ParseResult parse_expression(std::string_view source_utf8, std::string_view filename) {
  return Parser(source_utf8, filename, ParseMode::Eval).run();
}

}  // namespace gopy::parser
