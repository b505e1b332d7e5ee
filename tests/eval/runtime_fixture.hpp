// Test support: a runtime created through the kernel API with the builtins, sys and
// import_stub plugins attached directly (their sources are compiled into the test), and
// capture of sys.stdout/sys.stderr into temporary files.
#pragma once

#include <string>
#include <vector>

#include "gopy/state.hpp"

namespace gopy::test {

struct RunResult {
  int exit_code = 0;
  std::string out;
  std::string err;
};

// Creates the interpreter and attaches the plugins (core, then main).
ThreadState* start_runtime(const InterpreterSettings& settings = {});
// finalize_modules + free_all_objects + destroy_interpreter.
void stop_runtime(ThreadState* ts);
// Runs `source` as __main__ in a fresh runtime, capturing stdout and stderr.
RunResult run_source(const std::string& source, const std::string& stdin_text = "");

}  // namespace gopy::test
