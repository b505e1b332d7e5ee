// The runtime's plugin plan, kept per process (internal to the kernel). Discovery reads and
// parses every manifest; an embedder that initializes and finalizes again, or a process
// that does so many times, gets the same plan back while nothing discovery looked at has
// changed (as GStreamer's registry, but in memory and for one process).
#pragma once

#include <filesystem>
#include <memory>
#include <vector>

#include "gopy/plugin_host.hpp"

#include "gopy/api_begin.h"  // exported for the unit tests only
namespace gopy::plugin {

// The plan kept for exactly these `dirs`, when every directory, manifest and library it
// was made from still has the same file-system identity, mode, owner, size and times;
// null otherwise. Shared, not copied: each initialization's plugin host holds it.
std::shared_ptr<const Plan> cached_plan(const std::vector<std::filesystem::path>& dirs);

// Keeps `plan` (made by discovery over plan.dirs) for the next cached_plan. Only a clean
// plan is kept: one with no error, no warning and every manifest parsed, so each reported
// problem is found again by a fresh discovery; and only when none of its files changed in
// the last two seconds, as a change within the file system's timestamp granularity could
// leave the times unchanged (the process then keeps none from there on).
void remember_plan(std::shared_ptr<const Plan> plan);

// The process initializes once (the gopy program): keeping the plan would only cost.
void plan_cache_one_shot();

}  // namespace gopy::plugin
#include "gopy/api_end.h"
