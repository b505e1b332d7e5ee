// PEP 432's phase queries over the runtime state.
#include "lifecycle/runtime.hpp"

namespace gopy {

Runtime& runtime() {
  static Runtime instance;
  return instance;
}

RuntimePhase runtime_phase() { return runtime().phase; }

// PEP 432: 1 from pre-initialization until the main phase is done (the pre-initialized
// and the runtime-initialized states included), 0 before and after.
bool is_initializing() {
  RuntimePhase p = runtime().phase;
  return p != RuntimePhase::uninitialized && p != RuntimePhase::initialized &&
         p != RuntimePhase::finalizing;
}

bool is_runtime_initialized() {
  RuntimePhase p = runtime().phase;
  return p == RuntimePhase::core_initialized || p == RuntimePhase::initializing_main ||
         p == RuntimePhase::initialized;
}

bool is_initialized() { return runtime().phase == RuntimePhase::initialized; }

bool is_finalizing() { return runtime().phase == RuntimePhase::finalizing; }

// CPython: Python/pylifecycle.c fatal_error_dump_runtime
std::string_view runtime_state_name() {
  switch (runtime().phase) {
    case RuntimePhase::finalizing: return "finalizing";
    case RuntimePhase::initialized: return "initialized";
    case RuntimePhase::core_initialized:
    case RuntimePhase::initializing_main: return "core initialized";
    case RuntimePhase::preinitialized:
    case RuntimePhase::initializing_core: return "preinitialized";
    case RuntimePhase::preinitializing: return "preinitializing";
    case RuntimePhase::uninitialized: break;
  }
  return "unknown";
}

Environment& runtime_environment() {
  Runtime& rt = runtime();
  return rt.environment ? *rt.environment : process_environment();
}

const Environment* plugin_search_environment(const Config& config) {
  return config.use_environment > 0 ? &runtime_environment() : nullptr;
}

LifecycleStep::LifecycleStep(std::string_view what)
    : what_(what), start_(std::chrono::steady_clock::now()) {}

LifecycleStep::~LifecycleStep() {
  const auto& observer = runtime().options.observer;
  if (!observer) return;
  auto elapsed = std::chrono::duration_cast<std::chrono::microseconds>(
      std::chrono::steady_clock::now() - start_);
  observer(what_, elapsed);
}

}  // namespace gopy
