// The posix functions on paths: stat, directories, links, renames, permissions and times
// (CPython: Modules/posixmodule.c os_stat_impl, os_listdir_impl, os_mkdir_impl, ...).
#include <dirent.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <sys/sysmacros.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cmath>
#include <vector>

#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

// CPython: _pystat_fromstructstat.
Object* stat_result_from(const struct stat& st) {
  return make_struct("stat_result",
                     {new_int(st.st_mode), new_int(static_cast<int64_t>(st.st_ino)), new_int(static_cast<int64_t>(st.st_dev)),
                      new_int(static_cast<int64_t>(st.st_nlink)), new_int(st.st_uid), new_int(st.st_gid),
                      new_int(st.st_size), new_int(st.st_atim.tv_sec), new_int(st.st_mtim.tv_sec),
                      new_int(st.st_ctim.tv_sec), timespec_seconds(st.st_atim), timespec_seconds(st.st_mtim),
                      timespec_seconds(st.st_ctim), timespec_ns(st.st_atim), timespec_ns(st.st_mtim),
                      timespec_ns(st.st_ctim), new_int(st.st_blksize), new_int(st.st_blocks),
                      new_int(static_cast<int64_t>(st.st_rdev))});
}

namespace {

bool follow_arg(Object* arg, bool* follow) {
  int t = object_is_true(arg);
  if (t < 0) return false;
  *follow = t != 0;
  return true;
}

// stat takes a descriptor for the path, lstat does not (CPython: os_lstat_impl's path_t
// without allow_fd).
Object* do_stat(const char* func, Object* path_obj, Object* dir_fd_obj, bool follow, bool allow_fd) {
  Path path;
  int dir_fd;
  if (!path_arg(path_obj, func, "path", &path, allow_fd) || !dir_fd_arg(dir_fd_obj, &dir_fd)) return nullptr;
  struct stat st;
  int rc = path.fd >= 0 ? fstat(path.fd, &st)
                        : fstatat(dir_fd, path.c_str(), &st, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return raise_errno(errno, path.object);
  return stat_result_from(st);
}

gopy_Object* f_stat(gopy_Object*, gopy_Object* const* a) {
  bool follow;
  if (!follow_arg(obj(a[2]), &follow)) return nullptr;
  return out(do_stat("stat", obj(a[0]), obj(a[1]), follow, true));
}

gopy_Object* f_lstat(gopy_Object*, gopy_Object* const* a) {
  return out(do_stat("lstat", obj(a[0]), obj(a[1]), false, false));
}

// The names in a directory but "." and "..", as readdir gives them, with their d_type.
bool read_dir(const Path& path, std::vector<std::pair<std::string, unsigned char>>* entries,
              std::vector<ino_t>* inodes) {
  DIR* dir = nullptr;
  if (path.fd >= 0) {
    // A duplicate: closedir closes the descriptor it reads.
    int fd = fcntl(path.fd, F_DUPFD_CLOEXEC, 0);
    if (fd >= 0 && (dir = fdopendir(fd)) == nullptr) {
      int err = errno;
      close(fd);
      errno = err;
    }
  } else {
    dir = opendir(path.c_str());
  }
  if (dir == nullptr) {
    raise_errno(errno, path.object);
    return false;
  }
  if (path.fd >= 0) rewinddir(dir);
  errno = 0;
  while (dirent* e = readdir(dir)) {
    std::string name = e->d_name;
    if (name != "." && name != "..") {
      entries->emplace_back(std::move(name), e->d_type);
      if (inodes) inodes->push_back(e->d_ino);
    }
    errno = 0;
  }
  int err = errno;
  closedir(dir);
  if (err != 0) {
    raise_errno(err, path.object);
    return false;
  }
  return true;
}

gopy_Object* f_listdir(gopy_Object*, gopy_Object* const* a) {
  Path path;
  if (!path_arg(obj(a[0]), "listdir", "path", &path, true, true)) return nullptr;
  std::vector<std::pair<std::string, unsigned char>> entries;
  if (!read_dir(path, &entries, nullptr)) return nullptr;
  Ref<ListObject> result = Ref<ListObject>::steal(new_list());
  for (auto& [name, type] : entries) {
    Ref<> item = Ref<>::steal(path_result(name, path.as_bytes));
    if (!item || list_append(result.get(), item.get()) < 0) return nullptr;
  }
  return out(result.release());
}

// _scandir_entries(path): [(name, d_type, inode)] in readdir's order; os.scandir builds its
// DirEntry objects over it.
gopy_Object* f_scandir_entries(gopy_Object*, gopy_Object* const* a) {
  Path path;
  if (!path_arg(obj(a[0]), "scandir", "path", &path, true, true)) return nullptr;
  std::vector<std::pair<std::string, unsigned char>> entries;
  std::vector<ino_t> inodes;
  if (!read_dir(path, &entries, &inodes)) return nullptr;
  Ref<ListObject> result = Ref<ListObject>::steal(new_list());
  for (size_t i = 0; i < entries.size(); ++i) {
    int kind = entries[i].second == DT_DIR ? 1 : entries[i].second == DT_REG ? 2 : entries[i].second == DT_LNK ? 3
               : entries[i].second == DT_UNKNOWN ? 0 : 4;
    Ref<> item = Ref<>::steal(new_tuple_steal({path_result(entries[i].first, path.as_bytes), new_int(kind),
                                              new_int(static_cast<int64_t>(inodes[i]))}));
    if (!item || list_append(result.get(), item.get()) < 0) return nullptr;
  }
  return out(result.release());
}

gopy_Object* f_mkdir(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int mode, dir_fd;
  if (!path_arg(obj(a[0]), "mkdir", "path", &path) || !int_arg(obj(a[1]), &mode) || !dir_fd_arg(obj(a[2]), &dir_fd))
    return nullptr;
  if (mkdirat(dir_fd, path.c_str(), static_cast<mode_t>(mode)) != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

gopy_Object* f_rmdir(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int dir_fd;
  if (!path_arg(obj(a[0]), "rmdir", "path", &path) || !dir_fd_arg(obj(a[1]), &dir_fd)) return nullptr;
  if (unlinkat(dir_fd, path.c_str(), AT_REMOVEDIR) != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

Object* do_unlink(const char* func, Object* path_obj, Object* dir_fd_obj) {
  Path path;
  int dir_fd;
  if (!path_arg(path_obj, func, "path", &path) || !dir_fd_arg(dir_fd_obj, &dir_fd)) return nullptr;
  if (unlinkat(dir_fd, path.c_str(), 0) != 0) return raise_errno(errno, path.object);
  return new_ref(None());
}

gopy_Object* f_unlink(gopy_Object*, gopy_Object* const* a) { return out(do_unlink("unlink", obj(a[0]), obj(a[1]))); }
gopy_Object* f_remove(gopy_Object*, gopy_Object* const* a) { return out(do_unlink("remove", obj(a[0]), obj(a[1]))); }

Object* do_rename(const char* func, gopy_Object* const* a) {
  Path src, dst;
  int src_fd, dst_fd;
  if (!path_arg(obj(a[0]), func, "src", &src) || !path_arg(obj(a[1]), func, "dst", &dst) ||
      !dir_fd_arg(obj(a[2]), &src_fd) || !dir_fd_arg(obj(a[3]), &dst_fd))
    return nullptr;
  if (src.as_bytes != dst.as_bytes)
    return type_error(std::string(func) + ": src and dst must be the same type");
  if (renameat(src_fd, src.c_str(), dst_fd, dst.c_str()) != 0) return raise_errno(errno, src.object, dst.object);
  return new_ref(None());
}

gopy_Object* f_rename(gopy_Object*, gopy_Object* const* a) { return out(do_rename("rename", a)); }
gopy_Object* f_replace(gopy_Object*, gopy_Object* const* a) { return out(do_rename("replace", a)); }

Object* do_getcwd(bool as_bytes) {
  std::vector<char> buf(PATH_MAX);
  while (getcwd(buf.data(), buf.size()) == nullptr) {
    if (errno != ERANGE) return raise_errno(errno);
    buf.resize(buf.size() * 2);
  }
  return path_result(buf.data(), as_bytes);
}

gopy_Object* f_getcwd(gopy_Object*, gopy_Object* const*) { return out(do_getcwd(false)); }
gopy_Object* f_getcwdb(gopy_Object*, gopy_Object* const*) { return out(do_getcwd(true)); }

gopy_Object* f_chdir(gopy_Object*, gopy_Object* const* a) {
  Path path;
  if (!path_arg(obj(a[0]), "chdir", "path", &path, true)) return nullptr;
  int rc = path.fd >= 0 ? fchdir(path.fd) : chdir(path.c_str());
  if (rc != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

gopy_Object* f_access(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int mode, dir_fd;
  bool effective, follow;
  if (!path_arg(obj(a[0]), "access", "path", &path) || !int_arg(obj(a[1]), &mode) ||
      !dir_fd_arg(obj(a[2]), &dir_fd) || !follow_arg(obj(a[3]), &effective) || !follow_arg(obj(a[4]), &follow))
    return nullptr;
  int flags = (effective ? AT_EACCESS : 0) | (follow ? 0 : AT_SYMLINK_NOFOLLOW);
  return out(new_bool(faccessat(dir_fd, path.c_str(), mode, flags) == 0));
}

gopy_Object* f_chmod(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int mode, dir_fd;
  bool follow;
  if (!path_arg(obj(a[0]), "chmod", "path", &path, true) || !int_arg(obj(a[1]), &mode) ||
      !dir_fd_arg(obj(a[2]), &dir_fd) || !follow_arg(obj(a[3]), &follow))
    return nullptr;
  int rc = path.fd >= 0 ? fchmod(path.fd, static_cast<mode_t>(mode))
                        : fchmodat(dir_fd, path.c_str(), static_cast<mode_t>(mode), follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

// A time given as seconds (int or float) into a timespec (CPython: _PyTime_ObjectToTimespec).
bool timespec_arg(Object* value, timespec* ts) {
  if (is_float(value)) {
    double d = static_cast<FloatObject*>(value)->value;
    // CPython: _PyTime_ObjectToTimespec's errors.
    if (std::isnan(d)) {
      value_error("Invalid value NaN (not a number)");
      return false;
    }
    if (!(d >= -9.2233720368547758e18 && d < 9.2233720368547758e18)) {
      overflow_error("timestamp out of range for platform time_t");
      return false;
    }
    double sec = std::floor(d);
    ts->tv_sec = static_cast<time_t>(sec);
    ts->tv_nsec = static_cast<long>(std::llround((d - sec) * 1e9));
    if (ts->tv_nsec >= 1000000000) {
      ts->tv_sec += 1;
      ts->tv_nsec -= 1000000000;
    }
    return true;
  }
  int64_t v;
  Ref<> index = Ref<>::steal(number_index(value));
  if (!index) return false;
  if (!int_to_int64(index.get(), &v)) {
    if (!error_occurred()) overflow_error("timestamp out of range for platform time_t");
    return false;
  }
  ts->tv_sec = static_cast<time_t>(v);
  ts->tv_nsec = 0;
  return true;
}

// An int of nanoseconds (an __index__ object; a float is a TypeError, not a crash).
bool timespec_ns_arg(Object* value, timespec* ts) {
  Ref<> index = Ref<>::steal(number_index(value));
  if (!index) return false;
  Ref<> billion = Ref<>::steal(new_int(1000000000));
  Ref<> qr = Ref<>::steal(int_divmod(index.get(), billion.get()));
  if (!qr) return false;
  int64_t sec, nsec;
  if (!int_to_int64(static_cast<TupleObject*>(qr.get())->items[0], &sec) ||
      !int_to_int64(static_cast<TupleObject*>(qr.get())->items[1], &nsec)) {
    if (!error_occurred()) overflow_error("timestamp out of range for platform time_t");
    return false;
  }
  ts->tv_sec = static_cast<time_t>(sec);
  ts->tv_nsec = static_cast<long>(nsec);
  return true;
}

gopy_Object* f_utime(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int dir_fd;
  bool follow;
  if (!path_arg(obj(a[0]), "utime", "path", &path, true) || !dir_fd_arg(obj(a[3]), &dir_fd) ||
      !follow_arg(obj(a[4]), &follow))
    return nullptr;
  Object* times = obj(a[1]);
  Object* ns = obj(a[2]);
  timespec ts[2];
  timespec* tsp = ts;
  if (times != None() && ns != None())
    return out(value_error("utime: you may specify either 'times' or 'ns' but not both"));
  if (times != None()) {
    if (!is_tuple(times) || static_cast<TupleObject*>(times)->items.size() != 2)
      return out(type_error("utime: 'times' must be either a tuple of two ints or None"));
    auto* t = static_cast<TupleObject*>(times);
    if (!timespec_arg(t->items[0], &ts[0]) || !timespec_arg(t->items[1], &ts[1])) return nullptr;
  } else if (ns != None()) {
    if (!is_tuple(ns) || static_cast<TupleObject*>(ns)->items.size() != 2)
      return out(type_error("utime: 'ns' must be a tuple of two ints"));
    auto* t = static_cast<TupleObject*>(ns);
    if (!timespec_ns_arg(t->items[0], &ts[0]) || !timespec_ns_arg(t->items[1], &ts[1])) return nullptr;
  } else {
    tsp = nullptr;
  }
  int rc = path.fd >= 0 ? futimens(path.fd, tsp)
                        : utimensat(dir_fd, path.c_str(), tsp, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

gopy_Object* f_symlink(gopy_Object*, gopy_Object* const* a) {
  Path src, dst;
  int dir_fd;
  if (!path_arg(obj(a[0]), "symlink", "src", &src) || !path_arg(obj(a[1]), "symlink", "dst", &dst) ||
      !dir_fd_arg(obj(a[3]), &dir_fd))
    return nullptr;
  if (symlinkat(src.c_str(), dir_fd, dst.c_str()) != 0) return raise_errno(errno, src.object, dst.object);
  return out(new_ref(None()));
}

gopy_Object* f_link(gopy_Object*, gopy_Object* const* a) {
  Path src, dst;
  int src_fd, dst_fd;
  bool follow;
  if (!path_arg(obj(a[0]), "link", "src", &src) || !path_arg(obj(a[1]), "link", "dst", &dst) ||
      !dir_fd_arg(obj(a[2]), &src_fd) || !dir_fd_arg(obj(a[3]), &dst_fd) || !follow_arg(obj(a[4]), &follow))
    return nullptr;
  if (linkat(src_fd, src.c_str(), dst_fd, dst.c_str(), follow ? AT_SYMLINK_FOLLOW : 0) != 0)
    return raise_errno(errno, src.object, dst.object);
  return out(new_ref(None()));
}

gopy_Object* f_readlink(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int dir_fd;
  if (!path_arg(obj(a[0]), "readlink", "path", &path) || !dir_fd_arg(obj(a[1]), &dir_fd)) return nullptr;
  std::vector<char> buf(PATH_MAX);
  for (;;) {
    ssize_t n = readlinkat(dir_fd, path.c_str(), buf.data(), buf.size());
    if (n < 0) return raise_errno(errno, path.object);
    if (static_cast<size_t>(n) < buf.size()) return out(path_result(std::string(buf.data(), n), path.as_bytes));
    buf.resize(buf.size() * 2);
  }
}

gopy_Object* f_truncate(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int64_t length;
  if (!path_arg(obj(a[0]), "truncate", "path", &path, true)) return nullptr;
  if (!int64_arg(obj(a[1]), &length)) return nullptr;
  int rc = path.fd >= 0 ? ftruncate(path.fd, length) : truncate(path.c_str(), length);
  if (rc != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

// CPython: os_statvfs_impl, _pystatvfs_fromstructstatvfs.
gopy_Object* f_statvfs(gopy_Object*, gopy_Object* const* a) {
  Path path;
  if (!path_arg(obj(a[0]), "statvfs", "path", &path, true)) return nullptr;
  struct statvfs st;
  int rc = path.fd >= 0 ? fstatvfs(path.fd, &st) : statvfs(path.c_str(), &st);
  if (rc != 0) return raise_errno(errno, path.object);
  auto u = [](unsigned long long v) { return new_int(static_cast<int64_t>(v)); };
  return out(make_struct("statvfs_result", {u(st.f_bsize), u(st.f_frsize), u(st.f_blocks), u(st.f_bfree),
                                            u(st.f_bavail), u(st.f_files), u(st.f_ffree), u(st.f_favail),
                                            u(st.f_flag), u(st.f_namemax), u(st.f_fsid)}));
}

gopy_Object* f_fstatvfs(gopy_Object* self, gopy_Object* const* a) {
  if (!is_int(obj(a[0])) && !type_lookup(obj(a[0])->type, "__index__"))
    return out(type_error(std::string("'") + obj(a[0])->type->name + "' object cannot be interpreted as an integer"));
  return f_statvfs(self, a);
}

// CPython: os_chown_impl (fchownat; lchown is chown without following symlinks).
gopy_Object* f_chown(gopy_Object*, gopy_Object* const* a) {
  Path path;
  unsigned uid, gid;
  int dir_fd;
  bool follow;
  if (!path_arg(obj(a[0]), "chown", "path", &path, true) || !owner_id_arg(obj(a[1]), true, &uid) ||
      !owner_id_arg(obj(a[2]), false, &gid) || !dir_fd_arg(obj(a[3]), &dir_fd) || !follow_arg(obj(a[4]), &follow))
    return nullptr;
  int rc = path.fd >= 0 ? fchown(path.fd, uid, gid)
                        : fchownat(dir_fd, path.c_str(), uid, gid, follow ? 0 : AT_SYMLINK_NOFOLLOW);
  if (rc != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

gopy_Object* f_lchown(gopy_Object*, gopy_Object* const* a) {
  Path path;
  unsigned uid, gid;
  if (!path_arg(obj(a[0]), "lchown", "path", &path) || !owner_id_arg(obj(a[1]), true, &uid) ||
      !owner_id_arg(obj(a[2]), false, &gid))
    return nullptr;
  if (lchown(path.c_str(), uid, gid) != 0) return raise_errno(errno, path.object);
  return out(new_ref(None()));
}

gopy_Object* f_mkfifo(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int mode, dir_fd;
  if (!path_arg(obj(a[0]), "mkfifo", "path", &path) || !int_arg(obj(a[1]), &mode) || !dir_fd_arg(obj(a[2]), &dir_fd))
    return nullptr;
  // The error names no file, as CPython's (os_mkfifo_impl, os_mknod_impl).
  if (mkfifoat(dir_fd, path.c_str(), static_cast<mode_t>(mode)) != 0) return raise_errno(errno);
  return out(new_ref(None()));
}

// A device number: a non-negative int up to dev_t's range (CPython: _Py_Dev_Converter).
bool dev_arg(Object* arg, dev_t* dev) {
  int64_t v;
  if (!int64_arg(arg, &v)) return false;
  *dev = static_cast<dev_t>(v);
  return true;
}

gopy_Object* f_mknod(gopy_Object*, gopy_Object* const* a) {
  Path path;
  int mode, dir_fd;
  dev_t device;
  if (!path_arg(obj(a[0]), "mknod", "path", &path) || !int_arg(obj(a[1]), &mode) || !dev_arg(obj(a[2]), &device) ||
      !dir_fd_arg(obj(a[3]), &dir_fd))
    return nullptr;
  if (mknodat(dir_fd, path.c_str(), static_cast<mode_t>(mode), device) != 0) return raise_errno(errno);
  return out(new_ref(None()));
}

gopy_Object* f_major(gopy_Object*, gopy_Object* const* a) {
  dev_t device;
  if (!dev_arg(obj(a[0]), &device)) return nullptr;
  return out(new_int(static_cast<int64_t>(major(device))));
}

gopy_Object* f_minor(gopy_Object*, gopy_Object* const* a) {
  dev_t device;
  if (!dev_arg(obj(a[0]), &device)) return nullptr;
  return out(new_int(static_cast<int64_t>(minor(device))));
}

gopy_Object* f_makedev(gopy_Object*, gopy_Object* const* a) {
  int64_t parts[2];
  for (int i = 0; i < 2; ++i) {
    if (!int64_arg(obj(a[i]), &parts[i])) return nullptr;
  }
  return out(new_int(static_cast<int64_t>(makedev(static_cast<unsigned>(parts[0]), static_cast<unsigned>(parts[1])))));
}

}  // namespace

const gopy_FunctionDef kFileFunctions[] = {
    {"fstatvfs", f_fstatvfs, "fd, /", "Perform an fstatvfs system call on the given fd."},
    {"chown", f_chown, "path, uid, gid, *, dir_fd=None, follow_symlinks=True",
     "Change the owner and group id of path to the numeric uid and gid."},
    {"lchown", f_lchown, "path, uid, gid", "Change the owner and group id of path to the numeric uid and gid."},
    {"mkfifo", f_mkfifo, "path, mode=438, *, dir_fd=None", "Create a \"fifo\" (a POSIX named pipe)."},
    {"mknod", f_mknod, "path, mode=384, device=0, *, dir_fd=None",
     "Create a node in the file system (file, device special file or named pipe) named path."},
    {"major", f_major, "device, /", "Extracts a device major number from a raw device number."},
    {"minor", f_minor, "device, /", "Extracts a device minor number from a raw device number."},
    {"makedev", f_makedev, "major, minor, /", "Composes a raw device number from the major and minor device numbers."},
    {"statvfs", f_statvfs, "path", "Perform a statvfs system call on the given path."},
    {"stat", f_stat, "path, *, dir_fd=None, follow_symlinks=True", "Perform a stat system call on the given path."},
    {"lstat", f_lstat, "path, *, dir_fd=None", "Perform a stat system call on the given path, without following symbolic links."},
    {"listdir", f_listdir, "path=None", "Return a list containing the names of the files in the directory."},
    {"_scandir_entries", f_scandir_entries, "path=None", nullptr},
    {"mkdir", f_mkdir, "path, mode=511, *, dir_fd=None", "Create a directory."},
    {"rmdir", f_rmdir, "path, *, dir_fd=None", "Remove a directory."},
    {"unlink", f_unlink, "path, *, dir_fd=None", "Remove a file (same as remove())."},
    {"remove", f_remove, "path, *, dir_fd=None", "Remove a file (same as unlink())."},
    {"rename", f_rename, "src, dst, *, src_dir_fd=None, dst_dir_fd=None", "Rename a file or directory."},
    {"replace", f_replace, "src, dst, *, src_dir_fd=None, dst_dir_fd=None",
     "Rename a file or directory, overwriting the destination."},
    {"getcwd", f_getcwd, "", "Return a unicode string representing the current working directory."},
    {"getcwdb", f_getcwdb, "", "Return a bytes string representing the current working directory."},
    {"chdir", f_chdir, "path", "Change the current working directory to the specified path."},
    {"access", f_access, "path, mode, *, dir_fd=None, effective_ids=False, follow_symlinks=True",
     "Use the real uid/gid to test for access to a path."},
    {"chmod", f_chmod, "path, mode, *, dir_fd=None, follow_symlinks=True", "Change the access permissions of a file."},
    {"utime", f_utime, "path, times=None, *, ns=None, dir_fd=None, follow_symlinks=True",
     "Set the access and modified time of path."},
    {"symlink", f_symlink, "src, dst, target_is_directory=False, *, dir_fd=None", "Create a symbolic link pointing to src named dst."},
    {"link", f_link, "src, dst, *, src_dir_fd=None, dst_dir_fd=None, follow_symlinks=True",
     "Create a hard link to a file."},
    {"readlink", f_readlink, "path, *, dir_fd=None", "Return a string representing the path to which the symbolic link points."},
    {"truncate", f_truncate, "path, length", "Truncate a file, specified by path, to a specific length."},
    {nullptr, nullptr, nullptr, nullptr},
};

}  // namespace gopy_posix
