// What the hash modules share: the data argument of a hash (a bytes-like object, never a
// str), hex text, and the bridge from the module API's bound arguments to the kernel's
// objects (CPython: Modules/hashlib.h GET_BUFFER_VIEW_OR_ERROUT).
#pragma once

#include <new>
#include <string>
#include <string_view>

#include "gopy/module.h"
#include "gopy/object_bytes.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_str.hpp"

namespace gopy_hash {

using gopy::Object;

inline Object* obj(gopy_Object* o) { return reinterpret_cast<Object*>(o); }
inline gopy_Object* handle(Object* o) { return reinterpret_cast<gopy_Object*>(o); }

// The bytes of a hash's input; false with CPython's TypeError.
inline bool data_of(Object* o, std::string_view* out) {
  if (gopy::is_str(o)) return gopy::type_error("Strings must be encoded before hashing"), false;
  if (!gopy::bytes_like_view(o, out))
    return gopy::type_error("object supporting the buffer API required"), false;
  return true;
}

inline std::string hex_of(const unsigned char* data, size_t size) {
  static const char kHex[] = "0123456789abcdef";
  std::string text;
  text.reserve(size * 2);
  for (size_t i = 0; i < size; ++i) {
    text.push_back(kHex[data[i] >> 4]);
    text.push_back(kHex[data[i] & 15]);
  }
  return text;
}

// Runs `body` so that no C++ exception leaves the plugin (MemoryError instead).
template <class F>
auto guarded(F&& body) -> decltype(body()) {
  try {
    return body();
  } catch (const std::bad_alloc&) {
    gopy::no_memory();
    return {};
  }
}

// The digest given to "data" or to the deprecated "string" keyword (CPython:
// _Py_hashlib_data_argument): at most one of them.
inline bool data_argument(Object* data, Object* string, Object** out) {
  bool has_data = data && data != gopy::None();
  bool has_string = string && string != gopy::None();
  if (has_data && has_string) {
    gopy::type_error("'data' and 'string' are mutually exclusive and support for 'string' keyword parameter is slated for removal in a future version.");
    return false;
  }
  *out = has_string ? string : has_data ? data : nullptr;
  return true;
}

}  // namespace gopy_hash
