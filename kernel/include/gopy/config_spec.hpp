// The configuration spec table: one row per PyConfig / PyPreConfig field, as CPython
// 3.14's PYCONFIG_SPEC / PYPRECONFIG_SPEC (Python/initconfig.c). Each row says the
// field's type, how it may be read or set by name (PEP 741), its preset defaults, the
// environment variable and command-line option that feed it, and where `sys` shows it.
// The same rows drive the presets, the option letters of the command line, the dump
// (sys._configuration) and get/set by name.
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/preconfig.hpp"
#include "gopy/status.hpp"

namespace gopy {

// CPython: PyConfigMemberType
enum class FieldType { int_, uint, ulong, bool_, str, str_opt, str_list };
// CPython: PyConfigMemberVisibility
enum class Visibility { init_only, read_only, public_ };

// What a command-line option does to the field (CPython: config_parse_cmdline's switch).
enum class CliAction {
  none,
  increment,   // -b -d -i -O -v -q: each occurrence adds one
  set_zero,    // -B -s -S -u -R: turn a default-on setting off
  set_one,     // -P -x -I
  clear_env,   // -E: use_environment = 0
  set_string,  // -c -m --check-hash-based-pycs: first one wins (-c/-m end options)
  append,      // -X: one list item per occurrence
};

// How the environment variable feeds the field.
enum class EnvRule {
  none,
  level,     // _Py_get_env_flag: the larger of the current value and the env level
  presence,  // any non-empty value sets the field to 1
  clears,    // a non-zero level sets the field to 0 (PYTHONDONTWRITEBYTECODE...)
  string,    // the value, when the field is unset
  special,   // validated by its own reader (PYTHONHASHSEED, PYTHONUTF8, ...)
};

// Where `sys` shows the field: an attribute, a sys.flags index, or nothing.
struct SysView {
  std::string_view attr;   // "argv", "warnoptions", ... or empty
  int flag_index = -1;     // index in sys.flags, or -1
  bool negate = false;     // sys.flags shows !value (no_site, dont_write_bytecode...)
};

using FieldMember = std::variant<int Config::*, unsigned long Config::*,
                                 OptString Config::*, StringList Config::*, int PreConfig::*>;

struct FieldSpec {
  std::string_view name;
  FieldType type;
  Visibility visibility;
  FieldMember member;
  int python_default;     // int fields: value of the Python preset (-1 = unset)
  int isolated_default;   // int fields: value of the Isolated preset
  std::string_view env_var;  // empty when none
  EnvRule env_rule;
  std::string_view cli_option;  // "-b", "-X int_max_str_digits", "--check-hash-based-pycs"
  CliAction cli_action;
  SysView sys;
  std::string_view validation;  // the CPython function that validates it, if any

  bool is_preconfig() const { return std::holds_alternative<int PreConfig::*>(member); }
  // Readable by name with PyConfig_Get (PEP 741): every non-init-only field.
  bool readable_by_name() const { return visibility != Visibility::init_only; }
};

// PYCONFIG_SPEC then PYPRECONFIG_SPEC rows (fields present in both appear once, in the
// config part, except the preconfig-only ones: allocator, coerce_c_locale,
// coerce_c_locale_warn, configure_locale, utf8_mode).
std::span<const FieldSpec> config_spec();
const FieldSpec* find_field(std::string_view name);

// A field's value as PEP 741 hands it out: None, bool, int, str or list[str].
using ConfigValue = std::variant<std::monostate, bool, std::int64_t, std::string, StringList>;

// Every BOOL field of the configuration made 0 or 1 (a count such as -ddd becomes 1), as
// the path-configuration step's dict round trip leaves them; INT and UINT fields (verbose,
// optimization_level, ...) keep their counts. The preconfig is not part of that trip.
// CPython: Modules/getpath.c _PyConfig_InitPathConfig (_PyConfig_AsDict, _PyConfig_FromDict)
void normalize_bool_fields(Config& config);

// PyConfig_Get: the value of a readable field (config or preconfig), or an error
// "unknown config option name: NAME" (init-only fields are not readable by name).
Status get_by_name(const Config& config, const PreConfig& preconfig, std::string_view name,
                   ConfigValue& value);
// PyConfig_Names: the names readable by name.
std::vector<std::string_view> readable_names();

// PyInitConfig_Get*/Set*: any field (init-only included) of a configuration being built,
// with CPython's errors: "unknown config option name", "config option type is not int",
// "config option type is not string", "config option type is not string list",
// "config option value is out of int range", ...
Status get_int_by_name(const Config& c, const PreConfig& p, std::string_view name, std::int64_t& v);
Status get_str_by_name(const Config& c, const PreConfig& p, std::string_view name, OptString& v);
Status get_str_list_by_name(const Config& c, const PreConfig& p, std::string_view name, StringList& v);
Status set_int_by_name(Config& c, PreConfig& p, std::string_view name, std::int64_t v);
Status set_str_by_name(Config& c, PreConfig& p, std::string_view name, const OptString& v);
Status set_str_list_by_name(Config& c, PreConfig& p, std::string_view name, const StringList& v);
bool has_option(std::string_view name);

// Every readable field in table order, with its value: the dump behind sys._configuration
// (hash_seed is left out, as PEP 432 asks).
std::vector<std::pair<std::string_view, ConfigValue>> config_dump(const Config& config,
                                                                  const PreConfig& preconfig);

}  // namespace gopy
#include "gopy/api_end.h"
