// ascii(): an object's repr with non-ASCII characters escaped (CPython: Objects/object.c
// PyObject_ASCII), for the builtin and the f-string conversion `!a`.
#pragma once
#include "gopy/api_begin.h"

#include "gopy/object.hpp"

namespace gopy {

// repr(o) with each non-ASCII character written as \xhh, \uhhhh or \Uhhhhhhhh (a str).
Object* object_ascii(Object* o);

}  // namespace gopy
#include "gopy/api_end.h"
