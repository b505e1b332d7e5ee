// Bridges between int objects and the big-int primitives (kernel-internal).
#pragma once

#include "gopy/object.hpp"
#include "object/prim/int.hpp"
#include "object/prim/result.hpp"

namespace gopy {

prim::Int int_value(Object* o);           // o must be an int
Object* new_int_from(const prim::Int& v);
// Raises the exception a primitive reported; returns nullptr.
std::nullptr_t raise_prim_error(const prim::Error& e);
void init_int_float_types_int_part();
void init_int_float_types_float_part();

}  // namespace gopy
