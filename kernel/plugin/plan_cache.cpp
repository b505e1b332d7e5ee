// The per-process plan cache: a plan stays valid while the stat of every directory,
// manifest and library it was made from is unchanged (a file added to or removed from a
// directory changes the directory's times; an edited file its own).
#include "plugin/plan_cache.hpp"
#include "plugin/plan_stamp.hpp"

#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <tuple>

#include <sys/stat.h>
#include <time.h>

namespace gopy::plugin {

bool Stamp::operator==(const Stamp& o) const {
  auto key = [](const Stamp& s) {
    return std::tie(s.exists, s.dev, s.ino, s.mode, s.uid, s.size, s.mtime.tv_sec,
                    s.mtime.tv_nsec, s.ctime.tv_sec, s.ctime.tv_nsec);
  };
  return key(*this) == key(o);
}

Stamp stamp_of(const std::string& path) {
  Stamp s;
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return s;
  s.exists = true;
  s.dev = st.st_dev;
  s.ino = st.st_ino;
  s.mode = st.st_mode;
  s.uid = st.st_uid;
  s.size = st.st_size;
  s.mtime = st.st_mtim;
  s.ctime = st.st_ctim;
  return s;
}

std::vector<std::string> sources_of(const Plan& plan) {
  std::vector<std::string> paths;
  for (const std::filesystem::path& dir : plan.dirs) paths.push_back(dir.string());
  for (const Candidate& c : plan.candidates) {
    paths.push_back(c.file.string());
    if (c.manifest) paths.push_back(c.manifest->library.string());
  }
  return paths;
}

bool too_recent(const Stamp& s, long now_sec) {
  return s.exists && (s.mtime.tv_sec + 2 > now_sec || s.ctime.tv_sec + 2 > now_sec);
}

namespace {

struct Kept {
  std::shared_ptr<const Plan> plan;
  std::vector<std::string> paths;
  std::vector<Stamp> stamps;
};

std::mutex g_mutex;
std::optional<Kept> g_kept;
bool g_disabled = false;  // a one-shot process, or files too recent to trust

}  // namespace

std::shared_ptr<const Plan> cached_plan(const std::vector<std::filesystem::path>& dirs) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!g_kept || g_kept->plan->dirs != dirs) return nullptr;
  for (std::size_t i = 0; i < g_kept->paths.size(); ++i)
    if (!(stamp_of(g_kept->paths[i]) == g_kept->stamps[i])) {
      g_kept.reset();
      return nullptr;
    }
  return g_kept->plan;
}

void remember_plan(std::shared_ptr<const Plan> plan) {
  bool clean = plan->errors.empty() && plan->warnings.empty();
  for (const Candidate& c : plan->candidates) clean = clean && c.manifest.has_value();
  std::lock_guard<std::mutex> lock(g_mutex);
  g_kept.reset();
  if (!clean || g_disabled) return;
  std::vector<std::string> paths = sources_of(*plan);
  Kept kept{std::move(plan), std::move(paths), {}};
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  for (const std::string& path : kept.paths) {
    Stamp s = stamp_of(path);
    // Too recent to trust: a second change within the timestamp granularity would go unseen.
    // The process then stops keeping plans, so its memory use does not change later on.
    if (too_recent(s, now.tv_sec)) {
      g_disabled = true;
      return;
    }
    kept.stamps.push_back(s);
  }
  g_kept = std::move(kept);
}

void plan_cache_one_shot() {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_disabled = true;
  g_kept.reset();
}

}  // namespace gopy::plugin
