// Helpers shared by the bytes, bytearray and memoryview files (kernel-internal).
#pragma once

#include <string>
#include <string_view>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"

namespace gopy {

// A new object of the same type as `like` (bytes or bytearray) holding `data`.
Object* bytes_family_new(Object* like, std::string_view data);
// The data of a bytes or bytearray object.
std::string_view bytes_family_data(Object* o);
// An int in range(0, 256), or ValueError "byte must be in range(0, 256)".
bool byte_value(Object* o, int* out);
// False with BufferError while a memoryview pins the bytearray's size.
bool bytearray_check_resizable(ByteArrayObject* b);
// The bytes bytes(source, encoding, errors) / bytearray(...) would hold.
bool bytes_from_source(const char* type_name, Object* source, Object* encoding, Object* errors, std::string* out);
// bytes % args (CPython: Objects/bytesobject.c _PyBytes_FormatEx).
bool bytes_printf(std::string_view format, Object* args, std::string* out);
void init_bytes_methods();
// expandtabs, istitle, maketrans and translate (bytes_more_methods.cpp).
void add_more_bytes_methods(TypeObject* t);
void init_bytearray_methods();
void init_memoryview_type();
void init_codecs_types();  // codecs_module.cpp

}  // namespace gopy
