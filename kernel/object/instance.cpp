// Instances of classes defined in Python: inline attribute values with keys shared per
// class, and the dict made on demand (CPython: Objects/dictobject.c split tables and
// _PyObject_MaterializeManagedDict).
#include <algorithm>
#include <cstring>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_num.hpp"
#include "gopy/object_str.hpp"
#include "object/object_alloc.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

// At most this many attribute names are shared per class; an instance that needs more
// keeps a dict (CPython: SHARED_KEYS_MAX_SIZE).
constexpr uint32_t kMaxSharedKeys = 30;

size_t values_bytes(uint32_t capacity) { return sizeof(InstanceValues) + capacity * sizeof(Object*); }

InstanceValues* alloc_values(uint32_t capacity, uint16_t slots) {
  auto* v = static_cast<InstanceValues*>(object_alloc(values_bytes(capacity)));
  if (!v) return no_memory();
  v->capacity = uint16_t(capacity);
  v->slots = slots;
  v->attrs = 0;
  std::memset(static_cast<void*>(v->cells()), 0, capacity * sizeof(Object*));
  return v;
}

void free_values(InstanceValues* v) { object_free(v, values_bytes(v->capacity)); }

// Makes room for `needed` cells, keeping the values (CPython sizes the inline values from
// the shared keys' size, so instances made after the first need no growth).
bool reserve_cells(InstanceObject* o, uint32_t needed) {
  InstanceValues* v = o->values;
  if (v && v->capacity >= needed) return true;
  InstanceValues* grown = alloc_values(needed, v ? v->slots : 0);
  if (!grown) return false;
  if (v) {
    std::memcpy(static_cast<void*>(grown->cells()), v->cells(), (v->slots + v->attrs) * sizeof(Object*));
    grown->attrs = v->attrs;
    free_values(v);
  }
  o->values = grown;
  return true;
}

// The index of `name` among the class's shared keys, or -1.
int64_t shared_index(TypeObject* t, StrObject* name) {
  if (!t->shared_keys) return -1;
  Object* index = dict_get_str(t->shared_keys, name);
  return index ? int_small_value(index) : -1;
}

}  // namespace

InstanceObject::~InstanceObject() {
  clear_refs();
  if (values) free_values(values);
}

void InstanceObject::clear_refs() {
  if (values) {
    Object** cells = values->cells();
    uint32_t n = values->slots + values->attrs;
    values->attrs = 0;
    for (uint32_t i = 0; i < n; ++i) {
      Object* v = cells[i];
      cells[i] = nullptr;
      xdecref(v);
    }
  }
  DictObject* d = dict;
  dict = nullptr;
  xdecref(d);
  if (type && (type->flags & TypeFlags::heap)) {
    TypeObject* t = type;
    type = &object_type;  // keep a valid type for the rest of the object's life
    decref(t);
  }
}

int InstanceObject::traverse(VisitFn visit, void* arg) {
  if (type && (type->flags & TypeFlags::heap))
    if (int r = visit(type, arg)) return r;
  if (dict)
    if (int r = visit(dict, arg)) return r;
  if (values) {
    Object** cells = values->cells();
    for (uint32_t i = 0, n = values->slots + values->attrs; i < n; ++i)
      if (cells[i])
        if (int r = visit(cells[i], arg)) return r;
  }
  return 0;
}

InstanceObject* new_instance(TypeObject* type) {
  auto* o = make<InstanceObject>(type);
  if (!o) return nullptr;
  incref(type);
  // Room for every attribute the class's instances have had so far, so that __init__
  // fills cells in place (CPython: _PyObject_InitInlineValues).
  uint32_t attrs = (type->instance_dict && type->shared_keys) ? uint32_t(type->shared_keys->used) : 0;
  if (type->slot_count || attrs) {
    o->values = alloc_values(type->slot_count + attrs, uint16_t(type->slot_count));
    if (!o->values) {
      decref(o);
      return nullptr;
    }
  }
  return o;
}

Object* object_own_attr(Object* o, StrObject* name) {
  TypeObject* t = o->type;
  if (t->flags & TypeFlags::plain_instances) {
    auto* inst = static_cast<InstanceObject*>(o);
    if (inst->dict) return dict_get_str(inst->dict, name);
    InstanceValues* v = inst->values;
    if (!v || v->attrs == 0) return nullptr;
    int64_t i = shared_index(t, name);
    return i >= 0 && i < v->attrs ? v->cells()[v->slots + i] : nullptr;
  }
  if (t->instance_dict) {
    DictObject* d = *t->instance_dict(o);
    return d ? dict_get_str(d, name) : nullptr;
  }
  return nullptr;
}

DictObject* instance_materialize_dict(InstanceObject* o) {
  if (o->dict) return o->dict;
  DictObject* d = new_dict();
  if (!d) return nullptr;
  if (InstanceValues* v = o->values; v && v->attrs) {
    Object** cells = v->cells() + v->slots;
    const auto& keys = o->type->shared_keys->entries;
    for (uint32_t i = 0; i < v->attrs; ++i) {
      if (dict_set_item(d, keys[i].key, cells[i]) < 0) {
        decref(d);
        return nullptr;
      }
    }
    uint32_t n = v->attrs;
    v->attrs = 0;
    for (uint32_t i = 0; i < n; ++i) decref(std::exchange(cells[i], nullptr));
  }
  o->dict = d;
  return d;
}

// CPython: Objects/dictobject.c insert_split_key / insertion_resize: a name is stored
// inline when it is the next one in the shared order (adding it to the shared keys if
// this instance is the first to go that far); anything else needs the dict.
int instance_set_own(InstanceObject* o, StrObject* name, Object* value) {
  if (!o->dict && name->type == &str_type) {
    TypeObject* t = o->type;
    uint32_t attrs = o->values ? o->values->attrs : 0;
    int64_t i = shared_index(t, name);
    if (i >= 0 && i < attrs) {
      Object*& cell = o->values->cells()[o->values->slots + i];
      Object* old = cell;
      cell = new_ref(value);
      decref(old);
      return 0;
    }
    ssize known = t->shared_keys ? t->shared_keys->used : 0;
    bool next_in_order = i >= 0 ? i == attrs : (known == attrs && known < kMaxSharedKeys);
    if (next_in_order) {
      if (i < 0) {
        if (!t->shared_keys && !(t->shared_keys = new_dict())) return -1;
        Ref<> index = Ref<>::steal(new_int(int64_t(attrs)));
        if (!index || dict_set_item(t->shared_keys, name, index.get()) < 0) return -1;
        known = attrs + 1;
      }
      uint32_t slots = o->values ? o->values->slots : 0;
      if (!reserve_cells(o, slots + uint32_t(std::max<ssize>(known, attrs + 1)))) return -1;
      o->values->cells()[slots + attrs] = new_ref(value);
      ++o->values->attrs;
      return 0;
    }
  }
  DictObject* d = instance_materialize_dict(o);
  if (!d) return -1;
  return dict_set_item(d, name, value);
}

int instance_del_own(InstanceObject* o, StrObject* name) {
  if (!o->dict && !object_own_attr(o, name)) return 1;
  DictObject* d = instance_materialize_dict(o);
  if (!d) return -1;
  if (!dict_get_str(d, name)) return 1;
  return dict_del_item(d, name);
}

DictObject** instance_dict_slot_of_instance(Object* o) {
  auto* inst = static_cast<InstanceObject*>(o);
  instance_materialize_dict(inst);
  return &inst->dict;
}

}  // namespace gopy
