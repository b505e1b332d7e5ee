// Reading a source file whole, with the errno CPython's Py_fopen would report.
// CPython: Python/fileutils.c _Py_fopen_obj (a directory fails with EISDIR).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <string>

#include "gopy/eval.hpp"
#include "gopy/fs_fault.hpp"
#include "gopy/object_exc.hpp"

namespace gopy {

int read_source_file(const std::string& path, std::string* text) {
  if (int err = fault::fs_error("open", path.c_str())) return err;
  int fd;
  do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return errno;
  struct stat st;
  if (::fstat(fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    ::close(fd);
    return EISDIR;
  }
  text->clear();
  char buf[65536];
  for (;;) {
    ssize_t n = ::read(fd, buf, sizeof buf);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) {
      int err = errno;
      ::close(fd);
      return err;
    }
    if (n == 0) break;
    text->append(buf, size_t(n));
  }
  ::close(fd);
  return 0;
}

int read_source_file_or_raise(const std::string& path, std::string* text) {
  int err = read_source_file(path, text);
  if (err == 0) return 0;
  os_error_from_errno(err, &path);
  return -1;
}

}  // namespace gopy
