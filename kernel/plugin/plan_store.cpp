// The on-disk plan: a header (format, kernel ABI, user, permission checks), the stamps of
// every source path, then the plan itself, written as length-prefixed tokens ("<n>:<bytes>"
// for a string, "<n>;" for a number) so no path or name needs escaping.
#include "plugin/plan_store.hpp"

#include <cerrno>
#include <cstdio>
#include <string>
#include <string_view>

#include <fcntl.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "plugin/plan_stamp.hpp"
#include "plugin/plugin_fs.hpp"

namespace gopy::plugin {
namespace fs = std::filesystem;

namespace {

constexpr std::string_view kFormat = "gopy-plugin-plan 1";

class Writer {
 public:
  void str(std::string_view s) {
    num(s.size(), ':');
    out_ += s;
  }
  void num(unsigned long long n, char end = ';') {
    out_ += std::to_string(n);
    out_ += end;
  }
  void sgn(long long n) {
    // The magnitude in unsigned arithmetic: -n would overflow for the smallest value.
    auto magnitude = static_cast<unsigned long long>(n);
    out_ += n < 0 ? '-' : '+';
    num(n < 0 ? 0ULL - magnitude : magnitude);
  }
  void names(const std::vector<std::string>& items) {
    num(items.size());
    for (const std::string& item : items) str(item);
  }
  const std::string& text() const { return out_; }

 private:
  std::string out_;
};

// Reads what Writer wrote; any mismatch sets `bad` and yields empty values from then on.
class Reader {
 public:
  explicit Reader(std::string_view text) : rest_(text) {}
  bool bad = false;

  unsigned long long num(char end = ';') {
    // At most 19 digits: no overflow to check.
    unsigned long long n = 0;
    std::size_t used = 0;
    for (; used < rest_.size() && used < 19 && rest_[used] >= '0' && rest_[used] <= '9'; ++used)
      n = n * 10 + static_cast<unsigned>(rest_[used] - '0');
    if (bad || used == 0 || used >= rest_.size() || rest_[used] != end) {
      bad = true;
      return 0;
    }
    rest_.remove_prefix(used + 1);
    return n;
  }
  long long sgn() {
    if (bad || rest_.empty() || (rest_[0] != '-' && rest_[0] != '+')) {
      bad = true;
      return 0;
    }
    bool negative = rest_[0] == '-';
    rest_.remove_prefix(1);
    unsigned long long magnitude = num();
    // Converted back modulo 2^64, so no value of a damaged file overflows.
    return static_cast<long long>(negative ? 0ULL - magnitude : magnitude);
  }
  std::string str() {
    std::size_t n = num(':');
    if (bad || n > rest_.size()) {
      bad = true;
      return {};
    }
    std::string s(rest_.substr(0, n));
    rest_.remove_prefix(n);
    return s;
  }
  // A count of items that follow, each at least two bytes long (a bound against a
  // damaged file asking for a huge vector).
  std::size_t count() {
    std::size_t n = num();
    if (n > rest_.size() / 2) bad = true;
    return bad ? 0 : n;
  }
  std::vector<std::string> names() {
    std::vector<std::string> items(count());
    for (std::string& item : items) item = str();
    return items;
  }
  Phase phase() {
    unsigned value = static_cast<unsigned>(num());
    if (value > static_cast<unsigned>(Phase::main)) bad = true;
    return bad ? Phase::core : static_cast<Phase>(value);
  }
  bool at_end() const { return !bad && rest_.empty(); }

 private:
  std::string_view rest_;
};

void write_stamp(Writer& w, const Stamp& s) {
  w.num(s.exists);
  w.num(s.dev);
  w.num(s.ino);
  w.num(s.mode);
  w.num(s.uid);
  w.sgn(s.size);
  for (const timespec& t : {s.mtime, s.ctime}) {
    w.sgn(t.tv_sec);
    w.sgn(t.tv_nsec);
  }
}

Stamp read_stamp(Reader& r) {
  Stamp s;
  s.exists = r.num() != 0;
  s.dev = static_cast<dev_t>(r.num());
  s.ino = static_cast<ino_t>(r.num());
  s.mode = static_cast<mode_t>(r.num());
  s.uid = static_cast<uid_t>(r.num());
  s.size = static_cast<off_t>(r.sgn());
  for (timespec* t : {&s.mtime, &s.ctime}) {
    t->tv_sec = static_cast<time_t>(r.sgn());
    t->tv_nsec = static_cast<long>(r.sgn());
  }
  return s;
}

void write_manifest(Writer& w, const Manifest& m) {
  w.str(m.file.string());
  w.str(m.name);
  w.str(m.library.string());
  w.str(m.entry);
  w.num(m.abi.major);
  w.num(m.abi.minor);
  w.str(m.abi.identity);
  w.names(m.platforms);
  w.names(m.provides);
  w.names(m.requires_);
  w.num(m.attach.size());
  for (const AttachPoint& p : m.attach) {
    w.num(static_cast<unsigned>(p.phase));
    w.sgn(p.order);
  }
  w.names(m.modules);
  w.num(m.skippable);
}

Manifest read_manifest_entry(Reader& r) {
  Manifest m;
  m.file = r.str();
  m.name = r.str();
  m.library = r.str();
  m.entry = r.str();
  m.abi.major = static_cast<std::uint32_t>(r.num());
  m.abi.minor = static_cast<std::uint32_t>(r.num());
  m.abi.identity = r.str();
  m.platforms = r.names();
  m.provides = r.names();
  m.requires_ = r.names();
  m.attach.resize(r.count());
  for (AttachPoint& p : m.attach) {
    p.phase = r.phase();
    p.order = static_cast<int>(r.sgn());
  }
  m.modules = r.names();
  m.skippable = r.num() != 0;
  return m;
}

// Everything discovery's result depends on besides the files: the format, the kernel's ABI
// (preload checks compare against it), the platform, the user (permission checks judge
// owners against it) and whether permissions were checked.
void write_header(Writer& w, bool check_permissions) {
  w.str(kFormat);
  w.str(kernel_abi().to_string());
  w.str(host_platform());
  w.num(::geteuid());
  w.num(check_permissions);
}

bool header_matches(Reader& r, bool check_permissions) {
  Writer expected;
  write_header(expected, check_permissions);
  Reader want(expected.text());
  return r.str() == want.str() && r.str() == want.str() && r.str() == want.str() &&
         r.num() == want.num() && r.num() == want.num() && !r.bad;
}

bool clean(const Plan& plan) {
  if (!plan.errors.empty() || !plan.warnings.empty()) return false;
  for (const Candidate& c : plan.candidates)
    if (!c.manifest) return false;
  return true;
}

}  // namespace

fs::path stored_plan_file() {
  fs::path shipped = shipped_plugin_dir();
  return shipped.empty() ? shipped : shipped.parent_path() / "plugin-cache" / "plan";
}

std::optional<Plan> load_stored_plan(const fs::path& file, const std::vector<fs::path>& dirs,
                                     bool check_permissions) {
  if (file.empty()) return std::nullopt;
  if (check_permissions && (!unsafe_permissions(file.parent_path().string()).empty() ||
                            !unsafe_permissions(file.string()).empty()))
    return std::nullopt;
  std::string io_error;
  std::optional<std::string> text = read_file(file.string(), io_error);
  if (!text) return std::nullopt;
  Reader r(*text);
  if (!header_matches(r, check_permissions)) return std::nullopt;

  std::size_t sources = r.count();
  for (std::size_t i = 0; i < sources && !r.bad; ++i) {
    std::string path = r.str();
    Stamp kept = read_stamp(r);
    if (r.bad || !(stamp_of(path) == kept)) return std::nullopt;
  }
  Plan plan;
  plan.dirs.resize(r.count());
  for (fs::path& dir : plan.dirs) dir = r.str();
  if (r.bad || plan.dirs != dirs) return std::nullopt;
  plan.candidates.resize(r.count());
  for (Candidate& c : plan.candidates) {
    c.file = r.str();
    c.dir_index = r.num();
    c.skippable = r.num() != 0;
    unsigned state = static_cast<unsigned>(r.num());
    if (state > static_cast<unsigned>(Candidate::State::broken)) r.bad = true;
    c.state = static_cast<Candidate::State>(state);
    c.reason = r.str();
    c.manifest = read_manifest_entry(r);
  }
  // The chosen manifests again, in the plan's order (stored as indexes into the candidates).
  plan.plugins.resize(r.count());
  for (Manifest& m : plan.plugins) {
    std::size_t ci = r.num();
    if (ci >= plan.candidates.size() || !plan.candidates[ci].manifest) {
      r.bad = true;
      break;
    }
    m = *plan.candidates[ci].manifest;
  }
  plan.steps.resize(r.count());
  for (Step& s : plan.steps) {
    s.phase = r.phase();
    s.order = static_cast<int>(r.sgn());
    s.plugin = r.num();
    if (s.plugin >= plan.plugins.size()) r.bad = true;
  }
  if (!r.at_end()) return std::nullopt;
  return plan;
}

void store_plan(const fs::path& file, const Plan& plan, bool check_permissions) {
  if (file.empty() || !clean(plan)) return;
  Writer w;
  write_header(w, check_permissions);
  std::vector<std::string> paths = sources_of(plan);
  timespec now{};
  ::clock_gettime(CLOCK_REALTIME, &now);
  w.num(paths.size());
  for (const std::string& path : paths) {
    Stamp s = stamp_of(path);
    if (too_recent(s, now.tv_sec)) return;
    w.str(path);
    write_stamp(w, s);
  }
  w.num(plan.dirs.size());
  for (const fs::path& dir : plan.dirs) w.str(dir.string());
  w.num(plan.candidates.size());
  for (const Candidate& c : plan.candidates) {
    w.str(c.file.string());
    w.num(c.dir_index);
    w.num(c.skippable);
    w.num(static_cast<unsigned>(c.state));
    w.str(c.reason);
    write_manifest(w, *c.manifest);
  }
  w.num(plan.plugins.size());
  for (const Manifest& m : plan.plugins) {
    std::size_t ci = 0;
    while (ci < plan.candidates.size() &&
           !(plan.candidates[ci].state == Candidate::State::chosen &&
             plan.candidates[ci].manifest->name == m.name))
      ++ci;
    if (ci == plan.candidates.size()) return;
    w.num(ci);
  }
  w.num(plan.steps.size());
  for (const Step& s : plan.steps) {
    w.num(static_cast<unsigned>(s.phase));
    w.sgn(s.order);
    w.num(s.plugin);
  }

  std::string dir = file.parent_path().string();
  if (::mkdir(dir.c_str(), 0755) != 0 && errno != EEXIST) return;
  std::string temp = file.string() + "." + std::to_string(::getpid()) + ".tmp";
  int fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
  if (fd < 0) return;
  const std::string& text = w.text();
  bool written = ::write(fd, text.data(), text.size()) == static_cast<ssize_t>(text.size());
  written = ::close(fd) == 0 && written;
  if (!written || std::rename(temp.c_str(), file.c_str()) != 0) ::unlink(temp.c_str());
}

}  // namespace gopy::plugin
