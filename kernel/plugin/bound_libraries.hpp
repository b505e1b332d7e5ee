// Plugin libraries this process has bound completely, each with its file's stamp at the
// time (internal to the kernel). Loading one of them again, unchanged, may bind lazily:
// every symbol it needs was found then, in libraries the process still holds. An embedder
// cycling initialization and finalization saves the dynamic loader's symbol lookups.
#pragma once

#include <string>

#include "plugin/plan_stamp.hpp"

#include "gopy/api_begin.h"  // exported for the unit tests only
namespace gopy::plugin {

// How many libraries the dynamic loader has loaded in this process so far (it counts
// every load, so a dlopen that maps no library but its own adds one).
unsigned long long libraries_loaded_so_far();

// Whether `library` was bound completely while its file had `stamp`, with no library of
// its own loaded alongside it (its dependencies were already in the process).
bool bound_before(const std::string& library, const Stamp& stamp);

// Records that `library`, whose file has `stamp`, has just been bound completely and
// brought no other library with it. A file changed within the timestamp granularity
// (too_recent) is not recorded: a second change could leave its stamp as it is.
void remember_bound(const std::string& library, const Stamp& stamp);

}  // namespace gopy::plugin
#include "gopy/api_end.h"
