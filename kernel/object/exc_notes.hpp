// Exception notes (PEP 678): exc.add_note(), printed after the exception's line
// (kernel-internal).
#pragma once

#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

// Appends `note` to exc.__notes__ (created as a list when absent). 0, or -1 on error.
int exception_add_note(Object* exc, std::string_view note);

// Adds `note` to the exception being raised, which stays raised (a failure to add it is
// ignored). CPython: Python/errors.c _PyErr_FormatNote.
void add_note_to_error(std::string_view note);

}  // namespace gopy
