// The colours of a printed traceback: 3.14's default theme, or none (kernel-internal).
// CPython: Lib/_colorize.py ANSIColors, Traceback, get_theme(force_color/force_no_color).
#pragma once

namespace gopy {

struct TracebackTheme {
  const char* type = "";
  const char* message = "";
  const char* filename = "";
  const char* line_no = "";
  const char* frame = "";
  const char* error_highlight = "";
  const char* error_range = "";
  const char* reset = "";

  static TracebackTheme colored() {
    constexpr const char* kMagenta = "\x1b[35m";
    return {"\x1b[1;35m", kMagenta, kMagenta, kMagenta, kMagenta, "\x1b[1;31m", "\x1b[31m", "\x1b[0m"};
  }
};

}  // namespace gopy
