// Reading PYTHON* environment variables into the configuration.
// CPython: Python/preconfig.c (_Py_GetEnv, _Py_str_to_int, _Py_get_env_flag) and
// Python/initconfig.c (config_read_env_vars, config_init_hash_seed,
// config_init_env_warnoptions, config_init_stdio_encoding, config_init_fs_encoding).
#include <cerrno>
#include <climits>
#include <cstdlib>

#include "config/config_internal.hpp"
#include "gopy/config_spec.hpp"

namespace gopy::detail {

std::optional<std::string> get_env(const Environment& env, int use_environment,
                                   std::string_view name) {
  if (!use_environment) return std::nullopt;
  auto value = env.get(name);
  if (!value || value->empty()) return std::nullopt;
  return value;
}

bool str_to_int(const std::string& text, int& result) {
  const char* start = text.c_str();
  char* end = nullptr;
  errno = 0;
  long value = std::strtol(start, &end, 10);
  if (*end != '\0' || errno == ERANGE) return false;
  if (value < INT_MIN || value > INT_MAX) return false;
  result = static_cast<int>(value);
  return true;
}

void get_env_flag(const Environment& env, int use_environment, int& flag, std::string_view name) {
  auto var = get_env(env, use_environment, name);
  if (!var) return;
  int value = 0;
  // PYTHONDEBUG=text and PYTHONDEBUG=-2 behave as PYTHONDEBUG=1
  if (!str_to_int(*var, value) || value < 0) value = 1;
  if (flag < value) flag = value;
}

namespace {

constexpr unsigned long kMaxHashSeed = 4294967295UL;

// CPython: config_init_hash_seed
Status config_init_hash_seed(Config& config, const Environment& env) {
  auto seed_text = get_env(env, config.use_environment, "PYTHONHASHSEED");
  if (seed_text && *seed_text != "random") {
    const char* start = seed_text->c_str();
    char* end = nullptr;
    errno = 0;
    unsigned long seed = std::strtoul(start, &end, 10);
    // strtoul accepts "-1" as ULONG_MAX: the range check rejects it as CPython does.
    if (*end != '\0' || seed > kMaxHashSeed || (errno == ERANGE && seed == ULONG_MAX)) {
      return config_error("config_init_hash_seed",
                          "PYTHONHASHSEED must be \"random\" or an integer in range "
                          "[0; 4294967295]");
    }
    config.use_hash_seed = 1;
    config.hash_seed = seed;
  } else {
    config.use_hash_seed = 0;
    config.hash_seed = 0;
  }
  return Status::ok();
}

// The table's simple environment rules: levels, presence flags, flags that clear a
// default-on setting, and plain strings. CPython spells each out in config_read_env_vars.
void read_table_env_vars(Config& config, const Environment& env) {
  const int use_env = config.use_environment;
  for (const FieldSpec& spec : config_spec()) {
    if (spec.env_var.empty() || spec.is_preconfig()) continue;
    switch (spec.env_rule) {
      case EnvRule::level:
        get_env_flag(env, use_env, config.*std::get<int Config::*>(spec.member), spec.env_var);
        break;
      case EnvRule::presence: {
        int& field = config.*std::get<int Config::*>(spec.member);
        if (field <= 0 && get_env(env, use_env, spec.env_var)) field = 1;
        break;
      }
      case EnvRule::clears: {
        int level = 0;
        get_env_flag(env, use_env, level, spec.env_var);
        if (level) config.*std::get<int Config::*>(spec.member) = 0;
        break;
      }
      case EnvRule::string: {
        OptString& field = config.*std::get<OptString Config::*>(spec.member);
        if (!field) field = get_env(env, use_env, spec.env_var);
        break;
      }
      case EnvRule::none:
      case EnvRule::special:
        break;
    }
  }
}

}  // namespace

// CPython: config_read_env_vars
Status config_read_env_vars(Config& config, const Environment& env) {
  read_table_env_vars(config, env);
  if (config.use_hash_seed < 0) GOPY_RETURN_IF_ERROR(config_init_hash_seed(config, env));
  if (auto gil = get_env(env, config.use_environment, "PYTHON_GIL")) {
    GOPY_RETURN_IF_ERROR(config_read_gil(*gil));
  }
  return Status::ok();
}

// PYTHONWARNINGS: comma-separated, empty items dropped (wcstok).
// CPython: config_init_env_warnoptions
void config_init_env_warnoptions(const Config& config, const Environment& env,
                                 StringList& warnoptions) {
  auto value = get_env(env, config.use_environment, "PYTHONWARNINGS");
  if (!value) return;
  std::size_t start = 0;
  while (start <= value->size()) {
    std::size_t comma = value->find(',', start);
    if (comma == std::string::npos) comma = value->size();
    if (comma > start) warnoptions.push_back(value->substr(start, comma - start));
    start = comma + 1;
  }
}

namespace {

bool is_utf8_locale_name(std::string_view locale) {
  std::string lower;
  for (char c : locale) lower += static_cast<char>(c >= 'A' && c <= 'Z' ? c + 32 : c);
  return lower.find("utf-8") != std::string::npos || lower.find("utf8") != std::string::npos;
}

// The locale's encoding as Python names it. CPython: _Py_GetLocaleEncoding
std::string locale_encoding(const PreConfig& preconfig, const Environment& env) {
  if (preconfig.utf8_mode) return "utf-8";
  std::string locale = env.ctype_locale();
  if (is_utf8_locale_name(locale)) return "utf-8";
  if (locale == "C" || locale == "POSIX") return "ascii";
  return "utf-8";
}

// CPython: config_get_stdio_errors
std::string stdio_errors_default(const PreConfig& preconfig, const Environment& env) {
  if (preconfig.utf8_mode) return "surrogateescape";
  std::string locale = env.ctype_locale();
  if (locale == "C" || locale == "POSIX") return "surrogateescape";
  if (locale == "C.UTF-8" || locale == "C.utf8" || locale == "UTF-8") return "surrogateescape";
  return "strict";
}

}  // namespace

// CPython: config_init_stdio_encoding
void config_init_stdio_encoding(Config& config, const PreConfig& preconfig,
                                const Environment& env) {
  if (config.stdio_encoding && config.stdio_errors) return;
  if (auto opt = get_env(env, config.use_environment, "PYTHONIOENCODING")) {
    std::string encoding = *opt;
    OptString errors;
    if (auto colon = encoding.find(':'); colon != std::string::npos) {
      std::string after = encoding.substr(colon + 1);
      encoding.resize(colon);
      if (!after.empty()) errors = after;
    }
    if (!encoding.empty()) {
      if (!config.stdio_encoding) config.stdio_encoding = encoding;
      // PYTHONIOENCODING=latin1 behaves as PYTHONIOENCODING=latin1:strict
      if (!errors) errors = "strict";
    }
    if (!config.stdio_errors && errors) config.stdio_errors = errors;
  }
  if (!config.stdio_encoding) config.stdio_encoding = locale_encoding(preconfig, env);
  if (!config.stdio_errors) config.stdio_errors = stdio_errors_default(preconfig, env);
}

// CPython: config_init_fs_encoding (POSIX)
void config_init_fs_encoding(Config& config, const PreConfig& preconfig, const Environment& env) {
  if (!config.filesystem_encoding) config.filesystem_encoding = locale_encoding(preconfig, env);
  if (!config.filesystem_errors) config.filesystem_errors = "surrogateescape";
}

}  // namespace gopy::detail
