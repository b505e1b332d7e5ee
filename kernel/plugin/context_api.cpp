// gopy.h's plugin-context accessors: the configuration by name (read-only), the runtime's
// Environment, and the path-configuration view of the "pathconfig" slot's plugin.
// CPython: Python/initconfig.c PyConfig_Get / PyConfig_GetInt (PEP 741), the by-name
// style they follow; Modules/getpath.c _PyConfig_InitPathConfig's write-back, which the
// path view replaces.
#include <algorithm>
#include <array>
#include <atomic>
#include <functional>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

#include "config/config_internal.hpp"
#include "gopy.h"
#include "gopy/config.hpp"
#include "gopy/config_spec.hpp"
#include "gopy/environment.hpp"
#include "lifecycle/c_strings.hpp"
#include "plugin/call_context.hpp"

namespace gopy::plugin {
namespace {

// The fields getpath writes: CPython's getpath.py results plus the flags a ._pth file sets.
constexpr std::array<std::string_view, 16> kPathFields = {
    "program_name", "home",       "executable",          "base_executable",
    "prefix",       "exec_prefix", "base_prefix",        "base_exec_prefix",
    "platlibdir",   "stdlib_dir", "module_search_paths", "_is_python_build",
    "isolated",     "use_environment", "site_import",    "safe_path"};

// The row of `name`. A plugin that walks config_spec() (sys reads every option at each
// phase) passes the table's own name strings: those are found by address, without
// hashing the name, and the row after the last one found is tried first; any other
// string goes through find_field.
const FieldSpec* find_option(const char* name) {
  using Entry = std::pair<const char*, const FieldSpec*>;
  static const std::span<const FieldSpec> table = config_spec();
  static const std::vector<Entry> by_address = [] {
    std::vector<Entry> entries;
    for (const FieldSpec& spec : table) entries.emplace_back(spec.name.data(), &spec);
    std::sort(entries.begin(), entries.end(),
              [](const Entry& a, const Entry& b) { return std::less<const char*>()(a.first, b.first); });
    return entries;
  }();
  static std::atomic<std::size_t> next_row{0};
  std::size_t row = next_row.load(std::memory_order_relaxed);
  if (row < table.size() && table[row].name.data() == name) {
    next_row.store(row + 1, std::memory_order_relaxed);
    return &table[row];
  }
  auto at = std::lower_bound(
      by_address.begin(), by_address.end(), name,
      [](const Entry& e, const char* key) { return std::less<const char*>()(e.first, key); });
  if (at != by_address.end() && at->first == name) {
    next_row.store(static_cast<std::size_t>(at->second - table.data()) + 1, std::memory_order_relaxed);
    return at->second;
  }
  return find_field(name);
}

// The configuration side of a call: its view, or the status explaining why there is none.
struct ConfigAccess {
  int status = GOPY_PLUGIN_OK;
  const CallContext* call = nullptr;
  const FieldSpec* spec = nullptr;
};

// Finds `name` for reading: options readable by name; every option for the plugin that
// holds the path view (getpath reads init-only ones such as pythonpath_env).
ConfigAccess read_access(gopy_plugin_context* ctx, const char* name, const void* out) {
  const CallContext* call = call_context(ctx);
  if (call == nullptr || name == nullptr || out == nullptr) return {GOPY_PLUGIN_BAD_ARGUMENT};
  if (call->view == nullptr || call->view->config == nullptr || call->view->preconfig == nullptr)
    return {GOPY_PLUGIN_UNAVAILABLE};
  const FieldSpec* spec = find_option(name);
  bool readable = spec != nullptr && (spec->readable_by_name() || call->writes_path_config);
  if (!readable) return {GOPY_PLUGIN_UNKNOWN_NAME};
  return {GOPY_PLUGIN_OK, call, spec};
}

// Finds `name` for writing through the path view.
ConfigAccess write_access(gopy_plugin_context* ctx, const char* name) {
  const CallContext* call = call_context(ctx);
  if (call == nullptr || name == nullptr) return {GOPY_PLUGIN_BAD_ARGUMENT};
  if (!call->writes_path_config || call->view == nullptr || call->view->path_config == nullptr)
    return {GOPY_PLUGIN_UNAVAILABLE};
  const FieldSpec* spec = find_field(name);
  if (spec == nullptr) return {GOPY_PLUGIN_UNKNOWN_NAME};
  for (std::string_view field : kPathFields) {
    if (field == name) return {GOPY_PLUGIN_OK, call, spec};
  }
  return {GOPY_PLUGIN_READ_ONLY};
}

const Environment* environment_of(gopy_plugin_context* ctx, int& status) {
  const CallContext* call = call_context(ctx);
  status = GOPY_PLUGIN_BAD_ARGUMENT;
  if (call == nullptr) return nullptr;
  status = GOPY_PLUGIN_UNAVAILABLE;
  if (call->view == nullptr || call->view->environment == nullptr) return nullptr;
  status = GOPY_PLUGIN_OK;
  return call->view->environment;
}

// *out = a copy of `value` (NULL for none).
int hand_out(const std::optional<std::string>& value, char** out) {
  if (!value) {
    *out = nullptr;
    return GOPY_PLUGIN_OK;
  }
  char* copy = copy_c_string(*value);
  if (copy == nullptr) return GOPY_PLUGIN_NO_MEMORY;
  *out = copy;
  return GOPY_PLUGIN_OK;
}

}  // namespace
}  // namespace gopy::plugin

using gopy::plugin::ConfigAccess;

extern "C" {

const char* gopy_PluginStatus_Text(int status) {
  switch (status) {
    case GOPY_PLUGIN_OK: return "ok";
    case GOPY_PLUGIN_UNKNOWN_NAME: return "unknown config option name";
    case GOPY_PLUGIN_WRONG_TYPE: return "config option has another type";
    case GOPY_PLUGIN_UNAVAILABLE: return "not available in this plugin context";
    case GOPY_PLUGIN_READ_ONLY: return "config option is not part of the path configuration";
    case GOPY_PLUGIN_BAD_VALUE: return "config option value is out of range";
    case GOPY_PLUGIN_NO_MEMORY: return "out of memory";
    case GOPY_PLUGIN_BAD_ARGUMENT: return "invalid argument";
    default: return "unknown status";
  }
}

// The three readers find the row once and read its member in place: sys reads every
// readable option at each phase it attaches at, about 170 calls a start-up.
int gopy_PluginConfig_GetInt(gopy_plugin_context* ctx, const char* name, int64_t* value) {
  ConfigAccess access = gopy::plugin::read_access(ctx, name, value);
  if (access.status != GOPY_PLUGIN_OK) return access.status;
  if (!gopy::detail::is_int_type(access.spec->type)) return GOPY_PLUGIN_WRONG_TYPE;
  const gopy::plugin::ContextView& view = *access.call->view;
  *value = gopy::detail::read_int(*access.spec, *view.config, *view.preconfig);
  return GOPY_PLUGIN_OK;
}

int gopy_PluginConfig_GetStr(gopy_plugin_context* ctx, const char* name, char** value) {
  ConfigAccess access = gopy::plugin::read_access(ctx, name, value);
  if (access.status != GOPY_PLUGIN_OK) return access.status;
  if (!gopy::detail::is_str_type(access.spec->type)) return GOPY_PLUGIN_WRONG_TYPE;
  auto* member = std::get_if<gopy::OptString gopy::Config::*>(&access.spec->member);
  if (member == nullptr) return GOPY_PLUGIN_WRONG_TYPE;
  return gopy::plugin::hand_out(access.call->view->config->*(*member), value);
}

int gopy_PluginConfig_GetStrList(gopy_plugin_context* ctx, const char* name, size_t* length,
                                 char*** items) {
  ConfigAccess access = gopy::plugin::read_access(ctx, name, items);
  if (access.status != GOPY_PLUGIN_OK) return access.status;
  if (length == nullptr) return GOPY_PLUGIN_BAD_ARGUMENT;
  if (access.spec->type != gopy::FieldType::str_list) return GOPY_PLUGIN_WRONG_TYPE;
  auto* member = std::get_if<gopy::StringList gopy::Config::*>(&access.spec->member);
  if (member == nullptr) return GOPY_PLUGIN_WRONG_TYPE;
  const gopy::StringList& list = access.call->view->config->*(*member);
  char** copy = gopy::copy_c_string_list(list);
  if (copy == nullptr) return GOPY_PLUGIN_NO_MEMORY;
  *length = list.size();
  *items = copy;
  return GOPY_PLUGIN_OK;
}

int gopy_PluginEnv_Get(gopy_plugin_context* ctx, const char* name, char** value) {
  int status = GOPY_PLUGIN_OK;
  const gopy::Environment* env = gopy::plugin::environment_of(ctx, status);
  if (env == nullptr) return status;
  if (name == nullptr || value == nullptr) return GOPY_PLUGIN_BAD_ARGUMENT;
  return gopy::plugin::hand_out(env->get(name), value);
}

int gopy_PluginEnv_GetCwd(gopy_plugin_context* ctx, char** value) {
  int status = GOPY_PLUGIN_OK;
  const gopy::Environment* env = gopy::plugin::environment_of(ctx, status);
  if (env == nullptr) return status;
  if (value == nullptr) return GOPY_PLUGIN_BAD_ARGUMENT;
  return gopy::plugin::hand_out(env->current_directory(), value);
}

int gopy_PluginPathConfig_SetInt(gopy_plugin_context* ctx, const char* name, int64_t value) {
  ConfigAccess access = gopy::plugin::write_access(ctx, name);
  if (access.status != GOPY_PLUGIN_OK) return access.status;
  auto* member = std::get_if<int gopy::Config::*>(&access.spec->member);
  if (member == nullptr) return GOPY_PLUGIN_WRONG_TYPE;
  // Every int field of the path view is a bool.
  if (value != 0 && value != 1) return GOPY_PLUGIN_BAD_VALUE;
  access.call->view->path_config->*(*member) = static_cast<int>(value);
  return GOPY_PLUGIN_OK;
}

int gopy_PluginPathConfig_SetStr(gopy_plugin_context* ctx, const char* name, const char* value) {
  ConfigAccess access = gopy::plugin::write_access(ctx, name);
  if (access.status != GOPY_PLUGIN_OK) return access.status;
  auto* member = std::get_if<gopy::OptString gopy::Config::*>(&access.spec->member);
  if (member == nullptr) return GOPY_PLUGIN_WRONG_TYPE;
  // As getpath's write-back: None is kept apart from "" for every path field.
  access.call->view->path_config->*(*member) =
      value != nullptr ? gopy::OptString(value) : gopy::OptString();
  return GOPY_PLUGIN_OK;
}

int gopy_PluginPathConfig_SetStrList(gopy_plugin_context* ctx, const char* name, size_t length,
                                     char* const* items) {
  ConfigAccess access = gopy::plugin::write_access(ctx, name);
  if (access.status != GOPY_PLUGIN_OK) return access.status;
  auto* member = std::get_if<gopy::StringList gopy::Config::*>(&access.spec->member);
  if (member == nullptr) return GOPY_PLUGIN_WRONG_TYPE;
  if (length > 0 && items == nullptr) return GOPY_PLUGIN_BAD_ARGUMENT;
  gopy::StringList list;
  for (size_t i = 0; i < length; ++i) {
    if (items[i] == nullptr) return GOPY_PLUGIN_BAD_ARGUMENT;
    list.emplace_back(items[i]);
  }
  gopy::Config& config = *access.call->view->path_config;
  config.*(*member) = std::move(list);
  config.module_search_paths_set = 1;  // the one list of the view
  return GOPY_PLUGIN_OK;
}

}  // extern "C"
