// The configuration sys shows, read option by option through the plugin context (gopy.h's
// gopy_PluginConfig_*): the kernel hands no C++ structure across. The spec table names the
// options and their types; each value lands in a local Config/PreConfig so the rest of
// the plugin reads plain fields.
#include <cstdint>
#include <string>
#include <variant>

#include "gopy/config_spec.hpp"
#include "gopy/plugin_context.hpp"
#include "sys_module.hpp"

namespace gopy::sys {

Status read_sys_config(gopy_plugin_context& ctx, SysConfig& out) {
  sdk::PluginContext context(ctx);
  for (const FieldSpec& spec : config_spec()) {
    if (!spec.readable_by_name()) continue;
    // The spec table's names are string literals: NUL-terminated, no copy needed.
    const char* name = spec.name.data();
    if (auto* m = std::get_if<OptString Config::*>(&spec.member)) {
      GOPY_RETURN_IF_ERROR(context.get_str(name, out.config.*(*m)));
    } else if (auto* m = std::get_if<StringList Config::*>(&spec.member)) {
      GOPY_RETURN_IF_ERROR(context.get_str_list(name, out.config.*(*m)));
    } else {
      std::int64_t value = 0;
      GOPY_RETURN_IF_ERROR(context.get_int(name, value));
      if (auto* m = std::get_if<int Config::*>(&spec.member)) out.config.*(*m) = static_cast<int>(value);
      if (auto* m = std::get_if<int PreConfig::*>(&spec.member)) {
        out.preconfig.*(*m) = static_cast<int>(value);
      }
      if (auto* m = std::get_if<unsigned long Config::*>(&spec.member)) {
        out.config.*(*m) = static_cast<unsigned long>(value);
      }
    }
  }
  return Status::ok();
}

}  // namespace gopy::sys
