// The part of CPython's site module the REPL needs, until gopy has a site module:
// exit, quit, copyright, credits, license and help in builtins (from a `_sitebuiltins`
// module), and sys.__interactivehook__ (line-editor history). Internal to kernel/lifecycle.
#pragma once

#include "gopy/status.hpp"

namespace gopy {

// CPython: Lib/site.py main (setquit, setcopyright, sethelper, enablerlcompleter).
// `isolated` (-I): no interactive hook, as site.main skips enablerlcompleter.
Status install_site_builtins(bool isolated);

}  // namespace gopy
