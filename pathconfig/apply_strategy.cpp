// The bridge from a path-configuration strategy to the runtime's configuration, through
// the plugin context: the request is read by name, the result written through the
// path-configuration view. CPython: Python/pathconfig.c _PyConfig_InitPathConfig and
// Modules/getpath.c _PyConfig_InitPathConfig (how getpath.py's inputs are gathered and
// its results kept).
#include <cstdint>
#include <cstdio>
#include <string>
#include <utility>

#include "gopy/pathconfig.hpp"
#include "gopy/plugin_context.hpp"

namespace gopy::pathconfig {

namespace {

Status read_flag(const sdk::PluginContext& context, const char* name, int& value) {
  std::int64_t raw = 0;
  GOPY_RETURN_IF_ERROR(context.get_int(name, raw));
  value = static_cast<int>(raw);
  return Status::ok();
}

Status read_request(const sdk::PluginContext& context, const StrategyBinding& binding,
                    PathConfigRequest& request) {
  request.os_name = binding.os_name;
  request.constants = binding.constants;
  // getpath.c reads these whatever -E says; getpath.py applies use_environment itself.
  request.env.PATH = context.env("PATH").value_or("");
  request.env.PYTHONHOME = context.env("PYTHONHOME").value_or("");
  request.env.PYTHONEXECUTABLE = context.env("PYTHONEXECUTABLE").value_or("");
  request.env.PYVENV_LAUNCHER = context.env("__PYVENV_LAUNCHER__").value_or("");
  request.cwd = context.current_directory().value_or("");
  PathConfigInput& in = request.config;
  const std::pair<const char*, OptString*> strings[] = {
      {"program_name", &in.program_name}, {"home", &in.home},
      {"executable", &in.executable},     {"base_executable", &in.base_executable},
      {"prefix", &in.prefix},             {"exec_prefix", &in.exec_prefix},
      {"base_prefix", &in.base_prefix},   {"base_exec_prefix", &in.base_exec_prefix},
      {"pythonpath_env", &in.pythonpath_env}, {"stdlib_dir", &in.stdlib_dir},
      {"platlibdir", &in.platlibdir}};
  for (auto [name, field] : strings) GOPY_RETURN_IF_ERROR(context.get_str(name, *field));
  GOPY_RETURN_IF_ERROR(context.get_str_list("module_search_paths", in.module_search_paths));
  GOPY_RETURN_IF_ERROR(context.get_str_list("orig_argv", in.orig_argv));
  int search_paths_set = 0, use_environment = 0;
  GOPY_RETURN_IF_ERROR(read_flag(context, "module_search_paths_set", search_paths_set));
  GOPY_RETURN_IF_ERROR(read_flag(context, "use_environment", use_environment));
  GOPY_RETURN_IF_ERROR(read_flag(context, "_is_python_build", in.is_python_build));
  in.module_search_paths_set = search_paths_set > 0;
  in.use_environment = use_environment > 0;
  return Status::ok();
}

Status write_back(sdk::PluginContext& context, const PathConfigOutput& out) {
  const std::pair<const char*, const OptString*> strings[] = {
      {"program_name", &out.program_name}, {"home", &out.home},
      {"executable", &out.executable},     {"base_executable", &out.base_executable},
      {"prefix", &out.prefix},             {"exec_prefix", &out.exec_prefix},
      {"base_prefix", &out.base_prefix},   {"base_exec_prefix", &out.base_exec_prefix}};
  for (auto [name, field] : strings) GOPY_RETURN_IF_ERROR(context.set_path_str(name, *field));
  GOPY_RETURN_IF_ERROR(context.set_path_str("platlibdir", out.platlibdir));
  GOPY_RETURN_IF_ERROR(context.set_path_str(
      "stdlib_dir", out.stdlib_dir.empty() ? OptString{} : OptString{out.stdlib_dir}));
  if (out.module_search_paths) {
    GOPY_RETURN_IF_ERROR(context.set_path_str_list("module_search_paths", *out.module_search_paths));
  }
  if (out.is_python_build) GOPY_RETURN_IF_ERROR(context.set_path_int("_is_python_build", 1));
  if (out.pth_flags) {
    GOPY_RETURN_IF_ERROR(context.set_path_int("isolated", out.pth_flags->isolated));
    GOPY_RETURN_IF_ERROR(context.set_path_int("use_environment", out.pth_flags->use_environment));
    GOPY_RETURN_IF_ERROR(context.set_path_int("site_import", out.pth_flags->site_import));
    GOPY_RETURN_IF_ERROR(context.set_path_int("safe_path", out.pth_flags->safe_path));
  }
  return Status::ok();
}

}  // namespace

Status apply_path_strategy(gopy_plugin_context& ctx, const StrategyBinding& binding) {
  if (binding.compute == nullptr || binding.fs == nullptr)
    return Status::error(Status::Category::pathconfig, "apply_path_strategy",
                         "no strategy or file system to compute with");
  sdk::PluginContext context(ctx);
  PathConfigRequest request;
  GOPY_RETURN_IF_ERROR(read_request(context, binding, request));
  PathConfigOutput out;
  Status status = binding.compute(request, *binding.fs, out);
  if (!status.is_ok()) {
    if (out.error) {
      std::fprintf(stderr, "Exception ignored while running getpath:\n%s: %s\n",
                   out.error->type.c_str(), out.error->message.c_str());
    }
    return status;
  }
  GOPY_RETURN_IF_ERROR(write_back(context, out));
  int warnings = 0;
  GOPY_RETURN_IF_ERROR(read_flag(context, "pathconfig_warnings", warnings));
  if (warnings != 0) {
    for (const std::string& warning : out.warnings) std::fprintf(stderr, "%s\n", warning.c_str());
  }
  return Status::ok();
}

}  // namespace gopy::pathconfig
