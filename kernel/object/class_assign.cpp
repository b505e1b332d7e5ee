// `obj.__class__ = C`: an object re-typed to another class whose instances have the same
// layout (CPython: Objects/typeobject.c object_set_class and compatible_for_assignment).
#include "gopy/object.hpp"
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
bool same_layout(TypeObject* a, TypeObject* b) {
  if (solid_base(a) != solid_base(b) || a->slot_count != b->slot_count) return false;
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
