// Classes derived from built-in types (int, str, tuple, list, dict, property, ...): their
// instances are the built-in type's objects re-typed to the class, with the attribute
// dict kept in a side table (CPython keeps it in the object: tp_dictoffset), and the
// `T.__new__` wrappers through which `super().__new__(cls, ...)` reaches the built-in
// (CPython: Objects/typeobject.c tp_new_wrapper, Objects/longobject.c long_subtype_new,
// Objects/unicodeobject.c unicode_subtype_new, Objects/tupleobject.c tuple_subtype_new).
#include <unordered_map>

#include "gopy/object.hpp"
#include "gopy/object_bytes.hpp"
#include "gopy/object_complex.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/num_internal.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// The side table of instance dicts, per interpreter (a new interpreter starts empty: the
// objects of the last one are gone).
std::unordered_map<const Object*, DictObject*>& side_dicts() {
  static std::unordered_map<const Object*, DictObject*> dicts;
  static uint64_t generation = 0;
  if (generation != interpreter_generation()) {
    dicts.clear();
    generation = interpreter_generation();
  }
  return dicts;
}

// An immutable built-in value copied into a fresh object (its class set by the caller),
// or null when the type has no copy here.
Object* fresh_copy(Object* o) {
  if (is_int(o)) {
    int64_t v;
    if (int_to_int64(o, &v)) return make<IntObject>(v);
    return new_int_from(int_value(o));  // outside int64: always a new object
  }
  if (is_float(o)) return make<FloatObject>(static_cast<FloatObject*>(o)->value);
  if (o->type == &complex_type)
    return make<ComplexObject>(static_cast<ComplexObject*>(o)->real, static_cast<ComplexObject*>(o)->imag);
  if (is_str(o)) {
    auto* src = static_cast<StrObject*>(o);
    auto* s = make<StrObject>();
    s->utf8 = src->utf8;
    s->length = src->length;
    s->ascii = src->ascii;
    return s;
  }
  if (is_tuple(o)) {
    auto* t = make<TupleObject>();
    t->items = static_cast<TupleObject*>(o)->items;
    for (Object* item : t->items) incref(item);
    return t;
  }
  if (o->type == &bytes_type) {
    auto* b = make<BytesObject>();
    b->data = static_cast<BytesObject*>(o)->data;
    return b;
  }
  if (o->type == &frozenset_type) {
    auto* s = make<SetObject>(&frozenset_type);
    if (set_update(s, o) < 0) {
      decref(s);
      return nullptr;
    }
    return s;
  }
  return nullptr;
}

// The first built-in type on the class's base chain (its instances' layout).
TypeObject* builtin_base(TypeObject* t) { return layout_type(t); }

// CPython: Objects/typeobject.c tp_new_wrapper: T.__new__(S, *args) checks S and calls
// T's tp_new for it.
Object* new_wrapper_call(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  auto* t = static_cast<TypeObject*>(args[0]);
  if (nargs < 2) return type_error(cat(t->name, ".__new__(): not enough arguments"));
  Object* arg = args[1];
  if (!is_type_object(arg))
    return type_error(cat(t->name, ".__new__(X): X is not a type object (", arg->type->name, ")"));
  auto* sub = static_cast<TypeObject*>(arg);
  if (!is_subtype(sub, t))
    return type_error(cat(t->name, ".__new__(", sub->name, "): ", sub->name, " is not a subtype of ", t->name));
  TypeObject* layout = builtin_base(sub);
  // A native (plugin) type makes its objects for any subtype itself, as a class's own
  // tp_new does (build_class); re-typing one of its objects broke it (a deque subclass's
  // super().__new__(cls)). Its __new__ is object's in gopy, so this comes
  // before the check below.
  if (sub != t && (sub->flags & TypeFlags::builtin_subclass) && is_native_heap_type(layout))
    return layout->tp_new(sub, args + 2, nargs - 2, kwnames);
  // The nearest built-in base must construct with T's own tp_new (CPython: the
  // staticbase check of tp_new_wrapper: int.__new__(bool), object.__new__(int)).
  if (layout != t && (!is_subtype(layout, t) || layout->tp_new != t->tp_new)) {
    // The message names the nearest class whose __new__ is no Python function.
    TypeObject* named = sub;
    while (named->base && (named->flags & TypeFlags::heap)) {
      Object* f = type_lookup(named, intern("__new__"));
      if (!f || f->type != &staticmethod_type) break;
      named = named->base;
    }
    return type_error(cat(t->name, ".__new__(", sub->name, ") is not safe, use ", named->name, ".__new__()"));
  }
  if (sub != t && (sub->flags & TypeFlags::builtin_subclass))
    return builtin_subclass_new(t, sub, args + 2, nargs - 2, kwnames);
  return t->tp_new(sub, args + 2, nargs - 2, kwnames);
}

// list.__init__, dict.__init__, set.__init__: what a subclass's __init__ reaches through
// super().__init__(...), filling the object the way the built-in's constructor does.
int container_init(Object* self, Object* const* args, size_t nargs, TupleObject* kwnames) {
  TypeObject* t = builtin_base(self->type);
  Ref<> made = Ref<>::steal(t->tp_new(t, args, nargs, kwnames));
  if (!made) return -1;
  if (t == &list_type) {
    std::swap(static_cast<ListObject*>(self)->items, static_cast<ListObject*>(made.get())->items);
  } else if (t == &dict_type) {
    auto* d = static_cast<DictObject*>(self);
    // CPython: dict.__init__ updates (it does not clear first).
    Object* m = made.get();
    if (dict_update(d, m) < 0) return -1;
  } else if (t == &set_type) {
    auto* s = static_cast<SetObject*>(self);
    auto* m = static_cast<SetObject*>(made.get());
    std::swap(s->table, m->table);
    std::swap(s->fill, m->fill);
    std::swap(s->used, m->used);
  } else if (t == &bytearray_type) {
    std::swap(static_cast<ByteArrayObject*>(self)->data, static_cast<ByteArrayObject*>(made.get())->data);
  }
  return 0;
}

Object* container_init_method(Object*, Object* const* args, size_t nargs, TupleObject* kwnames) {
  if (nargs < 1) return type_error("descriptor '__init__' needs an argument");
  if (container_init(args[0], args + 1, nargs - 1, kwnames) < 0) return nullptr;
  return new_none();
}

bool is_container(const TypeObject* t) {
  return t == &list_type || t == &dict_type || t == &set_type || t == &bytearray_type;
}

}  // namespace

Object* add_new_wrapper(TypeObject* t) {
  BuiltinFunctionObject* f = new_builtin_function("__new__", new_wrapper_call, t);
  if (!f) return nullptr;
  type_modified();
  int r = dict_set_str(type_own_dict(t), "__new__", f);
  decref(f);
  return r < 0 ? nullptr : f;  // the dict holds it
}

Object* builtin_subclass_new(TypeObject* builtin, TypeObject* subtype, Object* const* args, size_t nargs,
                             TupleObject* kwnames) {
  // A built-in base that cannot make instances (io.IOBase today) refuses, never crashes.
  if (builtin->tp_new == nullptr) return type_error(cat("cannot create '", subtype->name, "' instances"));
  // A container's contents come from __init__ (the subclass's own may take other arguments).
  Object* made = is_container(builtin) ? builtin->tp_new(builtin, nullptr, 0, nullptr)
                                       : builtin->tp_new(builtin, args, nargs, kwnames);
  if (!made) return nullptr;
  Object* copy = fresh_copy(made);
  if (copy || error_occurred()) {
    decref(made);
    made = copy;
    if (!made) return nullptr;
  } else if (made->refcnt != 1 || made->type != builtin) {
    decref(made);
    return type_error(cat("cannot create '", subtype->name, "' instances"));
  }
  made->type = new_ref(subtype);  // released when the object dies (dealloc_object)
  return made;
}

Object* inherited_builtin_new(TypeObject* subtype, Object* const* args, size_t nargs, TupleObject* kwnames) {
  return builtin_subclass_new(builtin_base(subtype), subtype, args, nargs, kwnames);
}

DictObject** side_dict_slot(Object* o) { return &side_dicts()[o]; }

void drop_side_dict(Object* o) {
  auto& dicts = side_dicts();
  auto it = dicts.find(o);
  if (it == dicts.end()) return;
  DictObject* d = it->second;
  dicts.erase(it);
  xdecref(d);
}

// An instance of a class derived from a built-in type also holds its class and its side
// dict, which the built-in type's traverse does not know of.
int traverse_with_class(Object* o, VisitFn visit, void* arg) {
  if (int r = o->traverse(visit, arg)) return r;
  if (!(o->type->flags & TypeFlags::builtin_subclass)) return 0;
  // A native type's objects visit their type themselves (dealloc_object).
  if (!is_native_heap_type(layout_type(o->type)))
    if (int r = visit(o->type, arg)) return r;
  auto& dicts = side_dicts();
  auto it = dicts.find(o);
  return it != dicts.end() ? visit_ref(it->second, visit, arg) : 0;
}

InitFn builtin_container_init(TypeObject* builtin) {
  if (!is_container(builtin)) return nullptr;
  DictObject* d = type_dict(builtin);
  if (d && !dict_get_str(d, "__init__")) add_method(builtin, "__init__", container_init_method);
  return container_init;
}

}  // namespace gopy
