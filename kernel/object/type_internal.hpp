// Kernel-internal declarations shared by the object files (not part of the SDK).
#pragma once

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_str.hpp"

namespace gopy {

// Static types' per-interpreter dicts: made on a type's first use (type_own_dict), dropped
// when the interpreter's objects are freed.
void reset_static_type_dicts();
// The type's dict as it is (no lazy method table run), a static type's made if this
// interpreter has none yet: what adds entries to a type uses this. Null with no interpreter.
DictObject* type_own_dict(TypeObject* t);
// A type's dict with its methods in it: a static type whose `lazy_methods` table has not
// run in this interpreter runs it first. Read a type's dict through this, not t->dict.
DictObject* type_dict(TypeObject* t);
TupleObject* type_mro_tuple(TypeObject* t);
// The attribute in the type's own dict (borrowed), without the MRO.
Object* type_lookup_own(TypeObject* t, StrObject* name);
// Invalidates cached type lookups (call after changing any type's dict).
// The tp_init of classes whose __init__ is defined in Python (the evaluator runs such an
// __init__ in its own loop).
InitFn python_init_slot();
void type_modified();
// Changes whenever any type's attributes may have changed (for lookup caches).
extern uint64_t g_type_epoch;
inline uint64_t type_epoch() { return g_type_epoch; }
// Changes each time an interpreter is created (keys caches of per-interpreter objects).
uint64_t interpreter_generation();
int64_t object_identity_hash(Object* o);
bool is_type_object(Object* o);
// The instance dict of a plain class instance (the `instance_dict` of object subclasses).
DictObject** instance_dict_slot_of_instance(Object* o);
NewFn object_new_fn();
InitFn object_init_fn();

// Class statement support (class.cpp): type.__new__(meta, name, bases, namespace,
// **kwargs), making a heap type (kwargs go to __init_subclass__; may be null).
Object* build_class(TypeObject* meta, StrObject* name, TupleObject* bases, DictObject* ns, DictObject* kwargs);
// A class statement's metaclass and the namespace its __prepare__ gives; *meta_out and
// *kw_out (the keywords without "metaclass", or null) are new references.
DictObject* class_prepare(StrObject* name, TupleObject* bases, DictObject* kwargs, Object** meta_out,
                          DictObject** kw_out);
// meta(name, bases, ns, **kwargs): the class statement's result.
Object* class_finish(Object* meta, StrObject* name, TupleObject* bases, DictObject* ns, DictObject* kwargs);
// CPython: Python/bltinmodule.c update_bases: each base that is not a type and has
// __mro_entries__ replaced by what it returns. A new reference: `bases` itself when none
// changed; null with an exception.
TupleObject* resolve_mro_entries(TupleObject* bases);
// What assigning a class attribute changes beyond the dict (__abstractmethods__).
// 0: also store the attribute in the dict; 1: handled on the type itself; -1: error.
int type_set_special(TypeObject* t, StrObject* name, Object* value);
// mro.cpp: the C3 linearization of a new class (its bases' MROs and the bases), or null
// with CPython's TypeError; the layout base; the most derived metaclass.
TupleObject* compute_mro(TypeObject* t, TupleObject* bases);
TypeObject* solid_base(TypeObject* t);
// `o.__class__ = value` (class_assign.cpp): 0, or -1 with CPython's TypeError.
int set_object_class(Object* o, Object* value);
TypeObject* best_base(TupleObject* bases);
TypeObject* calculate_metaclass(TypeObject* meta, TupleObject* bases);
// Re-derives the slot for a dunder name after an assignment to a class attribute.
void update_slot(TypeObject* t, StrObject* name);
// super(type, obj)
Object* new_super(TypeObject* type, Object* obj);
// Adds a new class to its bases' lists of subclasses; removes it (when it is cleared).
void register_subclass(TypeObject* t);
void forget_subclass(TypeObject* t);
// Makes `T.__new__` for a built-in type T with a tp_new, in the type's dict (borrowed).
Object* add_new_wrapper(TypeObject* t);
// Makes the special method `name` of the built-in type T from its slot (`list.__len__`),
// in the type's dict (borrowed), or null when T has no such slot.
Object* add_slot_wrapper(TypeObject* t, StrObject* name);
// Makes every special method of the built-in type T's slots (and __hash__ = None for an
// unhashable T) in its dict, as CPython's T.__dict__ shows them; nothing for a class.
void add_all_slot_wrappers(TypeObject* t);
// T->tp_new for S (a subclass of the built-in T): the object T makes, re-typed or copied
// as an instance of S (CPython: long_subtype_new, unicode_subtype_new, ...).
Object* builtin_subclass_new(TypeObject* builtin, TypeObject* subtype, Object* const* args, size_t nargs,
                             TupleObject* kwnames);
// The tp_new of a class derived from a built-in type (finds the built-in base).
Object* inherited_builtin_new(TypeObject* subtype, Object* const* args, size_t nargs, TupleObject* kwnames);
// A type a native plugin made while running (a heap type with its own instance layout, as
// collections.deque): a class statement's types always carry one of these kinds.
inline bool is_native_heap_type(const TypeObject* t) {
  constexpr unsigned kClassKinds =
      TypeFlags::plain_instances | TypeFlags::builtin_subclass | TypeFlags::exception | TypeFlags::type_subclass;
  return (t->flags & TypeFlags::heap) && !(t->flags & kClassKinds);
}
// The type whose objects a class's instances are: the first built-in or native type
// beneath the classes.
inline TypeObject* layout_type(TypeObject* t) {
  while ((t->flags & TypeFlags::heap) && !is_native_heap_type(t)) t = t->base;
  return t;
}
// Where an instance of a builtin_subclass class keeps its attribute dict.
DictObject** side_dict_slot(Object* o);
// Drops the dict side_dict_slot kept for a dying object.
void drop_side_dict(Object* o);
// o->traverse, plus the class and side dict of a builtin_subclass instance (the collector's view).
int traverse_with_class(Object* o, VisitFn visit, void* arg);
// The built-in types whose instances are filled by __init__, not __new__ (list, dict, set,
// bytearray): their tp_init for subclasses, or null for other types.
InitFn builtin_container_init(TypeObject* builtin);

// Per-type set-up, called once per process for the static part and once per interpreter
// for the methods (the type dicts are per interpreter).
void init_type_and_object_types();
void init_type_and_object_methods();  // registers the lazily run tables
void add_object_format_method();  // object.__format__ (format.cpp)
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
void init_descriptor_types();  // property, classmethod, staticmethod
void init_namespace_type();
void init_exception_types();
void init_exception_methods();
void init_iterator_types();

// Reprs of containers guard against self-reference (CPython: Py_ReprEnter/Py_ReprLeave).
int repr_enter(Object* o);  // 1 = already being printed
void repr_leave(Object* o);

}  // namespace gopy
