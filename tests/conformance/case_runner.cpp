#include "case_runner.hpp"

#include <string.h>

#include <algorithm>
#include <atomic>
#include <thread>

#include "compare.hpp"

namespace gopy::conformance {

SetResult run_cases(size_t count, const std::function<CaseOutcome(size_t)>& run_one, const RunOptions& options,
                    std::ostream& out) {
  std::vector<CaseOutcome> outcomes(count);
  std::atomic<size_t> next{0};
  auto worker = [&] {
    for (size_t i = next++; i < count; i = next++) outcomes[i] = run_one(i);
  };
  unsigned threads = std::max(1u, std::min<unsigned>(options.jobs, static_cast<unsigned>(count)));
  std::vector<std::thread> pool;
  for (unsigned t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
  for (auto& thread : pool) thread.join();

  SetResult result;
  for (const auto& outcome : outcomes) {
    if (outcome.failure.empty()) {
      ++result.passed;
      if (options.verbose) out << "PASS " << outcome.name << "\n";
      continue;
    }
    ++result.failed;
    result.failed_names.push_back(outcome.name);
    if (outcome.sanitizer) result.hard_failures.push_back(outcome.name);
    out << "FAIL " << outcome.name << ": " << outcome.failure << "\n";
    if (options.verbose && !outcome.details.empty()) out << outcome.details;
  }
  return result;
}

std::string abnormal_end(const ProcessResult& result, int timeout_seconds) {
  if (!result.start_error.empty()) return result.start_error;
  if (result.timed_out) return "timed out after " + std::to_string(timeout_seconds) + " s (killed)";
  if (result.too_much_output) return "killed after printing more than the output limit";
  if (result.signal != 0) {
    const char* description = sigdescr_np(result.signal);  // thread-safe, unlike strsignal
    return "killed by signal " + std::to_string(result.signal) + " (" +
           (description != nullptr ? description : "unknown") + ")";
  }
  return "";
}

bool is_sanitizer_report(const ProcessResult& result) {
  return result.exit_code == 97 && result.err.find("SUMMARY: ") != std::string::npos &&
         result.err.find("Sanitizer") != std::string::npos;
}

std::vector<std::string> build_environment(std::vector<std::string> base, const EnvChanges& changes) {
  for (const auto& [name, value] : changes) {
    std::string prefix = name + "=";
    auto it = std::find_if(base.begin(), base.end(), [&](const std::string& entry) { return entry.rfind(prefix, 0) == 0; });
    if (!value) {
      if (it != base.end()) base.erase(it);
    } else if (it != base.end()) {
      *it = prefix + *value;
    } else {
      base.push_back(prefix + *value);
    }
  }
  return base;
}

std::string command_line(const std::vector<std::string>& argv) {
  std::string command;
  for (const auto& arg : argv) command += (command.empty() ? "" : " ") + quote(arg, 200);
  return command;
}

std::string describe_output(const std::string& command, int exit_code, const std::string& out, const std::string& err) {
  constexpr size_t limit = 4000;
  return "    command: " + command + "\n    exit code: " + std::to_string(exit_code) + "\n    stdout: " +
         quote(out, limit) + "\n    stderr: " + quote(err, limit) + "\n";
}

std::string sanitizer_headline(const std::string& err) {
  for (const char* marker : {"ERROR: ", "runtime error: "}) {
    size_t at = err.find(marker);
    if (at == std::string::npos) continue;
    size_t start = err.rfind('\n', at);
    start = start == std::string::npos ? 0 : start + 1;
    return err.substr(start, err.find('\n', at) - start);
  }
  return "sanitizer report";
}

std::string binary_problem(const std::string& binary) {
  if (is_executable_file(binary)) return "";
  return "the binary under test, " + binary + ", is not an executable file (build it, or pass --gopy PATH)";
}

}  // namespace gopy::conformance
