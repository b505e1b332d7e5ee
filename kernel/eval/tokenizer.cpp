// CPython: Parser/lexer/lexer.c. Positions and error locations mirror CPython's so the
// SyntaxError a user sees points where CPython's does.
#include "eval/tokenizer.hpp"

#include <algorithm>
#include <cstdio>

#include "eval/parser_tokens.hpp"
#include "eval/parser_unicode.hpp"

namespace gopy::parser {
namespace {

constexpr int kTabSize = 8;       // CPython: TABSIZE
constexpr int kAltTabSize = 1;    // CPython: ALTTABSIZE
constexpr int kMaxIndent = 100;   // CPython: MAXINDENT
constexpr int kMaxLevel = 200;    // CPython: MAXLEVEL
constexpr int kMaxFStringLevel = 150;  // CPython: MAXFSTRINGLEVEL
constexpr int kMaxExprNesting = 3;     // CPython: MAX_EXPR_NESTING

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_xdigit(char c) {
  return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}
bool is_ident_start_ascii(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_';
}
bool is_potential_ident_char(char c) {
  return is_ident_start_ascii(c) || is_digit(c) || static_cast<unsigned char>(c) >= 128;
}

// CPython: lexer.c verify_identifier's two messages.
std::string invalid_character_message(char32_t cp, std::string_view utf8) {
  char buf[64];
  if (is_printable(cp)) {
    std::snprintf(buf, sizeof buf, "' (U+%04X)", static_cast<unsigned>(cp));
    return "invalid character '" + std::string(utf8) + buf;
  }
  std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X",
                static_cast<unsigned>(cp));
  return buf;
}

}  // namespace

int byte_to_char_offset(std::string_view line, int byte_offset) {
  // CPython: Parser/pegen.c _PyPegen_byte_offset_to_character_offset
  if (byte_offset <= 0) return byte_offset;
  std::size_t limit = std::min<std::size_t>(static_cast<std::size_t>(byte_offset), line.size());
  int chars = 0;
  for (std::size_t i = 0; i < limit; ++i)
    if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) ++chars;
  return chars + static_cast<int>(static_cast<std::size_t>(byte_offset) - limit);
}

Tokenizer::Tokenizer(std::string_view source) {
  // CPython: Parser/tokenizer/helpers.c translate_newlines, plus the UTF-8 BOM skip.
  if (source.size() >= 3 && source.substr(0, 3) == "\xEF\xBB\xBF") source.remove_prefix(3);
  src_.reserve(source.size() + 1);
  for (std::size_t i = 0; i < source.size(); ++i) {
    char c = source[i];
    if (c == '\r') {
      src_ += '\n';
      if (i + 1 < source.size() && source[i + 1] == '\n') ++i;
    } else {
      src_ += c;
    }
  }
  if (!src_.empty() && src_.back() != '\n') src_ += '\n';
}

std::string_view Tokenizer::line_text(int lineno) const {
  std::size_t begin = 0;
  for (int line = 1; line < lineno; ++line) {
    std::size_t nl = src_.find('\n', begin);
    if (nl == std::string::npos) return {};
    begin = nl + 1;
  }
  std::size_t end = src_.find('\n', begin);
  if (end == std::string::npos) end = src_.size();
  return std::string_view(src_).substr(begin, end - begin);
}

void Tokenizer::advance_line(std::uint32_t newline_pos) {
  ++lineno_;
  line_start_ = newline_pos + 1;
}

Token Tokenizer::make(TokenType type, std::uint32_t start, std::uint32_t end) {
  Token t;
  t.type = type;
  t.start = start;
  t.end = end;
  t.end_lineno = lineno_;
  t.end_col = col_of(end);
  t.lineno = lineno_;
  t.col = col_of(start);
  t.level = level();
  return t;
}

Token Tokenizer::make_op(Op op, std::uint32_t start, std::uint32_t end) {
  Token t = make(TokenType::Op, start, end);
  t.op = op;
  return t;
}

// CPython: Parser/tokenizer/helpers.c _syntaxerror_range: the offset is the current
// position (the characters read so far on this line).
Token Tokenizer::fail(const std::string& msg) {
  return fail_range(msg, -1, -1);
}

Token Tokenizer::fail_range(const std::string& msg, int col0, int end_col0) {
  failed_ = true;
  error_.type = "SyntaxError";
  error_.msg = msg;
  error_.lineno = error_.end_lineno = lineno_;
  error_.offset = col0 >= 0 ? col0 : col_of(pos_);
  error_.end_offset = end_col0 >= 0 ? end_col0 : error_.offset;
  Token t = make(TokenType::Error, pos_, pos_);
  return t;
}

// Errors pegen reports at a known location (_Pypegen_tokenizer_error).
Token Tokenizer::fail_kind(const char* type, const std::string& msg, int offset) {
  failed_ = true;
  error_.type = type;
  error_.msg = msg;
  error_.lineno = error_.end_lineno = lineno_;
  error_.offset = offset;
  error_.end_offset = 0;
  error_.text_with_newline = true;
  return make(TokenType::Error, pos_, pos_);
}

std::string_view Tokenizer::prefix_letter() const {
  return modes_.empty() ? std::string_view("f") : std::string_view(&modes_.back().prefix, 1);
}

Token Tokenizer::next() {
  if (failed_) return make(TokenType::Error, pos_, pos_);
  if (!modes_.empty() && !modes_.back().regular) return fstring_mode();
  return normal_mode();
}

// The indentation of a new logical line; sets `blank` for comment-only and empty lines.
// Returns 0, or 1 when an error token must be produced (failed_ is set).
int Tokenizer::compute_indent(bool& blank) {
  int col = 0;
  int altcol = 0;
  int cont_line_col = 0;
  for (;;) {
    char c = peek();
    if (c == ' ') {
      ++col;
      ++altcol;
    } else if (c == '\t') {
      col = (col / kTabSize + 1) * kTabSize;
      altcol = (altcol / kAltTabSize + 1) * kAltTabSize;
    } else if (c == '\f') {
      col = altcol = 0;
    } else if (c == '\\' && peek(1) != '\n') {
      // CPython: tok_continuation_line, reported one column past the backslash.
      ++pos_;
      fail_kind("SyntaxError", "unexpected character after line continuation character",
                col_of(pos_) + 1);
      return 1;
    } else if (c == '\\') {
      cont_line_col = cont_line_col ? cont_line_col : col;
      int backslash_line = lineno_;
      int after_backslash = col_of(pos_) + 2;
      ++pos_;
      advance_line(pos_);
      if (pos_ + 1 >= src_.size()) {
        pos_ = static_cast<std::uint32_t>(src_.size());
        failed_ = true;
        error_.type = "SyntaxError";
        error_.msg = "unexpected EOF while parsing";
        error_.lineno = error_.end_lineno = backslash_line;
        error_.offset = after_backslash;
        error_.end_offset = -1;
        error_.text_with_newline = true;
        return 1;
      }
    } else {
      break;
    }
    ++pos_;
  }
  char c = peek();
  blank = false;
  // Comment-only and empty lines do not count for indentation. (CPython lets an empty
  // line through in a live console; a REPL gives gopy whole entries, as compile() sees them.)
  if (!at_end() && (c == '#' || c == '\n')) blank = true;
  if (blank || !brackets_.empty()) return 0;
  if (cont_line_col) col = altcol = cont_line_col;
  if (col == indents_.back()) {
    if (altcol != alt_indents_.back()) {
      fail_kind("TabError", "inconsistent use of tabs and spaces in indentation", 1);
      return 1;
    }
  } else if (col > indents_.back()) {
    if (static_cast<int>(indents_.size()) >= kMaxIndent) {
      fail_kind("IndentationError", "too many levels of indentation", 1);
      return 1;
    }
    if (altcol <= alt_indents_.back()) {
      fail_kind("TabError", "inconsistent use of tabs and spaces in indentation", 1);
      return 1;
    }
    ++pending_indents_;
    indents_.push_back(col);
    alt_indents_.push_back(altcol);
  } else {
    while (indents_.size() > 1 && col < indents_.back()) {
      --pending_indents_;
      indents_.pop_back();
      alt_indents_.pop_back();
    }
    if (col != indents_.back()) {
      // Reported by the parser at the last token (CPython: E_DEDENT).
      failed_ = true;
      error_.type = "IndentationError";
      error_.msg = "unindent does not match any outer indentation level";
      error_.lineno = error_.end_lineno = lineno_;
      std::uint32_t eol = static_cast<std::uint32_t>(src_.find('\n', pos_));
      error_.offset = col_of(eol) + 1;
      error_.end_offset = -1;
      error_.text_with_newline = true;
      return 1;
    }
    if (altcol != alt_indents_.back()) {
      fail_kind("TabError", "inconsistent use of tabs and spaces in indentation", 1);
      return 1;
    }
  }
  return 0;
}

Token Tokenizer::normal_mode() {
  FStringMode* fmode = modes_.empty() ? nullptr : &modes_.back();
  for (;;) {  // one iteration a physical line skipped (blank lines, newlines in brackets)
    bool blank = false;
    if (at_bol_) {
      at_bol_ = false;
      if (compute_indent(blank)) return make(TokenType::Error, pos_, pos_);
    }
    if (pending_indents_ != 0) {
      if (pending_indents_ < 0) {
        ++pending_indents_;
        return make(TokenType::Dedent, pos_, pos_);
      }
      --pending_indents_;
      return make(TokenType::Indent, line_start_, pos_);
    }
    // Skip blanks, a comment and line continuations.
    for (;;) {
      while (peek() == ' ' || peek() == '\t' || peek() == '\f') ++pos_;
      if (peek() == '#') {
        while (!at_end() && peek() != '\n') ++pos_;
      }
      if (peek() == '\\') {
        ++pos_;
        if (peek() != '\n') {
          // CPython reports this one column past the backslash.
          return fail_kind("SyntaxError", "unexpected character after line continuation character",
                           col_of(pos_) + 1);
        }
        int backslash_line = lineno_;
        int after_backslash = col_of(pos_) + 1;
        ++pos_;
        advance_line(pos_ - 1);
        if (at_end()) {
          failed_ = true;
          error_.type = "SyntaxError";
          error_.msg = "unexpected EOF while parsing";
          error_.lineno = error_.end_lineno = backslash_line;
          error_.offset = after_backslash;
          error_.end_offset = -1;
          error_.text_with_newline = true;
          error_.at_eof_in_brackets = !brackets_.empty();
          return make(TokenType::Error, pos_, pos_);
        }
        continue;
      }
      break;
    }
    std::uint32_t start = pos_;
    if (at_end()) {
      if (!brackets_.empty()) {
        failed_ = true;
        error_.type = "SyntaxError";
        error_.msg = "unexpected EOF while parsing";
        error_.at_eof_in_brackets = true;
        error_.lineno = error_.end_lineno = lineno_;
        return make(TokenType::Error, pos_, pos_);
      }
      return make(TokenType::EndMarker, pos_, pos_);
    }
    char c = src_[pos_];
    if (c == '\n') {
      ++pos_;
      Token t = make(TokenType::Newline, start, start + 1);
      advance_line(start);
      at_bol_ = true;
      if (blank || !brackets_.empty()) continue;
      return t;
    }
    if (is_ident_start_ascii(c) || static_cast<unsigned char>(c) >= 128) {
      // String prefixes: any order of b, r, u, f (t-strings are 3.14-only and outside gopy).
      bool saw_b = false, saw_r = false, saw_u = false, saw_f = false, saw_t = false;
      std::uint32_t p = pos_;
      for (;;) {
        char l = src_[p];
        if (!saw_b && (l == 'b' || l == 'B')) saw_b = true;
        else if (!saw_u && (l == 'u' || l == 'U')) saw_u = true;
        else if (!saw_r && (l == 'r' || l == 'R')) saw_r = true;
        else if (!saw_f && (l == 'f' || l == 'F')) saw_f = true;
        else if (!saw_t && (l == 't' || l == 'T')) saw_t = true;
        else break;
        ++p;
        if (p < src_.size() && (src_[p] == '"' || src_[p] == '\'')) {
          // CPython: maybe_raise_syntax_error_for_string_prefixes
          const char* clash = nullptr;
          if (saw_u && saw_b) clash = "'u' and 'b'";
          else if (saw_u && saw_r) clash = "'u' and 'r'";
          else if (saw_u && saw_f) clash = "'u' and 'f'";
          else if (saw_u && saw_t) clash = "'u' and 't'";
          else if (saw_b && saw_f) clash = "'b' and 'f'";
          else if (saw_b && saw_t) clash = "'b' and 't'";
          else if (saw_f && saw_t) clash = "'f' and 't'";
          if (clash) {
            pos_ = p;
            return fail_range(std::string(clash) + " prefixes are incompatible", col_of(start) + 1,
                              col_of(p) + 1);
          }
          pos_ = p;
          if (saw_t) {
            return fail_range("t-string literal is not supported by gopy", col_of(start) + 1,
                              col_of(p) + 1);
          }
          if (saw_f) return fstring_start(start, src_[p]);
          return string_literal(start, src_[p]);
        }
      }
      return identifier(start);
    }
    if (c == '.') {
      if (is_digit(peek(1))) return number(start);
      if (peek(1) == '.' && peek(2) == '.') {
        pos_ += 3;
        return make_op(Op::Ellipsis, start, pos_);
      }
      ++pos_;
      return make_op(Op::Dot, start, pos_);
    }
    if (is_digit(c)) return number(start);
    if (c == '"' || c == '\'') return string_literal(start, c);

    // Inside an f-string field, ':' at the field's own level starts the format spec (so
    // `{x:=1}` is x with the spec "=1", as in CPython).
    if (fmode && fmode->expr_start_depth >= 0 && c == ':' &&
        fmode->curly_depth - 1 == fmode->expr_start_depth) {
      ++pos_;
      fmode->regular = false;
      fmode->in_format_spec = true;
      return make_op(Op::Colon, start, pos_);
    }

    Op two = two_char_op(c, peek(1));
    if (two != Op::None) {
      Op three = three_char_op(two, peek(2));
      pos_ += three != Op::None ? 3 : 2;
      return make_op(three != Op::None ? three : two, start, pos_);
    }
    ++pos_;
    switch (c) {
      case '(':
      case '[':
      case '{':
        if (level() >= kMaxLevel) return fail("too many nested parentheses");
        brackets_.push_back({c, lineno_, col_of(start)});
        if (fmode) ++fmode->curly_depth;
        break;
      case ')':
      case ']':
      case '}': {
        if (fmode && fmode->curly_depth == 0 && c == '}') {
          return fail(std::string(prefix_letter()) + "-string: single '}' is not allowed");
        }
        if (brackets_.empty()) return fail(std::string("unmatched '") + c + "'");
        OpenBracket open = brackets_.back();
        brackets_.pop_back();
        bool matches = (open.ch == '(' && c == ')') || (open.ch == '[' && c == ']') ||
                       (open.ch == '{' && c == '}');
        if (!matches) {
          if (fmode && open.ch == '{' && fmode->curly_depth - 1 == fmode->expr_start_depth) {
            return fail(std::string(prefix_letter()) + "-string: unmatched '" + c + "'");
          }
          std::string msg = std::string("closing parenthesis '") + c +
                            "' does not match opening parenthesis '" + open.ch + "'";
          if (open.lineno != lineno_) msg += " on line " + std::to_string(open.lineno);
          return fail(msg);
        }
        if (fmode) {
          --fmode->curly_depth;
          if (fmode->curly_depth < 0)
            return fail(std::string(prefix_letter()) + "-string: unmatched '" + c + "'");
          if (c == '}' && fmode->curly_depth == fmode->expr_start_depth) {
            --fmode->expr_start_depth;
            fmode->regular = false;
            fmode->in_format_spec = false;
          }
        }
        break;
      }
      default:
        break;
    }
    unsigned char uc = static_cast<unsigned char>(c);
    if (uc < 32 || uc == 127) {
      char buf[64];
      std::snprintf(buf, sizeof buf, "invalid non-printable character U+%04X", uc);
      return fail(buf);
    }
    return make_op(one_char_op(c), start, pos_);
  }
}

Token Tokenizer::identifier(std::uint32_t start) {
  bool nonascii = false;
  while (!at_end() && is_potential_ident_char(src_[pos_])) {
    if (static_cast<unsigned char>(src_[pos_]) >= 128) nonascii = true;
    ++pos_;
  }
  if (nonascii) {
    // CPython: verify_identifier (PEP 3131): report the first character that cannot be
    // part of an identifier, pointing just past it.
    std::uint32_t p = start;
    bool first = true;
    while (p < pos_) {
      std::uint32_t char_start = p;
      char32_t cp = decode_utf8(src_, p);
      bool ok = first ? is_xid_start(cp) : is_xid_continue(cp);
      if (!ok) {
        pos_ = p;
        std::string_view utf8(src_.data() + char_start, p - char_start);
        return fail(invalid_character_message(cp, utf8));
      }
      first = false;
    }
  }
  Token t = make(TokenType::Name, start, pos_);
  t.keyword = lookup_keyword(text(t));
  return t;
}

// CPython: lexer.c verify_end_of_number. Letters right after a number are an error, except
// the keywords that may follow it (`1if x else y`), accepted with a SyntaxWarning.
bool Tokenizer::verify_end_of_number(const char* kind) {
  char c = peek();
  auto followed_by = [&](std::string_view word) {
    return src_.compare(pos_, word.size(), word) == 0;
  };
  if (followed_by("and") || followed_by("else") || followed_by("for") || followed_by("if") ||
      followed_by("in") || followed_by("is") || followed_by("not") || followed_by("or")) {
    warnings_.emplace_back(lineno_, std::string("invalid ") + kind + " literal");
    return true;
  }
  if (static_cast<unsigned char>(c) < 128 && is_potential_ident_char(c)) {
    fail(std::string("invalid ") + kind + " literal");
    return false;
  }
  return true;
}

bool Tokenizer::decimal_tail() {
  for (;;) {
    while (is_digit(peek())) ++pos_;
    if (peek() != '_') return true;
    ++pos_;
    if (!is_digit(peek())) {
      fail("invalid decimal literal");
      return false;
    }
  }
}

Token Tokenizer::number(std::uint32_t start) {
  auto error_token = [&] { return make(TokenType::Error, pos_, pos_); };
  auto imaginary = [&]() -> Token {
    ++pos_;
    if (!verify_end_of_number("imaginary")) return error_token();
    return make(TokenType::Number, start, pos_);
  };
  if (src_[pos_] == '.') {
    ++pos_;
    if (!decimal_tail()) return error_token();
  } else if (src_[pos_] == '0' && (peek(1) == 'x' || peek(1) == 'X' || peek(1) == 'o' ||
                                   peek(1) == 'O' || peek(1) == 'b' || peek(1) == 'B')) {
    char base = static_cast<char>(peek(1) | 0x20);
    pos_ += 2;
    const char* kind = base == 'x' ? "hexadecimal" : base == 'o' ? "octal" : "binary";
    auto in_base = [&](char d) {
      if (base == 'x') return is_xdigit(d);
      if (base == 'o') return d >= '0' && d <= '7';
      return d == '0' || d == '1';
    };
    do {
      if (peek() == '_') ++pos_;
      if (!in_base(peek())) {
        if (base != 'x' && is_digit(peek())) {
          ++pos_;
          return fail(std::string("invalid digit '") + src_[pos_ - 1] + "' in " + kind + " literal");
        }
        return fail(std::string("invalid ") + kind + " literal");
      }
      while (in_base(peek())) ++pos_;
    } while (peek() == '_');
    if (base != 'x' && is_digit(peek())) {
      ++pos_;
      return fail(std::string("invalid digit '") + src_[pos_ - 1] + "' in " + kind + " literal");
    }
    if (!verify_end_of_number(kind)) return error_token();
    return make(TokenType::Number, start, pos_);
  } else if (src_[pos_] == '0') {
    // Zeros, then maybe an old-style octal (an error) or a float.
    ++pos_;
    for (;;) {
      if (peek() == '_') {
        ++pos_;
        if (!is_digit(peek())) return fail("invalid decimal literal");
      }
      if (peek() != '0') break;
      ++pos_;
    }
    std::uint32_t zeros_end = pos_;
    bool nonzero = false;
    if (is_digit(peek())) {
      nonzero = true;
      if (!decimal_tail()) return error_token();
    }
    if (peek() == '.') {
      ++pos_;
        if (is_digit(peek()) && !decimal_tail()) return error_token();
    } else if (peek() != 'e' && peek() != 'E' && peek() != 'j' && peek() != 'J') {
      if (nonzero) {
        return fail_range(
            "leading zeros in decimal integer literals are not permitted; use an 0o prefix "
            "for octal integers",
            col_of(start) + 1, col_of(zeros_end) + 1);
      }
      if (!verify_end_of_number("decimal")) return error_token();
      return make(TokenType::Number, start, pos_);
    }
  } else {
    if (!decimal_tail()) return error_token();
    if (peek() == '.') {
      ++pos_;
        if (is_digit(peek()) && !decimal_tail()) return error_token();
    }
  }
  if (peek() == 'e' || peek() == 'E') {
    std::uint32_t e_pos = pos_;
    ++pos_;
    if (peek() == '+' || peek() == '-') {
      ++pos_;
      if (!is_digit(peek())) return fail("invalid decimal literal");
    } else if (!is_digit(peek())) {
      // `1e` alone: the number ends before the 'e' (then "invalid decimal literal").
      pos_ = e_pos;
      if (!verify_end_of_number("decimal")) return error_token();
      return make(TokenType::Number, start, pos_);
    }
    if (!decimal_tail()) return error_token();
  }
  if (peek() == 'j' || peek() == 'J') return imaginary();
  if (!verify_end_of_number("decimal")) return error_token();
  return make(TokenType::Number, start, pos_);
}

// A plain (non-f) string literal, prefix included; escapes are decoded by the parser.
Token Tokenizer::string_literal(std::uint32_t start, char quote) {
  int first_line = lineno_;
  std::uint32_t first_line_start = line_start_;
  int quote_size = 1;
  int end_quote_size = 0;
  bool escaped_quote = false;
  ++pos_;  // the opening quote
  if (peek() == quote) {
    if (peek(1) == quote) {
      quote_size = 3;
      pos_ += 2;
    } else {
      ++pos_;
      end_quote_size = 1;  // empty string
    }
  }
  while (end_quote_size != quote_size) {
    if (at_end() || (quote_size == 1 && peek() == '\n')) {
      // At the end of input the last newline has been read: CPython counts its line.
      int detected = at_end() ? lineno_ - 1 : lineno_;
      lineno_ = first_line;
      line_start_ = first_line_start;
      pos_ = start + 1;
      if (!modes_.empty() && modes_.back().quote == quote && modes_.back().quote_size == quote_size) {
        return fail(std::string(prefix_letter()) + "-string: expecting '}'");
      }
      std::string msg = quote_size == 3 ? "unterminated triple-quoted string literal"
                                        : "unterminated string literal";
      msg += " (detected at line " + std::to_string(detected) + ")";
      if (quote_size == 1 && escaped_quote) msg += "; perhaps you escaped the end quote?";
      return fail(msg);
    }
    char c = src_[pos_++];
    if (c == '\n') advance_line(pos_ - 1);
    if (c == quote) {
      ++end_quote_size;
    } else {
      end_quote_size = 0;
      if (c == '\\' && !at_end()) {
        char escaped = src_[pos_++];
        if (escaped == quote) escaped_quote = true;
        if (escaped == '\n') advance_line(pos_ - 1);
      }
    }
  }
  Token t = make(TokenType::String, start, pos_);
  t.lineno = first_line;
  t.col = static_cast<int>(start - first_line_start);
  return t;
}

Token Tokenizer::fstring_start(std::uint32_t start, char quote) {
  FStringMode mode;
  mode.quote = quote;
  ++pos_;
  if (peek() == quote && peek(1) == quote) {
    mode.quote_size = 3;
    pos_ += 2;
  }
  if (static_cast<int>(modes_.size()) + 1 >= kMaxFStringLevel)
    return fail("too many nested f-strings or t-strings");
  for (std::uint32_t p = start; p < pos_; ++p) {
    char l = static_cast<char>(src_[p] | 0x20);
    if (l == 'r') mode.raw = true;
  }
  mode.start = start;
  mode.start_line_start = line_start_;
  mode.first_line = lineno_;
  modes_.push_back(mode);
  return make(TokenType::FStringStart, start, pos_);
}

// CPython: lexer.c tok_get_fstring_mode: the literal text of an f-string (or of a format
// spec) up to the next replacement field or the closing quote.
Token Tokenizer::fstring_mode() {
  FStringMode& mode = modes_.back();
  std::uint32_t start = pos_;
  int start_line = lineno_;
  std::uint32_t start_line_start = line_start_;
  auto literal = [&](std::uint32_t end) {
    Token t = make(TokenType::FStringMiddle, start, end);
    t.lineno = start_line;
    t.col = static_cast<int>(start - start_line_start);
    return t;
  };
  if (peek() == '{' && peek(1) != '{') {
    ++mode.expr_start_depth;
    if (mode.expr_start_depth >= kMaxExprNesting)
      return fail(std::string(prefix_letter()) + "-string: expressions nested too deeply");
    mode.regular = true;
    return normal_mode();
  }
  // The end of the string?
  bool at_quote = true;
  for (int i = 0; i < mode.quote_size; ++i)
    if (peek(i) != mode.quote) at_quote = false;
  if (at_quote) {
    pos_ += mode.quote_size;
    Token t = make(TokenType::FStringEnd, start, pos_);
    modes_.pop_back();
    return t;
  }
  bool in_format_spec = mode.in_format_spec && mode.expr_start_depth >= 0;
  int end_quote_size = 0;
  while (end_quote_size != mode.quote_size) {
    if (at_end() || (mode.quote_size == 1 && peek() == '\n')) {
      if (in_format_spec && !at_end()) {
        if (mode.quote_size == 1) {
          return fail(std::string(prefix_letter()) +
                      "-string: newlines are not allowed in format specifiers for single quoted " +
                      std::string(prefix_letter()) + "-strings");
        }
      }
      int detected = at_end() ? lineno_ - 1 : lineno_;
      pos_ = mode.start + 1;
      line_start_ = mode.start_line_start;
      lineno_ = mode.first_line;
      std::string msg = mode.quote_size == 3 ? "unterminated triple-quoted " : "unterminated ";
      msg += std::string(prefix_letter()) + "-string literal (detected at line " +
             std::to_string(detected) + ")";
      return fail(msg);
    }
    char c = src_[pos_];
    if (c == mode.quote) {
      ++end_quote_size;
      ++pos_;
      continue;
    }
    end_quote_size = 0;
    if (c == '{') {
      if (peek(1) != '{' || in_format_spec) {
        // A replacement field starts: return the text so far, then its tokens.
        ++mode.expr_start_depth;
        if (mode.expr_start_depth >= kMaxExprNesting)
          return fail(std::string(prefix_letter()) + "-string: expressions nested too deeply");
        mode.regular = true;
        mode.in_format_spec = false;
        return literal(pos_);
      }
      pos_ += 2;  // "{{": the text is up to and including the first brace
      return literal(pos_ - 1);
    }
    if (c == '}') {
      if (peek(1) == '}' && !in_format_spec && mode.curly_depth == 0) {
        pos_ += 2;
        return literal(pos_ - 1);
      }
      mode.regular = true;
      mode.in_format_spec = false;
      return literal(pos_);
    }
    if (c == '\n') {
      ++pos_;
      advance_line(pos_ - 1);
      continue;
    }
    if (c == '\\') {
      ++pos_;
      char n = peek();
      if (n == '{' || n == '}') continue;  // the brace is handled by the loop
      if (!mode.raw && n == 'N' && peek(1) == '{') {
        // \N{NAME}: its braces are not a replacement field.
        pos_ += 2;
        while (!at_end() && peek() != '}' && peek() != '\n' && peek() != mode.quote) ++pos_;
        if (peek() == '}') ++pos_;
        continue;
      }
      if (n == '\n') {
        ++pos_;
        advance_line(pos_ - 1);
        continue;
      }
      if (!at_end()) ++pos_;
      continue;
    }
    ++pos_;
  }
  // Leave the closing quotes for the FSTRING_END token.
  pos_ -= mode.quote_size;
  return literal(pos_);
}

}  // namespace gopy::parser
