// The program: command line to exit code. CPython: Modules/main.c pymain_main,
// pymain_init, Py_ExitStatusException.
#include <cstdio>
#include <string>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/preconfig.hpp"
#include "lifecycle/fatal_error.hpp"
#include "lifecycle/plugins_report.hpp"
#include "lifecycle/runtime.hpp"
#include "lifecycle/teardown.hpp"
#include "plugin/plan_cache.hpp"

namespace gopy {

namespace {

// CPython: Python/pylifecycle.c Py_ExitStatusException (a fatal error exits with 1).
int exit_with_status(const Status& status, std::string_view runtime_state) {
  if (status.is_exit()) return status.exit_code();
  std::string text;
  if (status.category() == Status::Category::plugin) {
    text = status.message() + "\n";
  } else if (fatal_error_has_exception()) {
    print_fatal_error_with_exception(status, runtime_state);
    return status.exit_code();
  } else {
    text = fatal_error_text(status, runtime_state);
  }
  std::fwrite(text.data(), 1, text.size(), stderr);  // all of it, even past a NUL
  std::fflush(stderr);
  return status.exit_code();
}

// Undoes a start-up that stopped: a plugin failing to detach is reported on its own
// line, as finalization reports it; the exit code stays the start-up error's.
void tear_down_after_stop() {
  Status detached = tear_down_runtime();
  if (!detached.is_ok()) std::fprintf(stderr, "%s\n", detached.message().c_str());
}

// -X lifecycle: every phase step and plugin attach/detach with its duration, on stderr,
// in the spirit of -X importtime.
void print_lifecycle_step(std::string_view what, std::chrono::microseconds duration) {
  std::fprintf(stderr, "lifecycle: %8lld us | %.*s\n", static_cast<long long>(duration.count()),
               static_cast<int>(what.size()), what.data());
}

// CPython: Modules/main.c pymain_main. `isolated`: start from isolated mode, as if -I
// came first (PEP 432's system Python).
int program_main(const std::vector<std::string>& argv, bool isolated) {
  plugin::plan_cache_one_shot();  // one initialization per run of the program
  // CPython: pymain_init -> _Py_PreInitializeFromPyArgv
  PreConfig preconfig = PreConfig::python();
  if (isolated) preconfig.isolated = 1;
  Status status = preinitialize(preconfig, argv);
  if (status.is_exception()) return exit_with_status(status, "preinitializing");

  // CPython: pymain_init -> PyConfig_InitPythonConfig, config read
  Config config = Config::python();
  if (isolated) config.isolated = 1;
  status = config_read(config, runtime().preconfig, argv, runtime_environment());
  if (status.is_exception()) {
    int code = exit_with_status(status, "preinitialized");
    tear_down_after_stop();
    return code;
  }

  // "-X plugins=0" turns the report off, as "-X importtime=0" does.
  if (std::optional<std::string> plugins = xoption_value(config, "plugins"); plugins && *plugins != "0") {
    int code = report_plugin_plan(config);
    // "-X plugins=run" goes on to run the program (the lazy plugins' state is shown again
    // at exit); otherwise the report is all.
    if (code != 0 || !plugins_report_runs_program(config)) {
      tear_down_after_stop();
      return code;
    }
  }

  LifecycleOptions options;
  if (xoption_value(config, "lifecycle")) options.observer = print_lifecycle_step;
  status = initialize_from_config(config, options);
  if (status.is_exception()) {
    int code = exit_with_status(status, runtime_state_name());
    tear_down_after_stop();
    return code;
  }
  return run_main();
}

std::vector<std::string> split_argv(int argc, char** argv) {
  std::vector<std::string> args;
  args.reserve(static_cast<size_t>(argc));
  for (int i = 0; i < argc; ++i) args.emplace_back(argv[i]);
  return args;
}

}  // namespace

int main(const std::vector<std::string>& argv) { return program_main(argv, false); }

// CPython: Py_BytesMain (gopy's strings are UTF-8 bytes already)
int main(int argc, char** argv) { return program_main(split_argv(argc, argv), false); }

int system_main(int argc, char** argv) { return program_main(split_argv(argc, argv), true); }

}  // namespace gopy
