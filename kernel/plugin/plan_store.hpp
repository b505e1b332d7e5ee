// The plan kept on disk between runs (internal to the kernel), as GStreamer's registry:
// a start-up reads one small file and stats each directory, manifest and library the plan
// was made from, instead of reading, parsing and validating every manifest. The file is
// trusted only while every one of those paths is as it was when the plan was stored, and
// only a clean plan is stored (no error, no warning), so a bad or changed manifest is
// always found again by a fresh discovery.
#pragma once

#include <filesystem>
#include <optional>
#include <vector>

#include "gopy/plugin_host.hpp"

#include "gopy/api_begin.h"  // exported for the unit tests only
namespace gopy::plugin {

// Where the runtime keeps its plan: <kernel lib dir>/gopy/plugin-cache/plan, beside the
// shipped plugin directory (not inside it, so writing it changes no plugin directory).
std::filesystem::path stored_plan_file();

// The plan in `file`, when it was made for exactly `dirs` by a kernel of this ABI, for this
// user, with permission checks as `check_permissions` says, and every path it was made
// from is unchanged. With check_permissions the file and its directory must be safe too
// (as plugin directories must).
std::optional<Plan> load_stored_plan(const std::filesystem::path& file,
                                     const std::vector<std::filesystem::path>& dirs,
                                     bool check_permissions);

// Writes `plan` to `file` (atomically, through a temporary file and a rename; its
// directory is created when missing) when it is clean and none of its paths changed in
// the last two seconds. Failures are silent: the cache only saves time.
void store_plan(const std::filesystem::path& file, const Plan& plan, bool check_permissions);

}  // namespace gopy::plugin
#include "gopy/api_end.h"
