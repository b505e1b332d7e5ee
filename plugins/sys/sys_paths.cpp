// The path configuration's view in sys, set at the main phase once the path strategy has
// computed it. CPython: Python/sysmodule.c _PySys_UpdateConfig (the path half).
#include <string>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "sys_module.hpp"

namespace gopy::sys {

Status fill_paths(Interpreter* interp, const Config& c) {
  const Config* config = &c;
  ModuleObject* m = interp->sys_module;
  put(m, "path", str_list(config->module_search_paths));
  // sys.meta_path, path_hooks and path_importer_cache come with the import system's
  // finders, when a program first reads one or an import needs them (the import plugin).
  put(m, "executable", new_str_fs(config->executable.value_or("")));
  put(m, "_base_executable", new_str_fs(config->base_executable.value_or("")));
  put(m, "prefix", new_str_fs(config->prefix.value_or("")));
  put(m, "base_prefix", new_str_fs(config->base_prefix.value_or("")));
  put(m, "exec_prefix", new_str_fs(config->exec_prefix.value_or("")));
  put(m, "base_exec_prefix", new_str_fs(config->base_exec_prefix.value_or("")));
  put(m, "platlibdir", new_str_fs(config->platlibdir.value_or("lib")));
  put(m, "_stdlib_dir", str_or_none(config->stdlib_dir));
  if (error_occurred()) {
    clear_error();
    return Status::error(Status::Category::runtime, "sys",
                         "could not set the path configuration in sys");
  }
  return Status::ok();
}

}  // namespace gopy::sys
