// The C embedding API of gopy.h over the lifecycle and the config spec table's get/set by
// name. CPython: Python/initconfig.c PyInitConfig_* (PEP 741), PyConfig_Get/GetInt/Names,
// Python/pylifecycle.c Py_InitializeFromInitConfig.
#include "gopy.h"

#include <cstdlib>
#include <cstring>
#include <new>
#include <string>

#include "gopy/config.hpp"
#include "gopy/config_spec.hpp"
#include "gopy/eval.hpp"
#include "gopy/object_func.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "gopy/preconfig.hpp"
#include "gopy/state.hpp"
#include "lifecycle/c_strings.hpp"
#include "lifecycle/runtime.hpp"

struct gopy_InitConfig {
  gopy::Config config = gopy::Config::isolated_preset();
  gopy::PreConfig preconfig = gopy::PreConfig::isolated_preset();
  std::string error;
  bool has_error = false;
  bool has_exit_code = false;
  int exit_code = 0;
};

namespace {

thread_local std::string last_error;

// Records `status` in `config` (error message, or a request to exit): 0 when ok, else -1.
int record(gopy_InitConfig* config, const gopy::Status& status) {
  if (status.is_ok()) return 0;
  config->has_error = true;
  config->error = status.is_exit() ? "exit requested" : status.message();
  config->has_exit_code = status.is_exit();
  config->exit_code = status.exit_code();
  return -1;
}

int runtime_error(std::string message) {
  last_error = std::move(message);
  return -1;
}

// repr() of a value handed out by name, as CPython's PyConfig_Get object would show it.
std::string value_repr(const gopy::ConfigValue& value) {
  struct Visitor {
    std::string operator()(std::monostate) const { return "None"; }
    std::string operator()(bool b) const { return b ? "True" : "False"; }
    std::string operator()(std::int64_t v) const { return std::to_string(v); }
    std::string operator()(const std::string& s) const { return str_repr(s); }
    std::string operator()(const gopy::StringList& list) const {
      std::string out = "[";
      for (size_t i = 0; i < list.size(); ++i) out += (i ? ", " : "") + str_repr(list[i]);
      return out + "]";
    }
    static std::string str_repr(const std::string& s) {
      gopy::Object* str = gopy::new_str(s);
      gopy::Object* repr = str ? gopy::object_repr(str) : nullptr;
      std::string out = repr ? gopy::as_str(repr)->utf8 : "'" + s + "'";
      gopy::xdecref(repr);
      gopy::xdecref(str);
      if (!repr) gopy::clear_error();
      return out;
    }
  };
  return std::visit(Visitor{}, value);
}

}  // namespace

extern "C" {

gopy_InitConfig* gopy_InitConfig_Create(void) { return new (std::nothrow) gopy_InitConfig(); }

void gopy_InitConfig_Free(gopy_InitConfig* config) { delete config; }

int gopy_InitConfig_GetError(gopy_InitConfig* config, const char** err_msg) {
  if (!config->has_error || config->has_exit_code) {
    *err_msg = nullptr;
    return 0;
  }
  *err_msg = config->error.c_str();
  return 1;
}

int gopy_InitConfig_GetExitCode(gopy_InitConfig* config, int* exitcode) {
  if (!config->has_exit_code) return 0;
  *exitcode = config->exit_code;
  return 1;
}

int gopy_InitConfig_HasOption(gopy_InitConfig*, const char* name) { return gopy::has_option(name) ? 1 : 0; }

int gopy_InitConfig_GetInt(gopy_InitConfig* config, const char* name, int64_t* value) {
  std::int64_t v = 0;
  if (record(config, gopy::get_int_by_name(config->config, config->preconfig, name, v)) < 0) return -1;
  *value = v;
  return 0;
}

int gopy_InitConfig_GetStr(gopy_InitConfig* config, const char* name, char** value) {
  gopy::OptString v;
  if (record(config, gopy::get_str_by_name(config->config, config->preconfig, name, v)) < 0) return -1;
  *value = v ? gopy::copy_c_string(*v) : nullptr;
  return 0;
}

int gopy_InitConfig_GetStrList(gopy_InitConfig* config, const char* name, size_t* length, char*** items) {
  gopy::StringList v;
  if (record(config, gopy::get_str_list_by_name(config->config, config->preconfig, name, v)) < 0) return -1;
  *length = v.size();
  *items = gopy::copy_c_string_list(v);
  return 0;
}

void gopy_InitConfig_FreeStrList(size_t length, char** items) {
  if (!items) return;
  for (size_t i = 0; i < length; ++i) std::free(items[i]);
  std::free(items);
}

int gopy_InitConfig_SetInt(gopy_InitConfig* config, const char* name, int64_t value) {
  return record(config, gopy::set_int_by_name(config->config, config->preconfig, name, value));
}

int gopy_InitConfig_SetStr(gopy_InitConfig* config, const char* name, const char* value) {
  gopy::OptString v;
  if (value) v = std::string(value);
  return record(config, gopy::set_str_by_name(config->config, config->preconfig, name, v));
}

int gopy_InitConfig_SetStrList(gopy_InitConfig* config, const char* name, size_t length, char* const* items) {
  gopy::StringList v;
  for (size_t i = 0; i < length; ++i) v.emplace_back(items[i]);
  return record(config, gopy::set_str_list_by_name(config->config, config->preconfig, name, v));
}

// CPython: Py_InitializeFromInitConfig: pre-initialization from the preconfig part, then
// the core phase and (unless _init_main is 0) the main phase.
int gopy_InitializeFromInitConfig(gopy_InitConfig* config) {
  std::vector<std::string> argv;
  if (config->config.parse_argv > 0) argv = config->config.argv;
  if (record(config, gopy::preinitialize(config->preconfig, argv)) < 0) return -1;
  return record(config, gopy::initialize_from_config(config->config));
}

int gopy_InitializeMain(void) {
  gopy::Status status = gopy::initialize_main();
  return status.is_ok() ? 0 : runtime_error(status.message());
}

int gopy_IsInitializing(void) { return gopy::is_initializing(); }
int gopy_IsRuntimeInitialized(void) { return gopy::is_runtime_initialized(); }
int gopy_IsInitialized(void) { return gopy::is_initialized(); }
int gopy_IsFinalizing(void) { return gopy::is_finalizing(); }

int gopy_Config_Get(const char* name, char** repr) {
  const gopy::Config* config = gopy::runtime().config.get();
  if (!config || !gopy::is_runtime_initialized()) return runtime_error("the runtime is not initialized");
  gopy::ConfigValue value;
  gopy::Status status = gopy::get_by_name(*config, gopy::runtime().preconfig, name, value);
  if (!status.is_ok()) return runtime_error(status.message());
  *repr = gopy::copy_c_string(value_repr(value));
  return 0;
}

int gopy_Config_GetInt(const char* name, int* value) {
  const gopy::Config* config = gopy::runtime().config.get();
  if (!config || !gopy::is_runtime_initialized()) return runtime_error("the runtime is not initialized");
  gopy::ConfigValue v;
  gopy::Status status = gopy::get_by_name(*config, gopy::runtime().preconfig, name, v);
  if (!status.is_ok()) return runtime_error(status.message());
  // CPython: PyConfig_GetInt accepts int and bool options.
  if (auto* b = std::get_if<bool>(&v)) {
    *value = *b ? 1 : 0;
    return 0;
  }
  auto* i = std::get_if<std::int64_t>(&v);
  if (!i) return runtime_error("config option " + std::string(name) + " is not an int");
  if (*i < INT32_MIN || *i > INT32_MAX) return runtime_error("config option " + std::string(name) + " value is out of int range");
  *value = static_cast<int>(*i);
  return 0;
}

int gopy_Config_Names(size_t* length, char*** names) {
  std::vector<std::string> out;
  for (std::string_view n : gopy::readable_names()) out.emplace_back(n);
  *length = out.size();
  *names = gopy::copy_c_string_list(out);
  return *names ? 0 : runtime_error("out of memory");
}

const char* gopy_GetLastError(void) { return last_error.c_str(); }

int gopy_RunSimpleString(const char* source) {
  if (!gopy::is_initialized()) return runtime_error("the runtime is not initialized");
  gopy::Object* r = gopy::exec_source_in_module(source, "<string>", gopy::main_module());
  if (r) {
    gopy::decref(r);
    return 0;
  }
  gopy::handle_uncaught_exception();
  return runtime_error("an exception was raised (its traceback went to sys.stderr)");
}

int gopy_RunMain(void) { return gopy::run_main(); }

int gopy_FinalizeEx(void) { return gopy::finalize_ex(); }

}  // extern "C"
