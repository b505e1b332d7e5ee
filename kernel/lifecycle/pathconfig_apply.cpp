// The bridge from a path-configuration strategy plugin to the interpreter's configuration.
// CPython: Python/pathconfig.c _PyConfig_InitPathConfig and Modules/getpath.c
// _PyConfig_InitPathConfig (how getpath.py's inputs are gathered and its results kept).
#include <cstdio>
#include <string>

#include "gopy/config.hpp"
#include "gopy/config_spec.hpp"
#include "gopy/environment.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/pathconfig.hpp"

namespace gopy::pathconfig {

namespace {

// getpath.c reads these whatever -E says; getpath.py applies use_environment itself.
std::string raw_env(const char* name) { return process_environment().get(name).value_or(""); }

PathConfigRequest request_from(const Config& config, const StrategyBinding& binding) {
  PathConfigRequest request;
  request.os_name = binding.os_name;
  request.constants = binding.constants;
  request.env.PATH = raw_env("PATH");
  request.env.PYTHONHOME = raw_env("PYTHONHOME");
  request.env.PYTHONEXECUTABLE = raw_env("PYTHONEXECUTABLE");
  request.env.PYVENV_LAUNCHER = raw_env("__PYVENV_LAUNCHER__");
  request.cwd = process_environment().current_directory().value_or("");
  PathConfigInput& in = request.config;
  in.program_name = config.program_name;
  in.home = config.home;
  in.executable = config.executable;
  in.base_executable = config.base_executable;
  in.prefix = config.prefix;
  in.exec_prefix = config.exec_prefix;
  in.base_prefix = config.base_prefix;
  in.base_exec_prefix = config.base_exec_prefix;
  in.pythonpath_env = config.pythonpath_env;
  in.module_search_paths = config.module_search_paths;
  in.module_search_paths_set = config.module_search_paths_set > 0;
  in.stdlib_dir = config.stdlib_dir;
  in.platlibdir = config.platlibdir;
  in.orig_argv = config.orig_argv;
  in.use_environment = config.use_environment > 0;
  in.is_python_build = config._is_python_build;
  return request;
}

void write_back(Config& config, const PathConfigOutput& out) {
  config.program_name = out.program_name;
  config.home = out.home;
  config.executable = out.executable;
  config.base_executable = out.base_executable;
  config.prefix = out.prefix;
  config.exec_prefix = out.exec_prefix;
  config.base_prefix = out.base_prefix;
  config.base_exec_prefix = out.base_exec_prefix;
  config.platlibdir = out.platlibdir;
  config.stdlib_dir = out.stdlib_dir.empty() ? OptString{} : OptString{out.stdlib_dir};
  if (out.module_search_paths) {
    config.module_search_paths = *out.module_search_paths;
    config.module_search_paths_set = 1;
  }
  if (out.is_python_build) config._is_python_build = 1;
  if (out.pth_flags) {
    config.isolated = out.pth_flags->isolated;
    config.use_environment = out.pth_flags->use_environment;
    config.site_import = out.pth_flags->site_import;
    config.safe_path = out.pth_flags->safe_path;
  }
}

}  // namespace

Status apply_path_strategy(void* interp, const StrategyBinding& binding) {
  Config* config = get_config_for_update();
  if (interp == nullptr || config == nullptr || binding.compute == nullptr ||
      binding.fs == nullptr)
    return Status::error("apply_path_strategy", "no interpreter being initialized to configure");
  PathConfigRequest request = request_from(*config, binding);
  PathConfigOutput out;
  Status status = binding.compute(request, *binding.fs, out);
  if (!status.is_ok()) {
    if (out.error) {
      std::fprintf(stderr, "Exception ignored while running getpath:\n%s: %s\n",
                   out.error->type.c_str(), out.error->message.c_str());
    }
    return status;
  }
  write_back(*config, out);
  normalize_bool_fields(*config);
  if (config->pathconfig_warnings != 0) {
    for (const std::string& warning : out.warnings) std::fprintf(stderr, "%s\n", warning.c_str());
  }
  return Status::ok();
}

}  // namespace gopy::pathconfig
