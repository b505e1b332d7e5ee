// Kernel-internal declarations shared by the object files (not part of the SDK).
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

// Static types' per-interpreter dicts.
void ensure_static_type_dicts();
void reset_static_type_dicts();
// A type's dict with its methods in it: a static type whose `lazy_methods` table has not
// run in this interpreter runs it first. Read a type's dict through this, not t->dict.
DictObject* type_dict(TypeObject* t);
TupleObject* type_mro_tuple(TypeObject* t);
// Invalidates cached type lookups (call after changing any type's dict).
// The tp_init of classes whose __init__ is defined in Python (the evaluator runs such an
// __init__ in its own loop).
InitFn python_init_slot();
void type_modified();
// Changes whenever any type's attributes may have changed (for lookup caches).
uint64_t type_epoch();
// Changes each time an interpreter is created (keys caches of per-interpreter objects).
uint64_t interpreter_generation();
int64_t object_identity_hash(Object* o);
bool is_type_object(Object* o);
// The instance dict of a plain class instance (the `instance_dict` of object subclasses).
DictObject** instance_dict_slot_of_instance(Object* o);
NewFn object_new_fn();
InitFn object_init_fn();

// Class statement support (class.cpp): creates a heap type from name, bases, namespace.
Object* build_class(StrObject* name, TupleObject* bases, DictObject* ns, StrObject* qualname);
// Re-derives the slot for a dunder name after an assignment to a class attribute.
void update_slot(TypeObject* t, StrObject* name);
// super(type, obj)
Object* new_super(TypeObject* type, Object* obj);

// Per-type set-up, called once per process for the static part and once per interpreter
// for the methods (the type dicts are per interpreter).
void init_type_and_object_types();
void init_type_and_object_methods();
void init_int_float_types();
void init_int_float_methods();
void init_str_type();
void init_list_tuple_types();
void init_dict_type();
void init_dict_methods();
void init_set_type();
void init_set_methods();
void init_range_slice_types();
void init_range_methods();
void init_function_types();
void init_function_methods();
void init_member_descr_type();
void init_member_descr_methods();
void init_namespace_type();
void init_exception_types();
void init_exception_methods();
void init_iterator_types();

// Reprs of containers guard against self-reference (CPython: Py_ReprEnter/Py_ReprLeave).
int repr_enter(Object* o);  // 1 = already being printed
void repr_leave(Object* o);

}  // namespace gopy
