// PyConfig as CPython 3.14 has it, read from the command line, the environment and
// defaults. Field names are CPython's; "unset" is -1 for ints and nullopt for strings,
// as CPython's -1 and NULL. CPython: Include/cpython/initconfig.h, Python/initconfig.c.
//
// Reading order (CPython's _PyConfig_Read): the pre-parsed command line (-E, -I, -X),
// the command line, the environment, then derived fields and defaults. Env and command
// line only fill what is unset or raise levels, so a field set before read() combines
// with them as in CPython. read() marks the config as read (parse_argv becomes 2 as in
// CPython, and Config::read_done is set) and a later read() neither parses argv again
// nor looks at the environment: a field set explicitly after read() wins over both.
#pragma once
#include "gopy/api_begin.h"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/console.hpp"
#include "gopy/environment.hpp"
#include "gopy/preconfig.hpp"
#include "gopy/status.hpp"

namespace gopy {

using OptString = std::optional<std::string>;
using StringList = std::vector<std::string>;

struct Config {
  int _config_init = static_cast<int>(ConfigInit::python);
  int isolated = -1;
  int use_environment = -1;
  int dev_mode = -1;
  int install_signal_handlers = 1;
  int use_hash_seed = -1;
  unsigned long hash_seed = 0;
  int faulthandler = -1;
  int tracemalloc = -1;
  int perf_profiling = -1;
  int remote_debug = -1;
  int import_time = -1;
  int code_debug_ranges = 1;
  int show_ref_count = 0;
  int dump_refs = 0;
  OptString dump_refs_file;
  int malloc_stats = 0;
  OptString filesystem_encoding;
  OptString filesystem_errors;
  OptString pycache_prefix;
  int parse_argv = 0;
  StringList orig_argv;
  StringList argv;
  StringList xoptions;  // "name" or "name=value" items, in command-line order
  StringList warnoptions;
  int site_import = -1;
  int bytes_warning = -1;
  int warn_default_encoding = 0;
  int inspect = -1;
  int interactive = -1;
  int optimization_level = -1;
  int parser_debug = -1;
  int write_bytecode = -1;
  int verbose = -1;
  int quiet = -1;
  int user_site_directory = -1;
  int configure_c_stdio = 0;
  int buffered_stdio = -1;
  OptString stdio_encoding;
  OptString stdio_errors;
  OptString check_hash_pycs_mode;
  int use_frozen_modules = 1;
  int safe_path = 0;
  int int_max_str_digits = -1;
  int thread_inherit_context = 0;
  int context_aware_warnings = 0;
  int cpu_count = -1;
  int pathconfig_warnings = -1;
  OptString program_name;
  OptString pythonpath_env;
  OptString home;
  OptString platlibdir;
  int module_search_paths_set = 0;
  StringList module_search_paths;
  OptString stdlib_dir;
  OptString executable;
  OptString base_executable;
  OptString prefix;
  OptString base_prefix;
  OptString exec_prefix;
  OptString base_exec_prefix;
  int skip_source_first_line = 0;
  OptString run_command;
  OptString run_module;
  OptString run_filename;
  OptString sys_path_0;
  int _install_importlib = 1;
  int _init_main = 1;
  int _is_python_build = 0;

  // gopy's own marker (not a PyConfig field): set by config_read(); a later
  // config_read() leaves every field as it is, so explicit settings made after the
  // first read win over the command line and the environment.
  bool read_done = false;

  // CPython: PyConfig_InitPythonConfig / PyConfig_InitIsolatedConfig (the defaults come
  // from the spec table's preset columns).
  static Config python();
  static Config isolated_preset();
};

// gopy's own version, shown by -VV.
inline constexpr std::string_view kGopyVersion = "0.1.0";
// "3.14.0 (gopy 0.1.0, <build date>) [<compiler>]": what -VV prints after "Python ".
std::string full_version_string();

// Step 2 of the start-up: read the configuration. `argv` is the whole command line
// (argv[0] the program); when `config.argv` is already set (an embedder's), pass an
// empty vector. `preconfig` is the applied pre-configuration (preconfig_write's output).
// Returns ok, Status::exit(0|2) after printing help/version/usage, or an error status
// (func "config_init_hash_seed", ...; func "" for CPython's PyStatus_Error texts).
// CPython: Python/initconfig.c _PyConfig_Read
Status config_read(Config& config, const PreConfig& preconfig,
                   const std::vector<std::string>& argv = {},
                   Environment& env = process_environment(),
                   const ConsoleOutput& console = ConsoleOutput::stdio());

// The text a fatal status prints, as Py_ExitStatusException does:
// "Fatal Python error: <func>: <message>\nPython runtime state: <state>\n\n".
std::string fatal_error_text(const Status& status, std::string_view runtime_state);

// The value of "-X name[=value]" in config.xoptions: nullopt when absent, "" for a bare
// "-X name". CPython: config_get_xoption_value
std::optional<std::string> xoption_value(const Config& config, std::string_view name);

}  // namespace gopy
#include "gopy/api_end.h"
