// The -c command with its common leading indentation removed (CPython 3.14 runs
// `python -c '    print(1)'` as `print(1)`). CPython: Objects/unicodeobject.c
// _PyUnicode_Dedent, search_longest_common_leading_whitespace; Modules/main.c
// pymain_run_command.
#include <algorithm>

#include "lifecycle/run_main_impl.hpp"

namespace gopy {

namespace {

bool is_indent(char c) { return c == ' ' || c == '\t'; }

// The longest run of spaces and tabs that starts every line holding more than
// whitespace; empty when some such line starts without indentation.
std::string_view common_indent(std::string_view src) {
  std::string_view common;
  bool found = false;
  size_t pos = 0;
  while (pos < src.size()) {
    size_t end = std::min(src.find('\n', pos), src.size());
    std::string_view line = src.substr(pos, end - pos);
    pos = end + 1;
    size_t indent = 0;
    while (indent < line.size() && is_indent(line[indent])) ++indent;
    if (indent == line.size()) continue;  // whitespace only: does not count
    if (indent == 0) return {};
    if (!found) {
      common = line.substr(0, indent);
      found = true;
      continue;
    }
    size_t same = 0;
    while (same < common.size() && same < indent && common[same] == line[same]) ++same;
    common = common.substr(0, same);
    if (common.empty()) return {};
  }
  return common;
}

}  // namespace

std::string dedent_command(std::string_view src) {
  size_t width = common_indent(src).size();
  if (width == 0) return std::string(src);
  std::string out;
  out.reserve(src.size());
  size_t pos = 0;
  while (pos < src.size()) {
    size_t nl = src.find('\n', pos);
    bool has_newline = nl != std::string_view::npos;
    size_t end = has_newline ? nl : src.size();
    std::string_view line = src.substr(pos, end - pos);
    pos = end + 1;
    bool blank = std::all_of(line.begin(), line.end(), is_indent);
    // A whitespace-only line becomes empty; a last one without a newline keeps what
    // lies past the common width (none when it is shorter).
    if (!(blank && has_newline) && line.size() > width) out.append(line.substr(width));
    if (has_newline) out += '\n';
  }
  return out;
}

}  // namespace gopy
