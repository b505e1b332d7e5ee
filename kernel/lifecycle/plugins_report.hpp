// `gopy -X plugins` (kernel/lifecycle/plugins_report.cpp).
#pragma once

#include <filesystem>
#include <memory>
#include <set>
#include <string>
#include <vector>

#include "gopy/config.hpp"
#include "gopy/plugin_host.hpp"

namespace gopy {

// The plan start-up runs: discovery over `dirs` that forgives third-party plugins (the
// shipped directory stays fatal) and checks each plugin's ABI tag and library.
std::shared_ptr<const plugin::Plan> discover_runtime_plan(const std::vector<std::filesystem::path>& dirs);

// Prints the plugin plan start-up would use for `config`; the exit code (0, or 1 when the
// plan has errors).
int report_plugin_plan(const Config& config);

// `-X plugins=run`: the report is printed at start-up (where no module plugin is loaded
// yet), the program runs, and when the runtime finalizes each module plugin's state is
// printed again: "lazy plugins at exit:" then "  NAME (modules a, b): loaded" or "not
// loaded", from the host's load and unload events.
bool plugins_report_runs_program(const Config& config);
void report_lazy_plugins_at_exit(const plugin::PluginHost& host);

// The names of the plugins whose libraries the host has loaded and not unloaded, from its
// load and unload events.
std::set<std::string> loaded_plugins(const plugin::PluginHost& host);

}  // namespace gopy
