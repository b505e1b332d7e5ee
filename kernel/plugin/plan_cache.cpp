// The per-process plan cache: a plan stays valid while the stat of every directory,
// manifest and library it was made from is unchanged (a file added to or removed from a
// directory changes the directory's times; an edited file its own). Where the kernel can
// tell, an inotify watch on the directories holding the files replaces their stats.
#include "plugin/plan_cache.hpp"
#include "plugin/plan_stamp.hpp"

#include <memory>
#include <mutex>
#include <string>
#include <tuple>

#include <fcntl.h>
#include <linux/magic.h>
#include <sys/inotify.h>
#include <sys/ioctl.h>
#include <sys/stat.h>
#include <sys/vfs.h>
#include <time.h>
#include <unistd.h>

namespace gopy::plugin {

bool Stamp::operator==(const Stamp& o) const {
  auto key = [](const Stamp& s) {
    return std::tie(s.exists, s.dev, s.ino, s.mode, s.uid, s.size, s.mtime.tv_sec,
                    s.mtime.tv_nsec, s.ctime.tv_sec, s.ctime.tv_nsec);
  };
  return key(*this) == key(o);
}

namespace {

Stamp stamp_from(const struct stat& st) {
  Stamp s;
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

}  // namespace

Stamp stamp_of(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Stamp{};
  return stamp_from(st);
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

// A directory holding some of the plan's manifests and libraries, held open: each file is
// then looked up from it by its name, not along its whole path again (a cycle stats some
// thirty files), once the path is seen to name the same directory still. A directory that
// cannot be opened holds no descriptor, and its files are looked up by their paths.
struct HeldDirectory {
  std::string path;
  dev_t dev = 0;
  ino_t ino = 0;
  int fd = -1;
};

struct KeptFile {
  static constexpr std::size_t kByPath = static_cast<std::size_t>(-1);
  std::size_t dir;   // in Kept::dirs, or kByPath (the plan's own directories)
  std::string path;
  std::string name;  // within the directory
  Stamp stamp;
  bool watched = false;  // its directory's inotify watch reports any change to it
};

struct Kept {
  std::shared_ptr<const Plan> plan;
  std::vector<HeldDirectory> dirs;
  std::vector<KeptFile> files;
  int watch_fd = -1;  // inotify, watching every held directory
  pid_t watcher = 0;  // the process that reads it (a forked child shares its queue)

  Kept() = default;
  Kept(const Kept&) = delete;
  Kept& operator=(const Kept&) = delete;
  ~Kept() {
    for (const HeldDirectory& d : dirs)
      if (d.fd >= 0) ::close(d.fd);
    if (watch_fd >= 0) ::close(watch_fd);
  }
};

// A descriptor the cache keeps, moved above the standard streams' numbers: in a process
// started with stdin (or another) closed, the lowest free number would otherwise make it
// the stream sys.stdin is created on.
int above_std_streams(int fd) {
  if (fd < 0 || fd > STDERR_FILENO) return fd;
  int moved = ::fcntl(fd, F_DUPFD_CLOEXEC, STDERR_FILENO + 1);
  ::close(fd);
  return moved;
}

// Whether the held directory is the one its path names still, and its descriptor still
// the one the cache opened (an embedder may close descriptors it does not own).
bool same_directory(const HeldDirectory& d) {
  if (d.fd < 0) return true;
  struct stat named, held;
  return ::stat(d.path.c_str(), &named) == 0 && ::fstat(d.fd, &held) == 0 &&
         named.st_dev == d.dev && named.st_ino == d.ino && held.st_dev == d.dev && held.st_ino == d.ino;
}

Stamp current_stamp(const Kept& kept, const KeptFile& f) {
  if (f.dir == KeptFile::kByPath || kept.dirs[f.dir].fd < 0) return stamp_of(f.path);
  struct stat st;
  return ::fstatat(kept.dirs[f.dir].fd, f.name.c_str(), &st, 0) == 0 ? stamp_from(st) : Stamp{};
}

// Whether the watch has seen nothing happen since the files were stamped: no event is
// queued (an overflowed queue queues one too). Asked without reading, so nothing is taken
// from the descriptor even if an embedder closed it and the number went to another file.
bool nothing_seen(const Kept& kept) {
  if (kept.watch_fd < 0 || kept.watcher != ::getpid()) return false;
  int queued = 0;
  return ::ioctl(kept.watch_fd, FIONREAD, &queued) == 0 && queued == 0;
}

bool unchanged(const Kept& kept) {
  for (const HeldDirectory& d : kept.dirs)
    if (!same_directory(d)) return false;
  const bool watch_holds = nothing_seen(kept);
  for (const KeptFile& f : kept.files)
    if (!(watch_holds && f.watched) && !(current_stamp(kept, f) == f.stamp)) return false;
  return true;
}

// Whether an inotify watch on directory `fd` reports every change to its entry `name`:
// a regular file with no other link (a change through another link, or to a symlink's
// target, is reported to the other directory) on a local file system (a network file
// system does not report changes made by other hosts). A second link made later, and the
// file changed through it, would go unseen: the one case the watch misses and stats catch.
bool watch_reports(int fd, const std::string& name) {
  struct stat st;
  if (::fstatat(fd, name.c_str(), &st, AT_SYMLINK_NOFOLLOW) != 0 || !S_ISREG(st.st_mode) ||
      st.st_nlink != 1)
    return false;
  struct statfs fs;
  if (::fstatfs(fd, &fs) != 0) return false;
  switch (static_cast<unsigned long>(fs.f_type)) {
    case EXT4_SUPER_MAGIC:  // ext2, ext3 and ext4 alike
    case XFS_SUPER_MAGIC:
    case BTRFS_SUPER_MAGIC:
    case TMPFS_MAGIC:
    case OVERLAYFS_SUPER_MAGIC:
      return true;
    default:
      return false;
  }
}

// Watches every held directory, before the files are stamped, so that no change after the
// stamps goes unseen; the files the watch reports are then no longer stat'ed on each use.
void watch_directories(Kept& kept) {
  kept.watch_fd = above_std_streams(::inotify_init1(IN_NONBLOCK | IN_CLOEXEC));
  if (kept.watch_fd < 0) return;  // out of inotify instances: every file is stat'ed
  kept.watcher = ::getpid();
  constexpr uint32_t kAnyChange = IN_ATTRIB | IN_MODIFY | IN_CLOSE_WRITE | IN_CREATE | IN_DELETE |
                                  IN_MOVED_FROM | IN_MOVED_TO | IN_DELETE_SELF | IN_MOVE_SELF;
  for (HeldDirectory& d : kept.dirs) {
    // Through the held descriptor, so the watch is on the directory its path was seen to name.
    const std::string held = "/proc/self/fd/" + std::to_string(d.fd);
    if (d.fd >= 0 && ::inotify_add_watch(kept.watch_fd, held.c_str(), kAnyChange | IN_ONLYDIR) < 0) {
      ::close(kept.watch_fd);
      kept.watch_fd = -1;
      return;
    }
  }
}

// The index in kept.dirs of directory `path`, held from now on.
std::size_t hold_directory(Kept& kept, const std::string& path) {
  for (std::size_t i = 0; i < kept.dirs.size(); ++i)
    if (kept.dirs[i].path == path) return i;
  HeldDirectory d{path, 0, 0, above_std_streams(::open(path.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC))};
  struct stat st;
  if (d.fd >= 0 && ::fstat(d.fd, &st) == 0) {
    d.dev = st.st_dev;
    d.ino = st.st_ino;
  } else if (d.fd >= 0) {
    ::close(d.fd);
    d.fd = -1;
  }
  kept.dirs.push_back(std::move(d));
  return kept.dirs.size() - 1;
}

// `plan` with its sources stamped; null when one of them is too recent to trust (a second
// change within the timestamp granularity would go unseen).
std::unique_ptr<Kept> keep(std::shared_ptr<const Plan> plan) {
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  auto kept = std::make_unique<Kept>();
  const std::vector<std::string> sources = sources_of(*plan);  // the plan's directories first
  for (std::size_t i = 0; i < sources.size(); ++i) {
    std::filesystem::path file(sources[i]);
    std::size_t dir = i < plan->dirs.size() ? KeptFile::kByPath
                                            : hold_directory(*kept, file.parent_path().string());
    kept->files.push_back({dir, sources[i], file.filename().string(), Stamp{}});
  }
  watch_directories(*kept);
  for (KeptFile& f : kept->files) {
    f.stamp = stamp_of(f.path);
    if (too_recent(f.stamp, now.tv_sec)) return nullptr;
    f.watched = kept->watch_fd >= 0 && f.dir != KeptFile::kByPath && kept->dirs[f.dir].fd >= 0 &&
                watch_reports(kept->dirs[f.dir].fd, f.name);
  }
  kept->plan = std::move(plan);
  return kept;
}

std::mutex g_mutex;
std::unique_ptr<Kept> g_kept;
bool g_disabled = false;  // a one-shot process, or files too recent to trust

}  // namespace

std::shared_ptr<const Plan> cached_plan(const std::vector<std::filesystem::path>& dirs) {
  std::lock_guard<std::mutex> lock(g_mutex);
  if (!g_kept || g_kept->plan->dirs != dirs) return nullptr;
  if (!unchanged(*g_kept)) {
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
  g_kept = keep(std::move(plan));
  // Files too recent to trust: the process then stops keeping plans, so its memory use
  // does not change later on.
  if (!g_kept) g_disabled = true;
}

void plan_cache_one_shot() {
  std::lock_guard<std::mutex> lock(g_mutex);
  g_disabled = true;
  g_kept.reset();
}

}  // namespace gopy::plugin
