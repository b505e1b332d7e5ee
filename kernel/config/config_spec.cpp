// The configuration spec table (CPython: Python/initconfig.c PYCONFIG_SPEC and
// PYPRECONFIG_SPEC), extended with the preset defaults, environment variables,
// command-line options and sys.flags positions that CPython spreads over
// config_init_defaults, config_read_env_vars, config_parse_cmdline and
// Python/sysmodule.c set_flags_from_config.
#include "gopy/config_spec.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstdint>

namespace gopy {
namespace {

using T = FieldType;
using V = Visibility;
using E = EnvRule;
using A = CliAction;

constexpr int kUnset = -1;
constexpr int kDefaultMaxStrDigits = 4300;  // CPython: _PY_LONG_DEFAULT_MAX_STR_DIGITS

constexpr SysView attr(std::string_view name) { return SysView{name, -1, false}; }
constexpr SysView flag(int index, bool negate = false) { return SysView{{}, index, negate}; }
constexpr SysView no_sys{};

// clang-format off
// name, type, visibility, member, python default, isolated default,
// env var, env rule, cli option, cli action, sys view, validating function
constexpr std::array kSpec = {
  // --- Public options (PyConfig_Set may change them) ---
  FieldSpec{"argv", T::str_list, V::public_, &Config::argv, 0, 0, "", E::none, "", A::none, attr("argv"), ""},
  FieldSpec{"base_exec_prefix", T::str_opt, V::public_, &Config::base_exec_prefix, 0, 0, "", E::none, "", A::none, attr("base_exec_prefix"), ""},
  FieldSpec{"base_executable", T::str_opt, V::public_, &Config::base_executable, 0, 0, "", E::none, "", A::none, attr("_base_executable"), ""},
  FieldSpec{"base_prefix", T::str_opt, V::public_, &Config::base_prefix, 0, 0, "", E::none, "", A::none, attr("base_prefix"), ""},
  FieldSpec{"bytes_warning", T::uint, V::public_, &Config::bytes_warning, 0, 0, "", E::none, "-b", A::increment, flag(9), ""},
  FieldSpec{"cpu_count", T::int_, V::public_, &Config::cpu_count, kUnset, kUnset, "PYTHON_CPU_COUNT", E::special, "-X cpu_count", A::none, no_sys, "config_init_cpu_count"},
  FieldSpec{"exec_prefix", T::str_opt, V::public_, &Config::exec_prefix, 0, 0, "", E::none, "", A::none, attr("exec_prefix"), ""},
  FieldSpec{"executable", T::str_opt, V::public_, &Config::executable, 0, 0, "", E::none, "", A::none, attr("executable"), ""},
  FieldSpec{"inspect", T::bool_, V::public_, &Config::inspect, 0, 0, "PYTHONINSPECT", E::presence, "-i", A::increment, flag(1), ""},
  FieldSpec{"int_max_str_digits", T::uint, V::public_, &Config::int_max_str_digits, kUnset, kDefaultMaxStrDigits, "PYTHONINTMAXSTRDIGITS", E::special, "-X int_max_str_digits", A::none, flag(17), "config_init_int_max_str_digits"},
  FieldSpec{"interactive", T::bool_, V::public_, &Config::interactive, 0, 0, "", E::none, "-i", A::increment, flag(2), ""},
  FieldSpec{"module_search_paths", T::str_list, V::public_, &Config::module_search_paths, 0, 0, "", E::none, "", A::none, attr("path"), ""},
  FieldSpec{"optimization_level", T::uint, V::public_, &Config::optimization_level, 0, 0, "PYTHONOPTIMIZE", E::level, "-O", A::increment, flag(3), ""},
  FieldSpec{"parser_debug", T::bool_, V::public_, &Config::parser_debug, 0, 0, "PYTHONDEBUG", E::level, "-d", A::increment, flag(0), ""},
  FieldSpec{"platlibdir", T::str, V::public_, &Config::platlibdir, 0, 0, "PYTHONPLATLIBDIR", E::string, "", A::none, attr("platlibdir"), ""},
  FieldSpec{"prefix", T::str_opt, V::public_, &Config::prefix, 0, 0, "", E::none, "", A::none, attr("prefix"), ""},
  FieldSpec{"pycache_prefix", T::str_opt, V::public_, &Config::pycache_prefix, 0, 0, "PYTHONPYCACHEPREFIX", E::special, "-X pycache_prefix", A::none, attr("pycache_prefix"), "config_init_pycache_prefix"},
  FieldSpec{"quiet", T::bool_, V::public_, &Config::quiet, 0, 0, "", E::none, "-q", A::increment, flag(10), ""},
  FieldSpec{"stdlib_dir", T::str_opt, V::public_, &Config::stdlib_dir, 0, 0, "", E::none, "", A::none, attr("_stdlib_dir"), ""},
  FieldSpec{"use_environment", T::bool_, V::public_, &Config::use_environment, 1, 0, "", E::none, "-E", A::clear_env, flag(7, true), ""},
  FieldSpec{"verbose", T::uint, V::public_, &Config::verbose, 0, 0, "PYTHONVERBOSE", E::level, "-v", A::increment, flag(8), ""},
  FieldSpec{"warnoptions", T::str_list, V::public_, &Config::warnoptions, 0, 0, "PYTHONWARNINGS", E::special, "-W", A::append, attr("warnoptions"), "config_init_warnoptions"},
  FieldSpec{"write_bytecode", T::bool_, V::public_, &Config::write_bytecode, 1, 1, "PYTHONDONTWRITEBYTECODE", E::clears, "-B", A::set_zero, flag(4, true), ""},
  FieldSpec{"xoptions", T::str_list, V::public_, &Config::xoptions, 0, 0, "", E::none, "-X", A::append, attr("_xoptions"), ""},

  // --- Read-only options (PyConfig_Get only) ---
  FieldSpec{"buffered_stdio", T::bool_, V::read_only, &Config::buffered_stdio, 1, 1, "PYTHONUNBUFFERED", E::clears, "-u", A::set_zero, no_sys, ""},
  FieldSpec{"check_hash_pycs_mode", T::str, V::read_only, &Config::check_hash_pycs_mode, 0, 0, "", E::none, "--check-hash-based-pycs", A::set_string, no_sys, "config_parse_cmdline"},
  FieldSpec{"code_debug_ranges", T::bool_, V::read_only, &Config::code_debug_ranges, 1, 1, "PYTHONNODEBUGRANGES", E::special, "-X no_debug_ranges", A::none, no_sys, ""},
  FieldSpec{"configure_c_stdio", T::bool_, V::read_only, &Config::configure_c_stdio, 1, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"dev_mode", T::bool_, V::read_only, &Config::dev_mode, kUnset, 0, "PYTHONDEVMODE", E::special, "-X dev", A::none, flag(13), ""},
  FieldSpec{"dump_refs", T::bool_, V::read_only, &Config::dump_refs, 0, 0, "PYTHONDUMPREFS", E::presence, "", A::none, no_sys, ""},
  FieldSpec{"dump_refs_file", T::str_opt, V::read_only, &Config::dump_refs_file, 0, 0, "PYTHONDUMPREFSFILE", E::string, "", A::none, no_sys, ""},
  FieldSpec{"faulthandler", T::bool_, V::read_only, &Config::faulthandler, kUnset, kUnset, "PYTHONFAULTHANDLER", E::special, "-X faulthandler", A::none, no_sys, ""},
  FieldSpec{"filesystem_encoding", T::str, V::read_only, &Config::filesystem_encoding, 0, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"filesystem_errors", T::str, V::read_only, &Config::filesystem_errors, 0, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"hash_seed", T::ulong, V::read_only, &Config::hash_seed, 0, 0, "PYTHONHASHSEED", E::special, "", A::none, no_sys, "config_init_hash_seed"},
  FieldSpec{"home", T::str_opt, V::read_only, &Config::home, 0, 0, "PYTHONHOME", E::none, "", A::none, no_sys, ""},
  FieldSpec{"thread_inherit_context", T::int_, V::read_only, &Config::thread_inherit_context, 0, 0, "PYTHON_THREAD_INHERIT_CONTEXT", E::special, "-X thread_inherit_context", A::none, flag(19), "config_init_thread_inherit_context"},
  FieldSpec{"context_aware_warnings", T::int_, V::read_only, &Config::context_aware_warnings, 0, 0, "PYTHON_CONTEXT_AWARE_WARNINGS", E::special, "-X context_aware_warnings", A::none, flag(20), "config_init_context_aware_warnings"},
  FieldSpec{"import_time", T::uint, V::read_only, &Config::import_time, kUnset, kUnset, "PYTHONPROFILEIMPORTTIME", E::special, "-X importtime", A::none, no_sys, "config_init_import_time"},
  FieldSpec{"install_signal_handlers", T::bool_, V::read_only, &Config::install_signal_handlers, 1, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"isolated", T::bool_, V::read_only, &Config::isolated, 0, 1, "", E::none, "-I", A::set_one, flag(12), ""},
  FieldSpec{"malloc_stats", T::bool_, V::read_only, &Config::malloc_stats, 0, 0, "PYTHONMALLOCSTATS", E::presence, "", A::none, no_sys, ""},
  FieldSpec{"orig_argv", T::str_list, V::read_only, &Config::orig_argv, 0, 0, "", E::none, "", A::none, attr("orig_argv"), ""},
  FieldSpec{"parse_argv", T::bool_, V::read_only, &Config::parse_argv, 1, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"pathconfig_warnings", T::bool_, V::read_only, &Config::pathconfig_warnings, 1, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"perf_profiling", T::uint, V::read_only, &Config::perf_profiling, kUnset, 0, "PYTHONPERFSUPPORT", E::special, "-X perf", A::none, no_sys, "config_init_perf_profiling"},
  FieldSpec{"remote_debug", T::bool_, V::read_only, &Config::remote_debug, kUnset, kUnset, "PYTHON_DISABLE_REMOTE_DEBUG", E::special, "-X disable-remote-debug", A::none, no_sys, ""},
  FieldSpec{"program_name", T::str, V::read_only, &Config::program_name, 0, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"run_command", T::str_opt, V::read_only, &Config::run_command, 0, 0, "", E::none, "-c", A::set_string, no_sys, ""},
  FieldSpec{"run_filename", T::str_opt, V::read_only, &Config::run_filename, 0, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"run_module", T::str_opt, V::read_only, &Config::run_module, 0, 0, "", E::none, "-m", A::set_string, no_sys, ""},
  FieldSpec{"safe_path", T::bool_, V::read_only, &Config::safe_path, 0, 1, "PYTHONSAFEPATH", E::presence, "-P", A::set_one, flag(16), ""},
  FieldSpec{"show_ref_count", T::bool_, V::read_only, &Config::show_ref_count, 0, 0, "", E::none, "-X showrefcount", A::none, no_sys, ""},
  FieldSpec{"site_import", T::bool_, V::read_only, &Config::site_import, 1, 1, "", E::none, "-S", A::set_zero, flag(6, true), ""},
  FieldSpec{"skip_source_first_line", T::bool_, V::read_only, &Config::skip_source_first_line, 0, 0, "", E::none, "-x", A::set_one, no_sys, ""},
  FieldSpec{"stdio_encoding", T::str, V::read_only, &Config::stdio_encoding, 0, 0, "PYTHONIOENCODING", E::special, "", A::none, no_sys, ""},
  FieldSpec{"stdio_errors", T::str, V::read_only, &Config::stdio_errors, 0, 0, "PYTHONIOENCODING", E::special, "", A::none, no_sys, ""},
  FieldSpec{"tracemalloc", T::uint, V::read_only, &Config::tracemalloc, kUnset, 0, "PYTHONTRACEMALLOC", E::special, "-X tracemalloc", A::none, no_sys, "config_init_tracemalloc"},
  FieldSpec{"use_frozen_modules", T::bool_, V::read_only, &Config::use_frozen_modules, 1, 1, "PYTHON_FROZEN_MODULES", E::special, "-X frozen_modules", A::none, no_sys, "config_init_import"},
  FieldSpec{"use_hash_seed", T::bool_, V::read_only, &Config::use_hash_seed, kUnset, 0, "PYTHONHASHSEED", E::special, "-R", A::set_zero, flag(11), "config_init_hash_seed"},
  FieldSpec{"user_site_directory", T::bool_, V::read_only, &Config::user_site_directory, 1, 0, "PYTHONNOUSERSITE", E::clears, "-s", A::set_zero, flag(5, true), ""},
  FieldSpec{"warn_default_encoding", T::bool_, V::read_only, &Config::warn_default_encoding, 0, 0, "PYTHONWARNDEFAULTENCODING", E::special, "-X warn_default_encoding", A::none, flag(15), ""},

  // --- Init-only options (set when building a configuration, never read by name) ---
  FieldSpec{"_config_init", T::uint, V::init_only, &Config::_config_init, 2, 3, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"_init_main", T::bool_, V::init_only, &Config::_init_main, 1, 1, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"_install_importlib", T::bool_, V::init_only, &Config::_install_importlib, 1, 1, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"_is_python_build", T::bool_, V::init_only, &Config::_is_python_build, 0, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"module_search_paths_set", T::bool_, V::init_only, &Config::module_search_paths_set, 0, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"pythonpath_env", T::str_opt, V::init_only, &Config::pythonpath_env, 0, 0, "PYTHONPATH", E::string, "", A::none, no_sys, ""},
  FieldSpec{"sys_path_0", T::str_opt, V::init_only, &Config::sys_path_0, 0, 0, "", E::none, "", A::none, no_sys, ""},

  // --- PyPreConfig: read-only options ---
  FieldSpec{"allocator", T::int_, V::read_only, &PreConfig::allocator, 0, 0, "PYTHONMALLOC", E::special, "", A::none, no_sys, "preconfig_init_allocator"},
  FieldSpec{"coerce_c_locale", T::bool_, V::read_only, &PreConfig::coerce_c_locale, kUnset, 0, "PYTHONCOERCECLOCALE", E::special, "", A::none, no_sys, ""},
  FieldSpec{"coerce_c_locale_warn", T::bool_, V::read_only, &PreConfig::coerce_c_locale_warn, kUnset, 0, "PYTHONCOERCECLOCALE", E::special, "", A::none, no_sys, ""},
  FieldSpec{"configure_locale", T::bool_, V::read_only, &PreConfig::configure_locale, 1, 0, "", E::none, "", A::none, no_sys, ""},
  FieldSpec{"utf8_mode", T::bool_, V::read_only, &PreConfig::utf8_mode, kUnset, 0, "PYTHONUTF8", E::special, "-X utf8", A::none, flag(14), "preconfig_init_utf8_mode"},
};
// clang-format on

}  // namespace

std::span<const FieldSpec> config_spec() { return kSpec; }

// Looked up by name about 150 times at every start-up (the plugins read the
// configuration by name): an open-addressing table built at compile time, keyed by the
// FNV-1a hash of the name, so a lookup hashes once and compares about one name.
namespace {
constexpr std::uint32_t name_hash(std::string_view name) {
  std::uint32_t h = 2166136261u;
  for (char c : name) h = (h ^ static_cast<unsigned char>(c)) * 16777619u;
  return h;
}
constexpr std::size_t kFieldSlots = std::bit_ceil(kSpec.size() * 4);
}  // namespace

const FieldSpec* find_field(std::string_view name) {
  static constexpr auto slots = [] {
    std::array<const FieldSpec*, kFieldSlots> table{};
    for (const FieldSpec& spec : kSpec) {
      std::size_t i = name_hash(spec.name) & (kFieldSlots - 1);
      while (table[i] != nullptr) i = (i + 1) & (kFieldSlots - 1);
      table[i] = &spec;
    }
    return table;
  }();
  for (std::size_t i = name_hash(name) & (kFieldSlots - 1); slots[i] != nullptr;
       i = (i + 1) & (kFieldSlots - 1))
    if (slots[i]->name == name) return slots[i];
  return nullptr;
}

bool has_option(std::string_view name) { return find_field(name) != nullptr; }

void normalize_bool_fields(Config& config) {
  for (const FieldSpec& spec : kSpec) {
    auto* member = std::get_if<int Config::*>(&spec.member);
    if (member != nullptr && spec.type == FieldType::bool_) config.*(*member) = config.*(*member) != 0;
  }
}

// The presets: every int field of the Config takes its column's default; strings and
// lists start unset/empty. CPython: config_init_defaults and the two preset functions.
static Config config_preset(bool isolated) {
  Config config;
  for (const FieldSpec& spec : kSpec) {
    if (auto* member = std::get_if<int Config::*>(&spec.member)) {
      config.*(*member) = isolated ? spec.isolated_default : spec.python_default;
    }
  }
  return config;
}

Config Config::python() { return config_preset(false); }
Config Config::isolated_preset() { return config_preset(true); }

// PreConfig rows only cover the preconfig-only fields; the shared ones (isolated,
// use_environment, dev_mode, parse_argv, _config_init) follow the same presets as the
// Config. CPython: PyPreConfig_InitPythonConfig / PyPreConfig_InitIsolatedConfig
static PreConfig preconfig_preset(bool isolated) {
  PreConfig pre;
  for (const FieldSpec& spec : kSpec) {
    if (auto* member = std::get_if<int PreConfig::*>(&spec.member)) {
      pre.*(*member) = isolated ? spec.isolated_default : spec.python_default;
    }
  }
  Config shared = config_preset(isolated);
  pre._config_init = shared._config_init;
  pre.parse_argv = shared.parse_argv;
  pre.isolated = shared.isolated;
  pre.use_environment = shared.use_environment;
  pre.dev_mode = shared.dev_mode;
  return pre;
}

PreConfig PreConfig::python() { return preconfig_preset(false); }
PreConfig PreConfig::isolated_preset() { return preconfig_preset(true); }

}  // namespace gopy
