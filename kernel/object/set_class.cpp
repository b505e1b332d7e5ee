// obj.__class__ = C: an instance of a class defined in Python may take another such class
// whose instances have the same layout (CPython: Objects/typeobject.c object_set_class,
// compatible_for_assignment, same_slots_added).
#include <string>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "gopy/object_str.hpp"
#include "object/set_class.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

DictObject* instance_materialize_dict(InstanceObject* o);

namespace {

// The __slots__ names of t's instances by cell, as its member descriptors place them.
std::vector<std::string> slot_layout(TypeObject* t) {
  std::vector<std::string> names(t->slot_count);
  if (!t->mro) return names;
  for (Object* c : t->mro->items) {
    DictObject* d = static_cast<TypeObject*>(c)->dict;
    if (!d) continue;
    dict_for_each(d, [&](Object*, Object* v) {
      if (v->type != &member_descr_type) return;
      auto* m = static_cast<MemberDescrObject*>(v);
      if (m->index < names.size() && names[m->index].empty()) names[m->index] = m->name->utf8;
    });
  }
  return names;
}

bool same_layout(TypeObject* a, TypeObject* b) {
  if (a->slot_count != b->slot_count) return false;
  if ((a->instance_dict != nullptr) != (b->instance_dict != nullptr)) return false;
  if ((a->flags & TypeFlags::weakrefable) != (b->flags & TypeFlags::weakrefable)) return false;
  return slot_layout(a) == slot_layout(b);
}

}  // namespace

int object_set_class(Object* o, Object* value) {
  if (!value) {
    type_error("can't delete __class__ attribute");
    return -1;
  }
  if (!is_type_object(value)) {
    type_error(cat("__class__ must be set to a class, not '", value->type->name, "' object"));
    return -1;
  }
  auto* newto = static_cast<TypeObject*>(value);
  TypeObject* oldto = o->type;
  if (newto == oldto) return 0;
  const bool old_plain = oldto->flags & TypeFlags::plain_instances;
  const bool new_plain = newto->flags & TypeFlags::plain_instances;
  if (!old_plain || !new_plain) {
    // Only classes defined in Python are mutable types; a class of the same built-in
    // base would need its own layout check, which gopy does not make.
    if ((oldto->flags & TypeFlags::heap) && (newto->flags & TypeFlags::heap) && (old_plain || new_plain)) {
      type_error(cat("__class__ assignment: '", newto->name, "' object layout differs from '", oldto->name, "'"));
    } else {
      type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
    }
    return -1;
  }
  if (!same_layout(oldto, newto)) {
    type_error(cat("__class__ assignment: '", newto->name, "' object layout differs from '", oldto->name, "'"));
    return -1;
  }
  // Inline attributes follow the old class's shared keys: they move into a dict first.
  auto* inst = static_cast<InstanceObject*>(o);
  if (oldto->instance_dict && !instance_materialize_dict(inst)) return -1;
  incref(newto);
  o->type = newto;
  decref(oldto);
  return 0;
}

}  // namespace gopy
