// The caret line under a traceback's source line (PEP 657; kernel-internal).
#pragma once

#include <string>

#include "gopy/object_exc.hpp"
#include "object/traceback_theme.hpp"

namespace gopy {

// The markers under `line` (as read, not stripped) for an instruction at `span`, aligned
// to the line with its leading blanks removed; empty when CPython shows none.
std::string traceback_carets(const std::string& line, const SourceSpan& span);

// Colours the characters of `line` (stripped, as printed) that stand over `^` with the
// theme's error_highlight and over `~` with its error_range, and the carets likewise.
void colorize_carets(std::string& line, std::string& carets, const TracebackTheme& theme);

// traceback objects' attributes for Lib's traceback module (traceback_attrs.cpp).
void init_traceback_attrs();

}  // namespace gopy
