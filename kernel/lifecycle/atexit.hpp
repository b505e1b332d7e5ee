// The kernel's atexit hook: plugins (and later an atexit module) register callbacks that
// finalize runs first, most recent first. CPython: Modules/atexitmodule.c _PyAtExit_Call.
#pragma once

namespace gopy {

void run_atexit_callbacks();
void clear_atexit_callbacks();

struct ModuleObject;
// The atexit module (a built-in module): its callbacks run from finalize's atexit step.
ModuleObject* create_atexit_module();
// Drops the Python callbacks without running them (atexit._clear).
void clear_python_atexit_callbacks();

}  // namespace gopy
