// Discovery: from the plugin directories to the plan.
//
// One rule for slots and shadowing: directories are searched in priority order; a plugin
// whose name, or one of whose `provides` slots, is already taken by a higher-priority
// directory is shadowed; two candidates for the same name or slot in one directory are an
// error naming both files. A plugin for another platform claims nothing.
#include <algorithm>
#include <map>

#include "plugin/manifest.hpp"
#include "plugin/plugin_fs.hpp"

namespace gopy::plugin {
namespace fs = std::filesystem;

namespace {

std::string join(const std::vector<std::string>& items, std::string_view sep) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += sep;
    out += item;
  }
  return out;
}

bool contains(const std::vector<std::string>& items, std::string_view item) {
  return std::find(items.begin(), items.end(), item) != items.end();
}

void reject(Plan& plan, Candidate& c, std::string error) {
  c.state = Candidate::State::invalid;
  c.reason = error;
  plan.errors.push_back(std::move(error));
}

// Who holds a name or a slot: the index of the candidate.
using Claims = std::map<std::string, std::size_t, std::less<>>;

// Shadowing by higher-priority directories; returns the reason, or "" when free.
std::string shadowed_by(const Plan& plan, const Manifest& m, const Claims& names,
                        const Claims& slots) {
  if (auto it = names.find(m.name); it != names.end())
    return "shadowed by " + plan.candidates[it->second].file.string() + " (plugin '" +
           m.name + "')";
  for (const std::string& slot : m.provides)
    if (auto it = slots.find(slot); it != slots.end())
      return "shadowed by " + plan.candidates[it->second].file.string() + " (slot '" + slot +
             "')";
  return {};
}

// Same-directory conflicts among the candidates still standing in one directory.
void claim_directory(Plan& plan, const std::vector<std::size_t>& standing, Claims& names,
                     Claims& slots) {
  Claims dir_names, dir_slots;
  for (std::size_t ci : standing) {
    Candidate& c = plan.candidates[ci];
    const Manifest& m = *c.manifest;
    std::string error;
    if (auto it = dir_names.find(m.name); it != dir_names.end()) {
      error = manifest_error(c.file.string(), "name",
                             "plugin '" + m.name + "' is also named by " +
                                 plan.candidates[it->second].file.string() +
                                 " in the same directory");
      plan.candidates[it->second].state = Candidate::State::invalid;
      plan.candidates[it->second].reason = error;
    }
    for (const std::string& slot : m.provides) {
      if (!error.empty()) break;
      if (auto it = dir_slots.find(slot); it != dir_slots.end()) {
        error = manifest_error(c.file.string(), "provides",
                               "slot '" + slot + "' is also provided by " +
                                   plan.candidates[it->second].file.string() +
                                   " in the same directory");
        plan.candidates[it->second].state = Candidate::State::invalid;
        plan.candidates[it->second].reason = error;
      }
    }
    if (!error.empty()) {
      reject(plan, c, error);
      continue;
    }
    dir_names.emplace(m.name, ci);
    for (const std::string& slot : m.provides) dir_slots.emplace(slot, ci);
  }
  names.insert(dir_names.begin(), dir_names.end());
  slots.insert(dir_slots.begin(), dir_slots.end());
}

// A requires-cycle through `start`, as "a -> b -> a", or "" when there is none.
std::string find_cycle(const std::map<std::string, const Manifest*, std::less<>>& chosen,
                       const std::string& start) {
  std::vector<std::string> path{start};
  std::vector<std::string> visited;
  // Depth-first search following requirements between chosen plugins.
  auto visit = [&](auto& self, const std::string& name) -> bool {
    auto it = chosen.find(name);
    if (it == chosen.end()) return false;
    for (const std::string& req : it->second->requires_) {
      if (req == start) {
        path.push_back(req);
        return true;
      }
      if (contains(visited, req)) continue;
      visited.push_back(req);
      path.push_back(req);
      if (self(self, req)) return true;
      path.pop_back();
    }
    return false;
  };
  if (!visit(visit, start)) return {};
  return join(path, " -> ");
}

bool step_before(const Step& a, const Step& b, const Plan& plan) {
  if (a.phase != b.phase) return a.phase < b.phase;
  if (a.order != b.order) return a.order < b.order;
  return plan.plugins[a.plugin].name < plan.plugins[b.plugin].name;
}

std::string point_text(const Step& s) {
  return std::string(phase_name(s.phase)) + " " + std::to_string(s.order);
}

// The requirement rules: every required plugin is chosen, there is no cycle, and it first
// attaches before the plugin requiring it.
void check_requirements(Plan& plan) {
  std::map<std::string, const Manifest*, std::less<>> chosen;
  for (const Manifest& m : plan.plugins) chosen.emplace(m.name, &m);
  std::map<std::string, const Step*, std::less<>> first_step;
  for (const Step& s : plan.steps) first_step.emplace(plan.plugins[s.plugin].name, &s);

  for (Candidate& c : plan.candidates) {
    if (c.state != Candidate::State::chosen) continue;
    const Manifest& m = *c.manifest;
    std::string problem;
    for (const std::string& req : m.requires_) {
      if (chosen.count(req)) continue;
      // A requirement whose own manifest is invalid is already reported. One that did not
      // parse is known by its file name (manifests are named after their plugin).
      bool invalid_elsewhere = std::any_of(plan.candidates.begin(), plan.candidates.end(),
          [&](const Candidate& o) {
            if (o.state != Candidate::State::invalid) return false;
            return o.manifest ? o.manifest->name == req : o.file.stem() == req;
          });
      if (invalid_elsewhere) continue;
      problem = "requires '" + req + "', which no plugin directory provides";
      for (const Candidate& o : plan.candidates)
        if (o.manifest && o.manifest->name == req && o.state == Candidate::State::platform)
          problem = "requires '" + req + "', which is skipped on this platform (" + o.reason + ")";
      break;
    }
    if (problem.empty()) {
      std::string cycle = find_cycle(chosen, m.name);
      if (!cycle.empty()) problem = "requirement cycle " + cycle;
    }
    if (problem.empty()) {
      const Step* mine = first_step.at(m.name);
      for (const std::string& req : m.requires_) {
        auto it = first_step.find(req);
        if (it == first_step.end() || step_before(*it->second, *mine, plan)) continue;
        problem = "requires '" + req + "', which first attaches at " + point_text(*it->second) +
                  ", not before '" + m.name + "' at " + point_text(*mine);
        break;
      }
    }
    if (!problem.empty()) reject(plan, c, manifest_error(c.file.string(), "requires", problem));
  }
}

}  // namespace

Plan discover(const std::vector<fs::path>& dirs, std::string_view platform,
              DiscoverOptions options) {
  Plan plan;
  plan.dirs = dirs;
  Claims names, slots;
  for (std::size_t di = 0; di < dirs.size(); ++di) {
    std::string dir = dirs[di].string();
    while (dir.size() > 1 && dir.back() == '/') dir.pop_back();
    if (entry_kind(dir) != Entry::directory) continue;  // like a missing PYTHONPATH entry
    if (options.check_permissions) {
      std::string unsafe = unsafe_permissions(dir);
      if (!unsafe.empty()) {
        plan.errors.push_back("plugin directory " + dir + ": " + unsafe +
                              "; refusing to load plugins from it");
        continue;
      }
    }
    std::string real_dir = real_path(dir).value_or("");
    std::vector<std::size_t> standing;
    for (std::string& file : list_manifests(dir)) {
      std::size_t ci = plan.candidates.size();
      Candidate& c = plan.candidates.emplace_back();
      c.file = file;
      c.dir_index = di;
      if (options.check_permissions) {
        std::string unsafe = unsafe_permissions(file);
        if (!unsafe.empty()) {
          reject(plan, c, manifest_error(file, "", unsafe + "; refusing it"));
          continue;
        }
      }
      ManifestResult read = read_manifest(file, dir, real_dir);
      if (!read.manifest) {
        reject(plan, c, std::move(read.error));
        continue;
      }
      c.manifest = std::move(read.manifest);
      const Manifest& m = *c.manifest;
      if (!m.platforms.empty() && !contains(m.platforms, platform)) {
        c.state = Candidate::State::platform;
        c.reason = "platforms [" + join(m.platforms, ", ") + "] do not include " +
                   std::string(platform);
        continue;
      }
      c.reason = shadowed_by(plan, m, names, slots);
      if (!c.reason.empty()) {
        c.state = Candidate::State::shadowed;
        continue;
      }
      std::string library = m.library.string();
      if (options.check_permissions && entry_kind(library) != Entry::missing) {
        std::string unsafe = unsafe_permissions(library);
        if (!unsafe.empty()) {
          reject(plan, c, manifest_error(file, "library", library + " is " + unsafe + "; refusing it"));
          continue;
        }
      }
      c.state = Candidate::State::chosen;
      standing.push_back(ci);
    }
    claim_directory(plan, standing, names, slots);
  }

  for (const Candidate& c : plan.candidates)
    if (c.state == Candidate::State::chosen) plan.plugins.push_back(*c.manifest);
  std::sort(plan.plugins.begin(), plan.plugins.end(),
            [](const Manifest& a, const Manifest& b) { return a.name < b.name; });
  for (std::size_t pi = 0; pi < plan.plugins.size(); ++pi)
    for (const AttachPoint& p : plan.plugins[pi].attach)
      plan.steps.push_back(Step{p.phase, p.order, pi});
  std::stable_sort(plan.steps.begin(), plan.steps.end(),
                   [&](const Step& a, const Step& b) { return step_before(a, b, plan); });
  check_requirements(plan);
  return plan;
}

Status Plan::status() const {
  if (errors.empty()) return Status::ok();
  std::string message;
  for (const std::string& line : errors) {
    if (!message.empty()) message += '\n';
    message += line;
  }
  return Status::error(Status::Category::plugin, "", message, 1);
}

}  // namespace gopy::plugin
