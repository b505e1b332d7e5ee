// `obj.__class__ = C`: an object re-typed to another class whose instances have the same
// layout (CPython: Objects/typeobject.c object_set_class and compatible_for_assignment).
#include <algorithm>
#include <string>
#include <utility>
#include <vector>

#include "gopy/object.hpp"
#include "gopy/object_containers.hpp"
#include "gopy/object_exc.hpp"
#include "gopy/object_func.hpp"
#include "object/strcat.hpp"
#include "object/type_internal.hpp"

namespace gopy {

namespace {

bool is_module_class(TypeObject* t) { return t == &module_type || is_subtype(t, &module_type); }

// Whether instances of `a` and `b` are the same kind of C++ object with the same fields:
// plain instances, re-typed built-in objects or exceptions alike, and the same class
// fixing their layout (own __slots__, or the built-in type). Modules and ModuleType
// subclasses' instances are all module objects, their attributes in the module's dict.
// The __slots__ names class `t` itself adds, in their cells' order.
std::vector<std::string> own_slot_names(TypeObject* t) {
  std::vector<std::pair<uint32_t, std::string>> found;
  for (const DictEntry& e : t->dict->entries) {
    if (!e.key || !e.value || e.value->type != &member_descr_type) continue;
    auto* m = static_cast<MemberDescrObject*>(e.value);
    if (m->owner == t) found.emplace_back(m->index, m->name->utf8);
  }
  std::sort(found.begin(), found.end());
  std::vector<std::string> names;
  for (auto& [index, name] : found) names.push_back(name);
  return names;
}

// Two solid bases that are classes on one base adding the same __slots__ lay their
// instances out alike (CPython: same_slots_added).
bool same_slots_added(TypeObject* a, TypeObject* b) {
  return (a->flags & TypeFlags::heap) && (b->flags & TypeFlags::heap) && a->base == b->base &&
         own_slot_names(a) == own_slot_names(b);
}

bool same_layout(TypeObject* a, TypeObject* b) {
  TypeObject* sa = solid_base(a);
  TypeObject* sb = solid_base(b);
  if ((sa != sb && !same_slots_added(sa, sb)) || a->slot_count != b->slot_count) return false;
  if (is_module_class(a) && is_module_class(b)) return true;
  constexpr unsigned kind = TypeFlags::plain_instances | TypeFlags::builtin_subclass | TypeFlags::exception;
  return (a->flags & kind) == (b->flags & kind) && (a->instance_dict != nullptr) == (b->instance_dict != nullptr);
}

}  // namespace

int set_object_class(Object* o, Object* value) {
  if (!value) {
    type_error("can't delete __class__ attribute");
    return -1;
  }
  if (!is_type_object(value)) {
    type_error(cat("__class__ must be set to a class, not '", value->type->name, "' object"));
    return -1;
  }
  auto* to = static_cast<TypeObject*>(value);
  TypeObject* from = o->type;
  // Built-in types' instances may be shared (small ints, interned strings): only classes
  // made by class statements, and modules, may be re-typed.
  if (!(is_module_class(to) && is_module_class(from)) &&
      (!(to->flags & TypeFlags::heap) || !(from->flags & TypeFlags::heap))) {
    type_error("__class__ assignment only supported for mutable types or ModuleType subclasses");
    return -1;
  }
  if (!same_layout(from, to)) {
    type_error(cat("__class__ assignment: '", to->name, "' object layout differs from '", from->name, "'"));
    return -1;
  }
  // Inline attribute values are keyed by the old class's shared keys: into a dict first.
  if ((from->flags & TypeFlags::plain_instances) && from->instance_dict &&
      !instance_materialize_dict(static_cast<InstanceObject*>(o)))
    return -1;
  // A module leaving a ModuleType subclass has no dict beside it any more.
  if ((from->flags & TypeFlags::builtin_subclass) && !(to->flags & TypeFlags::builtin_subclass)) drop_side_dict(o);
  // An object holds a reference to its class when the class is a heap type.
  if (to->flags & TypeFlags::heap) incref(to);
  o->type = to;
  if (from->flags & TypeFlags::heap) decref(from);
  return 0;
}

}  // namespace gopy
