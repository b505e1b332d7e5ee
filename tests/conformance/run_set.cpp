// The run set: Python programs in the language slice -> exit status, stdout, normalized
// stderr, run exactly as tests/conformance/vectors/run/README.md describes.
#include "case_runner.hpp"
#include "compare.hpp"
#include "process.hpp"
#include "scratch_dir.hpp"
#include "vector_files.hpp"

namespace gopy::conformance {
namespace {

constexpr int run_timeout_seconds = 60;

CaseOutcome run_program_case(const RunCase& c, const std::string& binary) {
  CaseOutcome outcome{c.group + "/" + c.name, "", false, ""};
  ScratchDir dir;
  std::string error;
  if (!dir.create(c.files, error)) {
    outcome.failure = "cannot prepare the case directory: " + error;
    return outcome;
  }
  ProcessSpec spec;
  spec.program = binary;
  spec.argv = {binary, "-S", c.main};
  spec.argv.insert(spec.argv.end(), c.argv.begin(), c.argv.end());
  spec.env = build_environment({"PYTHONHASHSEED=0", "LC_ALL=C.UTF-8"}, c.env);
  spec.cwd = dir.path();
  spec.stdin_data = c.stdin_data;
  spec.timeout = std::chrono::seconds(run_timeout_seconds);
  ProcessResult result = run_process(spec);

  std::string out = decode_utf8_replace(result.out);
  std::string err = decode_utf8_replace(result.err);
  outcome.details = describe_output(command_line(spec.argv), result.exit_code, out, err);
  if (std::string abnormal = abnormal_end(result, run_timeout_seconds); !abnormal.empty()) {
    outcome.failure = abnormal;
    return outcome;
  }
  if (is_sanitizer_report(result) && c.exit_code != 97) {
    outcome.failure = "sanitizer report: " + sanitizer_headline(err);
    outcome.sanitizer = true;
    return outcome;
  }
  std::string normalized = c.stderr_mode == StderrMode::last_line
                               ? normalize_last_line_mode(err)
                               : normalize_traceback(err, {dir.path(), dir.canonical_path()});
  outcome.details += "    normalized stderr: " + quote(normalized, 4000) + "\n";
  std::vector<std::string> failures;
  if (result.exit_code != c.exit_code) {
    failures.push_back("exit code " + std::to_string(result.exit_code) + ", expected " + std::to_string(c.exit_code));
  }
  if (out != c.stdout_text) failures.push_back("stdout differs " + describe_difference(c.stdout_text, out));
  if (normalized != c.stderr_text) {
    failures.push_back("normalized stderr differs " + describe_difference(c.stderr_text, normalized));
  }
  for (const auto& failure : failures) outcome.failure += (outcome.failure.empty() ? "" : "; ") + failure;
  return outcome;
}

SetResult run_run_set(const std::vector<std::string>& dirs, const RunOptions& options, std::ostream& out) {
  SetResult result;
  if (result.error = binary_problem(options.gopy_binary); !result.error.empty()) return result;
  std::vector<RunCase> cases;
  if (!load_run_cases(dirs, cases, result.error)) return result;
  return run_cases(cases.size(), [&](size_t i) { return run_program_case(cases[i], options.gopy_binary); },
                   options, out);
}

const SetRegistration run_registration("run", run_run_set);

}  // namespace
}  // namespace gopy::conformance
