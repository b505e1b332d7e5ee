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
};

struct SetResult {
  int passed = 0;
  int failed = 0;
  std::vector<std::string> failed_names;  // as printed after "FAIL "
};

// Runs every case found in `dirs`, printing one "FAIL <name>: <what differed>" line per
// failing case to `out` (but not the final "N passed, M failed" line: the tool prints it).
using SetRunner = SetResult (*)(const std::vector<std::string>& dirs, const RunOptions& options,
                                std::ostream& out);

// Defines a set named `name` whose default vectors are ../shared/vectors/<name>.
struct SetRegistration {
  SetRegistration(const char* name, SetRunner run);
};

}  // namespace gopy::conformance
