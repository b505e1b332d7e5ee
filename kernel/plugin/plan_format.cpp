// Text views of the plan and of the sequencer's trace (for `-X plugins`, `-X lifecycle`
// and tests).
#include "gopy/plugin_host.hpp"

namespace gopy::plugin {

std::string_view phase_name(Phase phase) { return phase == Phase::core ? "core" : "main"; }

std::string_view state_name(Candidate::State state) {
  switch (state) {
    case Candidate::State::chosen: return "chosen";
    case Candidate::State::platform: return "skipped (platform)";
    case Candidate::State::shadowed: return "skipped (shadowed)";
    case Candidate::State::invalid: return "invalid";
    case Candidate::State::broken: return "skipped (broken)";
  }
  return "?";
}

namespace {

std::string modules_text(const Manifest& m) {
  std::string text;
  for (const std::string& module : m.modules) text += (text.empty() ? "" : ", ") + module;
  return text;
}

}  // namespace

std::string Plan::describe(const std::function<bool(std::string_view)>& loaded) const {
  std::string out = "plugin directories (highest priority first):\n";
  for (std::size_t i = 0; i < dirs.size(); ++i)
    out += "  [" + std::to_string(i + 1) + "] " + dirs[i].string() + "\n";
  out += "manifests:\n";
  if (candidates.empty()) out += "  (none found)\n";
  for (const Candidate& c : candidates) {
    out += "  [" + std::to_string(c.dir_index + 1) + "] " + c.file.filename().string() + ": " +
           std::string(state_name(c.state));
    if (!c.reason.empty()) out += ": " + c.reason;
    // A module plugin: loaded on the first import of one of its modules.
    if (c.state == Candidate::State::chosen && c.manifest->lazy()) {
      bool is_loaded = loaded && loaded(c.manifest->name);
      out += " (lazy: modules " + modules_text(*c.manifest) + "; " + (is_loaded ? "loaded" : "not loaded") + ")";
    }
    out += "\n";
  }
  out += "attach order:\n";
  if (steps.empty()) out += "  (nothing)\n";
  for (const Step& s : steps) {
    const Manifest& m = plugins[s.plugin];
    out += "  " + std::string(phase_name(s.phase)) + " " + std::to_string(s.order) + " " +
           m.name + " (" + m.library.string() + ")\n";
  }
  bool any_lazy = false;
  for (const Manifest& m : plugins) {
    if (!m.lazy()) continue;
    if (!any_lazy) out += "loaded on import:\n";
    any_lazy = true;
    out += "  import " + modules_text(m) + ": " + m.name + " (" + m.library.string() + ")\n";
  }
  for (const std::string& w : warnings) out += "warning: " + w + "\n";
  for (const std::string& e : errors) out += "error: " + e + "\n";
  return out;
}

std::string_view kind_name(TraceEvent::Kind kind) {
  switch (kind) {
    case TraceEvent::Kind::load: return "load";
    case TraceEvent::Kind::attach: return "attach";
    case TraceEvent::Kind::attach_failed: return "attach failed";
    case TraceEvent::Kind::detach: return "detach";
    case TraceEvent::Kind::detach_failed: return "detach failed";
    case TraceEvent::Kind::unload: return "unload";
  }
  return "?";
}

std::string trace_text(const std::vector<TraceEvent>& events) {
  std::string out;
  auto add = [&](const std::string& name, const char* mark) {
    if (!out.empty()) out += ' ';
    out += name + mark;
  };
  for (const TraceEvent& e : events) {
    switch (e.kind) {
      case TraceEvent::Kind::attach: add(e.plugin, "+"); break;
      case TraceEvent::Kind::attach_failed: add(e.plugin, "!"); break;
      case TraceEvent::Kind::detach: add(e.plugin, "-"); break;
      case TraceEvent::Kind::detach_failed: add(e.plugin, "-!"); break;
      case TraceEvent::Kind::load:
      case TraceEvent::Kind::unload: break;
    }
  }
  return out;
}

}  // namespace gopy::plugin
