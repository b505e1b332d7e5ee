#include "conformance_tool.hpp"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "known_failures.hpp"
#include "scratch_dir.hpp"
#include "set_registry.hpp"

#ifndef GOPY_VECTORS_DIR
#error "GOPY_VECTORS_DIR must name the conformance vectors folder"
#endif

namespace gopy::conformance {
namespace fs = std::filesystem;

namespace {

constexpr int exit_failed = 1;
constexpr int exit_unusable = 2;

int report_error(const std::string& message) {
  std::cerr << "gopy-conformance: " << message << "\n";
  return exit_unusable;
}

// The `gopy` next to this executable: the build tree and the install tree both keep
// them in the same bin/ folder.
std::string gopy_beside_this_tool() {
  std::error_code ec;
  fs::path self = fs::read_symlink("/proc/self/exe", ec);
  return ec ? std::string("gopy") : (self.parent_path() / "gopy").string();
}

bool read_file(const std::string& path, std::string& text) {
  std::ifstream stream(path, std::ios::binary);
  if (!stream) return false;
  std::stringstream buffer;
  buffer << stream.rdbuf();
  text = buffer.str();
  return true;
}

std::vector<std::string> default_header(const std::string& set) {
  return {
      "# Known failures of the " + set + " conformance set: the cases expected to fail today.",
      "# One case a line: its name, a tab (or spaces), then the reason, naming the issue or",
      "# feature that will fix it. Lines starting with '#' are comments.",
      "# gopy-conformance " + set + " --known-failures FILE fails on a case that fails but is",
      "# not listed, and on a listed case that passes (or no longer exists): empty the",
      "# entries a change fixes. Regenerate (keeping the reasons of the entries still failing):",
      "#   build/bin/gopy-conformance " + set + " --write-known-failures FILE --reason \"...\"",
  };
}

int write_known_failures(const ToolOptions& options, const SetResult& result) {
  KnownFailureList previous;
  std::string text;
  std::string error;
  if (read_file(options.write_known_failures, text) && !parse_known_failures(text, previous, error)) {
    return report_error(options.write_known_failures + ": " + error);
  }
  std::ofstream stream(options.write_known_failures, std::ios::binary | std::ios::trunc);
  stream << format_known_failures(result.failed_names, previous, options.reason, default_header(options.set));
  if (!stream.flush()) return report_error("cannot write " + options.write_known_failures);
  std::cout << "wrote " << options.write_known_failures << " (" << result.failed_names.size() << " known failures)\n";
  return 0;
}

int compare_known_failures(const ToolOptions& options, const SetResult& result) {
  std::string text;
  if (!read_file(options.known_failures, text)) return report_error("cannot read " + options.known_failures);
  KnownFailureList list;
  std::string error;
  if (!parse_known_failures(text, list, error)) return report_error(options.known_failures + ": " + error);

  KnownFailureCheck check = check_known_failures(result.failed_names, list);
  for (const auto& name : check.unexpected_failures) {
    std::cout << "UNEXPECTED FAILURE " << name << ": not a known failure\n";
  }
  for (const auto& entry : check.unexpected_passes) {
    std::cout << "UNEXPECTED PASS " << entry.name << ": a known failure (" << entry.reason
              << ") that did not fail: it passed, or no such case exists\n";
  }
  std::cout << options.known_failures << ": " << list.entries.size() << " known failures, "
            << check.unexpected_failures.size() << " unexpected failures, " << check.unexpected_passes.size()
            << " unexpected passes\n";
  return check.ok() ? 0 : exit_failed;
}

}  // namespace

int run_tool(const ToolOptions& options) {
  SetRunner run = find_set(options.set);
  if (run == nullptr) {
    std::string known;
    for (const auto& name : registered_set_names()) known += (known.empty() ? "" : ", ") + name;
    return report_error("unknown vector set '" + options.set + "' (this build has: " + known + ")");
  }
  std::vector<std::string> dirs = options.dirs;
  if (dirs.empty()) dirs.push_back(std::string(GOPY_VECTORS_DIR) + "/" + options.set);

  RunOptions run_options;
  run_options.gopy_binary = absolute_path(options.gopy.empty() ? gopy_beside_this_tool() : options.gopy);
  run_options.verbose = options.verbose;
  run_options.jobs = options.jobs;
  SetResult result = run(dirs, run_options, std::cout);
  if (!result.error.empty()) return report_error(result.error);
  std::cout << result.passed << " passed, " << result.failed << " failed\n";

  // A sanitizer report is never a known failure: it fails the run whatever the list says.
  for (const auto& name : result.hard_failures) {
    std::cout << "SANITIZER " << name << ": a sanitizer report fails the run even for a known failure\n";
  }
  int status = result.failed == 0 ? 0 : exit_failed;
  if (!options.write_known_failures.empty()) {
    status = write_known_failures(options, result);
  } else if (!options.known_failures.empty()) {
    status = compare_known_failures(options, result);
  }
  std::cout.flush();
  if (status == 0 && !result.hard_failures.empty()) return exit_failed;
  return status;
}

}  // namespace gopy::conformance
