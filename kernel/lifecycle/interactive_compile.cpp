// Compiling a REPL entry in "single" mode, and the echo of expression statements.
// CPython: Python/compile.c (mode "single": PRINT_EXPR), Python/sysmodule.c sys_displayhook.
#include <string>

#include "eval/compiler.hpp"
#include "eval/nodes_stmt.hpp"
#include "eval/parser.hpp"
#include "eval/symtable.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "gopy/sys_streams.hpp"
#include "lifecycle/interactive.hpp"

namespace gopy {

namespace {

// CPython: CALL_INTRINSIC_1 INTRINSIC_PRINT, which calls sys.displayhook
// ("lost sys.displayhook" when it is gone).
struct PrintExprNode : StmtNode {
  ExprPtr value;
  Exec exec(Frame& f) override {
    Object* v = value->eval(f);
    if (!v) return Exec::error;
    Object* r = nullptr;
    if (Object* hook = sys_required_attribute("displayhook")) {
      // Held for the call: the hook may rebind sys.displayhook.
      r = call1(Ref<>::borrow(hook).get(), v);
    }
    decref(v);
    if (!r) return Exec::error;
    decref(r);
    return Exec::normal;
  }
};

bool is_compound(const ast::Stmt* s) {
  switch (s->kind) {
    case ast::StmtKind::FunctionDef:
    case ast::StmtKind::ClassDef:
    case ast::StmtKind::For:
    case ast::StmtKind::While:
    case ast::StmtKind::If:
    case ast::StmtKind::Try: return true;
    default: return false;
  }
}

// Errors that only mean "the entry goes on": CPython's tokenizer asks for another line
// (sys.ps2) instead of reporting them.
bool means_more_input(const std::string& msg, bool last_line_blank) {
  if (msg.find("was never closed") != std::string::npos) return true;
  if (msg.find("unterminated triple-quoted") != std::string::npos) return true;
  if (last_line_blank) return false;
  return msg.find("unexpected EOF") != std::string::npos ||
         msg.find("expected an indented block") != std::string::npos;
}

}  // namespace

StmtPtr make_print_expr_node(ExprPtr value, int lineno) {
  auto n = std::make_unique<PrintExprNode>();
  n->lineno = lineno;
  n->value = std::move(value);
  return n;
}

EntryState classify_entry(std::string_view source, bool last_line_blank) {
  std::string text(source);
  text += '\n';
  parser::ParseResult parsed = parser::parse_interactive(text, "<stdin>");
  if (!parsed.ok()) {
    return means_more_input(parsed.error->msg, last_line_blank) ? EntryState::incomplete
                                                                : EntryState::error;
  }
  // A compound statement ends with an empty line; a backslash continuation with any line.
  const auto& body = parsed.interactive()->body;
  if (!last_line_blank && !body.empty() && is_compound(body.front())) return EntryState::incomplete;
  return EntryState::complete;
}

Object* compile_interactive_source(std::string_view source, std::string_view filename) {
  parser::ParseResult parsed = parser::parse_interactive(source, filename);
  if (!parsed.ok()) {
    const parser::SyntaxErrorInfo& e = *parsed.error;
    raise_syntax_error(e.type, e.msg, e.filename.empty() ? std::string(filename) : e.filename,
                       e.lineno, e.offset, e.text, e.end_lineno, e.end_offset);
    return nullptr;
  }
  // The symbol table and compiler take a module: an entry is a module of one statement
  // whose names are __main__'s globals.
  ast::Module as_module;
  as_module.body = parsed.interactive()->body;
  SymbolTable table;
  ScopeError scope_error;
  if (!table.build(as_module, &scope_error)) {
    raise_syntax_error("SyntaxError", scope_error.msg, std::string(filename), scope_error.lineno,
                       scope_error.col_offset + 1, source_line_text(source, scope_error.lineno),
                       scope_error.end_lineno, scope_error.end_col_offset + 1);
    return nullptr;
  }
  Compiler compiler(table, source, filename);
  return compiler.compile_module(as_module);
}

}  // namespace gopy
