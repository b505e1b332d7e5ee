// The cli set: command line + environment -> exit code, stdout, stderr, run exactly as
// tests/conformance/vectors/cli/README.md describes.
#include "case_runner.hpp"
#include "compare.hpp"
#include "regex_match.hpp"
#include "process.hpp"
#include "scratch_dir.hpp"
#include "vector_files.hpp"

namespace gopy::conformance {
namespace {

constexpr int cli_timeout_seconds = 30;

// The README forbids these in argv[0]: reprs would escape them differently.
bool usable_as_argv0(const std::string& path) {
  for (unsigned char c : path) {
    if (c == '\'' || c == '\\' || c == '"' || c >= 0x80) return false;
  }
  return true;
}

// Checks one stream against its matcher (if any); appends what differed to `failures`.
void check_stream(const char* stream, const std::string& actual, const std::optional<std::string>& exact,
                  const std::optional<std::string>& regex, const std::optional<std::string>& last,
                  const std::string& argv0, const std::string& cwd, std::vector<std::string>& failures) {
  if (exact) {
    std::string expected = replace_placeholders(*exact, argv0, cwd);
    if (actual != expected) failures.push_back(std::string(stream) + " differs " + describe_difference(expected, actual));
  }
  if (regex) {
    switch (regex_full_match(*regex, actual)) {
      case RegexMatch::match: break;
      case RegexMatch::no_match:
        failures.push_back(std::string(stream) + " " + quote(actual, 60) + " does not match /" + *regex + "/");
        break;
      case RegexMatch::text_too_long:
        failures.push_back(std::string(stream) + " is too long (" + std::to_string(actual.size()) +
                           " bytes) to match /" + *regex + "/");
        break;
      case RegexMatch::bad_pattern:
        failures.push_back(std::string(stream) + "_regex is not a valid ECMAScript pattern: " + *regex);
        break;
    }
  }
  if (last) {
    std::string expected = replace_placeholders(*last, argv0, cwd);
    std::string actual_last = last_line(actual);
    if (actual_last != expected) {
      failures.push_back(std::string(stream) + " last line is " + quote(actual_last) + ", expected " + quote(expected));
    }
  }
}

CaseOutcome run_cli_case(const CliCase& c, const std::string& binary) {
  CaseOutcome outcome{c.name, "", false, ""};
  ScratchDir dir;
  std::string error;
  if (!dir.create(c.files, error)) {
    outcome.failure = "cannot prepare the working directory: " + error;
    return outcome;
  }
  ProcessSpec spec;
  spec.program = binary;
  spec.argv = {binary};
  spec.argv.insert(spec.argv.end(), c.argv.begin(), c.argv.end());
  spec.env = build_environment({"LC_ALL=C.UTF-8"}, c.env);
  spec.cwd = dir.canonical_path();
  spec.stdin_data = c.stdin_data;
  spec.timeout = std::chrono::seconds(cli_timeout_seconds);
  ProcessResult result = run_process(spec);

  std::string out = decode_utf8_replace(result.out);
  std::string err = decode_utf8_replace(result.err);
  outcome.details = describe_output(command_line(spec.argv), result.exit_code, out, err);
  if (std::string abnormal = abnormal_end(result, cli_timeout_seconds); !abnormal.empty()) {
    outcome.failure = abnormal;
    return outcome;
  }
  if (is_sanitizer_report(result) && c.exit_code != 97) {
    outcome.failure = "sanitizer report: " + sanitizer_headline(err);
    outcome.sanitizer = true;
    return outcome;
  }
  std::vector<std::string> failures;
  if (result.exit_code != c.exit_code) {
    failures.push_back("exit code " + std::to_string(result.exit_code) + ", expected " + std::to_string(c.exit_code));
  }
  check_stream("stdout", out, c.stdout_text, c.stdout_regex, std::nullopt, binary, dir.canonical_path(), failures);
  check_stream("stderr", err, c.stderr_text, c.stderr_regex, c.stderr_last_line, binary, dir.canonical_path(),
               failures);
  for (const auto& failure : failures) outcome.failure += (outcome.failure.empty() ? "" : "; ") + failure;
  return outcome;
}

SetResult run_cli_set(const std::vector<std::string>& dirs, const RunOptions& options, std::ostream& out) {
  SetResult result;
  if (!usable_as_argv0(options.gopy_binary)) {
    result.error = "the binary path " + options.gopy_binary +
                   " contains a quote, a backslash or a non-ASCII character, which the cli vectors exclude";
    return result;
  }
  if (result.error = binary_problem(options.gopy_binary); !result.error.empty()) return result;
  std::vector<CliCase> cases;
  if (!load_cli_cases(dirs, cases, result.error)) return result;
  return run_cases(cases.size(), [&](size_t i) { return run_cli_case(cases[i], options.gopy_binary); }, options,
                   out);
}

const SetRegistration cli_registration("cli", run_cli_set);

}  // namespace
}  // namespace gopy::conformance
