// POSIX implementations of discovery's file-system primitives.
#include "plugin/plugin_fs.hpp"

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstdio>
#include <cstdlib>
#include <cstring>

#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace gopy::plugin {

Entry entry_kind(const std::string& path) {
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return Entry::missing;
  if (S_ISDIR(st.st_mode)) return Entry::directory;
  if (S_ISREG(st.st_mode)) return Entry::file;
  return Entry::other;
}

std::vector<std::string> list_manifests(const std::string& dir) {
  std::vector<std::string> files;
  DIR* d = ::opendir(dir.c_str());
  if (d == nullptr) return files;
  while (const dirent* e = ::readdir(d)) {
    std::size_t len = std::strlen(e->d_name);
    if (len <= 5 || std::strcmp(e->d_name + len - 5, ".json") != 0) continue;
    std::string path = dir + "/" + e->d_name;
    bool regular = e->d_type == DT_REG ||
                   ((e->d_type == DT_UNKNOWN || e->d_type == DT_LNK) && entry_kind(path) == Entry::file);
    if (regular) files.push_back(std::move(path));
  }
  ::closedir(d);
  std::sort(files.begin(), files.end());
  return files;
}

std::optional<std::string> read_file(const std::string& path, std::string& error) {
  int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    error = std::strerror(errno);
    return std::nullopt;
  }
  std::string text;
  char buffer[4096];
  for (;;) {
    ssize_t n = ::read(fd, buffer, sizeof buffer);
    if (n > 0) {
      text.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0) {
      break;
    } else if (errno != EINTR) {
      error = std::strerror(errno);
      ::close(fd);
      return std::nullopt;
    }
  }
  ::close(fd);
  return text;
}

std::optional<std::string> real_path(const std::string& path) {
  char* resolved = ::realpath(path.c_str(), nullptr);
  if (resolved == nullptr) return std::nullopt;
  std::string out(resolved);
  std::free(resolved);
  return out;
}

bool is_symlink(const std::string& path) {
  struct stat st;
  return ::lstat(path.c_str(), &st) == 0 && S_ISLNK(st.st_mode);
}

// OpenSSH: auth.c secure_filename (StrictModes) applies the same two rules.
std::string unsafe_permissions(const std::string& path) {
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
}

}  // namespace gopy::plugin
