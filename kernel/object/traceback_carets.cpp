// The `~~~^^^~~~` markers under a traceback's source line (PEP 657; CPython:
// Lib/traceback.py StackSummary.format_frame_summary, _should_show_carets,
// _extract_caret_anchors_from_line_segment). Single-line expressions only.
#include "object/traceback_carets.hpp"

#include <algorithm>
#include <string_view>

namespace gopy {

namespace {

bool blank(char c) { return c == ' ' || c == '\t' || c == '\f' || c == '\r' || c == '\n' || c == '\v'; }

// A UTF-8 byte offset as a character index (CPython: _byte_offset_to_character_offset).
int char_index(const std::string& line, int byte_offset) {
  int n = 0;
  for (int i = 0; i < byte_offset && size_t(i) < line.size(); ++i)
    if ((static_cast<unsigned char>(line[size_t(i)]) & 0xC0) != 0x80) ++n;
  return n;
}

struct Anchors {
  int left = -1;   // the first `^` (byte offset in the line)
  int right = -1;  // one past the last `^`
};

// The operator between the operands: the first character after the left operand that is
// neither blank nor ')', and the next one when it is part of the operator.
bool binop_anchors(const std::string& line, const SourceSpan& s, Anchors& a) {
  size_t col = size_t(s.left_end);
  while (col < line.size() && (blank(line[col]) || line[col] == ')')) ++col;
  if (col >= line.size() || line[col] == '#' || line[col] == '\\') return false;
  size_t right = col + 1;
  if (right < line.size() && int(right) < s.right_start && !blank(line[right]) && line[right] != '\\' &&
      line[right] != '#')
    ++right;
  a = {int(col), int(right)};
  return true;
}

// A call's or subscript's bracket after the callee/value, through the expression's end.
bool bracket_anchors(const std::string& line, const SourceSpan& s, Anchors& a) {
  size_t col = size_t(s.left_end);
  while (col < line.size() && line[col] != '(' && line[col] != '[') {
    if (line[col] == '#' || line[col] == '\\') return false;
    ++col;
  }
  if (col >= line.size()) return false;
  a = {int(col), s.end_col};
  return true;
}

}  // namespace

std::string traceback_carets(const std::string& line, const SourceSpan& span) {
  if (span.col < 0 || span.end_col <= span.col || size_t(span.end_col) > line.size()) return "";
  if (span.anchor == SourceSpan::Anchor::whole_value) return "";
  Anchors anchors;
  bool anchored = false;
  if (span.anchor == SourceSpan::Anchor::binop) anchored = binop_anchors(line, span, anchors);
  else if (span.anchor == SourceSpan::Anchor::bracket) anchored = bracket_anchors(line, span, anchors);
  size_t lead = 0;
  while (lead < line.size() && blank(line[lead])) ++lead;
  if (!anchored) {
    // Plain `^` only when the expression is not the whole (stripped) line.
    bool before = size_t(span.col) > lead;
    size_t tail = size_t(span.end_col);
    while (tail < line.size() && blank(line[tail])) ++tail;
    if (!before && tail >= line.size()) return "";
  }
  int start = char_index(line, span.col), end = char_index(line, span.end_col);
  int skip = char_index(line, int(lead));
  int left = anchored ? char_index(line, anchors.left) : -1;
  int right = anchored ? char_index(line, anchors.right) : -1;
  std::string carets;
  for (int c = skip; c < end; ++c) {
    if (c < start) carets += ' ';
    else if (!anchored) carets += '^';
    else carets += c >= left && c < right ? '^' : '~';
  }
  return carets;
}

// CPython: StackSummary.format_frame_summary's colorize branch, which groups the line's
// characters by the caret under each (itertools.zip_longest, groupby).
void colorize_carets(std::string& line, std::string& carets, const TracebackTheme& theme) {
  std::string colored_line, colored_carets;
  size_t at = 0;  // byte offset in line
  size_t column = 0;
  while (at < line.size() || column < carets.size()) {
    char key = column < carets.size() ? carets[column] : '\0';
    size_t line_start = at, caret_start = column;
    while ((at < line.size() || column < carets.size()) &&
           (column < carets.size() ? carets[column] : '\0') == key) {
      if (at < line.size()) {
        ++at;
        while (at < line.size() && (static_cast<unsigned char>(line[at]) & 0xC0) == 0x80) ++at;
      }
      ++column;
    }
    std::string_view chars(line.data() + line_start, at - line_start);
    std::string_view marks(carets.data() + caret_start, std::min(column, carets.size()) - caret_start);
    const char* color = key == '^' ? theme.error_highlight : key == '~' ? theme.error_range : nullptr;
    if (color) {
      colored_line.append(color).append(chars).append(theme.reset);
      colored_carets.append(color).append(marks).append(theme.reset);
    } else {
      colored_line.append(chars);
      colored_carets.append(marks);
    }
  }
  line = std::move(colored_line);
  carets = std::move(colored_carets);
}

}  // namespace gopy
