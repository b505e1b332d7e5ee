// The parser's public face: source text in, an AST or CPython's SyntaxError details out.
// CPython: Parser/peg_api.c _PyParser_ASTFromString (modes "exec", "single", "eval").
// No exception leaves these functions.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "eval/ast.hpp"

namespace gopy::parser {

// What CPython puts in a SyntaxError (or its IndentationError / TabError subclasses).
// lineno/end_lineno are 1-based; offset/end_offset are 1-based *character* (code point)
// columns into `text`, as SyntaxError.offset since 3.10 (0 or -1 where CPython leaves them
// so). `text` is the offending source line: with its newline for errors found by the
// parser, without it for errors found by the tokenizer, as CPython; empty when unknown.
// `type` is "MemoryError" (not a SyntaxError) when the input nests deeper than the parser
// allows, as CPython's "Parser stack overflowed" error.
struct SyntaxErrorInfo {
  std::string type = "SyntaxError";  // "SyntaxError" | "IndentationError" | "TabError"
  std::string msg;
  std::string filename;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  std::string text;
  // An error CPython reports after parsing (from the symbol table or the compiler), whose
  // text it reads from the file named, not from the source.
  bool compile_phase = false;
};

// A SyntaxWarning found while parsing (e.g. an invalid escape sequence); the caller
// reports it as CPython's warnings module would ("main.py:1: SyntaxWarning: ...").
struct SyntaxWarningInfo {
  std::string msg;
  std::string filename;
  int lineno = 0;
};

// Either a tree (root != nullptr, owned by arena) or an error. An error CPython finds after
// parsing (compile_phase) comes with the tree, for the checks CPython makes before it.
struct ParseResult {
  std::unique_ptr<ast::Arena> arena;
  ast::Mod* root = nullptr;
  std::optional<SyntaxErrorInfo> error;
  std::vector<SyntaxWarningInfo> warnings;  // in source order, also after an error

  bool ok() const { return root != nullptr && !error; }
  ast::Module* module() const { return ast::dyn_cast<ast::Module>(root); }
  ast::Interactive* interactive() const { return ast::dyn_cast<ast::Interactive>(root); }
  ast::Expression* expression() const { return ast::dyn_cast<ast::Expression>(root); }
};

// A whole file or `-c` program ("exec").
#include "gopy/api_begin.h"  // the entry points, for the tests
ParseResult parse_module(std::string_view source_utf8, std::string_view filename);
// One REPL entry ("single", as compile(source, name, "single")): exactly one statement
// (simple statements may be joined with `;`); blank lines inside it are ignored, and an
// entry with no statement is a SyntaxError, so a REPL skips blank entries itself.
// Expression statements outside def/class bodies get ExprStmt::echo = true.
ParseResult parse_interactive(std::string_view source_utf8, std::string_view filename);
// An expression for eval() ("eval"). As CPython's compile(), leading blanks are an error:
// builtins.eval strips them before calling this.
ParseResult parse_expression(std::string_view source_utf8, std::string_view filename);

// The message every construct outside gopy's slice gets, e.g.
// "'with' statement is not supported by gopy".
std::string unsupported_message(std::string_view construct);
#include "gopy/api_end.h"

}  // namespace gopy::parser
