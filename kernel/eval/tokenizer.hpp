// The tokenizer of gopy's language slice: source bytes to tokens, one at a time.
// CPython: Parser/lexer/lexer.c (tok_get_normal_mode, tok_get_fstring_mode). It follows
// CPython's modal design for f-strings (PEP 701): FSTRING_START, FSTRING_MIDDLE and
// FSTRING_END tokens around ordinary tokens for the replacement fields.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace gopy::parser {

enum class TokenType : std::uint8_t {
  EndMarker, Name, Number, String, Newline, Indent, Dedent, Op,
  FStringStart, FStringMiddle, FStringEnd, Error
};

// Operators and delimiters (CPython: Grammar/Tokens).
enum class Op : std::uint8_t {
  None,
  LPar, RPar, LSqb, RSqb, Colon, Comma, Semi, Plus, Minus, Star, Slash, VBar, Amper, Less,
  Greater, Equal, Dot, Percent, LBrace, RBrace, EqEqual, NotEqual, LessEqual, GreaterEqual,
  Tilde, Circumflex, LeftShift, RightShift, DoubleStar, PlusEqual, MinEqual, StarEqual,
  SlashEqual, PercentEqual, AmperEqual, VBarEqual, CircumflexEqual, LeftShiftEqual,
  RightShiftEqual, DoubleStarEqual, DoubleSlash, DoubleSlashEqual, At, AtEqual, RArrow,
  Ellipsis, ColonEqual, Exclamation
};

// Python's hard keywords, recognised once by the tokenizer so the parser compares enums.
enum class Keyword : std::uint8_t {
  None_,  // not a keyword
  False, None, True, And, As, Assert, Async, Await, Break, Class, Continue, Def, Del, Elif,
  Else, Except, Finally, For, From, Global, If, Import, In, Is, Lambda, Nonlocal, Not, Or,
  Pass, Raise, Return, Try, While, With, Yield
};

// A token: its kind and where it is. `start`/`end` are byte offsets into
// Tokenizer::source(); lines are 1-based, columns 0-based UTF-8 byte offsets.
struct Token {
  TokenType type = TokenType::EndMarker;
  Op op = Op::None;
  Keyword keyword = Keyword::None_;
  std::uint32_t start = 0;
  std::uint32_t end = 0;
  int lineno = 0;
  int col = 0;
  int end_lineno = 0;
  int end_col = 0;
  int level = 0;  // bracket nesting level after this token
};

// A tokenizer error, with CPython's location conventions already applied: `offset` and
// `end_offset` are 1-based byte columns into line `lineno` (converted to characters when
// the SyntaxError is built).
struct TokenizerError {
  std::string type = "SyntaxError";
  std::string msg;
  int lineno = 0;
  int offset = 0;
  int end_lineno = 0;
  int end_offset = 0;
  bool at_eof_in_brackets = false;  // E_EOF with brackets open: "'(' was never closed"
  // Errors CPython's tokenizer leaves for pegen to report (bad dedent, tabs, too deep,
  // continuation, EOF): their text keeps the newline, and they never replace a parser
  // error found earlier (CPython: _Pypegen_tokenizer_error).
  bool text_with_newline = false;
};

// An open bracket, for "'(' was never closed" and mismatch messages.
struct OpenBracket {
  char ch;
  int lineno;
  int col;
};

// One f-string being tokenized (CPython: tokenizer_mode with kind TOK_FSTRING_MODE).
struct FStringMode {
  bool regular = false;        // tokenizing a replacement field's expression
  char quote = '"';
  int quote_size = 1;          // 1 or 3
  bool raw = false;
  char prefix = 'f';           // for messages: "f-string: ..."
  int curly_depth = 0;         // brackets open inside this f-string's fields
  int expr_start_depth = -1;   // curly_depth where the current field started
  bool in_format_spec = false;
  std::uint32_t start = 0;     // offset of the prefix
  std::uint32_t start_line_start = 0;
  int first_line = 0;
};

class Tokenizer {
 public:
  explicit Tokenizer(std::string_view source_utf8);

  // The next token; after an Error token, error() says what went wrong and every further
  // call returns Error again.
  Token next();

  const std::string& source() const { return src_; }
  std::string_view text(const Token& t) const {
    return std::string_view(src_).substr(t.start, t.end - t.start);
  }
  const TokenizerError& error() const { return error_; }
  bool in_fstring() const { return !modes_.empty(); }
  bool failed() const { return failed_; }
  // The innermost bracket still open (valid when level() > 0).
  int level() const { return static_cast<int>(brackets_.size()); }
  const OpenBracket& innermost_bracket() const { return brackets_.back(); }
  // The source line `lineno` (1-based) without its newline.
  std::string_view line_text(int lineno) const;
  // The SyntaxWarnings found since the last call (line, message), in source order.
  std::vector<std::pair<int, std::string>> take_warnings() { return std::exchange(warnings_, {}); }

 private:
  Token normal_mode();
  Token fstring_mode();
  Token make(TokenType type, std::uint32_t start, std::uint32_t end);
  Token make_op(Op op, std::uint32_t start, std::uint32_t end);
  Token fail(const std::string& msg);
  Token fail_range(const std::string& msg, int col0, int end_col0);
  Token fail_kind(const char* type, const std::string& msg, int offset);
  Token string_literal(std::uint32_t start, char quote);
  Token fstring_start(std::uint32_t start, char quote);
  Token number(std::uint32_t start);
  Token identifier(std::uint32_t start);
  bool decimal_tail();
  bool verify_end_of_number(const char* kind);
  int compute_indent(bool& blank);
  char peek(std::size_t ahead = 0) const {
    return pos_ + ahead < src_.size() ? src_[pos_ + ahead] : '\0';
  }
  bool at_end() const { return pos_ >= src_.size(); }
  void advance_line(std::uint32_t newline_pos);
  int col_of(std::uint32_t offset) const { return static_cast<int>(offset - line_start_); }
  std::string_view prefix_letter() const;

  std::string src_;
  std::uint32_t pos_ = 0;
  std::uint32_t line_start_ = 0;
  int lineno_ = 1;
  bool at_bol_ = true;
  int pending_indents_ = 0;  // >0 INDENTs, <0 DEDENTs to emit
  std::vector<int> indents_{0};
  std::vector<int> alt_indents_{0};
  std::vector<OpenBracket> brackets_;
  std::vector<FStringMode> modes_;
  std::vector<std::pair<int, std::string>> warnings_;
  bool failed_ = false;
  TokenizerError error_;
};

// Byte offset (1-based, as in TokenizerError) to CPython's character offset into `line`.
int byte_to_char_offset(std::string_view line, int byte_offset);

}  // namespace gopy::parser
