// gopy-conformance without its command-line parsing: runs one vector set, prints the
// summary, and compares the failures with (or writes) a known-failures file.
#pragma once

#include <string>
#include <vector>

namespace gopy::conformance {

struct ToolOptions {
  std::string set;                    // cli, getpath, run
  std::vector<std::string> dirs;      // empty: the set's default vectors folder
  std::string gopy;                   // empty: the gopy beside this tool
  std::string known_failures;         // compare the failures with this file
  std::string write_known_failures;   // write the failures to this file
  std::string reason;                 // reason of newly listed failures when writing
  bool verbose = false;
  unsigned jobs = 2;
};

// The exit status: 0 success, 1 failures (or a known-failures mismatch), 2 unusable input.
int run_tool(const ToolOptions& options);

}  // namespace gopy::conformance
