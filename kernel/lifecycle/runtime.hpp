// The kernel's runtime state (CPython: _PyRuntimeState): which phase the lifecycle is in
// and what it owns while initialized. Internal to kernel/lifecycle.
#pragma once

#include <memory>

#include "gopy/config.hpp"
#include "gopy/environment.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/plugin_host.hpp"
#include "gopy/preconfig.hpp"

namespace gopy {

struct ThreadState;

struct Runtime {
  RuntimePhase phase = RuntimePhase::uninitialized;
  bool preinitialized = false;
  PreConfig preconfig;               // as applied
  std::unique_ptr<Config> config;    // the interpreter's configuration
  std::unique_ptr<plugin::PluginHost> plugins;
  ThreadState* tstate = nullptr;
  LifecycleOptions options;
  // What the runtime reads as its environment (configuration, plugin search path,
  // PYTHONSTARTUP, the plugins' view): the embedder's, or null for the process's.
  std::shared_ptr<Environment> environment;
};

Runtime& runtime();
// The runtime's Environment: the one given to preinitialize or initialize_core, else the
// process environment.
Environment& runtime_environment();
// Where GOPY_PLUGIN_PATH is read from: the runtime's Environment, or none under -E / -I.
const Environment* plugin_search_environment(const Config& config);

// Times `step` and reports it to the lifecycle observer (-X lifecycle) when one is set.
class LifecycleStep {
 public:
  explicit LifecycleStep(std::string_view what);
  ~LifecycleStep();
  LifecycleStep(const LifecycleStep&) = delete;
  LifecycleStep& operator=(const LifecycleStep&) = delete;

 private:
  std::string_view what_;
  std::chrono::steady_clock::time_point start_;
};

}  // namespace gopy
