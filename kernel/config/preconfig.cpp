// The pre-configuration: isolation, the environment switch, development mode, locale
// coercion (PEP 538), UTF-8 mode (PEP 540) and the allocator's name.
// CPython: Python/preconfig.c, Python/pylifecycle.c (_Py_LegacyLocaleDetected,
// _Py_CoerceLegacyLocale, emit_stderr_warning_for_legacy_locale).
#include "gopy/preconfig.hpp"

#include <array>

#include "config/config_internal.hpp"
#include "gopy/config.hpp"

namespace gopy {

std::optional<AllocatorName> allocator_from_name(std::string_view name) {
  static constexpr std::array<std::pair<std::string_view, AllocatorName>, 8> kNames = {{
      {"default", AllocatorName::default_},
      {"debug", AllocatorName::debug},
      {"pymalloc", AllocatorName::pymalloc},
      {"pymalloc_debug", AllocatorName::pymalloc_debug},
      {"mimalloc", AllocatorName::mimalloc},
      {"mimalloc_debug", AllocatorName::mimalloc_debug},
      {"malloc", AllocatorName::malloc},
      {"malloc_debug", AllocatorName::malloc_debug},
  }};
  for (const auto& [known, value] : kNames) {
    if (known == name) return value;
  }
  return std::nullopt;
}

// The first item whose name (before any '=') is `name`. CPython: _Py_get_xoption
const std::string* find_xoption(const std::vector<std::string>& xoptions, std::string_view name) {
  for (const std::string& option : xoptions) {
    std::string_view key(option);
    if (auto sep = key.find('='); sep != std::string_view::npos) key = key.substr(0, sep);
    if (key == name) return &option;
  }
  return nullptr;
}

// CPython: _PyPreConfig_GetConfig
void preconfig_get_config(PreConfig& preconfig, const Config& config) {
  if (config.parse_argv != -1) preconfig.parse_argv = config.parse_argv;
  if (config.isolated != -1) preconfig.isolated = config.isolated;
  if (config.use_environment != -1) preconfig.use_environment = config.use_environment;
  if (config.dev_mode != -1) preconfig.dev_mode = config.dev_mode;
}

PreConfig preconfig_from_config(const Config& config) {
  PreConfig preconfig = config._config_init == static_cast<int>(ConfigInit::isolated)
                            ? PreConfig::isolated_preset()
                            : PreConfig::python();
  preconfig_get_config(preconfig, config);
  return preconfig;
}

namespace detail {

// CPython: _PyPreCmdline_Read
Status precmdline_read(PreCmdline& cmdline, const PreConfig& preconfig, const Environment& env) {
  if (preconfig.isolated != -1) cmdline.isolated = preconfig.isolated;
  if (preconfig.use_environment != -1) cmdline.use_environment = preconfig.use_environment;
  if (preconfig.dev_mode != -1) cmdline.dev_mode = preconfig.dev_mode;
  if (preconfig.parse_argv) precmdline_parse(cmdline);

  if (cmdline.isolated < 0) cmdline.isolated = 0;
  if (cmdline.isolated > 0) cmdline.use_environment = 0;
  if (cmdline.use_environment < 0) cmdline.use_environment = 0;
  if (cmdline.dev_mode < 0 && (find_xoption(cmdline.xoptions, "dev") ||
                               get_env(env, cmdline.use_environment, "PYTHONDEVMODE"))) {
    cmdline.dev_mode = 1;
  }
  if (cmdline.dev_mode < 0) cmdline.dev_mode = 0;
  if (find_xoption(cmdline.xoptions, "warn_default_encoding") ||
      get_env(env, cmdline.use_environment, "PYTHONWARNDEFAULTENCODING")) {
    cmdline.warn_default_encoding = 1;
  }
  return Status::ok();
}

// CPython: _PyPreCmdline_SetConfig
void precmdline_set_config(const PreCmdline& cmdline, Config& config) {
  config.xoptions.insert(config.xoptions.end(), cmdline.xoptions.begin(), cmdline.xoptions.end());
  config.isolated = cmdline.isolated;
  config.use_environment = cmdline.use_environment;
  config.dev_mode = cmdline.dev_mode;
  config.warn_default_encoding = cmdline.warn_default_encoding;
}

}  // namespace detail

namespace {

using detail::get_env;

constexpr std::array<std::string_view, 3> kCoercionTargets = {"C.UTF-8", "C.utf8", "UTF-8"};

// The C locale is the legacy locale; unless warning, LC_ALL set means "leave it".
// CPython: _Py_LegacyLocaleDetected
bool legacy_locale_detected(const Environment& env, bool warn) {
  if (!warn) {
    auto lc_all = env.get("LC_ALL");
    if (lc_all && !lc_all->empty()) return false;
  }
  return env.ctype_locale() == "C";
}

// The first coercion target the system has, when LC_ALL does not pin the locale.
std::optional<std::string_view> coercion_target(const Environment& env) {
  auto lc_all = env.get("LC_ALL");
  if (lc_all && !lc_all->empty()) return std::nullopt;
  for (std::string_view target : kCoercionTargets) {
    if (env.has_locale(target)) return target;
  }
  return std::nullopt;
}

// CPython: preconfig_init_utf8_mode
Status preconfig_init_utf8_mode(PreConfig& config, const PreCmdline& cmdline,
                                const std::string& ctype_locale, const Environment& env) {
  if (config.utf8_mode >= 0) return Status::ok();
  if (const std::string* xopt = find_xoption(cmdline.xoptions, "utf8")) {
    auto sep = xopt->find('=');
    if (sep == std::string::npos) {
      config.utf8_mode = 1;
    } else if (xopt->substr(sep + 1) == "1") {
      config.utf8_mode = 1;
    } else if (xopt->substr(sep + 1) == "0") {
      config.utf8_mode = 0;
    } else {
      return detail::config_error("preconfig_init_utf8_mode", "invalid -X utf8 option value");
    }
    return Status::ok();
  }
  if (auto opt = get_env(env, config.use_environment, "PYTHONUTF8")) {
    if (*opt == "1") {
      config.utf8_mode = 1;
    } else if (*opt == "0") {
      config.utf8_mode = 0;
    } else {
      return detail::config_error("preconfig_init_utf8_mode",
                                  "invalid PYTHONUTF8 environment variable value");
    }
    return Status::ok();
  }
  // The C and POSIX locales enable the UTF-8 Mode (PEP 540).
  config.utf8_mode = (ctype_locale == "C" || ctype_locale == "POSIX") ? 1 : 0;
  return Status::ok();
}

// CPython: preconfig_init_coerce_c_locale
void preconfig_init_coerce_c_locale(PreConfig& config, const Environment& env) {
  if (!config.configure_locale) {
    config.coerce_c_locale = 0;
    config.coerce_c_locale_warn = 0;
    return;
  }
  if (auto value = get_env(env, config.use_environment, "PYTHONCOERCECLOCALE")) {
    if (*value == "0") {
      if (config.coerce_c_locale < 0) config.coerce_c_locale = 0;
    } else if (*value == "warn") {
      if (config.coerce_c_locale_warn < 0) config.coerce_c_locale_warn = 1;
    } else if (config.coerce_c_locale < 0) {
      config.coerce_c_locale = 1;
    }
  }
  // PYTHONCOERCECLOCALE=1 only coerces when the LC_CTYPE locale is "C".
  if (config.coerce_c_locale < 0 || config.coerce_c_locale == 1) {
    config.coerce_c_locale = legacy_locale_detected(env, false) ? 2 : 0;
  }
  if (config.coerce_c_locale_warn < 0) config.coerce_c_locale_warn = 0;
}

// CPython: preconfig_init_allocator
Status preconfig_init_allocator(PreConfig& config, const Environment& env) {
  if (config.allocator == static_cast<int>(AllocatorName::not_set)) {
    // PYTHONMALLOC has priority over -X dev / PYTHONDEVMODE.
    if (auto name = get_env(env, config.use_environment, "PYTHONMALLOC")) {
      auto allocator = allocator_from_name(*name);
      if (!allocator) {
        return detail::config_error("preconfig_init_allocator", "PYTHONMALLOC: unknown allocator");
      }
      config.allocator = static_cast<int>(*allocator);
    }
  }
  if (config.dev_mode && config.allocator == static_cast<int>(AllocatorName::not_set)) {
    config.allocator = static_cast<int>(AllocatorName::debug);
  }
  return Status::ok();
}

// CPython: preconfig_read
Status preconfig_read_once(PreConfig& config, PreCmdline& cmdline, const std::string& ctype_locale,
                           const Environment& env) {
  GOPY_RETURN_IF_ERROR(detail::precmdline_read(cmdline, config, env));
  config.isolated = cmdline.isolated;
  config.use_environment = cmdline.use_environment;
  config.dev_mode = cmdline.dev_mode;
  preconfig_init_coerce_c_locale(config, env);
  GOPY_RETURN_IF_ERROR(preconfig_init_utf8_mode(config, cmdline, ctype_locale, env));
  return preconfig_init_allocator(config, env);
}

}  // namespace

// CPython reads twice when the first read changes the encoding (the locale was coerced
// or UTF-8 mode turned on), so that bytes arguments decode the new way; the second read
// keeps the first one's UTF-8 mode and coercion decision. gopy's argv is UTF-8 already,
// but the same loop gives the same decisions. Reading changes nothing outside `config`:
// the coercion is only planned here (ctype_locale as it will be), done by preconfig_write.
// CPython: _PyPreConfig_Read
Status preconfig_read(PreConfig& config, const std::vector<std::string>& argv,
                      Environment& process_env) {
  detail::EnvironmentSnapshot env(process_env);
  const PreConfig saved = config;
  std::string ctype_locale = env.ctype_locale();
  bool locale_coerced = false;
  for (int loops = 1;; ++loops) {
    if (loops == 3) {
      return detail::config_error("_PyPreConfig_Read",
                                  "Encoding changed twice while reading the configuration");
    }
    const int utf8_mode = config.utf8_mode;
    PreCmdline cmdline;
    cmdline.argv = argv;
    GOPY_RETURN_IF_ERROR(preconfig_read_once(config, cmdline, ctype_locale, env));

    bool encoding_changed = false;
    if (config.coerce_c_locale && !locale_coerced) {
      locale_coerced = true;
      if (auto target = coercion_target(env)) ctype_locale = std::string(*target);
      encoding_changed = true;
    }
    if (utf8_mode == -1 ? config.utf8_mode == 1 : config.utf8_mode != utf8_mode) {
      encoding_changed = true;
    }
    if (!encoding_changed) break;
    const int new_utf8_mode = config.utf8_mode;
    const int new_coerce_c_locale = config.coerce_c_locale;
    config = saved;
    config.utf8_mode = new_utf8_mode;
    config.coerce_c_locale = new_coerce_c_locale;
  }
  return Status::ok();
}

// CPython: _PyPreConfig_Write, _Py_CoerceLegacyLocale
Status preconfig_write(const PreConfig& config, PreConfig& applied, Environment& env,
                       const ConsoleOutput& console) {
  applied = config;
  if (!config.configure_locale) return Status::ok();
  if (config.coerce_c_locale) {
    if (auto target = coercion_target(env)) {
      env.set("LC_CTYPE", *target);
      if (config.coerce_c_locale_warn) {
        console.err("Python detected LC_CTYPE=C: LC_CTYPE coerced to " +
                    std::string(target->substr(0, 20)) +
                    " (set another locale or PYTHONCOERCECLOCALE=0 to disable this locale "
                    "coercion behavior).\n");
      }
    } else {
      applied.coerce_c_locale = 0;  // C locale not coerced
    }
  }
  env.apply_ctype_locale();
  return Status::ok();
}

std::optional<std::string> legacy_locale_warning(const PreConfig& applied, const Environment& env) {
  if (!applied.coerce_c_locale_warn || !legacy_locale_detected(env, true)) return std::nullopt;
  return std::string(
      "Python runtime initialized with LC_CTYPE=C (a locale with default ASCII encoding), "
      "which may cause Unicode compatibility problems. Using C.UTF-8, C.utf8, or UTF-8 (if "
      "available) as alternative Unicode-compatible locales is recommended.\n");
}

}  // namespace gopy
