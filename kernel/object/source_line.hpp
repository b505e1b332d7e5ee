// One line of a source file or of a registered string source (kernel-internal): what
// tracebacks and warnings show (CPython: Lib/linecache.py getline).
#pragma once

#include <string>

namespace gopy {

// Line `lineno` (from 1) of `filename`, stripped of surrounding blanks, or empty.
std::string source_line(const std::string& filename, int lineno);
// The same line as read (without its line break), for columns into it.
std::string raw_source_line(const std::string& filename, int lineno);

}  // namespace gopy
