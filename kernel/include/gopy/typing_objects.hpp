// What the built-ins need from the kernel's typing objects (CPython: Objects/unionobject.c
// _PyUnion_Check, _Py_union_args).
#pragma once
#include "gopy/api_begin.h"

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"

namespace gopy {

// typing.Union's members, for isinstance() and issubclass(): borrowed, or null when `o`
// is not a union.
TupleObject* union_members(Object* o);

}  // namespace gopy
#include "gopy/api_end.h"
