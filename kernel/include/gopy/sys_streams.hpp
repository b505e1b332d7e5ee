// Output through sys: the runtime's own writes (tracebacks, warnings, "Exception
// ignored" reports) go to whatever sys.stdout / sys.stderr / sys.excepthook are at the
// time, as CPython's do (CPython: Python/sysmodule.c _PySys_GetOptionalAttr,
// PySys_WriteStderr; Python/pythonrun.c _PyErr_PrintEx, PyErr_Display;
// Python/errors.c PyErr_FormatUnraisable; Python/pylifecycle.c flush_std_files).
#pragma once
#include "gopy/api_begin.h"

#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

// sys.<name>, borrowed; null (no error set) when sys or the attribute is missing.
Object* sys_attribute(std::string_view name);
// sys.<name>, borrowed; null with CPython's RuntimeError("lost sys.<name>") when missing.
Object* sys_required_attribute(std::string_view name);

// CPython: PySys_WriteStderr. To sys.stderr; to the process's stderr when sys.stderr is
// missing, None or fails. A pending exception stays pending.
void sys_write_stderr(std::string_view text);

// CPython: PyErr_Display. The report of `exc` (traceback and chain) on sys.stderr:
// nothing when sys.stderr is None, "lost sys.stderr" on the process's stderr when missing.
void display_exception(Object* exc);
// CPython: _PyErr_PrintEx. Sets sys.last_exc (and the legacy trio), then hands `exc` to
// sys.excepthook; "Error in sys.excepthook:" when that fails, "sys.excepthook is
// missing" when it is gone.
void print_uncaught_exception(Object* exc);
// CPython: Python/sysmodule.c sys_displayhook, the default sys.displayhook: None is not
// shown; otherwise builtins._ is cleared, repr(value) and a newline go to sys.stdout
// ("lost sys.stdout" when it is missing or None), then builtins._ = value. 0, or -1.
int default_displayhook(Object* value);

// CPython: PyErr_FormatUnraisable with the default hook: "<what>:" and the pending
// exception on sys.stderr. Clears the exception.
void write_unraisable(std::string_view what);

// CPython: Python/pylifecycle.c flush_std_files. Flushes sys.stdout (an error is reported
// as "Exception ignored while flushing sys.stdout") and sys.stderr; false when either failed.
bool flush_std_files();

}  // namespace gopy
#include "gopy/api_end.h"
