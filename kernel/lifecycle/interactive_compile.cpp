// Deciding whether the lines typed at the REPL make a whole entry yet (CPython: the
// tokenizer's interactive mode asking for sys.ps2).
#include <algorithm>
#include <string>

#include "eval/parser.hpp"
#include "lifecycle/interactive.hpp"

namespace gopy {

namespace {

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

EntryState classify_entry(std::string_view source, bool last_line_blank) {
  std::string text(source);
  text += '\n';
  parser::ParseResult parsed = parser::parse_interactive(text, "<stdin>");
  if (!parsed.ok()) {
    // An error placed past the last line was met at the end of the input (a try without
    // its except yet, a decorator without its def): CPython's tokenizer would have read
    // another line first.
    int lines = 1 + static_cast<int>(std::count(source.begin(), source.end(), '\n'));
    bool at_end = parsed.error->lineno > lines && !last_line_blank;
    return at_end || means_more_input(parsed.error->msg, last_line_blank) ? EntryState::incomplete
                                                                          : EntryState::error;
  }
  // A compound statement ends with an empty line; a backslash continuation with any line.
  const auto& body = parsed.interactive()->body;
  if (!last_line_blank && !body.empty() && is_compound(body.front())) return EntryState::incomplete;
  return EntryState::complete;
}

}  // namespace gopy
