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

  // Names are C strings: a read costs no std::string (sys reads every option at each phase).
  Status get_int(const char* name, std::int64_t& value) const {
    return check(gopy_PluginConfig_GetInt(ctx_, name, &value), name);
  }
  // None is nullopt.
  Status get_str(const char* name, std::optional<std::string>& value) const {
    char* raw = nullptr;
    GOPY_RETURN_IF_ERROR(check(gopy_PluginConfig_GetStr(ctx_, name, &raw), name));
    take(raw, value);
    return Status::ok();
  }
  Status get_str_list(const char* name, std::vector<std::string>& value) const {
    std::size_t length = 0;
    char** items = nullptr;
    GOPY_RETURN_IF_ERROR(check(gopy_PluginConfig_GetStrList(ctx_, name, &length, &items), name));
    value.assign(items, items + length);
    gopy_InitConfig_FreeStrList(length, items);
    return Status::ok();
  }
  Status get_int(const std::string& name, std::int64_t& value) const {
    return get_int(name.c_str(), value);
  }
  Status get_str(const std::string& name, std::optional<std::string>& value) const {
    return get_str(name.c_str(), value);
  }
  Status get_str_list(const std::string& name, std::vector<std::string>& value) const {
    return get_str_list(name.c_str(), value);
  }

  // The runtime's Environment; nullopt when unset (or when the context has none).
  std::optional<std::string> env(const char* name) const {
    char* raw = nullptr;
    std::optional<std::string> value;
    if (gopy_PluginEnv_Get(ctx_, name, &raw) == GOPY_PLUGIN_OK) take(raw, value);
    return value;
  }
  std::optional<std::string> env(const std::string& name) const { return env(name.c_str()); }
  std::optional<std::string> current_directory() const {
    char* raw = nullptr;
    std::optional<std::string> value;
    if (gopy_PluginEnv_GetCwd(ctx_, &raw) == GOPY_PLUGIN_OK) take(raw, value);
    return value;
  }

  // The path-configuration view (the "pathconfig" slot's plugin only).
  Status set_path_int(const char* name, std::int64_t value) {
    return check(gopy_PluginPathConfig_SetInt(ctx_, name, value), name);
  }
  Status set_path_str(const char* name, const std::optional<std::string>& value) {
    return check(gopy_PluginPathConfig_SetStr(ctx_, name, value ? value->c_str() : nullptr), name);
  }
  Status set_path_str_list(const char* name, const std::vector<std::string>& items) {
    std::vector<char*> raw;
    raw.reserve(items.size());
    for (const std::string& item : items) raw.push_back(const_cast<char*>(item.c_str()));
    return check(gopy_PluginPathConfig_SetStrList(ctx_, name, raw.size(), raw.data()), name);
  }
  Status set_path_int(const std::string& name, std::int64_t value) {
    return set_path_int(name.c_str(), value);
  }
  Status set_path_str(const std::string& name, const std::optional<std::string>& value) {
    return set_path_str(name.c_str(), value);
  }
  Status set_path_str_list(const std::string& name, const std::vector<std::string>& items) {
    return set_path_str_list(name.c_str(), items);
  }

 private:
  Status check(int status, const char* name) const {
    if (status == GOPY_PLUGIN_OK) return Status::ok();
    return Status::error(Status::Category::config,
                         ctx_->plugin_name != nullptr ? ctx_->plugin_name : "plugin",
                         std::string(gopy_PluginStatus_Text(status)) + ": " +
                             (name != nullptr ? name : "(null)"));
  }
  // Moves a malloc'ed C string (NULL: None) into `value` and frees it.
  static void take(char* raw, std::optional<std::string>& value) {
    if (raw == nullptr) {
      value.reset();
      return;
    }
    value.emplace(raw);
    std::free(raw);
  }

  gopy_plugin_context* ctx_;
};

}  // namespace gopy::sdk
#include "gopy/api_end.h"
