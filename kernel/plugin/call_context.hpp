// What a plugin context's kernel_private points to while one of its callbacks runs: where
// ctx->set_error lands, and what the gopy.h accessors (gopy_PluginConfig_*, ...) show.
// Internal to kernel/plugin.
#pragma once

#include <cstdint>
#include <string>

#include "gopy/plugin_abi.h"
#include "gopy/plugin_host.hpp"

namespace gopy::plugin {

struct CallContext {
  static constexpr std::uint32_t kMagic = 0x676f7079;  // "gopy": a context the kernel made
  std::uint32_t magic = kMagic;
  bool error_set = false;
  std::string error_func;
  std::string error_message;
  const ContextView* view = nullptr;
  bool writes_path_config = false;  // the plugin fills the "pathconfig" slot
};

// The kernel's part of `ctx`, or null when ctx is not one the kernel made.
inline CallContext* call_context(gopy_plugin_context* ctx) {
  if (ctx == nullptr || ctx->kernel_private == nullptr) return nullptr;
  auto* call = static_cast<CallContext*>(ctx->kernel_private);
  return call->magic == CallContext::kMagic ? call : nullptr;
}

}  // namespace gopy::plugin
