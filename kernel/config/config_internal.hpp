// Pieces of configuration reading shared by the config/*.cpp files (not public API).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/config_spec.hpp"
#include "gopy/environment.hpp"
#include "gopy/preconfig.hpp"
#include "gopy/status.hpp"

namespace gopy::detail {

// --- environment primitives (CPython: Python/preconfig.c) ---

// A variable's value when the environment is used and the value is not empty.
// CPython: _Py_GetEnv
std::optional<std::string> get_env(const Environment& env, int use_environment,
                                   std::string_view name);
// strtol over the whole text, within int range. CPython: _Py_str_to_int
bool str_to_int(const std::string& text, int& result);
// Raise `flag` to the variable's level ("text" and negative mean 1). CPython: _Py_get_env_flag
void get_env_flag(const Environment& env, int use_environment, int& flag, std::string_view name);

// The environment as one configuration read sees it. A read asks for some thirty
// PYTHON* variables, and each C library lookup walks the whole process environment; over
// the process environment the snapshot walks it once, keeps the PYTHON* entries and
// answers those names from them (the first definition of a name wins, as in the C
// library). Other names, and any other environment, are asked directly. A read only
// reads; a write goes through and the snapshot walks again.
class EnvironmentSnapshot final : public Environment {
 public:
  explicit EnvironmentSnapshot(Environment& base);
  std::optional<std::string> get(std::string_view name) const override;
  void set(std::string_view name, std::string_view value) override;
  void unset(std::string_view name) override;
  std::vector<std::pair<std::string, std::string>> variables() const override {
    return base_.variables();
  }
  std::string ctype_locale() const override { return base_.ctype_locale(); }
  bool has_locale(std::string_view name) const override { return base_.has_locale(name); }
  std::optional<std::string> current_directory() const override {
    return base_.current_directory();
  }

 private:
  struct Entry {
    std::string_view name;
    const char* value;
  };
  void index();
  Environment& base_;
  bool indexed_ = false;
  std::vector<Entry> entries_;
};

// --- reading a spec row's field (config_by_name.cpp; the plugin context reads through these too) ---

// The field types read as an int (bool among them), and as a str.
bool is_int_type(FieldType type);
bool is_str_type(FieldType type);
// The value of an int-typed row's member.
std::int64_t read_int(const FieldSpec& spec, const Config& c, const PreConfig& p);

// --- the pre-configuration's view of the command line ---

// Parse -E, -I and -X up to -c/-m, silently. CPython: precmdline_parse_cmdline
void precmdline_parse(PreCmdline& cmdline);
// CPython: _PyPreCmdline_Read
Status precmdline_read(PreCmdline& cmdline, const PreConfig& preconfig, const Environment& env);
// CPython: _PyPreCmdline_SetConfig
void precmdline_set_config(const PreCmdline& cmdline, Config& config);

// --- config reading steps (CPython: Python/initconfig.c) ---

// Returns ok, or exit(0|2) after printing. CPython: config_parse_cmdline
Status config_parse_cmdline(Config& config, StringList& cmdline_warnoptions,
                            std::size_t& opt_index, const ConsoleOutput& console);
Status config_read_env_vars(Config& config, const Environment& env);
Status config_read_complex_options(Config& config, const Environment& env);
Status config_init_import(Config& config, const Environment& env);
Status config_read_gil(std::string_view value);
void config_init_env_warnoptions(const Config& config, const Environment& env,
                                 StringList& warnoptions);
void config_init_warnoptions(Config& config, const StringList& cmdline_warnoptions,
                             const StringList& env_warnoptions);
void config_init_fs_encoding(Config& config, const PreConfig& preconfig, const Environment& env);
void config_init_stdio_encoding(Config& config, const PreConfig& preconfig,
                                const Environment& env);

// Errors carry the CPython function's name, as _PyStatus_ERR does with __func__.
inline Status config_error(const char* func, std::string message) {
  return Status::error(Status::Category::config, func, std::move(message), 1);
}

}  // namespace gopy::detail
