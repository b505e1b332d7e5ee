// Compiling in "single" mode, as the REPL and compile(..., 'single') do: one statement,
// whose expression statements echo through PRINT_EXPR (CPython: Python/compile.c, mode
// "single"; Python/pythonrun.c).
#include <string>

#include "eval/compiler.hpp"
#include "eval/mangle.hpp"
#include "eval/parser.hpp"
#include "eval/symtable.hpp"
#include "gopy/object_exc.hpp"

namespace gopy {

namespace {

bool is_simple(const ast::Stmt* s) {
  switch (s->kind) {
    case ast::StmtKind::FunctionDef:
    case ast::StmtKind::AsyncFunctionDef:
    case ast::StmtKind::ClassDef:
    case ast::StmtKind::For:
    case ast::StmtKind::AsyncFor:
    case ast::StmtKind::While:
    case ast::StmtKind::If:
    case ast::StmtKind::With:
    case ast::StmtKind::AsyncWith:
    case ast::StmtKind::Match:
    case ast::StmtKind::Try:
    case ast::StmtKind::TryStar: return false;
    default: return true;
  }
}

}  // namespace

Object* compile_single_source(std::string_view source, std::string_view filename) {
  std::string text(source);
  if (text.empty() || text.back() != '\n') text += '\n';
  parser::ParseResult parsed = parser::parse_interactive(text, filename);
  if (!parsed.ok()) {
    const parser::SyntaxErrorInfo& e = *parsed.error;
    raise_syntax_error(e.type, e.msg, e.filename.empty() ? std::string(filename) : e.filename,
                       e.lineno, e.offset, e.text, e.end_lineno, e.end_offset);
    return nullptr;
  }
  const auto& statements = parsed.interactive()->body;
  // One logical line: small statements joined by ';', or one compound statement
  // (CPython: the grammar's statement_newline).
  for (size_t i = 1; i < statements.size(); ++i) {
    const ast::Location& before = statements[i - 1]->loc;
    if (statements[i]->loc.lineno <= before.end_lineno && is_simple(statements[i - 1])) continue;
    // Where the first statement ends, as CPython's tokenizer reports it.
    raise_syntax_error("SyntaxError", "multiple statements found while compiling a single statement",
                       std::string(filename), before.end_lineno, before.end_col_offset + 1,
                       source_line_text(source, before.end_lineno), before.end_lineno, before.end_col_offset + 1);
    return nullptr;
  }
  // The symbol table and compiler take a module: an entry is a module of one statement
  // whose names are __main__'s globals.
  ast::Module as_module;
  as_module.body = parsed.interactive()->body;
  if (!warn_control_flow_in_finally(as_module, std::string(filename), source)) return nullptr;
  if (!mangle_private_names(as_module)) {
    set_error(&exc_RecursionError, "maximum recursion depth exceeded during compilation");
    return nullptr;
  }
  SymbolTable table;
  ScopeError scope_error;
  if (!table.build(as_module, &scope_error)) {
    raise_syntax_error("SyntaxError", scope_error.msg, std::string(filename), scope_error.lineno,
                       scope_error.col_offset + 1, source_line_text(source, scope_error.lineno),
                       scope_error.end_lineno, scope_error.end_col_offset + 1);
    return nullptr;
  }
  Compiler compiler(table, source, filename);
  compiler.set_interactive();
  return compiler.compile_module(as_module);
}

}  // namespace gopy
