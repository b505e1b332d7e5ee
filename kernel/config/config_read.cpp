// Reading the whole configuration: the order of the steps, argv, warnoptions and the
// defaults derived at the end. CPython: Python/initconfig.c _PyConfig_Read,
// core_read_precmdline, config_read_cmdline, config_update_argv,
// config_init_warnoptions, config_read.
#include <algorithm>
#include <cstdio>

#include "config/config_internal.hpp"

namespace gopy {
namespace detail {
namespace {

// CPython: warnoptions_append (an option already present is not repeated)
void warnoptions_append(const Config& config, StringList& options, const std::string& option) {
  auto present = [&](const StringList& list) {
    return std::find(list.begin(), list.end(), option) != list.end();
  };
  if (present(config.warnoptions) || present(options)) return;
  options.push_back(option);
}

// CPython: config_run_filename_abspath (a failure keeps the relative path)
void config_run_filename_abspath(Config& config, const Environment& env) {
  if (!config.run_filename) return;
  const std::string& path = *config.run_filename;
  if (!path.empty() && path[0] == '/') return;
  auto cwd = env.current_directory();
  if (!cwd) return;
  if (path.empty() || path == ".") {
    config.run_filename = *cwd;
  } else {
    config.run_filename = *cwd + "/" + path;
  }
}

// sys.argv: what follows the options, with argv[0] forced to "-c"/"-m".
// CPython: config_update_argv
void config_update_argv(Config& config, std::size_t opt_index) {
  StringList argv;
  if (config.argv.size() <= opt_index) {
    argv.push_back("");
  } else {
    argv.assign(config.argv.begin() + static_cast<std::ptrdiff_t>(opt_index), config.argv.end());
  }
  if (config.run_command) {
    argv[0] = "-c";
  } else if (config.run_module) {
    argv[0] = "-m";
  }
  config.argv = std::move(argv);
}

// CPython: core_read_precmdline
Status core_read_precmdline(Config& config, const PreConfig& runtime_preconfig,
                            const Environment& env) {
  PreCmdline precmdline;
  if (config.parse_argv == 1) precmdline.argv = config.argv;
  PreConfig preconfig = runtime_preconfig;
  preconfig_get_config(preconfig, config);
  GOPY_RETURN_IF_ERROR(precmdline_read(precmdline, preconfig, env));
  precmdline_set_config(precmdline, config);
  return Status::ok();
}

// CPython: config_read_cmdline
Status config_read_cmdline(Config& config, const Environment& env, const ConsoleOutput& console) {
  StringList cmdline_warnoptions;
  StringList env_warnoptions;
  if (config.parse_argv < 0) config.parse_argv = 1;
  if (config.parse_argv == 1) {
    std::size_t opt_index = 0;
    GOPY_RETURN_IF_ERROR(config_parse_cmdline(config, cmdline_warnoptions, opt_index, console));
    config_run_filename_abspath(config, env);
    config_update_argv(config, opt_index);
  } else {
    config_run_filename_abspath(config, env);
  }
  if (config.use_environment) config_init_env_warnoptions(config, env, env_warnoptions);
  config_init_warnoptions(config, cmdline_warnoptions, env_warnoptions);
  return Status::ok();
}

// CPython: config_read (the part after the command line)
Status config_read_rest(Config& config, const PreConfig& preconfig, const Environment& env) {
  if (config.use_environment) GOPY_RETURN_IF_ERROR(config_read_env_vars(config, env));
  if (find_xoption(config.xoptions, "showrefcount")) config.show_ref_count = 1;
  if (auto gil = xoption_value(config, "gil")) GOPY_RETURN_IF_ERROR(config_read_gil(*gil));
  GOPY_RETURN_IF_ERROR(config_read_complex_options(config, env));
  if (config._install_importlib) GOPY_RETURN_IF_ERROR(config_init_import(config, env));

  if (config.dev_mode && config.faulthandler < 0) config.faulthandler = 1;
  if (config.faulthandler < 0) config.faulthandler = 0;
  if (config.tracemalloc < 0) config.tracemalloc = 0;
  if (config.perf_profiling < 0) config.perf_profiling = 0;
  if (config.use_hash_seed < 0) {
    config.use_hash_seed = 0;
    config.hash_seed = 0;
  }
  if (!config.filesystem_encoding || !config.filesystem_errors) {
    config_init_fs_encoding(config, preconfig, env);
  }
  config_init_stdio_encoding(config, preconfig, env);
  if (config.argv.empty()) config.argv.push_back("");  // at least one (empty) argument
  if (!config.check_hash_pycs_mode) config.check_hash_pycs_mode = "default";
  if (config.configure_c_stdio < 0) config.configure_c_stdio = 1;
  if (config.parse_argv == 1) config.parse_argv = 2;  // only parse arguments once
  return Status::ok();
}

}  // namespace

// Lowest priority first (the warnings module gives the last filter precedence):
// -X dev's "default", PYTHONWARNINGS, -W, then -b/-bb, then the embedder's own.
// CPython: config_init_warnoptions
void config_init_warnoptions(Config& config, const StringList& cmdline_warnoptions,
                             const StringList& env_warnoptions) {
  StringList options;
  if (config.dev_mode) warnoptions_append(config, options, "default");
  for (const std::string& option : env_warnoptions) warnoptions_append(config, options, option);
  for (const std::string& option : cmdline_warnoptions) warnoptions_append(config, options, option);
  // Without -b, bytes objects never warn, so no filter is needed.
  if (config.bytes_warning > 0) {
    warnoptions_append(config, options,
                       config.bytes_warning > 1 ? "error::BytesWarning" : "default::BytesWarning");
  }
  options.insert(options.end(), config.warnoptions.begin(), config.warnoptions.end());
  config.warnoptions = std::move(options);
}

}  // namespace detail

std::optional<std::string> xoption_value(const Config& config, std::string_view name) {
  const std::string* item = find_xoption(config.xoptions, name);
  if (item == nullptr) return std::nullopt;
  auto sep = item->find('=');
  return sep == std::string::npos ? std::string() : item->substr(sep + 1);
}

// CPython: _PyConfig_Read
Status config_read(Config& config, const PreConfig& preconfig, const std::vector<std::string>& argv,
                   Environment& env, const ConsoleOutput& console) {
  // A configuration read once keeps what it holds: whatever the embedder set since wins.
  if (config.read_done) return Status::ok();
  if (!argv.empty()) config.argv = argv;
  if (config.orig_argv.empty() && !(config.argv.size() == 1 && config.argv[0].empty())) {
    config.orig_argv = config.argv;
  }
  detail::EnvironmentSnapshot snapshot(env);
  GOPY_RETURN_IF_ERROR(detail::core_read_precmdline(config, preconfig, snapshot));
  if (config.isolated) {
    config.safe_path = 1;
    config.use_environment = 0;
    config.user_site_directory = 0;
  }
  GOPY_RETURN_IF_ERROR(detail::config_read_cmdline(config, snapshot, console));
  GOPY_RETURN_IF_ERROR(detail::config_read_rest(config, preconfig, snapshot));
  config.read_done = true;
  return Status::ok();
}

ConsoleOutput ConsoleOutput::stdio() {
  return ConsoleOutput{
      [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stdout); },
      [](std::string_view text) { std::fwrite(text.data(), 1, text.size(), stderr); },
  };
}

std::string fatal_error_text(const Status& status, std::string_view runtime_state) {
  return "Fatal Python error: " + status.to_string() + "\nPython runtime state: " +
         std::string(runtime_state) + "\n\n";
}

std::string full_version_string() {
  std::string compiler;
#if defined(__clang__)
  compiler = "Clang " __clang_version__;
#elif defined(__GNUC__)
  compiler = "GCC " __VERSION__;
#else
  compiler = "unknown compiler";
#endif
  return "3.14.0 (gopy " + std::string(kGopyVersion) + ", " __DATE__ ", " __TIME__ ") [" +
         compiler + "]";
}

}  // namespace gopy
