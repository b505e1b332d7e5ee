// Printing an exception: the chain (cause/context), each traceback outermost
// frame first, then `Type: message` (CPython: Python/pythonrun.c print_exception_recursive,
// print_exception, Python/traceback.c tb_displayline).
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <unordered_set>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "object/prim/unicode.hpp"
#include "object/source_line.hpp"
#include "object/traceback_carets.hpp"
#include "object/strcat.hpp"
#include "object/exception_group.hpp"
#include "object/suggestions.hpp"

namespace gopy {

int write_to_stream(Object* stream, std::string_view text) {
  if (!stream || stream == None()) {
    std::fwrite(text.data(), 1, text.size(), stderr);
    return 0;
  }
  Object* s = new_str(text);
  Object* r = call_method(stream, "write", &s, 1);
  decref(s);
  if (!r) return -1;
  decref(r);
  return 0;
}

namespace {

std::string strip(const std::string& line) {
  size_t b = line.find_first_not_of(" \t\f\r");
  size_t e = line.find_last_not_of(" \t\f\r");
  if (b == std::string::npos) return "";
  return line.substr(b, e - b + 1);
}

}  // namespace

std::string source_line(const std::string& filename, int lineno) { return strip(raw_source_line(filename, lineno)); }

// Source line `lineno` of a file (or of a registered string source), or empty.
std::string raw_source_line(const std::string& filename, int lineno) {
  const auto& sources = get_thread_state()->interp->string_sources;
  if (auto it = sources.find(filename); it != sources.end()) {
    size_t pos = 0;
    for (int l = 1; l < lineno && pos != std::string::npos; ++l) {
      pos = it->second.find('\n', pos);
      if (pos != std::string::npos) ++pos;
    }
    if (pos == std::string::npos || pos >= it->second.size()) return "";
    size_t end = it->second.find('\n', pos);
    std::string line = it->second.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return line;
  }
  if (filename.starts_with("<")) return "";
  // The file's name as bytes again ('\udcf0' names the byte 0xf0).
  prim::Result<std::string> path = prim::fs_encode(filename);
  if (!path) return "";
  FILE* f = std::fopen(path->c_str(), "rb");
  if (!f) return "";
  std::string line;
  int current = 1;
  int c;
  while ((c = std::fgetc(f)) != EOF) {
    if (current == lineno && c != '\n') line += char(c);
    if (c == '\n' && ++current > lineno) break;
  }
  std::fclose(f);
  if (!line.empty() && line.back() == '\r') line.pop_back();
  return line;
}

namespace {

class Printer {
 public:
  Printer(Object* stream, bool colorize)
      : stream_(stream), theme_(colorize ? TracebackTheme::colored() : TracebackTheme{}) {}

  // False once a write failed (the error is cleared; nothing more is written).
  bool ok() const { return ok_; }

  void print_chain(Object* exc) {
    seen_.insert(exc);
    auto* e = static_cast<BaseExceptionObject*>(exc);
    if (e->cause && !seen_.count(e->cause)) {
      print_chain(e->cause);
      emit("\nThe above exception was the direct cause of the following exception:\n\n");
    } else if (e->context && !e->suppress_context && !seen_.count(e->context)) {
      print_chain(e->context);
      emit("\nDuring handling of the above exception, another exception occurred:\n\n");
    }
    if (is_exception_group(exc)) print_group(exc);
    else print_one(exc);
  }

  // sys.tracebacklimit as the built-in display applies it (CPython 3.14: traceback.py
  // _extract_from_extended_frame_gen under BUILTIN_EXCEPTION_LIMIT): only the last `limit`
  // entries, none when it is zero or negative, and no header when none is left.
  static TracebackObject* skip_past_limit(TracebackObject* tb) {
    Object* limit_obj = sys_attribute("tracebacklimit");
    if (!limit_obj || !is_int(limit_obj)) return tb;
    int64_t limit = 0;
    if (!int_to_int64(limit_obj, &limit)) limit = int_sign(limit_obj) < 0 ? 0 : INT64_MAX;
    int64_t count = 0;
    for (TracebackObject* t = tb; t; t = t->next) ++count;
    for (int64_t skip = count - std::max<int64_t>(limit, 0); skip > 0 && tb; --skip) tb = tb->next;
    return tb;
  }

  static bool debug_ranges() {
    ThreadState* ts = get_thread_state();
    return !ts || !ts->interp || ts->interp->settings.code_debug_ranges;
  }

  void print_traceback(TracebackObject* tb, const char* title = "Traceback", char margin = '|') {
    tb = skip_past_limit(tb);
    if (!tb) return;
    emit(cat(title, " (most recent call last):\n"), margin);
    // CPython collapses runs of identical entries after three repeats.
    std::string last_file, last_func;
    int last_line = -1, repeats = 0;
    for (; tb; tb = tb->next) {
      bool same = tb->filename->utf8 == last_file && tb->funcname->utf8 == last_func && tb->lineno == last_line;
      if (same) {
        ++repeats;
        if (repeats >= 3) continue;
      } else {
        flush_repeats(repeats);
        repeats = 0;
        last_file = tb->filename->utf8;
        last_func = tb->funcname->utf8;
        last_line = tb->lineno;
      }
      emit(cat("  File ", theme_.filename, "\"", tb->filename->utf8, "\"", theme_.reset, ", line ", theme_.line_no,
               tb->lineno, theme_.reset, ", in ", theme_.frame, tb->funcname->utf8, theme_.reset, "\n"));
      std::string raw = raw_source_line(tb->filename->utf8, tb->lineno);
      std::string src = strip(raw);
      if (src.empty()) continue;
      // CPython: code compiled under -X no_debug_ranges keeps no columns, so no markers.
      std::string carets = debug_ranges() ? traceback_carets(raw, tb->span) : std::string();
      if (!carets.empty() && *theme_.reset) colorize_carets(src, carets, theme_);
      emit(cat("    ", src, "\n"));
      if (!carets.empty()) emit(cat("    ", carets, "\n"));
    }
    flush_repeats(repeats);
  }

  void print_traceback_of(Object* exc) {
    auto* e = static_cast<BaseExceptionObject*>(exc);
    if (e->traceback && e->traceback->type == &traceback_type)
      print_traceback(static_cast<TracebackObject*>(e->traceback));
  }

  void print_one(Object* exc) {
    if (!is_exception_instance(exc)) {
      // CPython: print_exception's check of what sys.excepthook was given.
      out(cat("TypeError: print_exception(): Exception expected for value, ", exc->type->name, " found\n"));
      return;
    }
    print_traceback_of(exc);
    print_exception_line(exc);
  }

  // `Type: message`, the suggestion and the notes.
  void print_exception_line(Object* exc) {
    std::string name = exception_type_display_name(exc->type);
    std::string text;
    if (is_subtype(exc->type, &exc_SyntaxError)) {
      // CPython: Lib/traceback.py _format_syntax_error: the location, then the bare message.
      print_syntax_location(exc);
      Object* msg = exception_get_attr(exc, "msg");
      text = msg && msg != None() ? str_or(msg, "<exception str() failed>") : "";
      if (text.empty()) text = "<no detail available>";
    } else {
      text = str_or(exc, "<exception str() failed>") + exception_suggestion(exc);
    }
    // CPython: Lib/traceback.py _format_final_exc_line
    if (text.empty()) emit(cat(theme_.type, name, theme_.reset, "\n"));
    else emit(cat(theme_.type, name, theme_.reset, ": ", theme_.message, text, theme_.reset, "\n"));
    print_notes(exc);
  }

  // CPython: Python/pythonrun.c print_exception_notes (each note of a __notes__ list)
  void print_notes(Object* exc) {
    Object* notes = exception_get_attr(exc, "__notes__");
    if (!notes || !is_list(notes)) return;
    Ref<> hold = Ref<>::borrow(notes);
    for (size_t i = 0; i < static_cast<ListObject*>(notes)->items.size(); ++i) {
      Ref<> note = Ref<>::borrow(static_cast<ListObject*>(notes)->items[i]);
      Ref<> text = Ref<>::steal(object_str(note.get()));
      if (!text) clear_error();
      emit(text ? cat(as_str(text.get())->utf8, "\n") : std::string("<note str() failed>\n"));
    }
  }

  // str(exc), or `fallback` when that fails.
  static std::string str_or(Object* exc, const char* fallback) {
    Object* s = object_str(exc);
    if (!s) {
      clear_error();
      return fallback;
    }
    std::string text = as_str(s)->utf8;
    decref(s);
    return text;
  }

  // An exception group as a tree: its traceback and line, then each sub-exception (with
  // its chain) in a numbered frame, at most 15 wide and 10 deep (CPython:
  // Lib/traceback.py TracebackException.format, _ExceptionPrintContext).
  void print_group(Object* exc) {
    constexpr size_t kMaxWidth = 15;
    constexpr int kMaxDepth = 10;
    if (group_depth_ > kMaxDepth) {
      emit(cat("... (max_group_depth is ", kMaxDepth, ")\n"));
      return;
    }
    bool top = group_depth_ == 0;
    if (top) group_depth_ = 1;
    auto* e = static_cast<BaseExceptionObject*>(exc);
    if (e->traceback && e->traceback->type == &traceback_type)
      print_traceback(static_cast<TracebackObject*>(e->traceback), "Exception Group Traceback", top ? '+' : '|');
    print_exception_line(exc);
    Ref<> excs = Ref<>::steal(exception_group_members(exc));
    const auto& items = static_cast<TupleObject*>(excs.get())->items;
    size_t n = items.size() <= kMaxWidth ? items.size() : kMaxWidth + 1;
    need_close_ = false;
    for (size_t i = 0; i < n; ++i) {
      bool last = i + 1 == n;
      if (last) need_close_ = true;
      bool truncated = i >= kMaxWidth;
      std::string title = truncated ? "..." : std::to_string(i + 1);
      out(cat(indent(), i == 0 ? "+-" : "  ", "+---------------- ", title, " ----------------\n"));
      ++group_depth_;
      if (!truncated) {
        print_chain(items[i]);
      } else {
        size_t remaining = items.size() - kMaxWidth;
        emit(cat("and ", remaining, " more exception", remaining > 1 ? "s" : "", "\n"));
      }
      if (last && need_close_) {
        out(cat(indent(), "+------------------------------------\n"));
        need_close_ = false;
      }
      --group_depth_;
    }
    if (top) group_depth_ = 0;
  }

 private:
  std::string indent() const { return std::string(size_t(2 * group_depth_), ' '); }

  // Writes each line of `text` behind the group margin (none outside a group).
  void emit(std::string_view text, char margin = '|') {
    if (group_depth_ == 0) {
      out(text);
      return;
    }
    std::string prefix = indent() + margin + ' ';
    std::string indented;
    size_t pos = 0;
    while (pos < text.size()) {
      size_t end = text.find('\n', pos);
      end = end == std::string_view::npos ? text.size() : end + 1;
      indented += prefix;
      indented += text.substr(pos, end - pos);
      pos = end;
    }
    out(indented);
  }

  void out(std::string_view text) {
    if (ok_ && write_to_stream(stream_, text) < 0) {
      clear_error();
      ok_ = false;
    }
  }

  void flush_repeats(int repeats) {
    if (repeats >= 3) {
      int more = repeats - 2;
      emit(cat("  [Previous line repeated ", more, " more time", more == 1 ? "" : "s", "]\n"));
    }
  }

  // CPython: Python/pythonrun.c print_exception_file_and_line + print_error_text
  void print_syntax_location(Object* exc) {
    Object* filename = exception_get_attr(exc, "filename");
    Object* lineno = exception_get_attr(exc, "lineno");
    if (!filename || !is_str(filename) || !lineno || !is_int(lineno)) return;
    int64_t line = 0;
    int_to_int64(lineno, &line);
    emit(cat("  File ", theme_.filename, "\"", as_str(filename)->utf8, "\"", theme_.reset, ", line ", theme_.line_no,
             line, theme_.reset, "\n"));
    Object* text = exception_get_attr(exc, "text");
    if (!text || !is_str(text)) return;
    // CPython: Lib/traceback.py TracebackException._format_syntax_error. Columns count
    // characters: `chars` holds the text's code points, each as its UTF-8 bytes.
    const std::string& full = as_str(text)->utf8;
    std::vector<std::string> chars;
    for (size_t i = 0; i < full.size();) {
      size_t n = 1;
      while (i + n < full.size() && (static_cast<unsigned char>(full[i + n]) & 0xC0) == 0x80) ++n;
      chars.push_back(full.substr(i, n));
      i += n;
    }
    int64_t text_len = int64_t(chars.size());
    while (!chars.empty() && chars.back() == "\n") chars.pop_back();  // rtext
    int64_t rlen = int64_t(chars.size());
    size_t lead = 0;  // only blanks, newlines and form feeds are stripped: a tab stays
    while (lead < chars.size() && (chars[lead] == " " || chars[lead] == "\n" || chars[lead] == "\f")) ++lead;
    auto join = [&](size_t from, size_t to) {
      std::string r;
      for (size_t i = std::min(from, chars.size()); i < std::min(to, chars.size()); ++i) r += chars[i];
      return r;
    };
    std::string shown = join(lead, chars.size());
    Object* offset = exception_get_attr(exc, "offset");
    int64_t off = 0;
    if (!offset || !is_int(offset) || !int_to_int64(offset, &off)) {
      emit(cat("    ", shown, "\n"));
      return;
    }
    int64_t end_off = off;
    Object* end_line = exception_get_attr(exc, "end_lineno");
    int64_t end_lineno = 0;
    bool same_line = end_line && is_int(end_line) && int_to_int64(end_line, &end_lineno) && end_lineno == line;
    if (same_line) {
      Object* end = exception_get_attr(exc, "end_offset");
      int64_t e = 0;
      if (end && is_int(end) && int_to_int64(end, &e) && e != 0) end_off = e;
    } else {
      end_off = rlen + 1;
    }
    if (text_len && off > text_len) off = rlen + 1;
    if (text_len && end_off > text_len) end_off = rlen + 1;
    if (off >= end_off || end_off < 0) end_off = off + 1;
    int64_t col = off - 1 - int64_t(lead), end_col = end_off - 1 - int64_t(lead);
    if (col < 0) {
      emit(cat("    ", shown, "\n"));
      return;
    }
    std::string space;  // whitespace other than blanks (a tab) kept for alignment
    for (size_t i = lead; i < lead + size_t(col); ++i) {
      const std::string c = i < chars.size() ? chars[i] : std::string(" ");
      space += c.size() == 1 && std::isspace(static_cast<unsigned char>(c[0])) ? c : std::string(" ");
    }
    if (*theme_.reset)
      shown = cat(join(lead, lead + size_t(col)), theme_.error_highlight, join(lead + size_t(col), lead + size_t(end_col)),
                  theme_.reset, join(lead + size_t(end_col), chars.size()));
    emit(cat("    ", shown, "\n"));
    emit(cat("    ", space, theme_.error_highlight, std::string(size_t(end_col - col), '^'), theme_.reset, "\n"));
  }

  Object* stream_;
  TracebackTheme theme_;
  bool ok_ = true;
  int group_depth_ = 0;
  bool need_close_ = false;
  std::unordered_set<Object*> seen_;
};

}  // namespace

void print_exception_to(Object* stream, Object* exc, bool colorize) {
  Printer printer(stream, colorize);
  if (is_exception_instance(exc)) printer.print_chain(exc);
  else printer.print_one(exc);
  if (!printer.ok()) std::fputs("lost sys.stderr\n", stderr);
  Object* r = call_method(stream, "flush", nullptr, 0);
  if (r) decref(r);
  else clear_error();  // CPython ignores the flush error silently
}

void print_traceback_to(Object* stream, Object* tb) {
  if (tb && tb->type == &traceback_type) Printer(stream, false).print_traceback(static_cast<TracebackObject*>(tb));
}

}  // namespace gopy
