// The ABI tag of this kernel and the rule a plugin's tag must meet.
#include "gopy/module.h"
#include "gopy/plugin.hpp"
#include "gopy/plugin_host.hpp"

namespace gopy::plugin {

const AbiTag& kernel_abi() {
  static const AbiTag tag{GOPY_ABI_MAJOR, GOPY_ABI_MINOR, GOPY_ABI_IDENTITY};
  return tag;
}

// Major equal and the plugin's minor at most the kernel's (Qt, GStreamer and OBS use the
// same rule); the identity must match exactly since C++ objects cross by pointer, unless
// the plugin says "c": it uses only the C interfaces (gopy.h, gopy/module.h), which any
// compiler reaches alike (those arrived with minor 1).
bool abi_compatible(const AbiTag& plugin, const AbiTag& kernel) {
  if (plugin.major != kernel.major || plugin.minor > kernel.minor) return false;
  if (plugin.identity == GOPY_MODULE_ABI_IDENTITY) return plugin.minor >= 1;
  return plugin.identity == kernel.identity;
}

std::string AbiTag::to_string() const {
  return std::to_string(major) + "." + std::to_string(minor) + " [" + identity + "]";
}

}  // namespace gopy::plugin
