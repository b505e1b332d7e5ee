// The functional plugin's descriptor: a module plugin (manifests/functional.json) on the
// kernel's C++ object API, so its identity is the compiler's. Its modules (itertools,
// _operator, _functools, _heapq, _bisect) export gopy_module_<name> from their own files.
#include "gopy/plugin.hpp"

extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* gopy_plugin_functional(void) {
  static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY, "functional",
                                                    nullptr, nullptr};
  return &descriptor;
}
