// The kernel's plugin machinery as the lifecycle (and an embedding program) sees it:
// where plugins are searched, the plan discovery builds from their manifests, and the
// host that loads, attaches and detaches them in the plan's order.
//
//   auto plan = gopy::plugin::discover(gopy::plugin::default_search_dirs(use_env));
//   if (!plan.ok()) return plan.status();          // every invalid manifest, one line each
//   gopy::plugin::PluginHost host(std::move(plan));
//   GOPY_RETURN_IF_ERROR(host.attach_phase(gopy::plugin::Phase::core, interp));
//   GOPY_RETURN_IF_ERROR(host.attach_phase(gopy::plugin::Phase::main, interp));
//   ...
//   host.detach_all(interp);   // exact reverse of attach
//   /* free every interpreter object: their code may live in a plugin */
//   host.unload_all();         // reverse of load
//
// Boost.DLL and Boost.JSON stay behind this header.
#pragma once
#include "gopy/api_begin.h"

#include <chrono>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "gopy/plugin_abi.h"
#include "gopy/status.hpp"

namespace gopy {
class Environment;
struct Config;
struct PreConfig;
}

namespace gopy::plugin {

enum class Phase { core, main };
std::string_view phase_name(Phase phase);  // "core" / "main"

struct AttachPoint {
  Phase phase = Phase::core;
  int order = 0;
};

// An ABI tag: kernel ABI major.minor plus the compiler/standard-library identity.
struct AbiTag {
  std::uint32_t major = 0;
  std::uint32_t minor = 0;
  std::string identity;
  std::string to_string() const;  // "1.0 [gcc-12.2/libstdc++-12/c++20]"
};
// The tag this kernel was built with.
const AbiTag& kernel_abi();
// The ABI rule (as Qt, GStreamer and OBS): major equal, the plugin's minor at most the
// kernel's, identity equal.
bool abi_compatible(const AbiTag& plugin, const AbiTag& kernel);

// One validated manifest.
struct Manifest {
  std::filesystem::path file;     // the manifest itself
  std::string name;
  std::filesystem::path library;  // the manifest's directory / "library", in normal form
  std::string entry;
  AbiTag abi;
  std::vector<std::string> platforms;  // empty: every platform
  std::vector<std::string> provides;
  std::vector<std::string> requires_;  // "requires" (a C++20 keyword)
  std::vector<AttachPoint> attach;     // empty for a module plugin
  // The modules a module plugin provides ("modules"): it is not loaded at start-up but on
  // the first import of one of them, and exports gopy_module_<name> for each
  // (gopy/module.h).
  std::vector<std::string> modules;
  bool lazy() const { return !modules.empty(); }
  // From site-plugins or GOPY_PLUGIN_PATH rather than the shipped plugins: when it cannot
  // load it is skipped with a warning unless another plugin requires it or it fills a slot.
  bool skippable = false;
};

// Every manifest file discovery looked at, and what became of it.
struct Candidate {
  enum class State {
    chosen,    // in the plan
    platform,  // skipped: its platforms do not include the host's
    shadowed,  // skipped: its name or slot is taken by a higher-priority directory
    invalid,   // an error (reason holds the error line)
    broken,    // skipped: a third-party plugin that is invalid (reason holds the line)
  };
  std::filesystem::path file;
  std::size_t dir_index = 0;      // index into Plan::dirs
  bool skippable = false;         // from a third-party directory (DiscoverOptions::shipped_dir)
  State state = State::invalid;
  std::string reason;             // why not chosen (empty when chosen)
  std::optional<Manifest> manifest;  // when the manifest itself parsed
};
std::string_view state_name(Candidate::State state);

// One attach point of one chosen plugin, in plan order.
struct Step {
  Phase phase = Phase::core;
  int order = 0;
  std::size_t plugin = 0;  // index into Plan::plugins
};

struct Plan {
  std::vector<std::filesystem::path> dirs;  // searched, highest priority first
  std::vector<Candidate> candidates;        // every manifest found, in search order
  std::vector<Manifest> plugins;            // the chosen ones, sorted by name
  std::vector<Step> steps;                  // (phase, order, name)
  std::vector<std::string> errors;          // one line per invalid manifest
  // One line each for what is skipped or ignored without stopping gopy: broken third-party
  // plugins, unknown manifest keys, refused third-party directories.
  std::vector<std::string> warnings;

  bool ok() const { return errors.empty(); }
  // ok, or an error whose message is every error line joined by '\n' (exit code 1).
  Status status() const;
  // A human-readable listing for `gopy -X plugins`: directories, every candidate and why
  // it was or was not chosen (a module plugin as lazy, and whether `loaded` says its
  // library is loaded), then the attach steps in order, the module plugins by their
  // modules, the warnings and the errors.
  std::string describe(const std::function<bool(std::string_view)>& loaded = {}) const;
};

// The platform name manifests use for this host: "linux", "windows", "macos", ...
std::string_view host_platform();

// The plugin directories in priority order: the GOPY_PLUGIN_PATH entries of `environment`
// (absolute ones only; none when `environment` is null, as -E and -I ask), then
// <kernel lib dir>/gopy/site-plugins, then <kernel lib dir>/gopy/plugins, where the kernel
// lib dir is the directory holding libgopy itself. Never the current directory.
std::vector<std::filesystem::path> default_search_dirs(const Environment* environment);
// The directory holding libgopy (build tree or install tree alike).
std::filesystem::path kernel_library_dir();
// <kernel lib dir>/gopy/plugins: the plugins shipped with gopy, which stay fatal when broken.
std::filesystem::path shipped_plugin_dir();

struct DiscoverOptions {
  // Refuse directories, manifests and libraries writable by group or others or owned by
  // another non-root user (as OpenSSH's StrictModes). An embedder may turn this off.
  bool check_permissions = true;
  // Forgiving discovery: a plugin from any directory but this one (the shipped plugins'),
  // or such a directory itself, that is invalid, has an incompatible ABI or no library is
  // skipped with a line in Plan::warnings, unless a chosen plugin requires it or it
  // provides a slot no chosen plugin fills. Empty: every problem is an error.
  std::filesystem::path shipped_dir;
  // Check each plugin about to be chosen as far as can be done without loading it: its
  // manifest's ABI tag and that its library is a regular file (the runtime and `-X plugins`
  // do; tests of the plan's rules over manifests alone need not).
  bool check_loadable = false;
};

// Reads every *.json manifest in `dirs` (a missing directory is skipped), applies platform
// filtering, shadowing and the requirement rules, and returns the plan. Invalid manifests
// (and refused directories) are all collected in Plan::errors.
Plan discover(const std::vector<std::filesystem::path>& dirs,
              std::string_view platform = host_platform(), DiscoverOptions options = {});

// What happened to whom, for traces, `-X lifecycle` timings and tests.
struct TraceEvent {
  // A library that fails to load is reported as attach_failed of the step that needed it.
  enum class Kind { load, attach, attach_failed, detach, detach_failed, unload };
  Kind kind = Kind::load;
  std::string plugin;
  Phase phase = Phase::core;  // for attach/detach events
  int order = 0;
  std::chrono::nanoseconds duration{0};  // measured only when a hook is installed
};
// "a+ b+ c! b- a-": attach (+), failed load or attach (!), detach (-), failed detach (-!).
std::string trace_text(const std::vector<TraceEvent>& events);
// "load", "attach", "attach failed", "detach", "detach failed", "unload".
std::string_view kind_name(TraceEvent::Kind kind);

struct HostOptions {
  // Bind every symbol of a plugin when it loads (RTLD_NOW): a plugin referring to a symbol
  // nothing defines is then a load error naming it, instead of the dynamic linker ending
  // the process at the first call. Lazy binding saves roughly 1k instructions per
  // imported function at start-up (about 200k for the shipped plugins).
  bool bind_now = true;
  // Called with one line when a skippable plugin (Manifest::skippable) fails to load and
  // is skipped: nothing requires it and it fills no slot. Without it such failures stay
  // fatal.
  std::function<void(const std::string&)> on_skip;
};

// What the plugins' contexts show through gopy.h's accessors (gopy_PluginConfig_*,
// gopy_PluginEnv_*, gopy_PluginPathConfig_*). The objects must outlive every attach and
// detach call; a view left empty makes those accessors answer GOPY_PLUGIN_UNAVAILABLE.
struct ContextView {
  const Config* config = nullptr;
  const PreConfig* preconfig = nullptr;
  const Environment* environment = nullptr;
  // Written through the path-configuration view, by the plugin that fills the
  // "pathconfig" slot only (the same configuration as `config`, for the kernel).
  Config* path_config = nullptr;
};

// Who a callback is called as: the plugin's name, its attach point, and whether it fills
// the "pathconfig" slot (then its context also shows the path-configuration view).
struct CallSite {
  std::string_view plugin;
  Phase phase = Phase::core;
  int order = 0;
  bool fills_path_config = false;
};

// Calls one attach or detach callback as the host does: with a context for `site` that
// shows `view`, any C++ exception stopped at the boundary. An error names the plugin and
// `what` it failed to do. For harnesses that call a descriptor's callbacks directly.
Status call_plugin(gopy_plugin_callback callback, const CallSite& site, void* interp,
                   const ContextView& view, const char* what = "attach");

// The same with any body: `fn` receives the context and returns 0 or non-zero as a
// callback does.
Status call_with_context(const CallSite& site, void* interp, const ContextView& view, const char* what,
                         const std::function<int(gopy_plugin_context*)>& fn);

class PluginHost {
 public:
  explicit PluginHost(Plan plan, HostOptions options = {});
  // The same over a plan shared with others (the runtime's plan cache), never copied.
  explicit PluginHost(std::shared_ptr<const Plan> plan, HostOptions options = {});
  ~PluginHost();  // detaches (interp null) and unloads whatever is still there
  PluginHost(PluginHost&&) noexcept;  // a moved-from host may only be destroyed or assigned
  PluginHost& operator=(PluginHost&&) noexcept;
  PluginHost(const PluginHost&) = delete;
  PluginHost& operator=(const PluginHost&) = delete;

  const Plan& plan() const;
  // What later attach and detach calls show the plugins.
  void set_context_view(const ContextView& view);

  // Loads (ABI-checked) and attaches every step of `phase` in plan order (a skippable
  // plugin that fails to load is left out, see HostOptions::on_skip). On the first
  // failure, detaches everything attached so far (all phases) in reverse and returns the
  // error naming the plugin.
  Status attach_phase(Phase phase, void* interp);
  // Runs the detach callbacks of every attached step in exact reverse. A failing detach is
  // recorded and does not stop the others; the first failure is returned.
  Status detach_all(void* interp);
  // Unloads the loaded libraries in reverse load order (detaching first if needed). The
  // host can attach again afterwards.
  void unload_all();

  // Module plugins (Manifest::modules). load_module: the plugin listing `module`, loaded
  // now if it is not yet (its descriptor's attach, when it has one, runs then, as at the
  // end of the main phase; detach_all detaches it first); *init is the address of its
  // gopy_module_<module>. Ok with *init null when no plugin lists `module`.
  Status load_module(std::string_view module, void* interp, void** init);
  // Calls `fn` with a context of the plugin listing `module` (its module's exec hook).
  Status call_module_plugin(std::string_view module, void* interp,
                            const std::function<int(gopy_plugin_context*)>& fn);

  // Names of the attached steps, in attach order ("sys@core:20").
  std::vector<std::string> attached() const;
  const std::vector<TraceEvent>& trace() const;
  std::string trace_text() const { return plugin::trace_text(trace()); }
  // Called for every event as it happens (with timings).
  void set_trace_hook(std::function<void(const TraceEvent&)> hook);

 private:
  std::size_t module_plugin(std::string_view module) const;  // plan index, or plugins.size()
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace gopy::plugin
#include "gopy/api_end.h"
