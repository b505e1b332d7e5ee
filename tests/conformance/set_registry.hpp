// The registry behind SetRegistration: which vector sets this gopy-conformance build has.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "vector_set.hpp"

namespace gopy::conformance {

// The runner registered under `name`, or nullptr when this build has no such set.
SetRunner find_set(std::string_view name);

// Every registered set name, sorted.
std::vector<std::string> registered_set_names();

}  // namespace gopy::conformance
