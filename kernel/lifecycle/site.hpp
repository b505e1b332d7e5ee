// `site` at the main phase (kernel/lifecycle/site.cpp): CPython's init_import_site.
#pragma once

#include "gopy/status.hpp"

namespace gopy {

struct ModuleObject;
// CPython: Python/pylifecycle.c init_import_site -> Lib/site.py main. An exception that
// escapes it (from sitecustomize, say: KeyboardInterrupt) is printed and fails start-up.
Status run_site_main();
// The `_site` module (site's state and functions) before site ran, for `import site`
// under -S.
ModuleObject* create__site_module();

}  // namespace gopy
