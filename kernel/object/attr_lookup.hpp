// Attribute lookups that can report a plain miss without raising, for lookup_attr
// (CPython: PyObject_GetOptionalAttr): with raise_on_miss false, a name that is simply not
// there gives null with no exception; any other failure still raises.
#pragma once

#include "gopy/object.hpp"

namespace gopy {

Object* generic_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss);
// A class's attributes (type's tp_getattr).
Object* type_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss);
// A Python function's attributes (function's tp_getattr).
Object* function_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss);
// A module's attributes (module's tp_getattr), its own __getattr__ included.
Object* module_getattr_or_miss(Object* o, StrObject* name, bool raise_on_miss);

}  // namespace gopy
