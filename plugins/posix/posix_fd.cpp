// The posix functions on file descriptors: open, read, write, lseek, pipe, dup, isatty, ...
// (CPython: Modules/posixmodule.c os_open_impl, os_read_impl, os_write_impl, ...).
#include <fcntl.h>
#include <sched.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdio>

#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

Object* stat_result_from(const struct stat& st);

namespace {

Object* none() { return new_ref(None()); }

gopy_Object* f_open(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int flags, mode, dir_fd;
  if (!path_arg(obj(a[0]), "open", "path", &path) || !int_arg(obj(a[1]), &flags) || !int_arg(obj(a[2]), &mode) ||
      !dir_fd_arg(obj(a[3]), &dir_fd))
    return nullptr;
  int fd;
  do fd = openat(dir_fd, path.c_str(), flags | O_CLOEXEC, mode);
  while (fd < 0 && errno == EINTR);
  if (fd < 0) return raise_errno(errno, path.object);
  return out(new_int(fd));
}

gopy_Object* f_close(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  if (close(fd) != 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_closerange(gopy_Object*, gopy_Object* const* a) {
  int low, high;
  if (!int_arg(obj(a[0]), &low) || !int_arg(obj(a[1]), &high)) return nullptr;
  for (int fd = low; fd < high; ++fd) close(fd);
  return out(none());
}

gopy_Object* f_read(gopy_Object*, gopy_Object* const* a) {
  int fd;
  ssize length;
  if (!int_arg(obj(a[0]), &fd) || !index_as_ssize(obj(a[1]), &length)) return nullptr;
  if (length < 0) return raise_errno(EINVAL);
  std::string buf(static_cast<size_t>(length), '\0');
  ssize_t n;
  do n = read(fd, buf.data(), buf.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  buf.resize(static_cast<size_t>(n));
  return out(new_bytes(buf));
}

gopy_Object* f_write(gopy_Object*, gopy_Object* const* a) {
  int fd;
  std::string_view data;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  if (!bytes_like_view(obj(a[1]), &data))
    return out(type_error(std::string("a bytes-like object is required, not '") + obj(a[1])->type->name + "'"));
  ssize_t n;
  do n = write(fd, data.data(), data.size());
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

gopy_Object* f_lseek(gopy_Object*, gopy_Object* const* a) {
  int fd, whence;
  int64_t pos;
  if (!int_arg(obj(a[0]), &fd) || !int64_arg(obj(a[1]), &pos) || !int_arg(obj(a[2]), &whence))
    return nullptr;
  off_t r = lseek(fd, pos, whence);
  if (r < 0) return raise_errno(errno);
  return out(new_int(r));
}

gopy_Object* f_pipe(gopy_Object*, gopy_Object* const*) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0) return raise_errno(errno);
  return out(new_tuple_steal({new_int(fds[0]), new_int(fds[1])}));
}

gopy_Object* f_dup(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  int r = fcntl(fd, F_DUPFD_CLOEXEC, 0);
  if (r < 0) return raise_errno(errno);
  return out(new_int(r));
}

gopy_Object* f_dup2(gopy_Object*, gopy_Object* const* a) {
  int fd, fd2;
  int inheritable = object_is_true(obj(a[2]));
  if (!int_arg(obj(a[0]), &fd) || !int_arg(obj(a[1]), &fd2) || inheritable < 0) return nullptr;
  int r = inheritable ? dup2(fd, fd2) : dup3(fd, fd2, O_CLOEXEC);
  if (r < 0) return raise_errno(errno);
  return out(new_int(r));
}

gopy_Object* f_isatty(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  return out(new_bool(isatty(fd) == 1));
}

gopy_Object* f_fstat(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  struct stat st;
  if (fstat(fd, &st) != 0) return raise_errno(errno);
  return out(stat_result_from(st));
}

gopy_Object* f_fsync(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!fildes_arg(obj(a[0]), &fd)) return nullptr;
  if (fsync(fd) != 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_ftruncate(gopy_Object*, gopy_Object* const* a) {
  int fd;
  int64_t length;
  if (!int_arg(obj(a[0]), &fd) || !int64_arg(obj(a[1]), &length)) return nullptr;
  if (ftruncate(fd, length) != 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_get_inheritable(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_errno(errno);
  return out(new_bool((flags & FD_CLOEXEC) == 0));
}

gopy_Object* f_set_inheritable(gopy_Object*, gopy_Object* const* a) {
  int fd;
  int inheritable = object_is_true(obj(a[1]));
  if (!int_arg(obj(a[0]), &fd) || inheritable < 0) return nullptr;
  int flags = fcntl(fd, F_GETFD);
  if (flags < 0) return raise_errno(errno);
  flags = inheritable ? flags & ~FD_CLOEXEC : flags | FD_CLOEXEC;
  if (fcntl(fd, F_SETFD, flags) < 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_get_blocking(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_errno(errno);
  return out(new_bool((flags & O_NONBLOCK) == 0));
}

gopy_Object* f_set_blocking(gopy_Object*, gopy_Object* const* a) {
  int fd;
  int blocking = object_is_true(obj(a[1]));
  if (!int_arg(obj(a[0]), &fd) || blocking < 0) return nullptr;
  int flags = fcntl(fd, F_GETFL);
  if (flags < 0) return raise_errno(errno);
  flags = blocking ? flags & ~O_NONBLOCK : flags | O_NONBLOCK;
  if (fcntl(fd, F_SETFL, flags) < 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_device_encoding(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  if (isatty(fd) == 1) return out(new_str("UTF-8"));
  return out(none());
}

}  // namespace

const gopy_FunctionDef kFdFunctions[] = {
    {"open", f_open, "path, flags, mode=511, *, dir_fd=None", "Open a file for low level IO.  Returns a file descriptor (integer)."},
    {"close", f_close, "fd", "Close a file descriptor."},
    {"closerange", f_closerange, "fd_low, fd_high, /", "Closes all file descriptors in [fd_low, fd_high), ignoring errors."},
    {"read", f_read, "fd, length, /", "Read from a file descriptor.  Returns a bytes object."},
    {"write", f_write, "fd, data, /", "Write a bytes object to a file descriptor."},
    {"lseek", f_lseek, "fd, position, whence, /", "Set the position of a file descriptor.  Return the new position."},
    {"pipe", f_pipe, "", "Create a pipe."},
    {"dup", f_dup, "fd, /", "Return a duplicate of a file descriptor."},
    {"dup2", f_dup2, "fd, fd2, inheritable=True", "Duplicate file descriptor."},
    {"isatty", f_isatty, "fd, /", "Return True if the fd is connected to a terminal."},
    {"fstat", f_fstat, "fd", "Perform a stat system call on the given file descriptor."},
    {"fsync", f_fsync, "fd", "Force write of fd to disk."},
    {"ftruncate", f_ftruncate, "fd, length, /", "Truncate a file, specified by file descriptor, to a specific length."},
    {"get_inheritable", f_get_inheritable, "fd, /", "Get the close-on-exe flag of the specified file descriptor."},
    {"set_inheritable", f_set_inheritable, "fd, inheritable, /", "Set the inheritable flag of the specified file descriptor."},
    {"get_blocking", f_get_blocking, "fd, /", "Get the blocking mode of the file descriptor."},
    {"set_blocking", f_set_blocking, "fd, blocking, /", "Set the blocking mode of the specified file descriptor."},
    {"device_encoding", f_device_encoding, "fd", "Return a string describing the encoding of a terminal's file descriptor."},
    {nullptr, nullptr, nullptr, nullptr},
};

int add_constants(Object* module) {
  const std::pair<const char*, int64_t> constants[] = {
      {"F_OK", F_OK}, {"R_OK", R_OK}, {"W_OK", W_OK}, {"X_OK", X_OK},
      {"O_RDONLY", O_RDONLY}, {"O_WRONLY", O_WRONLY}, {"O_RDWR", O_RDWR}, {"O_APPEND", O_APPEND},
      {"O_CREAT", O_CREAT}, {"O_EXCL", O_EXCL}, {"O_TRUNC", O_TRUNC}, {"O_NONBLOCK", O_NONBLOCK},
      {"O_NDELAY", O_NDELAY}, {"O_SYNC", O_SYNC}, {"O_DSYNC", O_DSYNC}, {"O_NOCTTY", O_NOCTTY},
      {"O_CLOEXEC", O_CLOEXEC}, {"O_DIRECTORY", O_DIRECTORY}, {"O_NOFOLLOW", O_NOFOLLOW},
      {"O_ACCMODE", O_ACCMODE}, {"O_NOATIME", O_NOATIME}, {"O_PATH", O_PATH}, {"O_TMPFILE", O_TMPFILE},
      {"O_ASYNC", O_ASYNC}, {"O_DIRECT", O_DIRECT}, {"O_LARGEFILE", O_LARGEFILE}, {"O_RSYNC", O_RSYNC},
      {"SEEK_SET", SEEK_SET}, {"SEEK_CUR", SEEK_CUR}, {"SEEK_END", SEEK_END}, {"SEEK_DATA", SEEK_DATA},
      {"SEEK_HOLE", SEEK_HOLE}, {"F_LOCK", F_LOCK}, {"F_TLOCK", F_TLOCK}, {"F_ULOCK", F_ULOCK}, {"F_TEST", F_TEST},
      {"EX_OK", 0}, {"EX_USAGE", 64}, {"EX_DATAERR", 65}, {"EX_NOINPUT", 66}, {"EX_NOUSER", 67},
      {"EX_NOHOST", 68}, {"EX_UNAVAILABLE", 69}, {"EX_SOFTWARE", 70}, {"EX_OSERR", 71}, {"EX_OSFILE", 72},
      {"EX_CANTCREAT", 73}, {"EX_IOERR", 74}, {"EX_TEMPFAIL", 75}, {"EX_PROTOCOL", 76}, {"EX_NOPERM", 77},
      {"EX_CONFIG", 78}, {"WNOHANG", WNOHANG}, {"WUNTRACED", WUNTRACED}, {"WCONTINUED", WCONTINUED},
      {"WEXITED", WEXITED}, {"WSTOPPED", WSTOPPED}, {"WNOWAIT", WNOWAIT}, {"P_PID", P_PID}, {"P_PGID", P_PGID},
      {"P_ALL", P_ALL}, {"P_PIDFD", P_PIDFD}, {"PRIO_PROCESS", PRIO_PROCESS}, {"PRIO_PGRP", PRIO_PGRP},
      {"PRIO_USER", PRIO_USER}, {"GRND_NONBLOCK", GRND_NONBLOCK}, {"GRND_RANDOM", GRND_RANDOM},
      {"POSIX_FADV_NORMAL", POSIX_FADV_NORMAL}, {"POSIX_FADV_SEQUENTIAL", POSIX_FADV_SEQUENTIAL},
      {"POSIX_FADV_RANDOM", POSIX_FADV_RANDOM}, {"POSIX_FADV_NOREUSE", POSIX_FADV_NOREUSE},
      {"POSIX_FADV_WILLNEED", POSIX_FADV_WILLNEED}, {"POSIX_FADV_DONTNEED", POSIX_FADV_DONTNEED},
      {"O_FSYNC", O_FSYNC}, {"SCHED_OTHER", SCHED_OTHER}, {"SCHED_NORMAL", SCHED_OTHER}, {"SCHED_FIFO", SCHED_FIFO},
      {"SCHED_RR", SCHED_RR}, {"SCHED_BATCH", SCHED_BATCH}, {"SCHED_IDLE", SCHED_IDLE},
      {"SCHED_RESET_ON_FORK", SCHED_RESET_ON_FORK}, {"SCHED_DEADLINE", SCHED_DEADLINE}, {"TMP_MAX", TMP_MAX}, {"NGROUPS_MAX", NGROUPS_MAX},
      {"AT_FDCWD", AT_FDCWD},
  };
  auto* m = static_cast<ModuleObject*>(module);
  for (auto& [name, value] : constants) {
    Ref<> v = Ref<>::steal(new_int(value));
    if (!v || dict_set_str(m->dict, name, v.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace gopy_posix
