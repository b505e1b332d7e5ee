// Shared by set and frozenset's core (kernel/object/set.cpp) and their methods
// (kernel/object/set_methods.cpp).
#pragma once

#include <cstddef>
#include <vector>

#include "gopy/object_containers.hpp"

namespace gopy {

extern TypeObject set_iter_type;
// The keys in table order, each a new reference.
std::vector<Object*> set_keys_snapshot(SetObject* s);
// CPython: Objects/setobject.c set_pop's finger walk: removes one key into *out.
size_t set_finger_pop(SetObject* s, Object** out);
// Resizes away the dummies when they exceed a quarter of the table.
int set_shrink_dummies(SetObject* s);
// The types' slots; set_methods.cpp adds the methods.
void init_set_type_core();

}  // namespace gopy
