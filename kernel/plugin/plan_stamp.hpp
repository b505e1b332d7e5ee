// What the plan caches judge a plan's sources by: each path's file-system identity, mode,
// owner, size and times (internal to the kernel).
#pragma once

#include <string>
#include <vector>

#include <sys/stat.h>

#include "gopy/plugin_host.hpp"

#include "gopy/api_begin.h"  // exported for the unit tests only
namespace gopy::plugin {

struct Stamp {
  bool exists = false;
  dev_t dev = 0;
  ino_t ino = 0;
  mode_t mode = 0;
  uid_t uid = 0;
  off_t size = 0;
  timespec mtime{};
  timespec ctime{};

  bool operator==(const Stamp& o) const;
};

Stamp stamp_of(const std::string& path);

// Every path a plan was made from: its directories first, then the manifests and libraries.
std::vector<std::string> sources_of(const Plan& plan);

// Whether a change within the file system's timestamp granularity could leave `s`'s times
// unchanged: it was modified less than two seconds before `now_sec`.
bool too_recent(const Stamp& s, long now_sec);

}  // namespace gopy::plugin
#include "gopy/api_end.h"
