// Ownership and mode checks before trusting a plugin directory, manifest or library.
// A file anyone else can write is code anyone else can run inside gopy.
#include "plugin/permissions.hpp"

#include <cerrno>
#include <cstdio>
#include <cstring>

#if !defined(_WIN32)
#include <sys/stat.h>
#include <unistd.h>
#endif

namespace gopy::plugin {

// OpenSSH: auth.c secure_filename (StrictModes) applies the same two rules.
std::string unsafe_permissions(const std::filesystem::path& path) {
#if defined(_WIN32)
  (void)path;
  return {};
#else
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return std::string("cannot be examined: ") + std::strerror(errno);
  if ((st.st_mode & (S_IWGRP | S_IWOTH)) != 0) {
    char mode[8];
    std::snprintf(mode, sizeof mode, "%04o", static_cast<unsigned>(st.st_mode & 07777));
    return std::string("writable by group or others (mode ") + mode + ")";
  }
  if (st.st_uid != ::geteuid() && st.st_uid != 0)
    return "owned by uid " + std::to_string(st.st_uid) + " (neither the current user nor root)";
  return {};
#endif
}

}  // namespace gopy::plugin
