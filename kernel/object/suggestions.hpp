// "Did you mean" suggestions for NameError and AttributeError, as CPython 3.14's traceback
// printer adds them (CPython: Lib/traceback.py _compute_suggestion_error,
// Python/suggestions.c _Py_CalculateSuggestions) (kernel-internal).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "gopy/object.hpp"

namespace gopy {

// The candidate closest to `name` within CPython's edit-distance budget (a third of the
// characters involved), the first of equally close ones; empty when none qualifies.
std::string closest_name(const std::vector<std::string_view>& candidates, std::string_view name);

// The text to append to the printed message of `exc`: ". Did you mean: 'x'?" or empty.
std::string exception_suggestion(Object* exc);

// Records on `exc`, as its traceback gets the innermost frame's entry, what the printer
// needs from that frame: for a NameError the suggestion among `frame_names` (the frame's
// locals, globals and builtins) or "self.<name>"; for an AttributeError whether the
// frame's `self` is the object. `self` may be null.
void remember_innermost_frame(Object* exc, const std::vector<std::string_view>& frame_names, Object* self);

}  // namespace gopy
