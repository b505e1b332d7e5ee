// getpath's file-system primitives over the real (POSIX) file system.
// CPython: Modules/getpath.c getpath_isfile, getpath_isdir, getpath_isxfile,
// getpath_realpath (the readlink loop), getpath_readlines.
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <memory>
#include <string>
#include <vector>

#include "gopy/fs_fault.hpp"
#include "gopy/pathconfig_fs.hpp"

namespace gopy::pathconfig {
namespace {

bool stat_mode(const std::string& path, mode_t& mode) {
  if (int err = fault::fs_error("stat", path.c_str())) {
    errno = err;
    return false;
  }
  struct stat st;
  if (::stat(path.c_str(), &st) != 0) return false;
  mode = st.st_mode;
  return true;
}

// The Python exception an errno becomes (only the ones getpath tells apart).
FsError error_from_errno(int err, const std::string& path) {
  std::string message = "[Errno " + std::to_string(err) + "] " + std::strerror(err) + ": '" +
                        path + "'";
  if (err == ENOENT) return {FsError::Kind::not_found, "FileNotFoundError", message};
  if (err == EACCES || err == EPERM) {
    return {FsError::Kind::permission_denied, "PermissionError", message};
  }
  return {FsError::Kind::other, "OSError", message};
}

// Split as getpath_readlines does: on '\n', dropping trailing '\r'/'\n', keeping a last
// unterminated line when it is not empty.
std::vector<std::string> split_lines(const std::string& text) {
  std::vector<std::string> lines;
  std::size_t start = 0;
  for (;;) {
    auto newline = text.find('\n', start);
    if (newline == std::string::npos) break;
    std::size_t end = newline;
    while (end > start && (text[end - 1] == '\r' || text[end - 1] == '\n')) --end;
    lines.push_back(text.substr(start, end - start));
    start = newline + 1;
  }
  if (start < text.size()) lines.push_back(text.substr(start));
  return lines;
}

}  // namespace

bool RealFileSystem::isfile(const std::string& path) const {
  mode_t mode = 0;
  return stat_mode(path, mode) && S_ISREG(mode);
}

bool RealFileSystem::isdir(const std::string& path) const {
  mode_t mode = 0;
  return stat_mode(path, mode) && S_ISDIR(mode);
}

bool RealFileSystem::isxfile(const std::string& path) const {
  mode_t mode = 0;
  return stat_mode(path, mode) && S_ISREG(mode) && (mode & 0111) != 0;
}

// Resolves a symlinked file (not its directories), as getpath.c does where readlink exists.
FsResult<std::string> RealFileSystem::realpath(const std::string& path) const {
  constexpr int kMaxLinks = 40;  // the Linux kernel's limit since 4.2
  std::string current = path;
  char buffer[4096];  // on the stack: the usual call finds no link at all
  for (int followed = 0; followed < kMaxLinks; ++followed) {
    // A failing readlink ends the resolution there, as in getpath.c.
    if (fault::fs_error("readlink", current.c_str()) != 0) return current;
    ssize_t length = ::readlink(current.c_str(), buffer, sizeof buffer);
    if (length < 0) return current;
    std::string target(buffer, static_cast<std::size_t>(length));
    if (syntax_.isabs(target)) {
      current = target;
    } else {
      auto slash = current.rfind(syntax_.sep());
      std::string dir = slash == std::string::npos ? current : current.substr(0, slash);
      current = syntax_.joinpath(dir, target);
    }
  }
  return FsError{FsError::Kind::other, "OSError", "maximum number of symbolic links reached"};
}

FsResult<std::vector<std::string>> RealFileSystem::readlines(const std::string& path) const {
  constexpr std::size_t kMaxFile = 32 * 1024;
  if (int err = fault::fs_error("open", path.c_str())) return error_from_errno(err, path);
  // Opened without blocking and checked before reading: a FIFO (or a device) where a file
  // is expected would otherwise block start-up forever. A directory fails as fread does.
  int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) return error_from_errno(errno, path);
  struct stat st;
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    int err = S_ISDIR(st.st_mode) ? EISDIR : EINVAL;
    ::close(fd);
    return error_from_errno(err, path);
  }
  std::unique_ptr<FILE, int (*)(FILE*)> file(::fdopen(fd, "rb"), &std::fclose);
  if (!file) {
    int err = errno;
    ::close(fd);
    return error_from_errno(err, path);
  }
  std::string text(kMaxFile, '\0');
  std::size_t read = std::fread(text.data(), 1, kMaxFile, file.get());
  if (read >= kMaxFile) {
    return FsError{FsError::Kind::other, "MemoryError",
                   "cannot read file larger than 32KB during initialization"};
  }
  text.resize(read);
  return split_lines(text);
}

}  // namespace gopy::pathconfig
