// Runs one child process the way the conformance READMEs require: an explicit argv and
// environment (no shell, no PATH search), a working directory, stdin fed from a pipe then
// closed, stdout and stderr captured separately to EOF, and a time limit.
#pragma once

#include <chrono>
#include <string>
#include <vector>

namespace gopy::conformance {

struct ProcessSpec {
  std::string program;            // path passed to execve
  std::vector<std::string> argv;  // the whole argument vector, argv[0] included
  std::vector<std::string> env;   // "NAME=value" entries: the child's entire environment
  std::string cwd;                // working directory of the child
  std::string stdin_data;         // written to the child's stdin, then EOF
  std::chrono::milliseconds timeout{30000};
  // A child printing without end is stopped here rather than filling the runner's memory.
  size_t output_limit = 16 * 1024 * 1024;  // bytes, per stream
};

struct ProcessResult {
  std::string start_error;  // non-empty: the process could not be started
  bool timed_out = false;   // killed at the time limit
  bool too_much_output = false;  // killed when stdout or stderr passed the output limit
  int exit_code = -1;       // 0-255 on a normal exit
  int signal = 0;           // non-zero: killed by this signal
  std::string out;          // raw stdout bytes
  std::string err;          // raw stderr bytes

  bool exited_normally() const { return start_error.empty() && !timed_out && !too_much_output && signal == 0; }
};

ProcessResult run_process(const ProcessSpec& spec);

// True when `path` names a file this process may execute.
bool is_executable_file(const std::string& path);

}  // namespace gopy::conformance
