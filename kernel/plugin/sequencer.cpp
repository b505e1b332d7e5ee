// The phase sequencer: attaches the plan's steps phase by phase, records what attached,
// detaches in exact reverse, and unloads the libraries in reverse load order.
#include <dlfcn.h>

#include <algorithm>
#include <exception>
#include <functional>

#include "gopy/config_spec.hpp"
#include "plugin/call_context.hpp"
#include "plugin/loader.hpp"

namespace gopy::plugin {

namespace {

// The slot whose plugin may write the path-configuration view.
constexpr std::string_view kPathConfigSlot = "pathconfig";

extern "C" void record_plugin_error(gopy_plugin_context* ctx, const char* func, const char* message) {
  CallContext* call = call_context(ctx);
  if (call == nullptr) return;
  call->error_set = true;
  call->error_func = func != nullptr ? func : "";
  call->error_message = message != nullptr ? message : "";
}

bool fills_path_config(const Manifest& manifest) {
  return std::find(manifest.provides.begin(), manifest.provides.end(), kPathConfigSlot) !=
         manifest.provides.end();
}

}  // namespace

// Calls one callback across the boundary; an exception that escapes a plugin not built
// with the SDK wrapper is still stopped here.
Status call_plugin(gopy_plugin_callback fn, const CallSite& site, void* interp,
                   const ContextView& view, const char* what) {
  return call_with_context(site, interp, view, what, [fn](gopy_plugin_context* ctx) { return fn(ctx); });
}

Status call_with_context(const CallSite& site, void* interp, const ContextView& view, const char* what,
                         const std::function<int(gopy_plugin_context*)>& fn) {
  const std::string name(site.plugin);
  CallContext call;
  call.view = &view;
  call.writes_path_config = site.fills_path_config;
  gopy_plugin_context ctx{};
  ctx.struct_size = sizeof ctx;
  ctx.plugin_name = name.c_str();
  ctx.phase = phase_name(site.phase).data();
  ctx.order = site.order;
  ctx.interp = interp;
  ctx.set_error = &record_plugin_error;
  ctx.kernel_private = &call;
  int rc = 0;
  try {
    rc = fn(&ctx);
  } catch (const std::exception& e) {
    rc = -1;
    record_plugin_error(&ctx, name.c_str(), (std::string("uncaught C++ exception: ") + e.what()).c_str());
  } catch (...) {
    rc = -1;
    record_plugin_error(&ctx, name.c_str(), "uncaught C++ exception");
  }
  if (rc == 0) return Status::ok();
  std::string detail = call.error_set
                           ? call.error_message
                           : "returned " + std::to_string(rc) + " without an error message";
  if (call.error_set && !call.error_func.empty()) detail = call.error_func + ": " + detail;
  return Status::error(Status::Category::plugin, "",
                       "plugin '" + name + "' failed to " + what + " (" +
                           std::string(phase_name(site.phase)) + " " + std::to_string(site.order) +
                           "): " + detail);
}

struct PluginHost::Impl {
  enum class State { fresh, core_attached, main_attached, unwound };

  explicit Impl(std::shared_ptr<const Plan> shared) : owner(std::move(shared)), plan(*owner) {}

  std::shared_ptr<const Plan> owner;
  const Plan& plan;
  HostOptions options;
  std::vector<LoadedLibrary> libraries;  // by plugin index
  std::vector<std::size_t> load_order;   // plugin indices
  std::vector<std::size_t> attached;     // step indices, in attach order
  std::vector<std::size_t> lazy_attached;  // module plugins whose attach ran, in order
  std::vector<std::string> lazy_failures;  // by plugin index: why its attach failed
  std::vector<bool> skipped;             // by plugin index: failed to load, left out
  State state = State::fresh;
  std::vector<TraceEvent> events;
  std::function<void(const TraceEvent&)> hook;
  ContextView view;

  // Runs `body`, timing it only when someone listens, and records the event.
  template <typename Body>
  void record(TraceEvent event, Body&& body) {
    if (!hook) {
      event.kind = body();
      events.push_back(std::move(event));
      return;
    }
    auto start = std::chrono::steady_clock::now();
    event.kind = body();
    event.duration = std::chrono::steady_clock::now() - start;
    events.push_back(event);
    hook(event);
  }

  // A module plugin is called as if it attached at the end of the main phase.
  static CallSite lazy_site(const Manifest& m) { return CallSite{m.name, Phase::main, 0, false}; }
  TraceEvent lazy_event(std::size_t plugin) const {
    TraceEvent e;
    e.plugin = plan.plugins[plugin].name;
    e.phase = Phase::main;
    return e;
  }

  TraceEvent event_for(const Step& step) const {
    TraceEvent e;
    e.plugin = plan.plugins[step.plugin].name;
    e.phase = step.phase;
    e.order = step.order;
    return e;
  }

  // Loads a step's library on its plugin's first attach point.
  Status ensure_loaded(const Step& step) { return ensure_loaded(step.plugin, event_for(step)); }

  Status ensure_loaded(std::size_t plugin, TraceEvent event) {
    if (libraries[plugin].loaded()) return Status::ok();
    Status status;
    record(std::move(event), [&] {
      status = load_plugin(plan.plugins[plugin], libraries[plugin], options.bind_now);
      return status.is_ok() ? TraceEvent::Kind::load : TraceEvent::Kind::attach_failed;
    });
    if (status.is_ok()) load_order.push_back(plugin);
    return status;
  }

  // A third-party plugin that failed to load may be left out when nothing depends on it:
  // no chosen plugin requires it and it fills no slot (the plan cannot be redone now).
  bool may_skip(std::size_t plugin) const {
    const Manifest& m = plan.plugins[plugin];
    if (!options.on_skip || !m.skippable || !m.provides.empty()) return false;
    return std::none_of(plan.plugins.begin(), plan.plugins.end(), [&](const Manifest& other) {
      return std::find(other.requires_.begin(), other.requires_.end(), m.name) != other.requires_.end();
    });
  }

  Status call(gopy_plugin_callback fn, const Step& step, void* interp, const char* what) {
    const Manifest& m = plan.plugins[step.plugin];
    CallSite site{m.name, step.phase, step.order, fills_path_config(m)};
    return call_plugin(fn, site, interp, view, what);
  }

  Status attach_step(std::size_t si, void* interp) {
    const Step& step = plan.steps[si];
    Status status = ensure_loaded(step);
    if (!status.is_ok()) return status;
    record(event_for(step), [&] {
      status = call(libraries[step.plugin].descriptor->attach, step, interp, "attach");
      return status.is_ok() ? TraceEvent::Kind::attach : TraceEvent::Kind::attach_failed;
    });
    if (!status.is_ok()) return status;
    attached.push_back(si);
    // CPython's path step round-trips the configuration through a dict, which makes every
    // BOOL field 0/1 (Modules/getpath.c: _PyConfig_AsDict, then _PyConfig_FromDict).
    if (fills_path_config(plan.plugins[step.plugin]) && view.path_config != nullptr)
      normalize_bool_fields(*view.path_config);
    return status;
  }

  Status detach_all(void* interp) {
    Status first;
    // Module plugins attached last (on import): they detach first.
    while (!lazy_attached.empty()) {
      std::size_t plugin = lazy_attached.back();
      lazy_attached.pop_back();
      gopy_plugin_callback detach = libraries[plugin].descriptor->detach;
      Status status;
      record(lazy_event(plugin), [&] {
        if (detach != nullptr) status = call_plugin(detach, lazy_site(plan.plugins[plugin]), interp, view, "detach");
        return status.is_ok() ? TraceEvent::Kind::detach : TraceEvent::Kind::detach_failed;
      });
      if (!status.is_ok() && first.is_ok()) first = status;
    }
    while (!attached.empty()) {
      const Step& step = plan.steps[attached.back()];
      attached.pop_back();
      gopy_plugin_callback detach = libraries[step.plugin].descriptor->detach;
      Status status;
      record(event_for(step), [&] {
        if (detach != nullptr) status = call(detach, step, interp, "detach");
        return status.is_ok() ? TraceEvent::Kind::detach : TraceEvent::Kind::detach_failed;
      });
      if (!status.is_ok() && first.is_ok()) first = status;
    }
    return first;
  }
};

PluginHost::PluginHost(Plan plan, HostOptions options)
    : PluginHost(std::make_shared<const Plan>(std::move(plan)), std::move(options)) {}

PluginHost::PluginHost(std::shared_ptr<const Plan> plan, HostOptions options)
    : impl_(std::make_unique<Impl>(std::move(plan))) {
  impl_->options = std::move(options);
  impl_->libraries.resize(impl_->plan.plugins.size());
  // A load and an unload per plugin, an attach and a detach per step: no regrowth.
  impl_->events.reserve(2 * (impl_->plan.plugins.size() + impl_->plan.steps.size()));
  impl_->skipped.assign(impl_->plan.plugins.size(), false);
  impl_->lazy_failures.resize(impl_->plan.plugins.size());
}

PluginHost::~PluginHost() {
  if (impl_) unload_all();
}

PluginHost::PluginHost(PluginHost&&) noexcept = default;

PluginHost& PluginHost::operator=(PluginHost&& other) noexcept {
  if (this != &other) {
    if (impl_) unload_all();
    impl_ = std::move(other.impl_);
  }
  return *this;
}

const Plan& PluginHost::plan() const { return impl_->plan; }

void PluginHost::set_context_view(const ContextView& view) { impl_->view = view; }

Status PluginHost::attach_phase(Phase phase, void* interp) {
  Impl& s = *impl_;
  if (!s.plan.ok()) return s.plan.status();
  using State = Impl::State;
  State want = phase == Phase::core ? State::fresh : State::core_attached;
  if (s.state != want) {
    return Status::error(Status::Category::plugin, "",
                         std::string("cannot attach the ") + std::string(phase_name(phase)) +
                             " phase now (phases attach once each, core first; "
                             "unload_all() starts over)");
  }
  for (std::size_t si = 0; si < s.plan.steps.size(); ++si) {
    const Step& step = s.plan.steps[si];
    if (step.phase != phase || s.skipped[step.plugin]) continue;
    Status loaded = s.ensure_loaded(step);
    if (!loaded.is_ok() && s.may_skip(step.plugin)) {
      s.skipped[step.plugin] = true;
      s.options.on_skip(loaded.message() + "; skipped");
      continue;
    }
    Status status = loaded.is_ok() ? s.attach_step(si, interp) : loaded;
    if (!status.is_ok()) {
      // The attach failure comes first; a plugin that then fails to undo its attach adds
      // its own line (as the plan's errors do).
      Status detached = s.detach_all(interp);
      s.state = State::unwound;
      if (detached.is_ok()) return status;
      return Status::error(Status::Category::plugin, status.func(),
                           status.message() + "\n" + detached.message(), status.exit_code());
    }
  }
  s.state = phase == Phase::core ? State::core_attached : State::main_attached;
  return Status::ok();
}

Status PluginHost::detach_all(void* interp) { return impl_->detach_all(interp); }

void PluginHost::unload_all() {
  Impl& s = *impl_;
  // (void): unload_all has no caller to report to (the destructor runs it too); each
  // failing detach is already in the trace as detach_failed. Callers that need the
  // status call detach_all first, as finalization does.
  if (!s.attached.empty()) (void)s.detach_all(nullptr);
  while (!s.load_order.empty()) {
    std::size_t plugin = s.load_order.back();
    s.load_order.pop_back();
    TraceEvent e;
    e.plugin = s.plan.plugins[plugin].name;
    s.record(e, [&] {
      s.libraries[plugin] = LoadedLibrary{};
      return TraceEvent::Kind::unload;
    });
  }
  s.skipped.assign(s.plan.plugins.size(), false);
  s.lazy_failures.assign(s.plan.plugins.size(), std::string());
  s.state = Impl::State::fresh;
}

std::size_t PluginHost::module_plugin(std::string_view module) const {
  const std::vector<Manifest>& plugins = impl_->plan.plugins;
  for (std::size_t i = 0; i < plugins.size(); ++i)
    if (std::find(plugins[i].modules.begin(), plugins[i].modules.end(), module) != plugins[i].modules.end())
      return i;
  return plugins.size();
}

Status PluginHost::load_module(std::string_view module, void* interp, void** init) {
  Impl& s = *impl_;
  *init = nullptr;
  std::size_t plugin = module_plugin(module);
  if (plugin == s.plan.plugins.size()) return Status::ok();
  const Manifest& m = s.plan.plugins[plugin];
  // A plugin whose attach failed stays loaded (unloaded at finalize) and keeps failing.
  if (!s.lazy_failures[plugin].empty()) return Status::error(Status::Category::plugin, "", s.lazy_failures[plugin]);
  if (!s.libraries[plugin].loaded()) {
    GOPY_RETURN_IF_ERROR(s.ensure_loaded(plugin, s.lazy_event(plugin)));
    if (gopy_plugin_callback attach = s.libraries[plugin].descriptor->attach) {
      Status status;
      s.record(s.lazy_event(plugin), [&] {
        status = call_plugin(attach, Impl::lazy_site(m), interp, s.view, "attach");
        return status.is_ok() ? TraceEvent::Kind::attach : TraceEvent::Kind::attach_failed;
      });
      if (!status.is_ok()) {
        s.lazy_failures[plugin] = status.message();
        return status;
      }
      s.lazy_attached.push_back(plugin);
    }
  }
  std::string symbol = "gopy_module_" + std::string(module);
  *init = dlsym(s.libraries[plugin].library.native(), symbol.c_str());
  if (*init == nullptr)
    return Status::error(Status::Category::plugin, "",
                         "plugin '" + m.name + "': library " + m.library.string() + " lists module '" +
                             std::string(module) + "' but does not export " + symbol);
  return Status::ok();
}

Status PluginHost::call_module_plugin(std::string_view module, void* interp,
                                      const std::function<int(gopy_plugin_context*)>& fn) {
  std::size_t plugin = module_plugin(module);
  if (plugin == impl_->plan.plugins.size())
    return Status::error(Status::Category::plugin, "", "no plugin provides module '" + std::string(module) + "'");
  return call_with_context(Impl::lazy_site(impl_->plan.plugins[plugin]), interp, impl_->view, "run module exec", fn);
}

std::vector<std::string> PluginHost::attached() const {
  std::vector<std::string> names;
  for (std::size_t si : impl_->attached) {
    const Step& step = impl_->plan.steps[si];
    names.push_back(impl_->plan.plugins[step.plugin].name + "@" +
                    std::string(phase_name(step.phase)) + ":" + std::to_string(step.order));
  }
  return names;
}

const std::vector<TraceEvent>& PluginHost::trace() const { return impl_->events; }

void PluginHost::set_trace_hook(std::function<void(const TraceEvent&)> hook) {
  impl_->hook = std::move(hook);
}

}  // namespace gopy::plugin
