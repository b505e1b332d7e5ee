// The main phase's warnings step: with -W, PYTHONWARNINGS, -X dev or -b the warnings
// module is imported at start-up, so that its filters exist (and invalid options are
// reported) before any code runs. CPython: Python/pylifecycle.c init_interp_main.
#include <cstdio>

#include "gopy/eval.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/state.hpp"
#include "lifecycle/runtime.hpp"
#include "lifecycle/init_warnings.hpp"

namespace gopy {

void init_warnings_module(const Config& config) {
  if (config.warnoptions.empty()) return;  // nothing to set up: the cost stays at zero
  Interpreter* interp = get_thread_state()->interp;
  if (!interp->import_hook) return;
  Object* m = interp->import_hook(interp, intern("warnings"), nullptr, nullptr, 0);
  if (m) {
    decref(m);
    return;
  }
  std::fputs("'import warnings' failed; traceback:\n", stderr);
  (void)handle_uncaught_exception();
}

}  // namespace gopy
