// The C++ side of gopy.h's plugin-context accessors: what a plugin reads of the runtime
// (the configuration by name, the Environment) and, for the "pathconfig" slot's plugin, the
// path-configuration view it writes. Errors come back as Status values naming the option.
//
//   gopy::sdk::PluginContext context(ctx);
//   std::int64_t verbose = 0;
//   GOPY_RETURN_IF_ERROR(context.get_int("verbose", verbose));
//   std::optional<std::string> home = context.env("HOME");
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <cstdlib>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy.h"
#include "gopy/plugin_abi.h"
#include "gopy/status.hpp"

namespace gopy::sdk {

class PluginContext {
 public:
  explicit PluginContext(gopy_plugin_context& ctx) : ctx_(&ctx) {}

  Status get_int(const std::string& name, std::int64_t& value) const {
    return check(gopy_PluginConfig_GetInt(ctx_, name.c_str(), &value), name);
  }
  // None is nullopt.
  Status get_str(const std::string& name, std::optional<std::string>& value) const {
    char* raw = nullptr;
    GOPY_RETURN_IF_ERROR(check(gopy_PluginConfig_GetStr(ctx_, name.c_str(), &raw), name));
    value = take(raw);
    return Status::ok();
  }
  Status get_str_list(const std::string& name, std::vector<std::string>& value) const {
    std::size_t length = 0;
    char** items = nullptr;
    GOPY_RETURN_IF_ERROR(
        check(gopy_PluginConfig_GetStrList(ctx_, name.c_str(), &length, &items), name));
    value.assign(items, items + length);
    gopy_InitConfig_FreeStrList(length, items);
    return Status::ok();
  }

  // The runtime's Environment; nullopt when unset (or when the context has none).
  std::optional<std::string> env(const std::string& name) const {
    char* raw = nullptr;
    if (gopy_PluginEnv_Get(ctx_, name.c_str(), &raw) != GOPY_PLUGIN_OK) return std::nullopt;
    return take(raw);
  }
  std::optional<std::string> current_directory() const {
    char* raw = nullptr;
    if (gopy_PluginEnv_GetCwd(ctx_, &raw) != GOPY_PLUGIN_OK) return std::nullopt;
    return take(raw);
  }

  // The path-configuration view (the "pathconfig" slot's plugin only).
  Status set_path_int(const std::string& name, std::int64_t value) {
    return check(gopy_PluginPathConfig_SetInt(ctx_, name.c_str(), value), name);
  }
  Status set_path_str(const std::string& name, const std::optional<std::string>& value) {
    return check(gopy_PluginPathConfig_SetStr(ctx_, name.c_str(), value ? value->c_str() : nullptr),
                 name);
  }
  Status set_path_str_list(const std::string& name, const std::vector<std::string>& items) {
    std::vector<char*> raw;
    for (const std::string& item : items) raw.push_back(const_cast<char*>(item.c_str()));
    return check(gopy_PluginPathConfig_SetStrList(ctx_, name.c_str(), raw.size(), raw.data()),
                 name);
  }

 private:
  Status check(int status, const std::string& name) const {
    if (status == GOPY_PLUGIN_OK) return Status::ok();
    return Status::error(Status::Category::config,
                         ctx_->plugin_name != nullptr ? ctx_->plugin_name : "plugin",
                         std::string(gopy_PluginStatus_Text(status)) + ": " + name);
  }
  static std::optional<std::string> take(char* raw) {
    if (raw == nullptr) return std::nullopt;
    std::string value(raw);
    std::free(raw);
    return value;
  }

  gopy_plugin_context* ctx_;
};

}  // namespace gopy::sdk
#include "gopy/api_end.h"
