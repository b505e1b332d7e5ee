// `gopy -X plugins`: the resolved plugin plan, shown without attaching or running anything
// (in the spirit of `python -X importtime` and `python -m site`: a look at what start-up
// would do). Not part of CPython's -X list, so `--help-xoptions` does not mention it.
#include <cstdio>
#include <string>

#include "lifecycle/plugins_report.hpp"

#include "gopy/config.hpp"
#include "gopy/plugin_host.hpp"
#include "lifecycle/runtime.hpp"

namespace gopy {

// Prints every plugin directory searched, every candidate manifest found (chosen, or why
// not: platform, shadowed, invalid), the attach order, then the plan's errors. Returns the
// exit code: 0 for a plan gopy would run, 1 when the plan has errors.
int report_plugin_plan(const Config& config) {
  // The same search directories initialization would use: -E and -I drop GOPY_PLUGIN_PATH.
  plugin::Plan plan = plugin::discover(plugin::default_search_dirs(plugin_search_environment(config)));
  std::string text = plan.describe();
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
  return plan.ok() ? 0 : 1;
}

}  // namespace gopy
