// Configuration fields by name, driven by the spec table (PEP 741).
// CPython: Python/initconfig.c PyConfig_Get, PyConfig_Names, PyInitConfig_GetInt,
// PyInitConfig_SetInt, PyInitConfig_SetStr, PyInitConfig_SetStrList, ...
#include <climits>

#include "config/config_internal.hpp"
#include "gopy/config_spec.hpp"

namespace gopy {
using detail::is_int_type;
using detail::is_str_type;
using detail::read_int;

namespace {

Status unknown_name(std::string_view name) {
  return Status::error(Status::Category::config, "",
                       "unknown config option name: " + std::string(name));
}

// A PyInitConfig error: CPython's fixed texts, no function name.
Status init_config_error(const char* message) {
  return Status::error(Status::Category::config, "", message);
}

// The row a configuration being built may touch: config rows first, then the
// preconfig-only ones (CPython: initconfig_prepare).
const FieldSpec* find_any(std::string_view name) { return find_field(name); }

// The row PyConfig_Get may read: init-only rows are hidden.
const FieldSpec* find_readable(std::string_view name) {
  const FieldSpec* spec = find_field(name);
  return spec != nullptr && spec->readable_by_name() ? spec : nullptr;
}

ConfigValue value_of(const FieldSpec& spec, const Config& c, const PreConfig& p) {
  if (spec.type == FieldType::bool_) return read_int(spec, c, p) != 0;
  if (is_int_type(spec.type)) return read_int(spec, c, p);
  if (is_str_type(spec.type)) {
    const OptString& s = c.*std::get<OptString Config::*>(spec.member);
    if (!s) return std::monostate{};
    return *s;
  }
  return c.*std::get<StringList Config::*>(spec.member);
}

}  // namespace

namespace detail {

bool is_int_type(FieldType type) {
  return type == FieldType::int_ || type == FieldType::uint || type == FieldType::ulong ||
         type == FieldType::bool_;
}

bool is_str_type(FieldType type) { return type == FieldType::str || type == FieldType::str_opt; }

std::int64_t read_int(const FieldSpec& spec, const Config& c, const PreConfig& p) {
  if (auto* m = std::get_if<int Config::*>(&spec.member)) return c.*(*m);
  if (auto* m = std::get_if<int PreConfig::*>(&spec.member)) return p.*(*m);
  if (auto* m = std::get_if<unsigned long Config::*>(&spec.member)) {
    return static_cast<std::int64_t>(c.*(*m));
  }
  return 0;
}

}  // namespace detail

Status get_by_name(const Config& config, const PreConfig& preconfig, std::string_view name,
                   ConfigValue& value) {
  const FieldSpec* spec = find_readable(name);
  if (spec == nullptr) return unknown_name(name);
  value = value_of(*spec, config, preconfig);
  return Status::ok();
}

std::vector<std::string_view> readable_names() {
  std::vector<std::string_view> names;
  for (const FieldSpec& spec : config_spec()) {
    if (spec.readable_by_name()) names.push_back(spec.name);
  }
  return names;
}

Status get_int_by_name(const Config& c, const PreConfig& p, std::string_view name,
                       std::int64_t& v) {
  const FieldSpec* spec = find_any(name);
  if (spec == nullptr) return unknown_name(name);
  if (!is_int_type(spec->type)) return init_config_error("config option type is not int");
  v = read_int(*spec, c, p);
  return Status::ok();
}

Status get_str_by_name(const Config& c, const PreConfig&, std::string_view name, OptString& v) {
  const FieldSpec* spec = find_any(name);
  if (spec == nullptr) return unknown_name(name);
  if (!is_str_type(spec->type)) return init_config_error("config option type is not string");
  v = c.*std::get<OptString Config::*>(spec->member);
  return Status::ok();
}

Status get_str_list_by_name(const Config& c, const PreConfig&, std::string_view name,
                            StringList& v) {
  const FieldSpec* spec = find_any(name);
  if (spec == nullptr) return unknown_name(name);
  if (spec->type != FieldType::str_list) {
    return init_config_error("config option type is not string list");
  }
  v = c.*std::get<StringList Config::*>(spec->member);
  return Status::ok();
}

// CPython: PyInitConfig_SetInt (ranges per type; setting hash_seed implies use_hash_seed)
Status set_int_by_name(Config& c, PreConfig& p, std::string_view name, std::int64_t v) {
  const FieldSpec* spec = find_any(name);
  if (spec == nullptr) return unknown_name(name);
  switch (spec->type) {
    case FieldType::int_:
      if (v < INT_MIN || v > INT_MAX) return init_config_error("config option value is out of int range");
      break;
    case FieldType::uint:
    case FieldType::bool_:
      if (v < 0 || v > static_cast<std::int64_t>(UINT_MAX)) {
        return init_config_error("config option value is out of unsigned int range");
      }
      break;
    case FieldType::ulong:
      if (v < 0) return init_config_error("config option value is out of unsigned long range");
      c.*std::get<unsigned long Config::*>(spec->member) = static_cast<unsigned long>(v);
      if (name == "hash_seed") c.use_hash_seed = 1;
      return Status::ok();
    default:
      return init_config_error("config option type is not int");
  }
  if (auto* m = std::get_if<int Config::*>(&spec->member)) {
    c.*(*m) = static_cast<int>(v);
  } else {
    p.*std::get<int PreConfig::*>(spec->member) = static_cast<int>(v);
  }
  return Status::ok();
}

Status set_str_by_name(Config& c, PreConfig&, std::string_view name, const OptString& v) {
  const FieldSpec* spec = find_any(name);
  if (spec == nullptr) return unknown_name(name);
  if (!is_str_type(spec->type)) return init_config_error("config option type is not string");
  if (!v && spec->type == FieldType::str) {
    return init_config_error("config option string cannot be NULL");
  }
  c.*std::get<OptString Config::*>(spec->member) = v;
  return Status::ok();
}

Status set_str_list_by_name(Config& c, PreConfig&, std::string_view name, const StringList& v) {
  const FieldSpec* spec = find_any(name);
  if (spec == nullptr) return unknown_name(name);
  if (spec->type != FieldType::str_list) {
    return init_config_error("config option type is not string list");
  }
  c.*std::get<StringList Config::*>(spec->member) = v;
  if (name == "module_search_paths") c.module_search_paths_set = 1;
  return Status::ok();
}

std::vector<std::pair<std::string_view, ConfigValue>> config_dump(const Config& config,
                                                                  const PreConfig& preconfig) {
  std::vector<std::pair<std::string_view, ConfigValue>> items;
  for (const FieldSpec& spec : config_spec()) {
    if (!spec.readable_by_name() || spec.name == "hash_seed") continue;
    items.emplace_back(spec.name, value_of(spec, config, preconfig));
  }
  return items;
}

}  // namespace gopy
