// Argument converters and the errors of the posix module (CPython: Modules/posixmodule.c
// path_converter, dir_fd_converter, path_object_error).
#include <fcntl.h>

#include <climits>
#include <cstring>

#include "gopy/codecs.hpp"
#include "posix_internal.hpp"

namespace gopy_posix {

using namespace gopy;

namespace {

std::nullptr_t path_type_error(const char* func, const char* name, bool allow_fd, bool allow_none, Object* arg) {
  std::string kinds = allow_fd && allow_none ? "string, bytes, os.PathLike, integer or None"
                      : allow_fd             ? "string, bytes, os.PathLike or integer"
                      : allow_none           ? "string, bytes, os.PathLike or None"
                                             : "string, bytes or os.PathLike";
  return type_error(std::string(func) + ": " + name + " should be " + kinds + ", not " + arg->type->name);
}

Object* module_ref = nullptr;  // borrowed: the module lives until finalize frees every object

}  // namespace

bool path_arg(Object* arg, const char* func, const char* name, Path* path, bool allow_fd, bool allow_none) {
  path->object = arg;
  if (allow_none && arg == None()) {
    path->bytes.assign(1, '.');
    return true;
  }
  if (allow_fd && is_int(arg)) {
    path->as_bytes = false;
    return int_arg(arg, &path->fd);
  }
  Ref<> fspath;
  Object* value = arg;
  if (!is_str(arg) && !is_bytes(arg)) {
    Object* method = type_lookup(arg->type, "__fspath__");
    if (method == nullptr) {
      path_type_error(func, name, allow_fd, allow_none, arg);
      return false;
    }
    fspath = Ref<>::steal(call1(method, arg));
    if (!fspath) return false;
    value = fspath.get();
    // Errors name the path __fspath__ gave (CPython: path_converter keeps it).
    path->object = value;
    path->keep = fspath;
    if (!is_str(value) && !is_bytes(value)) {
      type_error(std::string("expected ") + arg->type->name + ".__fspath__() to return str or bytes, not " +
                 value->type->name);
      return false;
    }
  }
  if (is_str(value)) {
    path->as_bytes = false;
    if (!str_fs_encode(as_str(value), &path->bytes)) {
      // A lone surrogate that stands for no byte: the codec's own error.
      Ref<> encoded = Ref<>::steal(codec_encode(as_str(value), "utf-8", "strict"));
      return false;
    }
  } else {
    path->as_bytes = true;
    path->bytes = as_bytes(value)->data;
  }
  if (path->bytes.find('\0') != std::string::npos) {
    value_error(std::string(func) + ": embedded null character in " + name);
    return false;
  }
  return true;
}

bool int_arg(Object* arg, int* value) {
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return false;
  int64_t v = 0;
  if (!int_to_int64(index.get(), &v) || v > INT_MAX || v < INT_MIN) {
    if (!error_occurred()) overflow_error("Python int too large to convert to C int");  // PyLong_AsInt
    return false;
  }
  *value = static_cast<int>(v);
  return true;
}

bool int64_arg(Object* arg, int64_t* value) {
  Ref<> index = Ref<>::steal(number_index(arg));
  if (!index) return false;
  if (!int_to_int64(index.get(), value)) {
    if (!error_occurred()) overflow_error("Python int too large to convert to C long");  // PyLong_AsLong
    return false;
  }
  return true;
}

// CPython: PyObject_AsFileDescriptor.
bool fildes_arg(Object* arg, int* fd) {
  Ref<> fileno;
  if (!is_int(arg)) {
    if (!type_lookup(arg->type, "fileno")) {
      type_error("argument must be an int, or have a fileno() method.");
      return false;
    }
    fileno = Ref<>::steal(call_method(arg, "fileno", nullptr, 0));
    if (!fileno) return false;
    if (!is_int(fileno.get())) {
      type_error("fileno() returned a non-integer");
      return false;
    }
    arg = fileno.get();
  }
  if (!int_arg(arg, fd)) return false;
  if (*fd < 0) {
    value_error("file descriptor cannot be a negative integer (" + std::to_string(*fd) + ")");
    return false;
  }
  return true;
}

// CPython: dir_fd_converter.
bool dir_fd_arg(Object* arg, int* fd) {
  if (arg == None()) {
    *fd = AT_FDCWD;
    return true;
  }
  if (!is_int(arg) && !type_lookup(arg->type, "__index__")) {
    type_error(std::string("argument should be integer or None, not ") + arg->type->name);
    return false;
  }
  return int_arg(arg, fd);
}

std::nullptr_t raise_errno(int err, Object* filename, Object* filename2) {
  Ref<> code = Ref<>::steal(new_int(err));
  Ref<> text = Ref<>::steal(new_str(std::strerror(err)));
  Object* args[5] = {code.get(), text.get(), filename, None(), filename2};
  size_t nargs = filename2 ? 5 : filename ? 3 : 2;
  Ref<> exc = Ref<>::steal(new_exception_args(os_error_type_for_errno(err), args, nargs));
  if (exc) raise_object(exc.get());
  return nullptr;
}

Object* path_result(const std::string& bytes, bool as_bytes) {
  if (as_bytes) return new_bytes(bytes);
  return new_str_fs(bytes);
}

void set_posix_module(Object* module) { module_ref = module; }

Object* posix_attr(const char* name) {
  Object* attr = get_attr(module_ref, name);
  return attr;
}

Object* make_struct(const char* type_name, std::initializer_list<Object*> items) {
  std::vector<Object*> values(items);
  for (Object* v : values)
    if (v == nullptr) {
      for (Object* w : values) xdecref(w);
      return nullptr;
    }
  Ref<> tuple = Ref<>::steal(new_tuple_steal(std::move(values)));
  Ref<> type = Ref<>::steal(posix_attr(type_name));
  if (!type || !tuple) return nullptr;
  return call1(type.get(), tuple.get());
}

Object* timespec_seconds(const timespec& ts) {
  return new_float(static_cast<double>(ts.tv_sec) + static_cast<double>(ts.tv_nsec) * 1e-9);
}

Object* timespec_ns(const timespec& ts) {
  Ref<> sec = Ref<>::steal(new_int(ts.tv_sec));
  Ref<> billion = Ref<>::steal(new_int(1000000000));
  Ref<> scaled = Ref<>::steal(binary_op(sec.get(), billion.get(), BinaryOp::mul));
  Ref<> nsec = Ref<>::steal(new_int(ts.tv_nsec));
  if (!scaled || !nsec) return nullptr;
  return binary_op(scaled.get(), nsec.get(), BinaryOp::add);
}

int copy_attributes(const char* from, ModuleObject* module, std::initializer_list<const char*> names) {
  Ref<> source = Ref<>::steal(reinterpret_cast<Object*>(gopy_Import(from)));
  if (!source) return -1;
  for (const char* name : names) {
    Ref<> value = Ref<>::steal(get_attr(source.get(), name));
    if (!value || dict_set_str(module->dict, name, value.get()) < 0) return -1;
  }
  return 0;
}

}  // namespace gopy_posix
