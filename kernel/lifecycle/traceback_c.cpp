// The traceback of an unraisable exception ("Exception ignored ..."), as CPython's C code
// prints it rather than the traceback module: each line of source read from its file
// (found on sys.path when relative), indentation removed, no carets, nothing for
// "<string>" or "<stdin>". CPython: Python/traceback.c _PyTraceBack_Print,
// tb_printinternal, tb_displayline, display_source_line, _Py_FindSourceFile.
#include <climits>
#include <cstdio>
#include <optional>
#include <string>

#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/sys_streams.hpp"
#include "lifecycle/traceback_c.hpp"

namespace gopy {

namespace {

constexpr long kDefaultLimit = 1000;  // CPython: PyTraceBack_LIMIT
constexpr long kRecursiveCutoff = 3;  // CPython: TB_RECURSIVE_CUTOFF

// Line `lineno` of the file at `path` without its line break, or nothing when the file
// cannot be opened or is shorter.
std::optional<std::string> read_line(const std::string& path, int lineno) {
  FILE* f = std::fopen(path.c_str(), "rb");
  if (!f) return std::nullopt;
  std::string line;
  int current = 1;
  bool found = false;
  for (int c; (c = std::fgetc(f)) != EOF;) {
    if (current == lineno) found = true;
    if (c == '\n' && ++current > lineno) break;
    if (current == lineno && c != '\n') line += char(c);
  }
  std::fclose(f);
  if (!found) return std::nullopt;
  if (!line.empty() && line.back() == '\r') line.pop_back();  // universal newlines
  return line;
}

// CPython: display_source_line: "<...>" names are not opened; a relative name that does
// not open is looked for under each sys.path directory by its last component.
std::optional<std::string> source_line(const std::string& filename, int lineno) {
  if (filename.size() >= 2 && filename.front() == '<' && filename.back() == '>') return std::nullopt;
  Ref<> name = Ref<>::steal(new_str(filename));
  std::string path;
  if (!str_fs_encode(as_str(name.get()), &path)) return std::nullopt;
  if (auto line = read_line(path, lineno)) return line;
  std::string tail = path.substr(path.rfind('/') == std::string::npos ? 0 : path.rfind('/') + 1);
  Object* sys_path = sys_attribute("path");
  if (!sys_path || !is_list(sys_path)) return std::nullopt;
  for (Object* entry : static_cast<ListObject*>(sys_path)->items) {
    std::string dir;
    if (!is_str(entry) || !str_fs_encode(as_str(entry), &dir)) continue;
    if (auto line = read_line(dir.empty() ? tail : dir + "/" + tail, lineno)) return line;
  }
  return std::nullopt;
}

bool write(Object* stream, const std::string& text) {
  if (write_to_stream(stream, text) == 0) return true;
  clear_error();
  return false;
}

bool print_repeated(Object* stream, long count) {
  long more = count - kRecursiveCutoff;
  return write(stream, "  [Previous line repeated " + std::to_string(more) + (more > 1 ? " more times]\n" : " more time]\n"));
}

}  // namespace

bool print_c_traceback(Object* stream, Object* tb_object) {
  if (!tb_object || tb_object->type != &traceback_type) return true;
  auto* tb = static_cast<TracebackObject*>(tb_object);
  long limit = kDefaultLimit;
  if (Object* v = sys_attribute("tracebacklimit"); v && is_int(v)) {
    // Past the C long range: as large as it gets, or nothing when negative.
    int64_t value = 0;
    if (int_to_int64(v, &value)) {
      limit = value > LONG_MAX ? LONG_MAX : long(value);
    } else {
      clear_error();
      limit = int_sign(v) > 0 ? LONG_MAX : -1;
    }
    if (limit <= 0) return true;
  }
  if (!write(stream, "Traceback (most recent call last):\n")) return false;
  long depth = 0;
  for (TracebackObject* t = tb; t; t = t->next) ++depth;
  for (; tb && depth > limit; tb = tb->next) --depth;
  const StrObject* last_file = nullptr;
  const StrObject* last_name = nullptr;
  int last_line = -1;
  long count = 0;
  for (; tb; tb = tb->next) {
    bool same = last_file && last_name && last_line != -1 && tb->filename->utf8 == last_file->utf8 &&
                tb->funcname->utf8 == last_name->utf8 && tb->lineno == last_line;
    if (!same) {
      if (count > kRecursiveCutoff && !print_repeated(stream, count)) return false;
      last_file = tb->filename;
      last_name = tb->funcname;
      last_line = tb->lineno;
      count = 0;
    }
    if (++count > kRecursiveCutoff) continue;
    std::string text = "  File \"" + tb->filename->utf8 + "\", line " + std::to_string(tb->lineno) + ", in " +
                       tb->funcname->utf8 + "\n";
    if (auto line = source_line(tb->filename->utf8, tb->lineno)) {
      size_t lead = line->find_first_not_of(" \t\f");
      text += "    " + (lead == std::string::npos ? std::string() : line->substr(lead)) + "\n";
    }
    if (!write(stream, text)) return false;
  }
  return count <= kRecursiveCutoff || print_repeated(stream, count);
}

}  // namespace gopy
