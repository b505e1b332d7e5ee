// How a vector set plugs into gopy-conformance: each set (cli, getpath, run) is one .cpp
// file in this folder that registers a runner at static-initialization time.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace gopy::conformance {

struct RunOptions {
  std::string gopy_binary;  // absolute path of the gopy executable under test
  bool verbose = false;
  unsigned jobs = 2;  // cases run at the same time (sets that start processes)
};

struct SetResult {
  int passed = 0;
  int failed = 0;
  std::vector<std::string> failed_names;  // as printed after "FAIL "
  // Failures no known-failures entry may excuse (a sanitizer report in the child).
  std::vector<std::string> hard_failures;
  // Non-empty when the set could not be run at all (unreadable vectors, a repeated case
  // name, a binary that cannot be executed): the tool reports it and exits 2.
  std::string error;
};

// Runs every case found in `dirs`, printing one "FAIL <name>: <what differed>" line per
// failing case to `out` (but not the final "N passed, M failed" line: the tool prints it).
using SetRunner = SetResult (*)(const std::vector<std::string>& dirs, const RunOptions& options,
                                std::ostream& out);

// Defines a set named `name` whose default vectors are tests/conformance/vectors/<name>.
struct SetRegistration {
  SetRegistration(const char* name, SetRunner run);
};

}  // namespace gopy::conformance
