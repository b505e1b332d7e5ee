// What the process-based sets (cli, run) share: running their cases on a few worker
// threads, turning a child's abnormal end into a FAIL reason, building the environment.
#pragma once

#include <functional>
#include <ostream>
#include <string>

#include "process.hpp"
#include "vector_files.hpp"
#include "vector_set.hpp"

namespace gopy::conformance {

struct CaseOutcome {
  std::string name;
  std::string failure;     // empty: the case passed; else the text after "FAIL <name>: "
  bool sanitizer = false;  // the child reported a sanitizer error
  std::string details;     // printed under the FAIL line with -v
};

// Runs cases 0..count-1 through `run_one` on `options.jobs` threads and prints the FAIL
// lines (and, with -v, PASS lines and details) in case order.
SetResult run_cases(size_t count, const std::function<CaseOutcome(size_t)>& run_one, const RunOptions& options,
                    std::ostream& out);

// Why a finished child does not count as a normal exit ("" when it does).
std::string abnormal_end(const ProcessResult& result, int timeout_seconds);

// True when the child died of a sanitizer report: the exit code 97 that GOPY_SANITIZE
// builds compile in, with the sanitizer's summary on stderr.
bool is_sanitizer_report(const ProcessResult& result);

// `base` ("NAME=value" entries) with `changes` applied in order: a value sets (in place,
// or appended), nullopt removes.
std::vector<std::string> build_environment(std::vector<std::string> base, const EnvChanges& changes);

// argv as one line of quoted words, for -v.
std::string command_line(const std::vector<std::string>& argv);

// The child's whole exit status and output, for -v.
std::string describe_output(const std::string& command, int exit_code, const std::string& out, const std::string& err);

// The first sanitizer "ERROR:" or "runtime error:" line of the child's stderr.
std::string sanitizer_headline(const std::string& err);

// The error SetResult::error gets when the binary under test cannot be executed.
std::string binary_problem(const std::string& binary);

}  // namespace gopy::conformance
