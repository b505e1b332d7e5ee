// Running __main__ as the configuration says, then finalizing.
// CPython: Modules/main.c pymain_run_python, Py_RunMain.
#include <limits.h>
#include <stdlib.h>
#include <unistd.h>

#include <cstdio>
#include <optional>
#include <string>

#include "gopy/config.hpp"
#include "gopy/eval.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "gopy/state.hpp"
#include "lifecycle/runtime.hpp"

namespace gopy {

namespace {

// What sys.path[0] becomes for this argv: the script's directory (symlinks resolved),
// the current directory for -m, '' for -c, stdin and the REPL.
// CPython: Python/pathconfig.c _PyPathConfig_ComputeSysPath0
std::optional<std::string> compute_sys_path0(const std::vector<std::string>& argv) {
  if (argv.empty()) return std::nullopt;
  const std::string& argv0 = argv[0];
  if (argv0 == "-m") {
    char cwd[PATH_MAX];
    if (getcwd(cwd, sizeof cwd) == nullptr) return std::nullopt;
    return std::string(cwd);
  }
  if (argv0 == "-c") return std::string();
  std::string path0 = argv0;
  char resolved[PATH_MAX];
  if (realpath(argv0.c_str(), resolved) != nullptr) path0 = resolved;
  size_t sep = path0.rfind('/');
  if (sep == std::string::npos) return std::string();
  // Keep the separator only when it is the root itself.
  return path0.substr(0, sep == 0 ? 1 : sep);
}

// CPython: Modules/main.c pymain_sys_path_add_path0
void prepend_sys_path(const std::string& entry) {
  Interpreter* interp = get_thread_state()->interp;
  Object* path = dict_get_str(interp->sys_module->dict, "path");
  if (path == nullptr || path->type != &list_type) return;
  auto* list = static_cast<ListObject*>(path);
  list->items.insert(list->items.begin(), new_str(entry));
}

// CPython: Modules/main.c pymain_run_python
int run_python(const Config& config) {
  if (!config.safe_path) {
    if (auto path0 = compute_sys_path0(config.argv)) prepend_sys_path(*path0);
  }
  if (config.run_command) return run_main_string(*config.run_command);
  if (config.run_filename) {
    std::string program = config.program_name.value_or("gopy");
    return run_main_file(*config.run_filename, program, config.skip_source_first_line > 0);
  }
  std::fputs("gopy: running without -c or a script is not supported yet\n", stderr);
  return 1;
}

}  // namespace

// CPython: Modules/main.c Py_RunMain
int run_main() {
  if (!is_initialized()) {
    std::fprintf(stderr, "gopy: run_main: the runtime is %.*s, not initialized\n",
                 static_cast<int>(runtime_state_name().size()), runtime_state_name().data());
    return 1;
  }
  int exitcode = run_python(*runtime().config);
  // A value unlikely to be confused with a program's own exit status, as CPython.
  if (finalize_ex() < 0) exitcode = 120;
  return exitcode;
}

}  // namespace gopy
