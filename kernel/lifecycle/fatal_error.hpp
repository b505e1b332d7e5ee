// A fatal start-up error raised while a thread state exists (kernel-internal).
#pragma once

#include <string_view>

#include "gopy/status.hpp"

namespace gopy {

// True when the failing start-up step left a Python exception to show.
bool fatal_error_has_exception();
// Writes the fatal error block with that exception and the current thread, as
// CPython's fatal_error does when the thread state holds the GIL.
void print_fatal_error_with_exception(const Status& status, std::string_view runtime_state);

}  // namespace gopy
