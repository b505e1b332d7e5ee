// `gopy -X plugins` (kernel/lifecycle/plugins_report.cpp).
#pragma once

#include "gopy/config.hpp"

namespace gopy {

// Prints the plugin plan start-up would use for `config`; the exit code (0, or 1 when the
// plan has errors).
int report_plugin_plan(const Config& config);

}  // namespace gopy
