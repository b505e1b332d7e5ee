// os.fspath for the kernel's own callers (open()): str and bytes as they are, else the
// result of the type's __fspath__ (CPython: Modules/posixmodule.c PyOS_FSPath).
#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"
#include "object/io_internal.hpp"
#include "object/strcat.hpp"

namespace gopy {

Object* os_fspath(Object* path) {
  if (is_str(path) || is_bytes(path)) return new_ref(path);
  Object* method = type_lookup(path->type, "__fspath__");
  if (method == nullptr || method == None())
    return type_error(cat("expected str, bytes or os.PathLike object, not ", path->type->name));
  Object* result = call1(method, path);
  if (result == nullptr) return nullptr;
  if (!is_str(result) && !is_bytes(result)) {
    std::string message = cat("expected ", path->type->name, ".__fspath__() to return str or bytes, not ",
                              result->type->name);
    decref(result);
    return type_error(message);
  }
  return result;
}

}  // namespace gopy
