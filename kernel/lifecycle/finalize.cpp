// Finalization in CPython 3.14's Py_FinalizeEx order, each step named after its CPython
// counterpart (Python/pylifecycle.c _Py_Finalize).
#include <dlfcn.h>

#include <cstdio>
#include <set>
#include <string>

#include "gopy/eval.hpp"
#include "gopy/lifecycle.hpp"
#include "gopy/signals.hpp"
#include "gopy/state.hpp"
#include "gopy/sys_streams.hpp"
#include "lifecycle/atexit.hpp"
#include "lifecycle/plugins_report.hpp"
#include "lifecycle/runtime.hpp"
#include "lifecycle/teardown.hpp"

namespace gopy {

void install_plugin_trace_hook() {
  Runtime& rt = runtime();
  if (!rt.options.observer || !rt.plugins) return;
  rt.plugins->set_trace_hook([](const plugin::TraceEvent& event) {
    const auto& observer = runtime().options.observer;
    if (!observer) return;
    using Kind = plugin::TraceEvent::Kind;
    std::string what = std::string(plugin::kind_name(event.kind)) + " " + event.plugin;
    if (event.kind != Kind::load && event.kind != Kind::unload)
      what += "@" + std::string(plugin::phase_name(event.phase)) + ":" +
              std::to_string(event.order);
    observer(what, std::chrono::duration_cast<std::chrono::microseconds>(event.duration));
  });
}

namespace {

// LifecycleOptions::keep_plugins_loaded: one more reference, for the rest of the process,
// to every plugin library the host loaded, so the host's unload leaves it mapped and the
// next initialization's dlopen only counts a reference. Only libraries the trace shows
// loaded are asked for: RTLD_NOLOAD on a library not yet loaded still opens and reads
// its file to compare identities (four system calls for each module plugin never imported).
void retain_plugin_libraries(const plugin::PluginHost& host) {
  static std::set<std::string> retained;
  const std::set<std::string> loaded = loaded_plugins(host);
  for (const plugin::Manifest& m : host.plan().plugins) {
    if (!loaded.count(m.name)) continue;
    std::string library = m.library.string();
    if (retained.count(library)) continue;
    if (dlopen(library.c_str(), RTLD_NOW | RTLD_NOLOAD) != nullptr) retained.insert(library);
  }
}

}  // namespace

Status tear_down_runtime() {
  Runtime& rt = runtime();
  Status detached = Status::ok();
  if (rt.tstate) {
    Interpreter* interp = rt.tstate->interp;
    {
      // CPython: finalize_modules
      LifecycleStep step("finalize_modules");
      finalize_modules(interp);
    }
    if (rt.plugins && rt.config && plugins_report_runs_program(*rt.config)) report_lazy_plugins_at_exit(*rt.plugins);
    if (rt.plugins) detached = rt.plugins->detach_all(interp);
    {
      // CPython: finalize_interp_clear (every object; their code may live in a plugin)
      LifecycleStep step("free objects");
      free_all_objects(interp);
    }
  }
  if (rt.plugins) {
    if (rt.options.keep_plugins_loaded) retain_plugin_libraries(*rt.plugins);
    rt.plugins->unload_all();
    rt.plugins.reset();
  }
  if (rt.tstate) {
    // CPython: finalize_interp_delete, then _PyRuntime_Finalize
    LifecycleStep step("destroy interpreter");
    destroy_interpreter(rt.tstate);
    rt.tstate = nullptr;
  }
  clear_atexit_callbacks();
  rt.config.reset();
  rt.environment.reset();
  rt.options = LifecycleOptions{};
  rt.preinitialized = false;
  rt.phase = RuntimePhase::uninitialized;
  return detached;
}

// CPython: Python/pylifecycle.c Py_FinalizeEx
int finalize_ex() {
  Runtime& rt = runtime();
  // Bail out early if never initialized (or already finalized), as CPython.
  if (!is_runtime_initialized()) return 0;
  int status = 0;
  Interpreter* interp = rt.tstate->interp;
  {
    // CPython: _PyAtExit_Call
    LifecycleStep step("atexit callbacks");
    run_atexit_callbacks();
  }
  {
    // CPython: flush_std_files (before the runtime is marked finalizing, as CPython)
    LifecycleStep step("flush std files");
    if (!flush_std_files()) status = -1;
  }
  rt.phase = RuntimePhase::finalizing;
  interp->finalizing = true;
  // A plugin failing in detach does not stop the others; its error is reported and the
  // finalization counts as failed (Py_RunMain then exits 120, as CPython does).
  Status detached = tear_down_runtime();
  // CPython: _PySignal_Fini. After the objects are freed: a stream still writing its
  // buffer to a closed pipe must get EPIPE, not SIGPIPE.
  restore_signal_handlers();
  if (!detached.is_ok()) {
    std::fprintf(stderr, "%s\n", detached.message().c_str());
    status = -1;
  }
  return status;
}

}  // namespace gopy
