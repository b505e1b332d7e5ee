// The posix module's shared pieces: its functions' table entries, the path and fd argument
// converters and the OSError they raise (CPython: Modules/posixmodule.c path_converter,
// path_error, posix_path_error).
#pragma once

#include <ctime>
#include <string>

#include "gopy/module.h"
#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"

namespace gopy_posix {

using gopy::Object;

inline Object* obj(gopy_Object* o) { return reinterpret_cast<Object*>(o); }
inline gopy_Object* out(Object* o) { return reinterpret_cast<gopy_Object*>(o); }

// A path argument: the bytes handed to the system call, the object the caller gave (for
// error messages: OSError.filename is the original object), and whether the results of
// the call should be bytes (the path was bytes) or str.
struct Path {
  std::string bytes;
  Object* object = nullptr;  // borrowed (from the caller, or from `keep`)
  gopy::Ref<> keep;          // the result of __fspath__, when the path was os.PathLike
  bool as_bytes = false;
  int fd = -1;               // an int path, where the function accepts a descriptor
  const char* c_str() const { return bytes.c_str(); }
};

// Converts `arg` as CPython's path_converter: str (file-system encoded), bytes, or
// os.PathLike; an int when `allow_fd`; None when `allow_none` (then ".", a str path).
// False with TypeError or ValueError ("embedded null byte") set.
bool path_arg(Object* arg, const char* func, const char* name, Path* path, bool allow_fd = false,
              bool allow_none = false);

// An int argument that fits in an int (a file descriptor, a mode, a flag set).
bool int_arg(Object* arg, int* value);
// An int argument that fits in 64 bits (an offset, a length): OverflowError otherwise.
bool int64_arg(Object* arg, int64_t* value);
// An fd, or an object with fileno() (CPython: fildes_converter).
bool fildes_arg(Object* arg, int* fd);
// A dir_fd argument: None -> AT_FDCWD.
bool dir_fd_arg(Object* arg, int* fd);

// Raises the OSError subclass for errno `err` with strerror's text and the path objects
// (either may be null): OSError(err, strerror, filename, None, filename2). Returns null.
std::nullptr_t raise_errno(int err, Object* filename = nullptr, Object* filename2 = nullptr);

// A str or bytes result for a path the system gave, of the kind `as_bytes` asks for.
Object* path_result(const std::string& bytes, bool as_bytes);

// The module's Python-level classes (stat_result, terminal_size, ...), looked up in the
// posix module, which the exec hook stored.
Object* posix_attr(const char* name);
void set_posix_module(Object* module);
// Calls posix.<type_name>(items) with a new tuple of the items (each stolen).
Object* make_struct(const char* type_name, std::initializer_list<Object*> items);

// Copies the attributes `names` of the module `from` (imported) into `module`: 0, or -1
// with an exception set.
int copy_attributes(const char* from, gopy::ModuleObject* module, std::initializer_list<const char*> names);

// A time as float seconds and as int nanoseconds (st_mtime and st_mtime_ns, time.time
// and time.time_ns).
Object* timespec_seconds(const timespec& ts);
Object* timespec_ns(const timespec& ts);

// The function tables of the module's parts, each ending with a null name.
extern const gopy_FunctionDef kFileFunctions[];
extern const gopy_FunctionDef kFdFunctions[];
extern const gopy_FunctionDef kProcessFunctions[];
extern const gopy_FunctionDef kChildFunctions[];
extern const gopy_FunctionDef kFdMoreFunctions[];
extern const gopy_FunctionDef kConfFunctions[];

// The environment mapping of the posix module: a dict of bytes to bytes, read from the
// runtime's Environment.
Object* environ_dict();
// The int constants of the fd and file layers (O_*, SEEK_*, *_OK, ...).
int add_constants(Object* module);
// sysconf_names, pathconf_names and confstr_names.
int add_conf_names(Object* module);
// A uid or gid argument: -1 or a valid id (chown, fchown, lchown).
bool owner_id_arg(Object* arg, bool is_uid, unsigned* id);

}  // namespace gopy_posix
