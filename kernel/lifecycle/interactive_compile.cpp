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
    case ast::StmtKind::TryStar: return true;
    default: return false;
  }
}

// Errors that only mean "the entry goes on": CPython's tokenizer asks for another line
// (sys.ps2) instead of reporting them.
// Whether the entry's last line ends in an odd run of backslashes: inside a quoted
// string, the string goes on on the next line.
bool ends_with_continuation(std::string_view source) {
  size_t n = 0;
  while (n < source.size() && source[source.size() - 1 - n] == '\\') ++n;
  return n % 2 == 1;
}

// The last line's length in code points (a syntax error's offset counts them).
int last_line_length(std::string_view source) {
  size_t newline = source.rfind('\n');
  std::string_view last = source.substr(newline == std::string_view::npos ? 0 : newline + 1);
  return static_cast<int>(
      std::count_if(last.begin(), last.end(), [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool means_more_input(const std::string& msg, std::string_view source, bool last_line_blank) {
  if (msg.find("was never closed") != std::string::npos) return true;
  if (msg.find("unterminated triple-quoted") != std::string::npos) return true;
  if (msg.find("unterminated ") != std::string::npos && msg.find("string literal") != std::string::npos &&
      ends_with_continuation(source))
    return true;
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
    // An error placed past the last line was met at the end of the input (a decorator
    // without its def yet), and so was a try's missing handler placed past the last line's
    // text: CPython's tokenizer would have read another line first.
    int lines = 1 + static_cast<int>(std::count(source.begin(), source.end(), '\n'));
    bool at_end = !last_line_blank && (parsed.error->lineno > lines ||
                                       (parsed.error->msg == "expected 'except' or 'finally' block" &&
                                        parsed.error->lineno == lines && parsed.error->offset > last_line_length(source)));
    return at_end || means_more_input(parsed.error->msg, source, last_line_blank) ? EntryState::incomplete
                                                                          : EntryState::error;
  }
  // A compound statement ends with an empty line; a backslash continuation with any line.
  const auto& body = parsed.interactive()->body;
  if (!last_line_blank && !body.empty() && is_compound(body.front())) return EntryState::incomplete;
  return EntryState::complete;
}

}  // namespace gopy
