// bytes, bytearray and memoryview (CPython: Objects/bytesobject.c, bytearrayobject.c,
// memoryobject.c). The data is a std::string of raw bytes; a memoryview is a window on a
// bytes or bytearray object and pins a bytearray's size while it is not released.
#pragma once
#include "gopy/api_begin.h"

#include <string>
#include <string_view>

#include "gopy/object.hpp"

namespace gopy {

extern TypeObject bytes_type, bytearray_type, memoryview_type, bytes_iter_type;

struct BytesObject : Object {
  std::string data;
  int64_t hash = -1;  // cached
  BytesObject() : Object(&bytes_type) {}
};

struct ByteArrayObject : Object {
  std::string data;
  ssize exports = 0;  // memoryviews not yet released: the size may not change
  ByteArrayObject() : Object(&bytearray_type) {}
};

struct MemoryViewObject : Object {
  Object* base = nullptr;  // owned: the bytes or bytearray viewed (null once released)
  ssize offset = 0;
  ssize length = 0;
  bool readonly = true;
  MemoryViewObject() : Object(&memoryview_type) {}
  ~MemoryViewObject() override { clear_refs(); }
  void clear_refs() override;
  int traverse(VisitFn visit, void* arg) override { return visit_ref(base, visit, arg); }
};

// A class derived from bytes or bytearray keeps their layout (kernel/object/subtype.cpp).
inline bool is_bytes(const Object* o) {
  return o->type == &bytes_type || ((o->type->flags & TypeFlags::builtin_subclass) && is_subtype(o->type, &bytes_type));
}
inline bool is_bytearray(const Object* o) {
  return o->type == &bytearray_type ||
         ((o->type->flags & TypeFlags::builtin_subclass) && is_subtype(o->type, &bytearray_type));
}
inline bool is_memoryview(const Object* o) { return o->type == &memoryview_type; }
inline BytesObject* as_bytes(Object* o) { return static_cast<BytesObject*>(o); }
inline ByteArrayObject* as_bytearray(Object* o) { return static_cast<ByteArrayObject*>(o); }

BytesObject* new_bytes(std::string_view data);
ByteArrayObject* new_bytearray(std::string_view data);
MemoryViewObject* new_memoryview(Object* base);
// The bytes of a bytes-like object (bytes, bytearray, a memoryview not released); false
// without an exception for anything else. The view is valid until the object changes.
bool bytes_like_view(Object* o, std::string_view* out);
// repr of raw bytes as CPython writes it: b'..' with the quote it would choose.
std::string bytes_repr_text(std::string_view data);

}  // namespace gopy
#include "gopy/api_end.h"
