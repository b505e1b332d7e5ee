#include "compare.hpp"

#include <algorithm>
#include <cstdio>
#include <optional>

namespace gopy::conformance {
namespace {

// Splits on '\n' after turning "\r\n" into "\n"; a final empty piece (the text ended
// with a newline) is dropped, as both READMEs specify.
std::vector<std::string> split_lines(std::string_view text, bool fold_crlf) {
  std::string folded;
  folded.reserve(text.size());
  for (size_t i = 0; i < text.size(); ++i) {
    if (fold_crlf && text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') continue;
    folded += text[i];
  }
  std::vector<std::string> lines;
  size_t start = 0;
  while (true) {
    size_t end = folded.find('\n', start);
    if (end == std::string::npos) {
      lines.push_back(folded.substr(start));
      break;
    }
    lines.push_back(folded.substr(start, end - start));
    start = end + 1;
  }
  if (!lines.empty() && lines.back().empty()) lines.pop_back();
  return lines;
}

// Python's str.isspace() over the ASCII range (the only whitespace the corpus prints).
bool is_blank(std::string_view line) {
  return std::all_of(line.begin(), line.end(), [](char c) {
    return c == ' ' || (c >= '\t' && c <= '\r') || (c >= '\x1c' && c <= '\x1f');
  });
}

struct FileLine {
  std::string name;
  std::string line_number;
  std::optional<std::string> function;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// Matches ^  File "(.*)", line (\d+)(, in (.*))?$ with Python's greedy semantics: the
// name is the longest prefix after which the rest of the line still fits the pattern.
std::optional<FileLine> parse_file_line(const std::string& line) {
  static constexpr std::string_view head = "  File \"";
  static constexpr std::string_view middle = "\", line ";
  static constexpr std::string_view in = ", in ";
  if (line.rfind(head, 0) != 0) return std::nullopt;
  for (size_t quote_at = line.rfind(middle); quote_at != std::string::npos && quote_at >= head.size();
       quote_at = quote_at == 0 ? std::string::npos : line.rfind(middle, quote_at - 1)) {
    size_t digits = quote_at + middle.size();
    size_t end = digits;
    while (end < line.size() && is_digit(line[end])) ++end;
    if (end == digits) continue;
    FileLine parsed{line.substr(head.size(), quote_at - head.size()), line.substr(digits, end - digits),
                    std::nullopt};
    if (end == line.size()) return parsed;
    if (line.compare(end, in.size(), in) == 0) {
      parsed.function = line.substr(end + in.size());
      return parsed;
    }
  }
  return std::nullopt;
}

std::string strip_case_dir(const std::string& name, const std::vector<std::string>& case_dirs) {
  for (const auto& dir : case_dirs) {
    if (dir.empty()) continue;
    std::string prefix = dir + "/";
    if (name.rfind(prefix, 0) == 0) return name.substr(prefix.size());
  }
  return name;
}

// Well-formed UTF-8 (Unicode Table 3-7): the sequence length a lead byte announces (0
// for a byte that cannot start one) and the range its second byte must fall in.
struct Utf8Lead {
  size_t length;
  unsigned char second_min;
  unsigned char second_max;
};

Utf8Lead utf8_lead(unsigned char lead) {
  if (lead < 0x80) return {1, 0, 0};
  if (lead < 0xC2) return {0, 0, 0};
  if (lead < 0xE0) return {2, 0x80, 0xBF};
  if (lead == 0xE0) return {3, 0xA0, 0xBF};
  if (lead == 0xED) return {3, 0x80, 0x9F};
  if (lead < 0xF0) return {3, 0x80, 0xBF};
  if (lead == 0xF0) return {4, 0x90, 0xBF};
  if (lead < 0xF4) return {4, 0x80, 0xBF};
  if (lead == 0xF4) return {4, 0x80, 0x8F};
  return {0, 0, 0};
}

// How many bytes at `at` form one unit: a whole valid sequence (`valid` set), or the
// maximal invalid prefix that Python replaces by a single U+FFFD.
size_t utf8_unit(std::string_view bytes, size_t at, bool& valid) {
  auto byte = [&](size_t i) { return static_cast<unsigned char>(bytes[i]); };
  Utf8Lead lead = utf8_lead(byte(at));
  valid = false;
  if (lead.length == 0) return 1;
  size_t taken = 1;
  if (lead.length > 1 && at + 1 < bytes.size() && byte(at + 1) >= lead.second_min &&
      byte(at + 1) <= lead.second_max) {
    taken = 2;
    while (taken < lead.length && at + taken < bytes.size() && (byte(at + taken) & 0xC0) == 0x80) ++taken;
  }
  valid = taken == lead.length;
  return taken;
}

}  // namespace

std::string replace_placeholders(std::string_view text, std::string_view argv0, std::string_view cwd) {
  static constexpr std::string_view argv0_mark = "@ARGV0@";
  static constexpr std::string_view cwd_mark = "@CWD@";
  std::string result;
  for (size_t i = 0; i < text.size();) {
    if (text.substr(i, argv0_mark.size()) == argv0_mark) {
      result += argv0;
      i += argv0_mark.size();
    } else if (text.substr(i, cwd_mark.size()) == cwd_mark) {
      result += cwd;
      i += cwd_mark.size();
    } else {
      result += text[i++];
    }
  }
  return result;
}

std::string last_line(std::string_view text) {
  auto lines = split_lines(text, false);
  return lines.empty() ? std::string() : lines.back();
}

std::string decode_utf8_replace(std::string_view bytes) {
  std::string text;
  text.reserve(bytes.size());
  for (size_t i = 0; i < bytes.size();) {
    bool valid = false;
    size_t length = utf8_unit(bytes, i, valid);
    if (valid) {
      text.append(bytes.substr(i, length));
    } else {
      text += "\xEF\xBF\xBD";
    }
    i += length;
  }
  return text;
}

std::string normalize_last_line_mode(std::string_view stderr_text) {
  auto lines = split_lines(stderr_text, true);
  for (auto it = lines.rbegin(); it != lines.rend(); ++it) {
    if (!is_blank(*it)) return *it + "\n";
  }
  return "";
}

std::string normalize_traceback(std::string_view stderr_text, const std::vector<std::string>& case_dirs) {
  std::string result;
  bool in_traceback = false;
  for (const auto& line : split_lines(stderr_text, true)) {
    if (line.empty()) continue;
    if (line == "Traceback (most recent call last):") {
      in_traceback = true;
      result += line + "\n";
    } else if (auto file_line = parse_file_line(line)) {
      result += "  File \"" + strip_case_dir(file_line->name, case_dirs) + "\", line " + file_line->line_number;
      if (file_line->function) result += ", in " + *file_line->function;
      result += "\n";
    } else if (in_traceback && line.front() == ' ') {
      continue;  // source lines, carets, "[Previous line repeated ...]"
    } else {
      in_traceback = false;
      result += line + "\n";
    }
  }
  return result;
}

std::string quote(std::string_view text, size_t limit) {
  std::string quoted = "\"";
  for (size_t i = 0; i < text.size() && i < limit; ++i) {
    char c = text[i];
    switch (c) {
      case '\n': quoted += "\\n"; break;
      case '\r': quoted += "\\r"; break;
      case '\t': quoted += "\\t"; break;
      case '"': quoted += "\\\""; break;
      case '\\': quoted += "\\\\"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 || c == '\x7f') {
          char escaped[8];
          std::snprintf(escaped, sizeof escaped, "\\x%02x", static_cast<unsigned char>(c));
          quoted += escaped;
        } else {
          quoted += c;
        }
    }
  }
  quoted += text.size() > limit ? "\"..." : "\"";
  return quoted;
}

std::string describe_difference(std::string_view expected, std::string_view actual) {
  size_t at = 0;
  while (at < expected.size() && at < actual.size() && expected[at] == actual[at]) ++at;
  // Show the difference from the start of its line, or from a little before it in a long line.
  size_t newline = expected.substr(0, at).rfind('\n');
  size_t from = newline == std::string_view::npos ? 0 : newline + 1;
  if (at - from > 40) from = at - 20;
  std::string where = "at byte " + std::to_string(at);
  if (at == expected.size() && at < actual.size()) where += " (extra output)";
  if (at == actual.size() && at < expected.size()) where += " (output ends early)";
  std::string text = where + ": expected " + quote(expected.substr(from), 60) + ", got " + quote(actual.substr(from), 60);
  // A traceback's point is its last line, which the excerpt above cuts off.
  std::string_view rest = actual.substr(from);
  std::string ending = last_line(rest);
  if (rest.size() > 60 && !ending.empty() && rest.substr(0, 60).find(ending) == std::string_view::npos) {
    text += " ending " + quote(ending, 120);
  }
  return text;
}

}  // namespace gopy::conformance
