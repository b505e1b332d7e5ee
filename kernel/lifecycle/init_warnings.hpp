// The main phase's warnings step (internal to kernel/lifecycle).
#pragma once

namespace gopy {

struct Config;
// CPython: Python/pylifecycle.c init_interp_main: imports warnings when there are
// warning options. A failure is printed, not fatal.
void init_warnings_module(const Config& config);

}  // namespace gopy
