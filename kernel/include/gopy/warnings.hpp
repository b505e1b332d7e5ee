// Issuing warnings from C++ (the compiler's SyntaxWarnings, -b's BytesWarnings). The
// filters and the display live in the `warnings` module (lib/python3.14/warnings.py),
// imported on the first warning; without it a warning is printed to stderr as the
// default action would show it. CPython: Python/_warnings.c.
#pragma once
#include "gopy/api_begin.h"

#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

// CPython: PyErr_WarnExplicitObject. 0, or -1 with the exception set (a filter turned the
// warning into an error, or the warnings machinery failed).
int warn_explicit(TypeObject* category, std::string_view message, std::string_view filename, int lineno);
// CPython: PyErr_WarnEx. `stacklevel` 1 names the innermost Python frame.
int warn(TypeObject* category, std::string_view message, int stacklevel = 1);

// A coroutine freed before it ever ran: "coroutine '<qualname>' was never awaited" as a
// RuntimeWarning through warnings._warn_unawaited_coroutine, naming the frame that freed
// it; a failure (-W error) is reported as unraisable, never raised.
// CPython: Python/_warnings.c _PyErr_WarnUnawaitedCoroutine.
void warn_unawaited_coroutine(Object* coro, std::string_view qualname);

struct ModuleObject;
// The native `_warnings` module (the frame walk, filter patterns and source lines that
// warnings.py uses), created on its first import.
ModuleObject* create__warnings_module();

}  // namespace gopy
#include "gopy/api_end.h"
