// A plugin written against the C ABI alone, without the SDK wrapper: its attach lets a
// C++ exception escape, which the kernel must still contain.
#include <stdexcept>

#include "gopy/plugin.hpp"
#include "test_trace.h"

namespace {

int raw_attach(gopy_plugin_context* ctx) {
  if (auto* trace = static_cast<TestTrace*>(ctx->interp)) trace->add("tp_raw", "!");
  throw std::runtime_error("raw plugin threw");
}

int raw_detach(gopy_plugin_context*) { return 0; }

}  // namespace

extern "C" GOPY_PLUGIN_EXPORT const gopy_plugin_descriptor* gopy_plugin_tp_raw(void) {
  static const gopy_plugin_descriptor descriptor = {GOPY_ABI_MAJOR, GOPY_ABI_MINOR,
                                                    GOPY_ABI_IDENTITY, "tp_raw", &raw_attach,
                                                    &raw_detach};
  return &descriptor;
}
