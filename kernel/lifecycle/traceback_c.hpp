// The C-level traceback printer of unraisable exceptions (CPython: PyTraceBack_Print).
// Internal to kernel/lifecycle.
#pragma once

#include "gopy/object.hpp"

namespace gopy {

// Writes "Traceback (most recent call last):" and the entries of `tb` to `stream`, as
// CPython's PyTraceBack_Print does (sys.tracebacklimit honoured; nothing at a limit of 0
// or less). False when writing failed (the error cleared).
bool print_c_traceback(Object* stream, Object* tb);

}  // namespace gopy
