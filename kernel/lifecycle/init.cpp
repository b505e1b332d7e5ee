// Initialization: pre-initialization, the core phase and the main phase.
// CPython: Python/pylifecycle.c Py_PreInitialize, pyinit_core, pyinit_main.
#include "gopy/lifecycle.hpp"

#include <cstdio>
#include <new>

#include "gopy/codecs.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/signals.hpp"
#include "gopy/state.hpp"
#include "lifecycle/init_warnings.hpp"
#include "lifecycle/plugins_report.hpp"
#include "lifecycle/runtime.hpp"
#include "lifecycle/site.hpp"
#include "lifecycle/teardown.hpp"
#include "object/object_alloc.hpp"

namespace gopy {

namespace {

Status wrong_phase(const char* func, std::string_view expected) {
  return Status::error(Status::Category::runtime, func,
                       "called while the runtime is " + std::string(runtime_state_name()) +
                           " (expected " + std::string(expected) + ")");
}

// A plugin failure is reported as its own lines (naming the manifest or the plugin),
// not as a fatal Python error. `more`: lines to add after the failure's own.
Status plugin_failure(const Status& status, const std::string& more = {}) {
  return Status::error(Status::Category::plugin, std::string(kPluginErrorFunc),
                       more.empty() ? status.message() : status.message() + "\n" + more,
                       status.exit_code());
}

// An attach failure undoes the start-up; a plugin failing to detach meanwhile adds its
// own line to the report.
Status plugin_failure_torn_down(const Status& attached) {
  Status detached = tear_down_runtime();
  return plugin_failure(attached, detached.is_ok() ? std::string() : detached.message());
}

// A skipped plugin or an ignored manifest key: one line on stderr, and start-up goes on.
void print_plugin_warning(const std::string& line) {
  std::fprintf(stderr, "%s\n", line.c_str());
  std::fflush(stderr);
}

InterpreterSettings settings_from(const Config& config) {
  InterpreterSettings s;
  s.use_hash_seed = config.use_hash_seed > 0;
  s.hash_seed = config.hash_seed;
  s.int_max_str_digits = config.int_max_str_digits;
  s.optimization_level = config.optimization_level > 0 ? config.optimization_level : 0;
  s.code_debug_ranges = config.code_debug_ranges != 0;
  return s;
}

}  // namespace

// CPython: Python/pylifecycle.c _Py_PreInitializeFromPyArgv
Status preinitialize(const PreConfig& preconfig, const std::vector<std::string>& argv,
                     std::shared_ptr<Environment> environment) {
  Runtime& rt = runtime();
  if (rt.preinitialized) return Status::ok();  // as CPython: done once per runtime
  if (rt.phase != RuntimePhase::uninitialized) return wrong_phase("preinitialize", "uninitialized");
  rt.phase = RuntimePhase::preinitializing;
  if (environment) rt.environment = std::move(environment);
  PreConfig read = preconfig;
  Status status = preconfig_read(read, argv, runtime_environment());
  PreConfig applied;
  if (status.is_ok()) status = preconfig_write(read, applied, runtime_environment());
  if (!status.is_ok()) {
    rt.phase = RuntimePhase::uninitialized;
    return status;
  }
  rt.preconfig = applied;
  // CPython: _PyMem_SetupAllocators: PYTHONMALLOC=malloc takes objects from malloc.
  auto allocator = static_cast<AllocatorName>(applied.allocator);
  object_alloc_choose(allocator == AllocatorName::malloc || allocator == AllocatorName::malloc_debug,
                      allocator == AllocatorName::pymalloc);
  rt.preinitialized = true;
  rt.phase = RuntimePhase::preinitialized;
  return Status::ok();
}

// CPython: Python/pylifecycle.c pyinit_core + pycore_interp_init
Status initialize_core(const Config& config, const LifecycleOptions& options) {
  Runtime& rt = runtime();
  if (is_runtime_initialized()) return Status::ok();  // Py_Initialize twice is a no-op
  if (rt.phase != RuntimePhase::uninitialized && rt.phase != RuntimePhase::preinitialized)
    return wrong_phase("initialize_core", "uninitialized or preinitialized");
  if (!rt.preinitialized) {
    // CPython: _Py_PreInitializeFromConfig
    std::vector<std::string> argv;
    if (config.parse_argv > 0 && !config.read_done) argv = config.argv;
    GOPY_RETURN_IF_ERROR(preinitialize(preconfig_from_config(config), argv, options.environment));
  } else if (options.environment) {
    rt.environment = options.environment;
  }
  auto owned = std::make_unique<Config>(config);
  if (!owned->read_done) {
    GOPY_RETURN_IF_ERROR(config_read(*owned, rt.preconfig, {}, runtime_environment()));
  }

  rt.phase = RuntimePhase::initializing_core;
  rt.options = options;
  {
    LifecycleStep step("discover plugins");
    auto dirs = options.plugin_dirs ? *options.plugin_dirs
                                    : plugin::default_search_dirs(plugin_search_environment(*owned));
    std::shared_ptr<const plugin::Plan> plan = discover_runtime_plan(dirs);
    // Every problem at once: what is skipped, then what stops the start-up.
    for (const std::string& line : plan->warnings) print_plugin_warning(line);
    if (!plan->ok()) {
      rt.phase = RuntimePhase::preinitialized;
      return plugin_failure(plan->status());
    }
    plugin::HostOptions host_options;
    host_options.on_skip = print_plugin_warning;
    rt.plugins = std::make_unique<plugin::PluginHost>(std::move(plan), host_options);
  }
  rt.config = std::move(owned);
  // The plugins see the configuration and the environment through their context only.
  rt.plugins->set_context_view(
      {rt.config.get(), &rt.preconfig, &runtime_environment(), rt.config.get()});
  {
    LifecycleStep step("create interpreter");
    rt.tstate = create_interpreter(settings_from(*rt.config));
  }
  install_plugin_trace_hook();
  Status attached = rt.plugins->attach_phase(plugin::Phase::core, rt.tstate->interp);
  if (!attached.is_ok()) return plugin_failure_torn_down(attached);
  rt.phase = RuntimePhase::core_initialized;
  return Status::ok();
}

// The configured encodings become codec names ("latin-1" -> "iso8859-1", "ANSI_X3.4-1968"
// -> "ascii"); an unknown one stops the start-up with the LookupError set.
// CPython: Objects/unicodeobject.c _PyUnicode_InitEncodings, init_fs_encoding,
// init_stdio_encoding, config_get_codec_name
static Status init_encodings(Config& config) {
  struct Field {
    OptString* value;
    const char* func;
    const char* message;
  };
  const Field fields[] = {
      {&config.filesystem_encoding, "init_fs_encoding", "failed to get the Python codec of the filesystem encoding"},
      {&config.stdio_encoding, "init_stdio_encoding", "failed to get the Python codec name of the stdio encoding"},
  };
  for (const Field& f : fields) {
    if (!*f.value) continue;
    std::string name;
    if (!codec_canonical_name(**f.value, &name)) {
      set_error(&exc_LookupError, "unknown encoding: " + **f.value);
      return Status::error(Status::Category::runtime, f.func, f.message);
    }
    *f.value = name;
  }
  return Status::ok();
}

// CPython: Python/pylifecycle.c pyinit_main / init_interp_main
Status initialize_main() {
  Runtime& rt = runtime();
  if (rt.phase == RuntimePhase::initialized) return Status::ok();
  if (rt.phase != RuntimePhase::core_initialized)
    return wrong_phase("initialize_main", "core initialized");
  GOPY_RETURN_IF_ERROR(init_encodings(*rt.config));
  rt.phase = RuntimePhase::initializing_main;
  // Path configuration, the sys update and import attach here, in manifest order.
  Status attached = rt.plugins->attach_phase(plugin::Phase::main, rt.tstate->interp);
  if (!attached.is_ok()) return plugin_failure_torn_down(attached);
  {
    LifecycleStep step("warnings");
    init_warnings_module(*rt.config);
  }
  // CPython: init_interp_main -> init_import_site
  if (rt.config->site_import != 0) {
    LifecycleStep step("site");
    Status site = run_site_main();
    if (!site.is_ok()) {
      (void)tear_down_runtime();
      return site;
    }
  }
  rt.phase = RuntimePhase::initialized;
  // CPython: init_interp_main -> signal_install_handlers (embedders may turn it off)
  if (rt.config->install_signal_handlers) install_signal_handlers();
  // CPython: emit_stderr_warning_for_legacy_locale
  if (auto warning = legacy_locale_warning(rt.preconfig, runtime_environment())) {
    std::fputs(warning->c_str(), stderr);
  }
  return Status::ok();
}

// CPython: Python/pylifecycle.c Py_InitializeFromConfig
Status initialize_from_config(const Config& config, const LifecycleOptions& options) {
  if (is_initialized()) return Status::ok();
  // Memory running out while the runtime is built (an object's `new` throwing) is a fatal
  // start-up error, as CPython's _PyStatus_NO_MEMORY; the caller tears down what was built.
  try {
    GOPY_RETURN_IF_ERROR(initialize_core(config, options));
    if (runtime().config->_init_main == 0) return Status::ok();
    return initialize_main();
  } catch (const std::bad_alloc&) {
    return Status::error(Status::Category::runtime,
                         is_runtime_initialized() ? "pyinit_main" : "pyinit_core",
                         "memory allocation failed");
  }
}

}  // namespace gopy
