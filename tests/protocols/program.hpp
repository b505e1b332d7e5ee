// Running a Python program through the real gopy binary (`gopy -S -c SOURCE`).
#pragma once

#include <string>

#include "spawn.hpp"

inline ChildResult run_python(const std::string& source) {
  TempDir dir;
  return run_gopy({"-S", "-c", source}, dir.path());
}

// The last line of a traceback: "Type: message".
inline std::string last_line(const std::string& text) {
  std::string t = text;
  while (!t.empty() && t.back() == '\n') t.pop_back();
  size_t nl = t.rfind('\n');
  return nl == std::string::npos ? t : t.substr(nl + 1);
}
