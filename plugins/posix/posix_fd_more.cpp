// More posix functions on file descriptors: positioned and vectored I/O, pipe2, sendfile,
// copy_file_range, fdatasync, lockf, posix_fallocate/posix_fadvise, fchmod, fchown, fchdir,
// ttyname (CPython: Modules/posixmodule.c os_pread_impl, os_pwrite_impl, os_readv_impl,
// os_writev_impl, os_pipe2_impl, os_sendfile_impl, ...).
#include <fcntl.h>
#include <sys/sendfile.h>
#include <sys/stat.h>
#include <sys/uio.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <vector>

#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

namespace {

Object* none() { return new_ref(None()); }

bool off_arg(Object* arg, int64_t* value) { return int64_arg(arg, value); }

gopy_Object* f_pread(gopy_Object*, gopy_Object* const* a) {
  int fd;
  ssize length;
  int64_t offset;
  if (!int_arg(obj(a[0]), &fd) || !index_as_ssize(obj(a[1]), &length) || !off_arg(obj(a[2]), &offset))
    return nullptr;
  if (length < 0) return raise_errno(EINVAL);
  std::string buf(static_cast<size_t>(length), '\0');
  ssize_t n;
  do n = pread(fd, buf.data(), buf.size(), offset);
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  buf.resize(static_cast<size_t>(n));
  return out(new_bytes(buf));
}

gopy_Object* f_pwrite(gopy_Object*, gopy_Object* const* a) {
  int fd;
  std::string_view data;
  int64_t offset;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  if (!bytes_like_view(obj(a[1]), &data))
    return out(type_error(std::string("a bytes-like object is required, not '") + obj(a[1])->type->name + "'"));
  if (!off_arg(obj(a[2]), &offset)) return nullptr;
  ssize_t n;
  do n = pwrite(fd, data.data(), data.size(), offset);
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

// The buffers of readv: writable bytearrays (CPython takes any writable buffer; gopy's
// writable buffers are bytearrays).
gopy_Object* f_readv(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  Ref<TupleObject> buffers = Ref<TupleObject>::steal(tuple_from_iterable(obj(a[1])));
  if (!buffers) {
    clear_error();
    return out(type_error("readv() arg 2 must be a sequence"));
  }
  std::vector<iovec> vec;
  for (Object* b : buffers->items) {
    if (!is_bytearray(b))
      return out(type_error(std::string("readv() arg 2 must be a sequence of writable buffers, not '") +
                            b->type->name + "'"));
    auto& data = as_bytearray(b)->data;
    vec.push_back({data.data(), data.size()});
  }
  ssize_t n;
  do n = readv(fd, vec.data(), int(vec.size()));
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

gopy_Object* f_writev(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  Ref<TupleObject> buffers = Ref<TupleObject>::steal(tuple_from_iterable(obj(a[1])));
  if (!buffers) {
    clear_error();
    return out(type_error("writev() arg 2 must be a sequence"));
  }
  std::vector<iovec> vec;
  for (Object* b : buffers->items) {
    std::string_view data;
    if (!bytes_like_view(b, &data))
      return out(type_error(std::string("a bytes-like object is required, not '") + b->type->name + "'"));
    vec.push_back({const_cast<char*>(data.data()), data.size()});
  }
  ssize_t n;
  do n = writev(fd, vec.data(), int(vec.size()));
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

// CPython: os_readinto_impl: into a writable buffer (a bytearray, or a writable
// memoryview of one), as many bytes as one read gives.
gopy_Object* f_readinto(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  Object* buffer = obj(a[1]);
  char* start = nullptr;
  size_t size = 0;
  if (is_bytearray(buffer)) {
    start = as_bytearray(buffer)->data.data();
    size = as_bytearray(buffer)->data.size();
  } else if (is_memoryview(buffer) && !static_cast<MemoryViewObject*>(buffer)->readonly &&
             static_cast<MemoryViewObject*>(buffer)->base && is_bytearray(static_cast<MemoryViewObject*>(buffer)->base)) {
    auto* view = static_cast<MemoryViewObject*>(buffer);
    start = as_bytearray(view->base)->data.data() + view->offset;
    size = static_cast<size_t>(view->length);
  } else {
    return out(type_error(std::string("readinto() argument 2 must be read-write bytes-like object, not ") +
                          buffer->type->name));
  }
  ssize_t n;
  do n = read(fd, start, size);
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

gopy_Object* f_pipe2(gopy_Object*, gopy_Object* const* a) {
  int flags;
  if (!int_arg(obj(a[0]), &flags)) return nullptr;
  int fds[2];
  if (pipe2(fds, flags) != 0) return raise_errno(errno);
  return out(new_tuple_steal({new_int(fds[0]), new_int(fds[1])}));
}

// sendfile(out_fd, in_fd, offset, count): offset None sends from in_fd's own position.
gopy_Object* f_sendfile(gopy_Object*, gopy_Object* const* a) {
  int out_fd, in_fd;
  ssize count;
  if (!int_arg(obj(a[0]), &out_fd) || !int_arg(obj(a[1]), &in_fd) || !index_as_ssize(obj(a[3]), &count))
    return nullptr;
  off_t offset = 0;
  bool positioned = obj(a[2]) != None();
  if (positioned) {
    int64_t o;
    if (!off_arg(obj(a[2]), &o)) return nullptr;
    offset = o;
  }
  ssize_t n;
  do n = sendfile(out_fd, in_fd, positioned ? &offset : nullptr, static_cast<size_t>(count));
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

gopy_Object* f_copy_file_range(gopy_Object*, gopy_Object* const* a) {
  int src, dst;
  ssize count;
  if (!int_arg(obj(a[0]), &src) || !int_arg(obj(a[1]), &dst) || !index_as_ssize(obj(a[2]), &count)) return nullptr;
  loff_t offsets[2] = {0, 0};
  loff_t* pointers[2] = {nullptr, nullptr};
  for (int i = 0; i < 2; ++i) {
    if (obj(a[3 + i]) == None()) continue;
    int64_t o;
    if (!off_arg(obj(a[3 + i]), &o)) return nullptr;
    offsets[i] = o;
    pointers[i] = &offsets[i];
  }
  ssize_t n;
  do n = copy_file_range(src, pointers[0], dst, pointers[1], static_cast<size_t>(count), 0);
  while (n < 0 && errno == EINTR);
  if (n < 0) return raise_errno(errno);
  return out(new_int(n));
}

gopy_Object* f_fdatasync(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!fildes_arg(obj(a[0]), &fd)) return nullptr;
  if (fdatasync(fd) != 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_fchdir(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!fildes_arg(obj(a[0]), &fd)) return nullptr;
  if (fchdir(fd) != 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_lockf(gopy_Object*, gopy_Object* const* a) {
  int fd, command;
  int64_t length;
  if (!int_arg(obj(a[0]), &fd) || !int_arg(obj(a[1]), &command) || !off_arg(obj(a[2]), &length)) return nullptr;
  if (lockf(fd, command, length) != 0) return raise_errno(errno);
  return out(none());
}

// posix_fallocate and posix_fadvise return the error number instead of setting errno.
gopy_Object* f_posix_fallocate(gopy_Object*, gopy_Object* const* a) {
  int fd;
  int64_t offset, length;
  if (!int_arg(obj(a[0]), &fd) || !off_arg(obj(a[1]), &offset) || !off_arg(obj(a[2]), &length)) return nullptr;
  int err;
  do err = posix_fallocate(fd, offset, length);
  while (err == EINTR);
  if (err != 0) return raise_errno(err);
  return out(none());
}

gopy_Object* f_posix_fadvise(gopy_Object*, gopy_Object* const* a) {
  int fd, advice;
  int64_t offset, length;
  if (!int_arg(obj(a[0]), &fd) || !off_arg(obj(a[1]), &offset) || !off_arg(obj(a[2]), &length) ||
      !int_arg(obj(a[3]), &advice))
    return nullptr;
  int err;
  do err = posix_fadvise(fd, offset, length, advice);
  while (err == EINTR);
  if (err != 0) return raise_errno(err);
  return out(none());
}

gopy_Object* f_fchmod(gopy_Object*, gopy_Object* const* a) {
  int fd, mode;
  if (!int_arg(obj(a[0]), &fd) || !int_arg(obj(a[1]), &mode)) return nullptr;
  if (fchmod(fd, static_cast<mode_t>(mode)) != 0) return raise_errno(errno);
  return out(none());
}

// A uid or gid: -1 (leave unchanged) or a non-negative id (CPython: _Py_Uid_Converter).
bool id_arg(Object* arg, bool is_uid, unsigned* id) {
  if (!is_int(arg)) {
    type_error(std::string(is_uid ? "uid" : "gid") + " should be integer, not " + arg->type->name);
    return false;
  }
  int64_t v = 0;
  bool fits = int_to_int64(arg, &v);
  if (!fits || v < -1 || v > UINT_MAX - 1) {
    clear_error();
    bool negative = fits ? v < 0 : int_sign(arg) < 0;
    overflow_error(std::string(is_uid ? "uid" : "gid") + " is " + (negative ? "less than minimum" : "greater than maximum"));
    return false;
  }
  *id = static_cast<unsigned>(v);
  return true;
}

gopy_Object* f_fchown(gopy_Object*, gopy_Object* const* a) {
  int fd;
  unsigned uid, gid;
  if (!int_arg(obj(a[0]), &fd) || !id_arg(obj(a[1]), true, &uid) || !id_arg(obj(a[2]), false, &gid)) return nullptr;
  if (fchown(fd, uid, gid) != 0) return raise_errno(errno);
  return out(none());
}

gopy_Object* f_ttyname(gopy_Object*, gopy_Object* const* a) {
  int fd;
  if (!int_arg(obj(a[0]), &fd)) return nullptr;
  char name[256];
  int err = ttyname_r(fd, name, sizeof name);
  if (err != 0) return raise_errno(err);
  return out(new_str_fs(name));
}

}  // namespace

// The uid/gid converter, shared with chown and lchown.
bool owner_id_arg(Object* arg, bool is_uid, unsigned* id) { return id_arg(arg, is_uid, id); }

const gopy_FunctionDef kFdMoreFunctions[] = {
    {"pread", f_pread, "fd, length, offset, /", "Read a number of bytes from a file descriptor starting at a particular offset."},
    {"pwrite", f_pwrite, "fd, str, offset, /", "Write bytes to a file descriptor starting at a particular offset."},
    {"readv", f_readv, "fd, buffers, /", "Read from a file descriptor fd into an iterable of buffers."},
    {"writev", f_writev, "fd, buffers, /", "Iterate over buffers, and write the contents of each to a file descriptor."},
    {"readinto", f_readinto, "fd, buffer, /", "Read into a buffer object from a file descriptor."},
    {"pipe2", f_pipe2, "flags, /", "Create a pipe with flags set atomically."},
    {"sendfile", f_sendfile, "out_fd, in_fd, offset, count", "Copy count bytes from file descriptor in_fd to file descriptor out_fd."},
    {"copy_file_range", f_copy_file_range, "src, dst, count, offset_src=None, offset_dst=None",
     "Copy count bytes from one file descriptor to another."},
    {"fdatasync", f_fdatasync, "fd", "Force write of fd to disk without forcing update of metadata."},
    {"fchdir", f_fchdir, "fd", "Change to the directory of the given file descriptor."},
    {"lockf", f_lockf, "fd, command, length, /", "Apply, test or remove a POSIX lock on an open file descriptor."},
    {"posix_fallocate", f_posix_fallocate, "fd, offset, length, /",
     "Ensure a file has allocated at least a particular number of bytes on disk."},
    {"posix_fadvise", f_posix_fadvise, "fd, offset, length, advice, /",
     "Announce an intention to access data in a specific pattern."},
    {"fchmod", f_fchmod, "fd, mode", "Change the access permissions of the file given by file descriptor fd."},
    {"fchown", f_fchown, "fd, uid, gid", "Change the owner and group id of the file specified by file descriptor."},
    {"ttyname", f_ttyname, "fd, /", "Return the name of the terminal device connected to 'fd'."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_posix
