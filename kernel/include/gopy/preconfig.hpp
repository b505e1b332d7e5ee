// PyPreConfig as CPython 3.14 has it: what must be decided before anything else runs
// (isolation, the environment, locale coercion (PEP 538), UTF-8 mode (PEP 540), the
// allocator's name). CPython: Include/cpython/initconfig.h, Python/preconfig.c.
#pragma once
#include "gopy/api_begin.h"

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/console.hpp"
#include "gopy/environment.hpp"
#include "gopy/status.hpp"

namespace gopy {

// CPython's _PyConfigInitEnum.
enum class ConfigInit : int { compat = 1, python = 2, isolated = 3 };

// CPython's PyMemAllocatorName. gopy keeps the name for its shape only.
enum class AllocatorName : int {
  not_set = 0, default_ = 1, debug = 2, malloc = 3, malloc_debug = 4,
  pymalloc = 5, pymalloc_debug = 6, mimalloc = 7, mimalloc_debug = 8,
};

// The allocator named by PYTHONMALLOC, or nullopt for an unknown name.
// CPython: Objects/obmalloc.c _PyMem_GetAllocatorName
std::optional<AllocatorName> allocator_from_name(std::string_view name);

struct PreConfig {
  // -1 means "not set yet: let reading decide", as in CPython.
  int _config_init = static_cast<int>(ConfigInit::python);
  int parse_argv = 1;
  int isolated = 0;
  int use_environment = 1;
  int configure_locale = 1;
  int coerce_c_locale = -1;
  int coerce_c_locale_warn = -1;
  int utf8_mode = -1;
  int dev_mode = -1;
  int allocator = static_cast<int>(AllocatorName::not_set);

  // CPython: PyPreConfig_InitPythonConfig / PyPreConfig_InitIsolatedConfig
  static PreConfig python();
  static PreConfig isolated_preset();
};

// What the pre-configuration read learnt from the command line (CPython: _PyPreCmdline):
// -E, -I and the -X options, stopping at -c/-m like CPython's first getopt pass.
struct PreCmdline {
  std::vector<std::string> argv;  // argv[0] is the program
  std::vector<std::string> xoptions;
  int isolated = -1;
  int use_environment = -1;
  int dev_mode = -1;
  int warn_default_encoding = 0;
};

// The value of `-X name[=value]` in `xoptions` (the whole "name=value" item), the last
// CPython would find (the first match, as _Py_get_xoption), or nullptr.
const std::string* find_xoption(const std::vector<std::string>& xoptions, std::string_view name);

// Step 1 of the start-up: read the pre-configuration from argv (argv[0] is the program)
// and the environment. `config` holds a preset and any fields the embedder set.
// Returns an error status (func "preconfig_init_utf8_mode", ...) on invalid values.
// CPython: Python/preconfig.c _PyPreConfig_Read
Status preconfig_read(PreConfig& config, const std::vector<std::string>& argv,
                      Environment& env = process_environment());

// Apply a read pre-configuration: coerce the C locale (PEP 538, printing CPython's
// warning to `err` when asked to) and set LC_CTYPE from the environment. Returns the
// pre-configuration as applied (coerce_c_locale cleared when coercion failed): the
// runtime keeps that one. CPython: Python/preconfig.c _PyPreConfig_Write
Status preconfig_write(const PreConfig& config, PreConfig& applied,
                       Environment& env = process_environment(),
                       const ConsoleOutput& console = ConsoleOutput::stdio());

// The warning CPython prints at the end of the main phase when PYTHONCOERCECLOCALE=warn
// and LC_CTYPE is still the legacy C locale, or nullopt.
// CPython: Python/pylifecycle.c emit_stderr_warning_for_legacy_locale
std::optional<std::string> legacy_locale_warning(const PreConfig& applied,
                                                 const Environment& env = process_environment());

struct Config;
// Copy the fields an embedder set in the Config (parse_argv, isolated, use_environment,
// dev_mode, when not -1) into the PreConfig. CPython: _PyPreConfig_GetConfig
void preconfig_get_config(PreConfig& preconfig, const Config& config);
// The PreConfig preset matching a Config's preset, with its fields copied in.
// CPython: _PyPreConfig_InitFromConfig
PreConfig preconfig_from_config(const Config& config);

// PyPreConfig fields by name (PEP 741): see config_spec.hpp.

}  // namespace gopy
#include "gopy/api_end.h"
