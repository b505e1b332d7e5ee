// Discovery: from the plugin directories to the plan.
//
// One rule for slots and shadowing: directories are searched in priority order; a plugin
// whose name, or one of whose `provides` slots, is already taken by a higher-priority
// directory is shadowed; two candidates for the same name or slot in one directory are an
// error naming both files. A plugin for another platform claims nothing.
//
// Forgiveness: what is wrong with a third-party plugin (outside the shipped directory) makes
// it `broken` (skipped, one warning line) before it claims anything, so a shadowed shipped
// plugin fills its slot again; it is an error only when a chosen plugin requires it or it
// provides a slot nobody else fills.
#include <algorithm>
#include <map>

#include "plugin/loader.hpp"
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

// Invalid, or broken when `c` is a third-party candidate (its warning line is written once
// the plan is settled, see settle_broken).
void reject(Plan& plan, Candidate& c, std::string error) {
  c.reason = error;
  if (c.skippable) {
    c.state = Candidate::State::broken;
    return;
  }
  c.state = Candidate::State::invalid;
  plan.errors.push_back(std::move(error));
}

// A broken candidate that cannot be done without becomes an error.
void make_fatal(Plan& plan, Candidate& c, const std::string& why) {
  c.state = Candidate::State::invalid;
  c.reason += "; " + why;
  plan.errors.push_back(c.reason);
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

// The first of two conflicting candidates: the second's error line names both.
void mark_other(Candidate& c, const std::string& error) {
  c.state = c.skippable ? Candidate::State::broken : Candidate::State::invalid;
  c.reason = error;
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
      mark_other(plan.candidates[it->second], error);
    }
    for (const std::string& slot : m.provides) {
      if (!error.empty()) break;
      if (auto it = dir_slots.find(slot); it != dir_slots.end()) {
        error = manifest_error(c.file.string(), "provides",
                               "slot '" + slot + "' is also provided by " +
                                   plan.candidates[it->second].file.string() +
                                   " in the same directory");
        mark_other(plan.candidates[it->second], error);
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

// A plugin's first attach point (manifests list at least one).
AttachPoint first_point(const Manifest& m) {
  return *std::min_element(m.attach.begin(), m.attach.end(), [](const AttachPoint& a, const AttachPoint& b) {
    return a.phase != b.phase ? a.phase < b.phase : a.order < b.order;
  });
}

// Whether `a` first attaches before `b` (the plan's order: phase, order, then name). A
// module plugin is loaded on import, after every attach point.
bool attaches_before(const Manifest& a, const Manifest& b) {
  if (a.lazy() || b.lazy()) return !a.lazy();
  AttachPoint pa = first_point(a), pb = first_point(b);
  if (pa.phase != pb.phase) return pa.phase < pb.phase;
  if (pa.order != pb.order) return pa.order < pb.order;
  return a.name < b.name;
}

std::string point_text(const Manifest& m) {
  if (m.lazy()) return "import";
  AttachPoint p = first_point(m);
  return std::string(phase_name(p.phase)) + " " + std::to_string(p.order);
}

// The candidate a requirement names among those in `state` (one that did not parse is known
// by its file name: manifests are named after their plugin).
Candidate* find_named(Plan& plan, std::string_view name, Candidate::State state) {
  for (Candidate& o : plan.candidates) {
    if (o.state != state) continue;
    if (o.manifest ? o.manifest->name == name : o.file.stem() == name) return &o;
  }
  return nullptr;
}

// What is wrong with the requirements of chosen `m`, or "": every required plugin is
// chosen, there is no cycle, and it first attaches before the plugin requiring it.
std::string requirement_problem(Plan& plan, const Manifest& m,
                                const std::map<std::string, const Manifest*, std::less<>>& chosen) {
  for (const std::string& req : m.requires_) {
    if (chosen.count(req)) continue;
    // A requirement whose own manifest is invalid is already reported.
    if (find_named(plan, req, Candidate::State::invalid) != nullptr) continue;
    if (Candidate* broken = find_named(plan, req, Candidate::State::broken))
      return "requires '" + req + "', which is skipped: " + broken->reason;
    for (const Candidate& o : plan.candidates)
      if (o.manifest && o.manifest->name == req && o.state == Candidate::State::platform)
        return "requires '" + req + "', which is skipped on this platform (" + o.reason + ")";
    return "requires '" + req + "', which no plugin directory provides";
  }
  std::string cycle = find_cycle(chosen, m.name);
  if (!cycle.empty()) return "requirement cycle " + cycle;
  for (const std::string& req : m.requires_) {
    auto it = chosen.find(req);
    if (it == chosen.end() || attaches_before(*it->second, m)) continue;
    const Manifest& r = *it->second;
    return "requires '" + req + "', which first attaches at " + point_text(r) +
           ", not before '" + m.name + "' at " + point_text(m);
  }
  return {};
}

// The requirement rules, until nothing changes: a skippable plugin whose requirements fail
// is broken itself, which may break another that requires it; a broken plugin that a
// shipped plugin requires is an error.
void check_requirements(Plan& plan) {
  for (bool changed = true; changed;) {
    changed = false;
    // Judged against one snapshot (each member of a cycle names it), then applied.
    std::map<std::string, const Manifest*, std::less<>> chosen;
    for (const Candidate& c : plan.candidates)
      if (c.state == Candidate::State::chosen) chosen.emplace(c.manifest->name, &*c.manifest);
    std::vector<std::pair<Candidate*, std::string>> problems;
    for (Candidate& c : plan.candidates) {
      if (c.state != Candidate::State::chosen) continue;
      std::string problem = requirement_problem(plan, *c.manifest, chosen);
      if (!problem.empty()) problems.emplace_back(&c, std::move(problem));
    }
    for (auto& [cp, problem] : problems) {
      Candidate& c = *cp;
      const Manifest& m = *c.manifest;
      Candidate* broken = nullptr;
      for (const std::string& req : m.requires_)
        if (!broken && !chosen.count(req)) broken = find_named(plan, req, Candidate::State::broken);
      if (!c.skippable && broken != nullptr) {
        // A shipped plugin's requirement cannot be skipped: its own error is the one line.
        make_fatal(plan, *broken, "plugin '" + m.name + "' requires it");
      } else {
        reject(plan, c, manifest_error(c.file.string(), "requires", problem));
      }
      changed = true;
    }
  }
}

// A broken plugin providing a slot that no chosen plugin fills cannot be skipped; the
// others become warnings.
void settle_broken(Plan& plan) {
  std::vector<std::string> filled;
  for (const Candidate& c : plan.candidates)
    if (c.state == Candidate::State::chosen)
      filled.insert(filled.end(), c.manifest->provides.begin(), c.manifest->provides.end());
  for (Candidate& c : plan.candidates) {
    if (c.state != Candidate::State::broken || !c.manifest) continue;
    for (const std::string& slot : c.manifest->provides)
      if (!contains(filled, slot)) {
        make_fatal(plan, c, "no other plugin provides slot '" + slot + "'");
        break;
      }
  }
  for (const Candidate& c : plan.candidates) {
    if (c.state != Candidate::State::broken) continue;
    std::string line = c.reason + "; skipped";
    if (!contains(plan.warnings, line)) plan.warnings.push_back(std::move(line));
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
    const bool skippable = !options.shipped_dir.empty() &&
                           fs::path(dir).lexically_normal() != options.shipped_dir.lexically_normal();
    if (options.check_permissions) {
      std::string unsafe = unsafe_permissions(dir);
      if (!unsafe.empty()) {
        std::string line = "plugin directory " + dir + ": " + unsafe + "; refusing to load plugins from it";
        (skippable ? plan.warnings : plan.errors).push_back(std::move(line));
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
      c.skippable = skippable;
      if (options.check_permissions) {
        std::string unsafe = unsafe_permissions(file);
        if (!unsafe.empty()) {
          reject(plan, c, manifest_error(file, "", unsafe + "; refusing it"));
          continue;
        }
      }
      ManifestResult read = read_manifest(file, dir, real_dir);
      plan.warnings.insert(plan.warnings.end(), read.warnings.begin(), read.warnings.end());
      if (!read.manifest) {
        reject(plan, c, std::move(read.error));
        continue;
      }
      c.manifest = std::move(read.manifest);
      c.manifest->skippable = skippable;
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
      // Checked before it claims its name and slots, so that a broken third-party plugin
      // shadows nothing.
      if (std::string problem = options.check_loadable ? preload_problem(m) : "";
          !problem.empty()) {
        reject(plan, c, std::move(problem));
        continue;
      }
      c.state = Candidate::State::chosen;
      standing.push_back(ci);
    }
    claim_directory(plan, standing, names, slots);
  }
  check_requirements(plan);
  settle_broken(plan);

  for (const Candidate& c : plan.candidates)
    if (c.state == Candidate::State::chosen) plan.plugins.push_back(*c.manifest);
  std::sort(plan.plugins.begin(), plan.plugins.end(),
            [](const Manifest& a, const Manifest& b) { return a.name < b.name; });
  for (std::size_t pi = 0; pi < plan.plugins.size(); ++pi)
    for (const AttachPoint& p : plan.plugins[pi].attach)
      plan.steps.push_back(Step{p.phase, p.order, pi});
  std::stable_sort(plan.steps.begin(), plan.steps.end(),
                   [&](const Step& a, const Step& b) { return step_before(a, b, plan); });
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
