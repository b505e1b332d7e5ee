// The recursive-descent parser behind parser.hpp (internal to kernel/eval).
// Grammar and error rules follow CPython's Grammar/python.gram; where CPython's PEG parser
// needs a second pass over invalid_* rules, this parser checks the same shapes at the
// point of failure. Every parse function returns nullptr (or false) after an error;
// the first error recorded wins, as in CPython's pegen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <deque>
#include <string>
#include <string_view>
#include <unordered_set>
#include <vector>

#include "eval/ast.hpp"
#include "eval/parser.hpp"
#include "eval/tokenizer.hpp"

namespace gopy::parser {

enum class ParseMode { Exec, Single, Eval };

// An error before it becomes a SyntaxErrorInfo: columns are 1-based byte offsets (0 or
// -1 as CPython leaves them), converted to characters at the end.
struct ParserError {
  std::string type = "SyntaxError";
  std::string msg;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  bool from_tokenizer = false;
  bool check_rest = true;  // let a later tokenizer error replace this one (CPython does)
  bool text_without_newline = false;
  bool compile_phase = false;  // deferred: CPython finds it after parsing (symtable, compiler)
};

// What a bracketed or top-level target list is checked for (CPython: TARGETS_TYPE).
enum class TargetsType { Star, Del, For };

class Parser {
 public:
  Parser(std::string_view source, std::string_view filename, ParseMode mode);
  ParseResult run();

  // Nesting guard (CPython: MAXSTACK in Parser/parser.c); public for the RAII helper.
  bool enter();
  void leave() { --depth_; }

 private:
  // ---- tokens (parser.cpp)
  const Token& peek(std::size_t ahead = 0);
  const Token& cur() { return peek(0); }
  const Token& prev() const { return tokens_[mark_ - 1]; }
  const Token& advance();
  bool at_op(Op op) { return cur().type == TokenType::Op && cur().op == op; }
  bool at_kw(Keyword k) { return cur().type == TokenType::Name && cur().keyword == k; }
  bool at_type(TokenType t) { return cur().type == t; }
  bool accept_op(Op op);
  bool accept_kw(Keyword k);
  bool expect_op(Op op);  // generic "invalid syntax" when missing
  bool expect_forced(Op op, const char* text);  // "expected ':'"
  std::string_view token_text(const Token& t) const { return tok_.text(t); }
  // A NAME token's identifier, NFKC-normalized when it is not ASCII (PEP 3131).
  std::string identifier(const Token& t) const;
  bool starts_expression(const Token& t) const;
  // The error where the statement keyword at token `at` cannot go on: CPython's
  // invalid_expression `(pass_stmt|break_stmt|continue_stmt) 'if' disjunction 'else'
  // simple_stmt` (the rest of the line is only scanned for the `else`), else the generic
  // "invalid syntax".
  std::nullptr_t invalid_statement_expression(std::size_t at);
  bool import_as_name(std::string& out);  // parser_stmt.cpp

  // ---- errors (parser_errors.cpp)
  std::nullptr_t error_at(const Token& t, const std::string& msg, const char* type = "SyntaxError");
  std::nullptr_t error_range(const Token& from, const Token& to, const std::string& msg);
  std::nullptr_t error_node(const ast::Node* n, const std::string& msg);
  std::nullptr_t error_nodes(const ast::Node* from, const ast::Node* to, const std::string& msg);
  std::nullptr_t error_loc(int lineno, int col0, int end_lineno, int end_col0,
                           const std::string& msg, const char* type = "SyntaxError");
  std::nullptr_t invalid_syntax();  // generic failure at the current token
  std::nullptr_t unsupported(const Token& t, std::string_view construct);
  std::nullptr_t unsupported_node(const ast::Node* n, std::string_view construct);
  std::nullptr_t tokenizer_failure();
  std::nullptr_t too_complex();
  void defer_error(const ast::Node* n, const std::string& msg);
  bool failed() const { return has_error_; }
  void check_rest_for_tokenizer_errors();
  SyntaxErrorInfo finish_error();
  static const char* expr_name(const ast::Expr* e);
  static const ast::Expr* invalid_target(const ast::Expr* e, TargetsType type);
  bool is_parenthesized(const ast::Expr* e) const;
  std::nullptr_t juxtaposed_expressions(ast::Expr* a);
  std::nullptr_t invalid_named_assignment(ast::Expr* a);
  std::nullptr_t invalid_assignment(const ast::ExprList& targets, const ast::Expr* bad);

  // ---- nodes
  template <class T>
  T* node(const Token& start) {
    T* n = arena_->make<T>();
    n->loc.lineno = start.lineno;
    n->loc.col_offset = start.col;
    return n;
  }
  template <class T>
  T* node_from(const ast::Node* start) {
    T* n = arena_->make<T>();
    n->loc.lineno = start->loc.lineno;
    n->loc.col_offset = start->loc.col_offset;
    return n;
  }
  template <class T>
  T* finish(T* n) {
    n->loc.end_lineno = prev().end_lineno;
    n->loc.end_col_offset = prev().end_col;
    return n;
  }
  // CPython's spans: an operation starts at its first token and ends at its last, so a
  // parenthesised operand's brackets are inside it (`(a) + (b)`).
  struct TokenPos {
    int lineno, col;
  };
  TokenPos here() { return {cur().lineno, cur().col}; }
  template <class T>
  T* span_tokens(T* n, TokenPos start) {
    n->loc.lineno = start.lineno;
    n->loc.col_offset = start.col;
    return finish(n);
  }
  static void end_at(ast::Node* n, const ast::Node* last) {
    n->loc.end_lineno = last->loc.end_lineno;
    n->loc.end_col_offset = last->loc.end_col_offset;
  }

  // ---- roots (parser.cpp)
  ast::Mod* parse_eval_input();
  ast::Mod* parse_single_input();

  // ---- statements (parser_stmt.cpp)
  bool statements_until(ast::StmtList& out, TokenType end);
  bool statement(ast::StmtList& out);
  bool simple_statements(ast::StmtList& out);
  ast::Stmt* simple_statement();
  ast::Stmt* expression_statement();
  ast::Stmt* compound_statement();
  bool block(ast::StmtList& out, const Token& keyword, const char* what);
  ast::Stmt* if_statement(bool is_elif);
  ast::Stmt* while_statement();
  ast::Stmt* for_statement(const Token* async_kw = nullptr);
  template <class Loop>
  bool for_rest(const Token& kw, Loop* s);
  ast::Stmt* try_statement();
  bool except_clause(const Token& except_kw, ast::ExceptHandler* handler, bool star);
  ast::Stmt* decorated();
  ast::Stmt* function_def(const Token* async_kw = nullptr, ast::ExprList* decorators = nullptr);
  template <class Def>
  ast::Stmt* def_rest(Def* s, ast::ExprList* decorators);
  ast::Stmt* class_def(ast::ExprList* decorators = nullptr);
  ast::Stmt* with_statement(const Token* async_kw = nullptr);
  bool with_item(std::vector<ast::WithItem*>& items);
  bool type_params(std::vector<ast::TypeParam*>& out);
  ast::TypeParam* type_param();
  ast::Stmt* type_alias();

  // ---- match statements and patterns (parser_match.cpp)
  bool at_match_statement();
  ast::Stmt* match_statement();
  ast::Expr* subject_expression();
  ast::Pattern* patterns();
  ast::Pattern* pattern();
  ast::Pattern* or_pattern();
  ast::Pattern* closed_pattern();
  ast::Pattern* maybe_star_pattern();
  ast::Pattern* sequence_pattern(Op closer, const Token& open);
  ast::Pattern* mapping_pattern();
  ast::Pattern* class_pattern(ast::Expr* cls);
  ast::Expr* literal_expr();
  ast::Expr* name_or_attr();
  bool capture_target(std::string& name);
  ast::Stmt* return_statement();
  ast::Stmt* raise_statement();
  ast::Stmt* global_statement(bool nonlocal);
  ast::Stmt* del_statement();
  ast::Stmt* assert_statement();
  ast::Stmt* import_statement();
  ast::Stmt* from_import_statement();
  bool dotted_name(std::string& out);
  ast::Expr* condition();

  // ---- targets (parser_targets.cpp)
  bool check_target(ast::Expr* e, TargetsType type);
  static void set_context(ast::Expr* e, ast::ExprContext ctx);
  static const ast::Expr* debug_target(const ast::Expr* e);
  // For-loop and comprehension targets; checked and set to Store when `validate`.
  ast::Expr* target_list(TargetsType type, bool validate = true);

  // ---- expressions (parser_expr.cpp)
  ast::Expr* star_expressions();
  ast::Expr* star_expression();
  ast::Expr* star_named_expression();
  ast::Expr* named_expression();
  ast::Expr* expression();
  ast::Expr* disjunction();
  ast::Expr* conjunction();
  ast::Expr* inversion();
  ast::Expr* comparison();
  ast::Expr* bitwise_or() { return binary(1); }
  ast::Expr* binary(int min_precedence);
  ast::Expr* factor();
  ast::Expr* power();
  ast::Expr* yield_expr();
  ast::Expr* primary();
  ast::Expr* atom();
  ast::Expr* paren_atom();
  ast::Expr* list_atom();
  ast::Expr* brace_atom();
  ast::Expr* lambda();
  ast::Expr* number(const Token& t);
  ast::Expr* call(ast::Expr* func);
  ast::Expr* subscript(ast::Expr* value);
  ast::Expr* slice_item();
  bool comprehension_clauses(std::vector<ast::Comprehension*>& out);
  bool parameters(ast::Arguments& args, Op closer, bool annotations);
  ast::Arg* parameter(bool annotations, bool star_annotation = false);
  bool elements_until(ast::ExprList& out, Op closer);

  // ---- strings and f-strings (parser_strings.cpp)
  ast::Expr* strings();
  bool plain_string(const Token& t, std::string& out, bool* is_bytes);
  bool fstring(std::vector<ast::Expr*>& parts, std::string& pending);
  bool decode_middle(const Token& t, bool raw, std::string& out);
  bool replacement_field(std::vector<ast::Expr*>& parts, std::string& pending);
  void warn(int lineno, std::string msg);
  ast::Expr* format_spec(const Token& colon);

  void flush_text(std::vector<ast::Expr*>& parts, std::string& pending);

  Tokenizer tok_;
  std::string filename_;
  ParseMode mode_;
  std::unique_ptr<ast::Arena> arena_;
  std::deque<Token> tokens_;  // a deque: references to tokens stay valid as it grows
  std::size_t mark_ = 0;
  bool has_error_ = false;
  ParserError error_;
  int depth_ = 0;
  std::uintptr_t stack_floor_ = 0;  // frames below this address would risk the stack
  int error_line_ = 0;  // line of the last token read when the parser failed
  int function_depth_ = 0;  // def, lambda and class bodies being parsed
  int def_depth_ = 0;       // def bodies only ('return' outside function)
  int loop_depth_ = 0;      // loop bodies in the current def/class/module
  int class_depth_ = 0;
  // The first of CPython's compiler-stage errors ('return' outside function, ...): reported
  // only when the whole input parses, as CPython reports them after parsing.
  bool has_deferred_ = false;
  ParserError deferred_;
  int fstring_depth_ = 0;
  std::unordered_set<const ast::Expr*> parenthesized_;
  std::vector<SyntaxWarningInfo> warnings_;
};

// Keeps the nesting counter balanced on every return path.
class DepthGuard {
 public:
  explicit DepthGuard(Parser& p) : p_(p), ok_(p.enter()) {}
  ~DepthGuard() { p_.leave(); }
  bool ok() const { return ok_; }

 private:
  Parser& p_;
  bool ok_;
};

}  // namespace gopy::parser
