// `gopy -X plugins`: the resolved plugin plan, shown without attaching or running anything
// (in the spirit of `python -X importtime` and `python -m site`: a look at what start-up
// would do). Not part of CPython's -X list, so `--help-xoptions` does not mention it.
#include <cstdio>
#include <set>
#include <string>

#include "lifecycle/plugins_report.hpp"

#include "gopy/config.hpp"
#include "gopy/plugin_host.hpp"
#include "lifecycle/runtime.hpp"
#include "plugin/plan_cache.hpp"
#include "plugin/plan_store.hpp"

namespace gopy {

std::shared_ptr<const plugin::Plan> discover_runtime_plan(const std::vector<std::filesystem::path>& dirs) {
  if (std::shared_ptr<const plugin::Plan> kept = plugin::cached_plan(dirs)) return kept;
  plugin::DiscoverOptions options;
  options.shipped_dir = plugin::shipped_plugin_dir();
  options.check_loadable = true;
  const std::filesystem::path stored = plugin::stored_plan_file();
  std::shared_ptr<const plugin::Plan> plan;
  if (std::optional<plugin::Plan> loaded = plugin::load_stored_plan(stored, dirs, options.check_permissions)) {
    plan = std::make_shared<const plugin::Plan>(std::move(*loaded));
  } else {
    plugin::Plan found = plugin::discover(dirs, plugin::host_platform(), options);
    plugin::store_plan(stored, found, options.check_permissions);
    plan = std::make_shared<const plugin::Plan>(std::move(found));
  }
  plugin::remember_plan(plan);
  return plan;
}

// Prints every plugin directory searched, every candidate manifest found (chosen, or why
// not: platform, shadowed, broken and skipped, invalid), the attach order, the warnings, then
// the plan's errors. Discovery has checked each chosen plugin's ABI tag and library (nothing
// is loaded). Returns the exit code: 0 for a plan gopy would run, 1 when it would fail.
int report_plugin_plan(const Config& config) {
  // The same search directories initialization would use: -E and -I drop GOPY_PLUGIN_PATH.
  std::shared_ptr<const plugin::Plan> plan =
      discover_runtime_plan(plugin::default_search_dirs(plugin_search_environment(config)));
  std::string text = plan->describe();
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
  return plan->ok() ? 0 : 1;
}

bool plugins_report_runs_program(const Config& config) { return xoption_value(config, "plugins") == "run"; }

std::set<std::string> loaded_plugins(const plugin::PluginHost& host) {
  std::set<std::string> loaded;
  for (const plugin::TraceEvent& event : host.trace()) {
    if (event.kind == plugin::TraceEvent::Kind::load) loaded.insert(event.plugin);
    if (event.kind == plugin::TraceEvent::Kind::unload) loaded.erase(event.plugin);
  }
  return loaded;
}

void report_lazy_plugins_at_exit(const plugin::PluginHost& host) {
  const std::set<std::string> loaded = loaded_plugins(host);
  std::string text = "lazy plugins at exit:\n";
  bool any = false;
  for (const plugin::Manifest& m : host.plan().plugins) {
    if (!m.lazy()) continue;
    any = true;
    std::string modules;
    for (const std::string& name : m.modules) modules += (modules.empty() ? "" : ", ") + name;
    text += "  " + m.name + " (modules " + modules + "): " + (loaded.count(m.name) ? "loaded" : "not loaded") + "\n";
  }
  if (!any) text += "  (none)\n";
  std::fflush(stdout);
  std::fputs(text.c_str(), stdout);
  std::fflush(stdout);
}

}  // namespace gopy
