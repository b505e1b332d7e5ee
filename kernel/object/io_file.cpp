// io.FileIO: raw, unbuffered I/O on a file descriptor (CPython: Modules/_io/fileio.c).
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>

#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/args.hpp"
#include "object/io_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

TypeObject file_io_type;

FileIOObject::~FileIOObject() {
  if (fd >= 0 && closefd) ::close(fd);
  xdecref(name);
}
void FileIOObject::clear_refs() {
  Object* n = name;
  name = nullptr;
  xdecref(n);
}

bool file_io_closed(FileIOObject* f) { return f->fd < 0; }

// CPython: Modules/_io/fileio.c mode_string.
std::string file_io_mode(FileIOObject* f) {
  if (f->created) return f->readable ? "xb+" : "xb";
  if (f->appending) return f->readable ? "ab+" : "ab";
  if (f->readable) return f->writable ? "rb+" : "rb";
  return "wb";
}

Object* file_io_close(FileIOObject* f) {
  if (f->fd >= 0) {
    int fd = f->fd;
    f->fd = -1;
    if (f->closefd && ::close(fd) < 0 && errno != EINTR) return os_error_from_errno(errno);
  }
  return new_none();
}

namespace {

// errno's OSError with the file's name when it is a str (CPython names the path).
std::nullptr_t raise_errno(int err, Object* name) {
  if (errno == 0 && error_occurred()) return nullptr;  // a signal handler raised
  if (name && is_str(name)) {
    std::string text(as_str(name)->view());
    return os_error_from_errno(err, &text);
  }
  return os_error_from_errno(err);
}

FileIOObject* self_of(Object* const* a) { return static_cast<FileIOObject*>(a[0]); }

bool check_readable(FileIOObject* f) {
  if (f->fd < 0) return closed_file_error(false), false;
  if (!f->readable) return unsupported("File not open for reading"), false;
  return true;
}
bool check_writable(FileIOObject* f) {
  if (f->fd < 0) return closed_file_error(false), false;
  if (!f->writable) return unsupported("File not open for writing"), false;
  return true;
}

bool read_all(FileIOObject* f, std::string* out) {
  char buf[kDefaultBufferSize];
  for (;;) {
    ssize_t r = retry_eintr([&] { return ::read(f->fd, buf, sizeof buf); });
    if (r < 0) return raise_errno(errno, nullptr), false;
    if (r == 0) return true;
    out->append(buf, size_t(r));
  }
}

Object* m_read(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("read", kw) || !check_nargs("read", n - 1, 0, 1)) return nullptr;
  FileIOObject* f = self_of(a);
  if (!check_readable(f)) return nullptr;
  int64_t size = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &size)) return nullptr;
  std::string out;
  if (size < 0) {
    if (!read_all(f, &out)) return nullptr;
  } else {
    out.resize(size_t(size));
    ssize_t r = retry_eintr([&] { return ::read(f->fd, out.data(), out.size()); });
    if (r < 0) return raise_errno(errno, nullptr);
    out.resize(size_t(r));
  }
  return new_bytes(out);
}

Object* m_readall(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readall", kw) || !check_nargs("readall", n - 1, 0, 0)) return nullptr;
  FileIOObject* f = self_of(a);
  if (!check_readable(f)) return nullptr;
  std::string out;
  if (!read_all(f, &out)) return nullptr;
  return new_bytes(out);
}

// Raw readline: a byte at a time, as CPython's IOBase.readline without peek.
Object* m_readline(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("readline", kw) || !check_nargs("readline", n - 1, 0, 1)) return nullptr;
  FileIOObject* f = self_of(a);
  if (!check_readable(f)) return nullptr;
  int64_t limit = -1;
  if (n > 1 && a[1] != None() && !int_to_int64(a[1], &limit)) return nullptr;
  std::string out;
  while (limit < 0 || int64_t(out.size()) < limit) {
    char c;
    ssize_t r = retry_eintr([&] { return ::read(f->fd, &c, 1); });
    if (r < 0) return raise_errno(errno, nullptr);
    if (r == 0) break;
    out += c;
    if (c == '\n') break;
  }
  return new_bytes(out);
}

Object* m_write(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("write", kw) || !check_nargs("write", n - 1, 1, 1)) return nullptr;
  FileIOObject* f = self_of(a);
  if (!check_writable(f)) return nullptr;
  std::string_view data;
  if (!bytes_like_view(a[1], &data))
    return type_error(cat("a bytes-like object is required, not '", a[1]->type->name, "'"));
  ssize_t r = retry_eintr([&] { return ::write(f->fd, data.data(), data.size()); });
  if (r < 0) return raise_errno(errno, nullptr);
  return new_int(r);
}

Object* m_seek(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("seek", kw) || !check_nargs("seek", n - 1, 1, 2)) return nullptr;
  FileIOObject* f = self_of(a);
  if (f->fd < 0) return closed_file_error(false);
  int64_t off = 0, whence = SEEK_SET;
  if (!int_to_int64(a[1], &off) || (n > 2 && !int_to_int64(a[2], &whence))) return nullptr;
  off_t pos = ::lseek(f->fd, off_t(off), int(whence));
  if (pos < 0) return raise_errno(errno, nullptr);
  return new_int(int64_t(pos));
}

Object* m_tell(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("tell", kw) || !check_nargs("tell", n - 1, 0, 0)) return nullptr;
  FileIOObject* f = self_of(a);
  if (f->fd < 0) return closed_file_error(false);
  off_t pos = ::lseek(f->fd, 0, SEEK_CUR);
  if (pos < 0) return raise_errno(errno, nullptr);
  return new_int(int64_t(pos));
}

Object* m_truncate(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("truncate", kw) || !check_nargs("truncate", n - 1, 0, 1)) return nullptr;
  FileIOObject* f = self_of(a);
  if (!check_writable(f)) return nullptr;
  int64_t size;
  if (n > 1 && a[1] != None()) {
    if (!int_to_int64(a[1], &size)) return nullptr;
  } else {
    size = int64_t(::lseek(f->fd, 0, SEEK_CUR));
  }
  if (::ftruncate(f->fd, off_t(size)) < 0) return raise_errno(errno, nullptr);
  return new_int(size);
}

Object* m_close(Object*, Object* const* a, size_t n, TupleObject* kw) {
  if (!check_no_kwargs("close", kw) || !check_nargs("close", n - 1, 0, 0)) return nullptr;
  return file_io_close(self_of(a));
}

Object* m_flush(Object*, Object* const* a, size_t, TupleObject*) {
  if (self_of(a)->fd < 0) return closed_file_error(false);
  return new_none();
}

Object* fd_query(Object* const* a, int what) {
  FileIOObject* f = self_of(a);
  if (f->fd < 0) return closed_file_error(false);
  switch (what) {
    case 0: return new_int(f->fd);
    case 1: return new_bool(::isatty(f->fd));
    case 2: return new_bool(f->readable);
    case 3: return new_bool(f->writable);
    default: return new_bool(::lseek(f->fd, 0, SEEK_CUR) >= 0);
  }
}
Object* m_fileno(Object*, Object* const* a, size_t, TupleObject*) { return fd_query(a, 0); }
Object* m_isatty(Object*, Object* const* a, size_t, TupleObject*) { return fd_query(a, 1); }
Object* m_readable(Object*, Object* const* a, size_t, TupleObject*) { return fd_query(a, 2); }
Object* m_writable(Object*, Object* const* a, size_t, TupleObject*) { return fd_query(a, 3); }
Object* m_seekable(Object*, Object* const* a, size_t, TupleObject*) { return fd_query(a, 4); }

Object* file_getattr(Object* o, StrObject* name) {
  auto* f = static_cast<FileIOObject*>(o);
  std::string_view attr = name->view();
  if (attr == "closed") return new_bool(f->fd < 0);
  if (attr == "closefd") return new_bool(f->closefd);
  if (attr == "mode") return new_str(file_io_mode(f));
  if (attr == "name" && f->name) return new_ref(f->name);
  return generic_getattr(o, name);
}

Object* file_repr(Object* o) {
  auto* f = static_cast<FileIOObject*>(o);
  if (f->fd < 0) return new_str("<_io.FileIO [closed]>");
  Ref<> name = Ref<>::steal(f->name ? object_repr(f->name) : nullptr);
  if (f->name && !name) return nullptr;
  return new_str(cat("<_io.FileIO name=", name ? as_str(name.get())->view() : "?", " mode='", file_io_mode(f),
                     "' closefd=", f->closefd ? "True" : "False", ">"));
}

// FileIO(file, mode='r', closefd=True)
Object* file_new(TypeObject*, Object* const* a, size_t n, TupleObject* kw) {
  Object* args[4];
  if (!bind_args("FileIO", a, n, kw, {"file", "mode", "closefd", "opener"}, 1, args)) return nullptr;
  std::string_view mode = "r";
  if (args[1]) {
    if (!is_str(args[1])) return type_error(cat("FileIO() argument 'mode' must be str, not ", args[1]->type->name));
    mode = as_str(args[1])->view();
  }
  int rwax = 0, plus = 0;
  for (char c : mode) {
    if (c == 'r' || c == 'w' || c == 'a' || c == 'x') ++rwax;
    else if (c == '+') ++plus;
    else if (c != 'b') return value_error(cat("invalid mode: ", mode));
  }
  if (rwax != 1 || plus > 1)
    return value_error("Must have exactly one of create/read/write/append mode and at most one plus");
  bool closefd = true;
  if (args[2]) {
    int t = object_is_true(args[2]);
    if (t < 0) return nullptr;
    closefd = t != 0;
  }
  return new_file_io(args[0], mode, closefd, args[3]);
}

void init_file_methods() {
  add_io_base_methods(&file_io_type);
  const struct {
    const char* name;
    BuiltinFn fn;
  } methods[] = {{"read", m_read},         {"readall", m_readall},   {"readline", m_readline},
                 {"write", m_write},       {"seek", m_seek},         {"tell", m_tell},
                 {"truncate", m_truncate}, {"close", m_close},       {"flush", m_flush},
                 {"fileno", m_fileno},     {"isatty", m_isatty},     {"readable", m_readable},
                 {"writable", m_writable}, {"seekable", m_seekable}, {"readinto", io_readinto_method}};
  for (const auto& m : methods) add_method(&file_io_type, m.name, m.fn);
}

}  // namespace

// CPython: Modules/_io/fileio.c _io_FileIO___init___impl (flags from the mode; a
// directory is refused with EISDIR; append mode starts at the end).
FileIOObject* new_file_io(Object* name, std::string_view mode, bool closefd, Object* opener) {
  Ref<FileIOObject> f = Ref<FileIOObject>::steal(make<FileIOObject>());
  int flags = 0;
  bool plus = mode.find('+') != std::string_view::npos;
  if (mode.find('r') != std::string_view::npos) {
    f->readable = true;
  } else if (mode.find('w') != std::string_view::npos) {
    f->writable = true;
    flags = O_CREAT | O_TRUNC;
  } else if (mode.find('a') != std::string_view::npos) {
    f->writable = f->appending = true;
    flags = O_CREAT | O_APPEND;
  } else {
    f->writable = f->created = true;
    flags = O_CREAT | O_EXCL;
  }
  if (plus) f->readable = f->writable = true;
  flags |= f->readable && f->writable ? O_RDWR : f->readable ? O_RDONLY : O_WRONLY;
  flags |= O_CLOEXEC;
  f->name = new_ref(name);
  if (is_int(name) && !is_str(name)) {
    int64_t fd;
    if (!int_to_int64(name, &fd)) return nullptr;
    if (fd < 0) return static_cast<FileIOObject*>(value_error("negative file descriptor"));
    f->fd = int(fd);
    f->closefd = closefd;
  } else {
    if (!closefd) return static_cast<FileIOObject*>(value_error("Cannot use closefd=False with file name"));
    std::string path;
    if (is_str(name)) {
      if (!str_fs_encode(as_str(name), &path)) return nullptr;
    } else if (is_bytes(name)) {
      path = as_bytes(name)->data;
    } else {
      Ref<> r = Ref<>::steal(object_repr(name));
      if (!r) return nullptr;
      return static_cast<FileIOObject*>(type_error(cat("invalid file: ", as_str(r.get())->view())));
    }
    if (path.find('\0') != std::string::npos)
      return static_cast<FileIOObject*>(value_error("embedded null byte"));
    if (opener && opener != None()) {
      // CPython: fileio.c: the opener's answer must be a non-negative int.
      Ref<> flags_obj = Ref<>::steal(new_int(flags));
      Ref<> fd_obj = Ref<>::steal(call2(opener, name, flags_obj.get()));
      if (!fd_obj) return nullptr;
      int64_t fd;
      if (!is_int(fd_obj.get())) return static_cast<FileIOObject*>(type_error("expected integer from opener"));
      if (!int_to_int64(fd_obj.get(), &fd)) return nullptr;
      if (fd < 0) return static_cast<FileIOObject*>(value_error(cat("opener returned ", std::to_string(fd))));
      f->fd = int(fd);
    } else {
      int fd = int(retry_eintr([&] { return ssize_t(::open(path.c_str(), flags, 0666)); }));
      if (fd < 0) return static_cast<FileIOObject*>(raise_errno(errno, name));
      f->fd = fd;
    }
  }
  struct stat st;
  if (::fstat(f->fd, &st) == 0 && S_ISDIR(st.st_mode)) {
    if (f->closefd) ::close(f->fd);
    f->fd = -1;
    return static_cast<FileIOObject*>(raise_errno(EISDIR, name));
  }
  if (f->appending) ::lseek(f->fd, 0, SEEK_END);
  return f.release();
}

void init_file_io_type() {
  make_static_type(&file_io_type, &type_type, "FileIO", &raw_io_base_type);
  file_io_type.module = "_io";
  file_io_type.tp_new = file_new;
  file_io_type.tp_getattr = file_getattr;
  file_io_type.tp_repr = file_repr;
  file_io_type.tp_iter = io_self_iter;
  file_io_type.tp_iternext = io_iternext;
  file_io_type.lazy_methods = init_file_methods;
}

}  // namespace gopy
