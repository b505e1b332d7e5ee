// str.format / str.format_map (PEP 3101 replacement fields).
#pragma once

#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

// self.format(*args, **kwargs), the keyword values following args[0..nargs).
// CPython: Objects/stringlib/unicode_format.h do_string_format
Object* str_format(StrObject* self, Object* const* args, size_t nargs, TupleObject* kwnames);
// self.format_map(mapping). CPython: Objects/stringlib/unicode_format.h do_string_format_map
Object* str_format_map(StrObject* self, Object* mapping);

}  // namespace gopy
