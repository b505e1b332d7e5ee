// Read-only attribute descriptors of built-in types (getset.cpp).
#pragma once

#include <initializer_list>

#include "gopy/object.hpp"

namespace gopy {

extern TypeObject getset_descr_type, readonly_member_type;
void init_getset_descr_types();
// Puts a descriptor for each name in `owner`'s dict; its value is what owner's tp_getattr
// gives. `member`: shown and refused as CPython's READONLY members, else as getsets.
void add_readonly_attrs(TypeObject* owner, std::initializer_list<const char*> names, bool member);

}  // namespace gopy
