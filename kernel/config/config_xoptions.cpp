// Settings fed by both an environment variable and a -X option, with their validation
// and CPython's error texts. The -X option, read second, wins over the variable.
// CPython: Python/initconfig.c config_read_complex_options and the config_init_*
// functions it calls, config_init_import, config_read_gil.
#include "config/config_internal.hpp"

namespace gopy::detail {
namespace {

constexpr int kMaxStrDigitsThreshold = 640;     // CPython: _PY_LONG_MAX_STR_DIGITS_THRESHOLD
constexpr int kDefaultMaxStrDigits = 4300;      // CPython: _PY_LONG_DEFAULT_MAX_STR_DIGITS

std::optional<std::string> env_value(const Config& config, const Environment& env,
                                     std::string_view name) {
  return get_env(env, config.use_environment, name);
}

bool has_xoption(const Config& config, std::string_view name) {
  return find_xoption(config.xoptions, name) != nullptr;
}

// CPython: config_init_cpu_count
Status config_init_cpu_count(Config& config, const Environment& env) {
  auto error = [] {
    return config_error("config_init_cpu_count",
                        "-X cpu_count=n option: n is missing or an invalid number, "
                        "n must be greater than 0");
  };
  if (auto value = env_value(config, env, "PYTHON_CPU_COUNT")) {
    int count = -1;
    if (*value != "default" && (!str_to_int(*value, count) || count < 1)) return error();
    config.cpu_count = count;
  }
  if (has_xoption(config, "cpu_count")) {
    const std::string& item = *find_xoption(config.xoptions, "cpu_count");
    auto sep = item.find('=');
    if (sep == std::string::npos) return error();
    std::string value = item.substr(sep + 1);
    int count = -1;
    if (value != "default" && (!str_to_int(value, count) || count < 1)) return error();
    config.cpu_count = count;
  }
  return Status::ok();
}

// A 0/1 setting: the variable "NAME=N", then "-X name=n".
// CPython: config_init_thread_inherit_context, config_init_context_aware_warnings
Status config_init_zero_or_one(Config& config, const Environment& env, int& field,
                               const char* func, std::string_view env_name,
                               std::string_view xoption) {
  if (auto value = env_value(config, env, env_name)) {
    int enabled = 0;
    if (!str_to_int(*value, enabled) || enabled < 0 || enabled > 1) {
      return config_error(func, std::string(env_name) + "=N: N is missing or invalid");
    }
    field = enabled;
  }
  if (const std::string* item = find_xoption(config.xoptions, xoption)) {
    auto sep = item->find('=');
    int enabled = 0;
    if (sep == std::string::npos || !str_to_int(item->substr(sep + 1), enabled) || enabled < 0 ||
        enabled > 1) {
      return config_error(func, "-X " + std::string(xoption) + "=n: n is missing or invalid");
    }
    field = enabled;
  }
  return Status::ok();
}

// CPython: config_init_perf_profiling
void config_init_perf_profiling(Config& config, const Environment& env) {
  auto env_active = [&](std::string_view name) {
    auto value = env_value(config, env, name);
    int active = 0;
    if (value && !str_to_int(*value, active)) active = 0;
    return value && active != 0;
  };
  if (env_active("PYTHONPERFSUPPORT")) config.perf_profiling = 1;
  if (has_xoption(config, "perf")) config.perf_profiling = 1;
  if (env_active("PYTHON_PERF_JIT_SUPPORT")) config.perf_profiling = 2;
  if (has_xoption(config, "perf_jit")) config.perf_profiling = 2;
}

// gopy has no remote debugger (CPython built without Py_REMOTE_DEBUG): always off.
// CPython: config_init_remote_debug
void config_init_remote_debug(Config& config) { config.remote_debug = 0; }

// CPython: config_init_tracemalloc
Status config_init_tracemalloc(Config& config, const Environment& env) {
  int nframe = 0;
  if (auto value = env_value(config, env, "PYTHONTRACEMALLOC")) {
    if (!str_to_int(*value, nframe) || nframe < 0) {
      return config_error("config_init_tracemalloc", "PYTHONTRACEMALLOC: invalid number of frames");
    }
    config.tracemalloc = nframe;
  }
  if (const std::string* item = find_xoption(config.xoptions, "tracemalloc")) {
    auto sep = item->find('=');
    if (sep != std::string::npos) {
      if (!str_to_int(item->substr(sep + 1), nframe) || nframe < 0) {
        return config_error("config_init_tracemalloc",
                            "-X tracemalloc=NFRAME: invalid number of frames");
      }
    } else {
      nframe = 1;  // -X tracemalloc behaves as -X tracemalloc=1
    }
    config.tracemalloc = nframe;
  }
  return Status::ok();
}

bool valid_max_str_digits(int digits) {
  return digits == 0 || digits >= kMaxStrDigitsThreshold;
}

// CPython: config_init_int_max_str_digits
Status config_init_int_max_str_digits(Config& config, const Environment& env) {
  const std::string limit_rule = ": invalid limit; must be >= " +
                                 std::to_string(kMaxStrDigitsThreshold) + " or 0 for unlimited.";
  int digits = 0;
  if (auto value = env_value(config, env, "PYTHONINTMAXSTRDIGITS")) {
    if (!str_to_int(*value, digits) || !valid_max_str_digits(digits)) {
      return config_error("config_init_int_max_str_digits", "PYTHONINTMAXSTRDIGITS" + limit_rule);
    }
    config.int_max_str_digits = digits;
  }
  if (const std::string* item = find_xoption(config.xoptions, "int_max_str_digits")) {
    auto sep = item->find('=');
    if (sep == std::string::npos || !str_to_int(item->substr(sep + 1), digits) ||
        !valid_max_str_digits(digits)) {
      return config_error("config_init_int_max_str_digits", "-X int_max_str_digits" + limit_rule);
    }
    config.int_max_str_digits = digits;
  }
  if (config.int_max_str_digits < 0) config.int_max_str_digits = kDefaultMaxStrDigits;
  return Status::ok();
}

// "-X pycache_prefix=" (empty) disables PYTHONPYCACHEPREFIX. CPython: config_init_pycache_prefix
void config_init_pycache_prefix(Config& config, const Environment& env) {
  if (const std::string* item = find_xoption(config.xoptions, "pycache_prefix")) {
    auto sep = item->find('=');
    if (sep != std::string::npos && sep + 1 < item->size()) {
      config.pycache_prefix = item->substr(sep + 1);
    } else {
      config.pycache_prefix.reset();
    }
    return;
  }
  config.pycache_prefix = env_value(config, env, "PYTHONPYCACHEPREFIX");
}

// CPython: config_init_import_time
Status config_init_import_time(Config& config, const Environment& env) {
  int importtime = 0;
  if (auto value = env_value(config, env, "PYTHONPROFILEIMPORTTIME")) {
    if (!str_to_int(*value, importtime)) importtime = 1;
    if (importtime < 0 || importtime > 2) {
      return config_error("config_init_import_time",
                          "PYTHONPROFILEIMPORTTIME: numeric values other than 1 and 2 are "
                          "reserved for future use.");
    }
  }
  if (auto value = xoption_value(config, "importtime")) {
    if (value->empty() || !str_to_int(*value, importtime)) importtime = 1;
    if (importtime < 0 || importtime > 2) {
      return config_error("config_init_import_time",
                          "-X importtime: values other than 1 and 2 are reserved for future "
                          "use.");
    }
  }
  config.import_time = importtime;
  return Status::ok();
}

}  // namespace

// gopy is a build with the GIL: "0" cannot be honoured, "1" is accepted.
// CPython: config_read_gil
Status config_read_gil(std::string_view value) {
  if (value == "0") {
    return config_error("config_read_gil", "Disabling the GIL is not supported by this build");
  }
  if (value == "1") return Status::ok();
  return config_error("config_read_gil", "PYTHON_GIL / -X gil must be \"0\" or \"1\"");
}

// CPython: config_read_complex_options
Status config_read_complex_options(Config& config, const Environment& env) {
  if (config.faulthandler < 0 &&
      (env_value(config, env, "PYTHONFAULTHANDLER") || has_xoption(config, "faulthandler"))) {
    config.faulthandler = 1;
  }
  if (env_value(config, env, "PYTHONNODEBUGRANGES") || has_xoption(config, "no_debug_ranges")) {
    config.code_debug_ranges = 0;
  }
  if (config.import_time < 0) GOPY_RETURN_IF_ERROR(config_init_import_time(config, env));
  if (config.tracemalloc < 0) GOPY_RETURN_IF_ERROR(config_init_tracemalloc(config, env));
  if (config.perf_profiling < 0) config_init_perf_profiling(config, env);
  if (config.remote_debug < 0) config_init_remote_debug(config);
  if (config.int_max_str_digits < 0) {
    GOPY_RETURN_IF_ERROR(config_init_int_max_str_digits(config, env));
  }
  if (config.cpu_count < 0) GOPY_RETURN_IF_ERROR(config_init_cpu_count(config, env));
  if (!config.pycache_prefix) config_init_pycache_prefix(config, env);
  GOPY_RETURN_IF_ERROR(config_init_zero_or_one(
      config, env, config.thread_inherit_context, "config_init_thread_inherit_context",
      "PYTHON_THREAD_INHERIT_CONTEXT", "thread_inherit_context"));
  GOPY_RETURN_IF_ERROR(config_init_zero_or_one(
      config, env, config.context_aware_warnings, "config_init_context_aware_warnings",
      "PYTHON_CONTEXT_AWARE_WARNINGS", "context_aware_warnings"));
  return Status::ok();
}

// The frozen-modules part of config_init_import (the path configuration itself is the
// pathconfig plugin's). CPython reports these with PyStatus_Error: no function name.
Status config_init_import(Config& config, const Environment& env) {
  if (auto value = env_value(config, env, "PYTHON_FROZEN_MODULES")) {
    if (*value == "on") {
      config.use_frozen_modules = 1;
    } else if (*value == "off") {
      config.use_frozen_modules = 0;
    } else {
      return Status::error(Status::Category::config, "",
                           "bad value for PYTHON_FROZEN_MODULES (expected \"on\" or \"off\")");
    }
  }
  if (auto value = xoption_value(config, "frozen_modules")) {
    if (*value == "on" || value->empty()) {
      config.use_frozen_modules = 1;  // "-X frozen_modules" and "=" both mean "on"
    } else if (*value == "off") {
      config.use_frozen_modules = 0;
    } else {
      return Status::error(Status::Category::config, "",
                           "bad value for option -X frozen_modules (expected \"on\" or \"off\")");
    }
  }
  return Status::ok();
}

}  // namespace gopy::detail
