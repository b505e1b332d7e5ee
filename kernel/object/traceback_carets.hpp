// The caret line under a traceback's source line (PEP 657; kernel-internal).
#pragma once

#include <string>

#include "gopy/object_exc.hpp"

namespace gopy {

// The markers under `line` (as read, not stripped) for an instruction at `span`, aligned
// to the line with its leading blanks removed; empty when CPython shows none.
std::string traceback_carets(const std::string& line, const SourceSpan& span);

// traceback objects' attributes for Lib's traceback module (traceback_attrs.cpp).
void init_traceback_attrs();

}  // namespace gopy
