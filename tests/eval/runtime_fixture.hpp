// Test support: a runtime created through the kernel API with the builtins, sys and
// import_stub plugins attached directly (their sources are compiled into the test), and
// capture of sys.stdout/sys.stderr into temporary files.
#pragma once

#include <string>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/preconfig.hpp"
#include "gopy/state.hpp"

namespace gopy::test {

// What the plugins' contexts show as the read configuration.
struct RuntimeConfig {
  Config config;
  PreConfig preconfig;
};
// The isolated preset read with an empty environment, with this argv and sys.path.
RuntimeConfig config_from(const std::vector<std::string>& argv = {},
                          const std::vector<std::string>& path = {});

struct RunResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Creates the interpreter and attaches the plugins (core, then main) as the kernel's plugin
// host calls them, their contexts showing `config` (null: config_from()).
ThreadState* start_runtime(const InterpreterSettings& settings = {},
                           const RuntimeConfig* config = nullptr);
// finalize_modules + free_all_objects + destroy_interpreter.
void stop_runtime(ThreadState* ts);
// Runs `source` as __main__ in a fresh runtime, capturing stdout and stderr.
RunResult run_source(const std::string& source, const std::string& stdin_text = "",
                     const RuntimeConfig* config = nullptr);

}  // namespace gopy::test
