// The descriptor protocol for class attributes (CPython: Objects/typeobject.c
// slot_tp_descr_get, slot_tp_descr_set). A class defined in Python is a descriptor type when
// it defines __get__, a data descriptor type when it defines __set__ or __delete__; among the
// built-in types only functions bind (kernel-internal).
#pragma once

#include "gopy/object.hpp"

namespace gopy {

bool descr_has_get(Object* descr);
bool descr_is_data(Object* descr);
// type(descr).__get__(descr, obj or None, type or None).
Object* descr_get(Object* descr, Object* obj, TypeObject* type);
// type(descr).__set__(descr, obj, value), or __delete__(descr, obj) when value is null; a
// missing one is AttributeError naming it. 0, or -1 on error.
int descr_set(Object* descr, Object* obj, Object* value);
// The value of class attribute `descr` found on `type` for `obj` (null: accessed on the
// class itself): functions bind to obj, __get__ runs, anything else as is.
Object* descr_bind(Object* descr, Object* obj, TypeObject* type);

}  // namespace gopy
