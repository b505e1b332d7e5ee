// Reporting a failed callback (a weak reference's, a gc callback) as unraisable.
#pragma once

#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

// Reports the pending exception of a failed call of `callable` as unraisable:
// "<what> <repr>:" and the traceback (CPython: PyErr_FormatUnraisable("... %R", callable)).
void write_unraisable_call_error(std::string_view what, Object* callable);

}  // namespace gopy
