// printf-style formatting: str % args (bytes % args: bytes_printf in bytes_internal.hpp).
#pragma once

#include "gopy/object_str.hpp"

namespace gopy {

// format % values for a str format (CPython: Objects/unicodeobject.c PyUnicode_Format).
Object* str_printf(StrObject* format, Object* values);

}  // namespace gopy
